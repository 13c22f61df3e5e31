import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import type { CustodianRecord } from '../../../shared/inventory/custody-schemas';
import type { StaffInput, StaffMember, StaffQuery } from '../../../shared/establishments/schemas';
import type { z } from 'zod';
import { requireEstablishment, whereInScope } from '../auth/access';
import { type Row, toBool, stampedOf } from '../db/rows';
import { whereWords } from '../db/search';
import { firstVersion, insertId, updateVersion } from '../db/writes';
import { fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { joinEstablishment, refusedEstablishments } from './repository';

/**
 * The INPE staff of each establishment who may hold an instrument (issue 15): a name, a role
 * and the establishment, nothing more. Listed, added and edited from "Personal"; offered as
 * custodians in the hand-over form.
 */

type StaffValues = z.output<typeof StaffInput>;

const toStaff = (r: Row): StaffMember => ({
  id: Number(r.id),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  fullName: String(r.full_name),
  role: String(r.role),
  active: toBool(r.active),
  ...stampedOf(r),
});

const staffQuery = (db: Knex) =>
  joinEstablishment(db('staff_members as s'), 'e', 's.establishment_id').select('s.*', 'e.name as establishment_name');

export async function getStaffMember(db: Knex, id: number): Promise<StaffMember | null> {
  const r = (await staffQuery(db).where('s.id', id).first()) as Row | undefined;
  return r ? toStaff(r) : null;
}

const columnsOf = (v: StaffValues) => ({
  establishment_id: v.establishmentId,
  full_name: v.fullName,
  name_key: normalizeText(v.fullName),
  role: v.role,
});

/** A staff member as a custodian (the inventory's hand-over). */
export async function staffCustodian(db: Knex, id: number): Promise<CustodianRecord | null> {
  const s = await getStaffMember(db, id);
  return s ? { id: s.id, name: s.fullName, establishmentIds: [s.establishmentId], active: s.active, detail: s.role, code: null } : null;
}

/** Active staff of an establishment whose name contains every word typed. */
export async function staffCandidates(db: Knex, establishmentId: number, search: string): Promise<CustodianRecord[]> {
  const q = db('staff_members').where({ establishment_id: establishmentId, active: true });
  const rows = (await whereWords(q, 'name_key', search)
    .orderBy('name_key')
    .limit(20)
    .select('id', 'full_name', 'role', 'establishment_id')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.full_name),
    establishmentIds: [Number(r.establishment_id)],
    active: true,
    detail: String(r.role),
    code: null,
  }));
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
  'staff.list': async ({ establishmentId, search, includeInactive }: z.output<typeof StaffQuery>, ctx) => {
    const q = whereInScope(ctx.session, staffQuery(ctx.db), 's.establishment_id');
    if (establishmentId !== null) q.where('s.establishment_id', establishmentId);
    if (!includeInactive) q.where('s.active', true);
    whereWords(q, 's.name_key', search);
    return ((await q.orderBy('e.name_key').orderBy('s.name_key')) as Row[]).map(toStaff);
  },

  'staff.create': async (input, ctx) => {
    await checkEstablishment(ctx, input.establishmentId, null);
    const id = await insertId(ctx.db('staff_members'), { ...columnsOf(input), active: true, ...firstVersion(ctx.session.actor, ctx.now) });
    const created = await mustGet(ctx, id);
    await ctx.audit({ entity: 'staffMember', entityId: id, action: 'create', after: created });
    return created;
  },

  'staff.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    await checkEstablishment(ctx, values.establishmentId, before.establishmentId);
    const n = await updateVersion(ctx.db('staff_members'), id, version, { ...columnsOf(values), active }, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'staffMember', entityId: id, action: 'update', before, after });
    return after;
  },
};

// ── The demonstration's staff ───────────────────────────────────────────────────

const demoStaffNames = [
  ['Luis Quispe Huamán', 'Coordinador de tratamiento'],
  ['Rosa Mamani Flores', 'Técnica de educación'],
  ['Carlos Huamán Ríos', 'Encargado de almacén'],
  ['Ana Flores Condori', 'Psicóloga'],
  ['Jorge Chávez Salas', 'Técnico de seguridad'],
  ['María Condori Ramos', 'Trabajadora social'],
] as const;

/** Three staff members per establishment (demonstration and bench data), answered by establishment. */
export async function generateDemoStaff(
  db: Knex,
  establishmentIds: number[],
  actor: { name: string },
  now: string,
): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  const rows = establishmentIds.flatMap((e, k) =>
    [0, 1, 2].map((j) => {
      const [name, role] = demoStaffNames[(k + j * 2) % demoStaffNames.length]!;
      return {
        establishment_id: e,
        full_name: name,
        name_key: normalizeText(name),
        role,
        active: true,
        version: 1,
        created_at: now,
        created_by: actor.name,
        updated_at: now,
        updated_by: actor.name,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 300) await db('staff_members').insert(rows.slice(i, i + 300));
  for (const r of (await db('staff_members').select('id', 'full_name', 'establishment_id')) as Row[]) {
    const e = Number(r.establishment_id);
    out.set(e, [...(out.get(e) ?? []), { id: Number(r.id), name: String(r.full_name) }]);
  }
  return out;
}
