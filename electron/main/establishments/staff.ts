import type { Knex } from 'knex';
import type { CustodianRecord } from '../../../shared/inventory/custody-schemas';
import type { StaffMember, StaffQuery } from '../../../shared/establishments/schemas';
import type { z } from 'zod';
import { requireEstablishment } from '../auth/access';
import { fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { refusedEstablishments } from './repository';
import { getStaffMember, insertStaffMember, listStaffMembers, updateStaffMember } from './repository/staff';

/**
 * The INPE staff of each establishment who may hold an instrument (issue 15): a name, a role
 * and the establishment, nothing more. Listed, added and edited from "Personal"; offered as
 * custodians in the hand-over form.
 */

/** A staff member as a custodian (the inventory's hand-over). */
export async function staffCustodian(db: Knex, id: number): Promise<CustodianRecord | null> {
  const s = await getStaffMember(db, id);
  return s ? { id: s.id, name: s.fullName, establishmentIds: [s.establishmentId], active: s.active, detail: s.role, code: null } : null;
}

async function mustGet(ctx: HandlerContext, id: number): Promise<StaffMember> {
  const found = orNotFound(await getStaffMember(ctx.db, id));
  requireEstablishment(ctx, found.establishmentId);
  return found;
}

async function checkEstablishment(ctx: HandlerContext, id: number, keep: number | null): Promise<void> {
  if ((await refusedEstablishments(ctx.db, [id], keep === null ? [] : [keep])).size > 0) {
    throw fieldError('establishmentId', 'inventory.errors.unknownEstablishment');
  }
}

export const staffHandlers: DomainHandlers<'staff.list' | 'staff.create' | 'staff.update'> = {
  'staff.list': async (query: z.output<typeof StaffQuery>, ctx) => listStaffMembers(ctx.db, ctx.session, query),

  'staff.create': async (input, ctx) => {
    await checkEstablishment(ctx, input.establishmentId, null);
    const id = await insertStaffMember(ctx.db, input, ctx.session.actor, ctx.now);
    const created = await mustGet(ctx, id);
    await ctx.audit({ entity: 'staffMember', entityId: id, action: 'create', after: created });
    return created;
  },

  'staff.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    await checkEstablishment(ctx, values.establishmentId, before.establishmentId);
    const n = await updateStaffMember(ctx.db, id, version, { ...values, active }, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'staffMember', entityId: id, action: 'update', before, after });
    return after;
  },
};
