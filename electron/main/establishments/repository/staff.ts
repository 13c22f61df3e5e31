import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { CustodianRecord } from '../../../../shared/inventory/custody-schemas';
import type { StaffInput, StaffMember, StaffQuery } from '../../../../shared/establishments/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, toBool, stampedOf } from '../../db/rows';
import { whereWords } from '../../db/search';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import type { Session } from '../../ipc/context';
import { joinEstablishment } from './index';

/** The staff members' rows (establishments/staff.ts holds the rules and the channels). */

export type StaffValues = z.output<typeof StaffInput>;

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

/** The staff of the session's establishments (of one, or all), by establishment and name. */
export async function listStaffMembers(db: Knex, session: Session, f: z.output<typeof StaffQuery>): Promise<StaffMember[]> {
  const q = whereInScope(session, staffQuery(db), 's.establishment_id');
  if (f.establishmentId !== null) q.where('s.establishment_id', f.establishmentId);
  if (!f.includeInactive) q.where('s.active', true);
  whereWords(q, 's.name_key', f.search);
  return ((await q.orderBy('e.name_key').orderBy('s.name_key')) as Row[]).map(toStaff);
}

/** Adds an active staff member; answers its id. */
export async function insertStaffMember(db: Knex, v: StaffValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('staff_members'), { ...columnsOf(v), active: true, ...firstVersion(actor, now) });
}

/** Updates when the stored version is still `version`; answers how many rows changed. */
export async function updateStaffMember(
  db: Knex,
  id: number,
  version: number,
  v: StaffValues & { active: boolean },
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('staff_members'), id, version, { ...columnsOf(v), active: v.active }, actor, now);
}
