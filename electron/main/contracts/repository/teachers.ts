import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { Page } from '../../../../shared/ipc';
import { EXPIRY_WARNING_DAYS, type Discipline } from '../../../../shared/contracts/rules';
import { addDays, daysBetween } from '../../../../shared/format';
import type { Authorisation, ContractAlerts, Teacher, TeacherFilter, teacherSortColumns } from '../../../../shared/contracts/schemas';
import type { Session } from '../../ipc/context';
import { whereInScope } from '../../auth/access';
import { inTurn } from '../../db/dialect';
import { type Row, str, toBool, toCount, stampedOf, recordedOf } from '../../db/rows';
import { sortedPage, type SortedPageAt } from '../../db/paging';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import { fullName, teacherNameKey, teacherSearchText } from './words';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

/** Teachers, their disciplines, suspensions and access authorisations. */

export type TeacherListFilter = { [K in keyof TeacherFilter]-?: Exclude<TeacherFilter[K], undefined> };
type SortColumn = (typeof teacherSortColumns)[number];

export interface TeacherValues {
  dni: string;
  ruc: string | null;
  firstNames: string;
  lastNames: string;
  sex: Teacher['sex'];
  phone: string | null;
  email: string | null;
  address: string | null;
  disciplines: Discipline[];
  specialties: string[];
  suspensions: Array<{ fiscalYear: number; operationNumber: string; filedOn: string }>;
  notes: string | null;
}

const sortExpressions: Record<SortColumn, string> = { name: 't.name_key', dni: 't.dni', updatedAt: 't.updated_at' };

function filtered(db: Knex, f: TeacherListFilter, today: string): Knex.QueryBuilder {
  const q = db('teachers as t');
  whereWords(q, 't.search_text', f.search);
  if (f.status !== 'all') q.where('t.active', f.status === 'active');
  if (f.discipline !== null) {
    q.whereExists(db('teacher_disciplines as d').whereRaw('d.teacher_id = t.id').where('d.discipline', f.discipline));
  }
  if (f.establishmentId !== null) {
    q.whereExists(
      db('teacher_authorisations as a')
        .whereRaw('a.teacher_id = t.id')
        .where('a.establishment_id', f.establishmentId)
        .where('a.valid_from', '<=', today)
        .where('a.valid_to', '>=', today),
    );
  }
  return q;
}

const disciplineOrder = ['musica', 'canto_coral', 'ceramica', 'pintura', 'escultura', 'teatro', 'danza', 'otro'] as const;

/** The rows of teachers with their disciplines, suspensions and today's figures. */
async function hydrate(db: Knex, rows: Row[], today: string): Promise<Teacher[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [disc, susp, auth, contracts] = await inTurn([
    db('teacher_disciplines').whereIn('teacher_id', ids).select('teacher_id', 'discipline') as Promise<Row[]>,
    db('teacher_suspensions').whereIn('teacher_id', ids).orderBy('fiscal_year', 'desc').select('*') as Promise<Row[]>,
    joinEstablishment(db('teacher_authorisations as a'), 'e', 'a.establishment_id')
      .whereIn('a.teacher_id', ids)
      .where('a.valid_from', '<=', today)
      .where('a.valid_to', '>=', today)
      .orderBy('e.name_key')
      .select('a.teacher_id', 'e.name') as Promise<Row[]>,
    db('contracts')
      .whereIn('teacher_id', ids)
      .where('status', 'vigente')
      .where('end_date', '>=', today)
      .groupBy('teacher_id')
      .select('teacher_id')
      .count({ n: '*' }) as Promise<Row[]>,
  ]);
  const order: readonly string[] = disciplineOrder;
  return rows.map((r) => {
    const id = Number(r.id);
    const names = [...new Set(auth.filter((a) => Number(a.teacher_id) === id).map((a) => String(a.name)))];
    return {
      id,
      dni: String(r.dni),
      ruc: str(r.ruc),
      firstNames: String(r.first_names),
      lastNames: String(r.last_names),
      fullName: fullName(String(r.last_names), String(r.first_names)),
      sex: r.sex as Teacher['sex'],
      phone: str(r.phone),
      email: str(r.email),
      address: str(r.address),
      disciplines: disc
        .filter((d) => Number(d.teacher_id) === id)
        .map((d) => d.discipline as Discipline)
        .sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      specialties: JSON.parse(String(r.specialties_json)) as string[],
      suspensions: susp
        .filter((s) => Number(s.teacher_id) === id)
        .map((s) => ({ fiscalYear: Number(s.fiscal_year), operationNumber: String(s.operation_number), filedOn: String(s.filed_on) })),
      notes: str(r.notes),
      active: toBool(r.active),
      authorisedAt: names,
      contractsInForce: toCount(contracts.find((c) => Number(c.teacher_id) === id)),
      ...stampedOf(r),
    };
  });
}

export async function listTeachers(db: Knex, f: TeacherListFilter & SortedPageAt<SortColumn>, today: string): Promise<Page<Teacher>> {
  const [countRow] = (await filtered(db, f, today).count({ n: '*' })) as Row[];
  const rows = (await sortedPage(filtered(db, f, today).select('t.*'), sortExpressions[f.sort], 't.id', f)) as Row[];
  return { rows: await hydrate(db, rows, today), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

export async function getTeacher(db: Knex, id: number, today: string): Promise<Teacher | null> {
  const row = (await db('teachers as t').where('t.id', id).first('t.*')) as Row | undefined;
  return row ? (await hydrate(db, [row], today))[0]! : null;
}

/** What a contract needs of its teacher: whether they may be named, their RUC and the words they are found by. */
export interface TeacherTerms {
  active: boolean;
  ruc: string | null;
  lastNames: string;
  firstNames: string;
  dni: string;
}

export async function teacherTerms(db: Knex, id: number): Promise<TeacherTerms | null> {
  const r = (await db('teachers').where({ id }).first('active', 'ruc', 'last_names', 'first_names', 'dni')) as Row | undefined;
  if (!r) return null;
  return {
    active: toBool(r.active),
    ruc: str(r.ruc),
    lastNames: String(r.last_names),
    firstNames: String(r.first_names),
    dni: String(r.dni),
  };
}

export async function teacherExists(db: Knex, id: number): Promise<boolean> {
  return (await db('teachers').where({ id }).first('id')) !== undefined;
}

/** The teacher registered with this DNI (or RUC), if any. */
export async function teacherIdWith(db: Knex, column: 'dni' | 'ruc', value: string): Promise<number | null> {
  const row = (await db('teachers')
    .where({ [column]: value })
    .first('id')) as { id: number } | undefined;
  return row ? row.id : null;
}

/** The teachers registered with these DNIs: DNI → id (the import's key). */
export async function teacherIdsByDnis(db: Knex, dnis: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < dnis.length; i += 500) {
    const rows = (await db('teachers')
      .whereIn('dni', dnis.slice(i, i + 500))
      .select('id', 'dni')) as Row[];
    for (const r of rows) out.set(String(r.dni), Number(r.id));
  }
  return out;
}

/** Every RUC registered → the DNI of the teacher who holds it. */
export async function rucOwners(db: Knex): Promise<Map<string, string>> {
  const rows = (await db('teachers').whereNotNull('ruc').select('ruc', 'dni')) as Row[];
  return new Map(rows.map((r) => [String(r.ruc), String(r.dni)]));
}

/** A teacher's suspensions of fourth-category retention, latest fiscal year first. */
export async function suspensionsOf(db: Knex, teacherId: number): Promise<Teacher['suspensions']> {
  const rows = (await db('teacher_suspensions').where({ teacher_id: teacherId }).orderBy('fiscal_year', 'desc')) as Row[];
  return rows.map((s) => ({ fiscalYear: Number(s.fiscal_year), operationNumber: String(s.operation_number), filedOn: String(s.filed_on) }));
}

export function authorisationStatus(validFrom: string, validTo: string, today: string): Authorisation['status'] {
  if (validTo < today) return 'vencida';
  if (validFrom > today) return 'futura';
  return validTo <= addDays(today, EXPIRY_WARNING_DAYS) ? 'por_vencer' : 'vigente';
}

export async function authorisationsOf(db: Knex, teacherId: number, today: string): Promise<Authorisation[]> {
  const rows = (await joinEstablishment(db('teacher_authorisations as a'), 'e', 'a.establishment_id')
    .where('a.teacher_id', teacherId)
    .orderBy('e.name_key')
    .orderBy('a.valid_to', 'desc')
    .select('a.*', 'e.name as establishment_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    teacherId: Number(r.teacher_id),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    validFrom: String(r.valid_from),
    validTo: String(r.valid_to),
    documentNumber: String(r.document_number),
    notes: str(r.notes),
    status: authorisationStatus(String(r.valid_from), String(r.valid_to), today),
    ...recordedOf(r),
  }));
}

const columnsOf = (v: TeacherValues) => ({
  dni: v.dni,
  ruc: v.ruc,
  first_names: v.firstNames,
  last_names: v.lastNames,
  name_key: teacherNameKey(v.lastNames, v.firstNames),
  search_text: teacherSearchText(v),
  sex: v.sex,
  phone: v.phone,
  email: v.email,
  address: v.address,
  specialties_json: JSON.stringify(v.specialties),
  notes: v.notes,
});

/** Disciplines and suspensions are the teacher's own lists: written whole with the teacher. */
async function writeLists(db: Knex, id: number, v: TeacherValues): Promise<void> {
  await db('teacher_disciplines').where({ teacher_id: id }).delete();
  await db('teacher_disciplines').insert(v.disciplines.map((d) => ({ teacher_id: id, discipline: d })));
  await db('teacher_suspensions').where({ teacher_id: id }).delete();
  if (v.suspensions.length)
    await db('teacher_suspensions').insert(
      v.suspensions.map((s) => ({ teacher_id: id, fiscal_year: s.fiscalYear, operation_number: s.operationNumber, filed_on: s.filedOn })),
    );
}

export async function insertTeacher(db: Knex, v: TeacherValues, actor: Actor, now: string): Promise<number> {
  const id = await insertId(db('teachers'), { ...columnsOf(v), active: true, ...firstVersion(actor, now) });
  await writeLists(db, id, v);
  return id;
}

/** Updates when the stored version is still `version` (with the teacher's lists); answers whether it did. */
export async function updateTeacher(
  db: Knex,
  id: number,
  version: number,
  v: TeacherValues & { active: boolean },
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await updateVersion(db('teachers'), id, version, { ...columnsOf(v), active: v.active }, actor, now);
  if (n !== 1) return false;
  await writeLists(db, id, v);
  return true;
}

// ── Access authorisations ───────────────────────────────────────────────────────

/** The stored row (as the audit keeps it). */
export async function authorisationRow(db: Knex, teacherId: number, id: number): Promise<Row | undefined> {
  return (await db('teacher_authorisations').where({ id, teacher_id: teacherId }).first()) as Row | undefined;
}

export interface AuthorisationValues {
  establishment_id: number;
  valid_from: string;
  valid_to: string;
  document_number: string;
  notes: string | null;
}

/** Inserts (id null) or rewrites an authorisation; answers its id. */
export async function saveAuthorisation(
  db: Knex,
  teacherId: number,
  id: number | null,
  values: AuthorisationValues,
  actor: Actor,
  now: string,
): Promise<number> {
  if (id === null) {
    return insertId(db('teacher_authorisations'), { ...values, teacher_id: teacherId, recorded_at: now, recorded_by: actor.name });
  }
  await db('teacher_authorisations')
    .where({ id })
    .update({ ...values, recorded_at: now, recorded_by: actor.name });
  return id;
}

export async function deleteAuthorisation(db: Knex, id: number): Promise<void> {
  await db('teacher_authorisations').where({ id }).delete();
}

/** Authorisations of active teachers that end soon and are not followed by a later one for the same prison. */
export async function expiringAuthorisations(
  db: Knex,
  session: Session,
  today: string,
  soon: string,
): Promise<ContractAlerts['authorisations']> {
  const rows = (await joinEstablishment(
    whereInScope(session, db('teacher_authorisations as a'), 'a.establishment_id').join('teachers as t', 't.id', 'a.teacher_id'),
    'e',
    'a.establishment_id',
  )
    .where('t.active', true)
    .where('a.valid_to', '>=', today)
    .where('a.valid_to', '<=', soon)
    .whereNotExists(
      db('teacher_authorisations as b')
        .whereRaw('b.teacher_id = a.teacher_id')
        .whereRaw('b.establishment_id = a.establishment_id')
        .whereRaw('b.valid_to > a.valid_to'),
    )
    .orderBy('a.valid_to')
    .limit(50)
    .select('a.id', 'a.teacher_id', 'a.valid_to', 't.first_names', 't.last_names', 'e.name as establishment_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    teacherId: Number(r.teacher_id),
    teacherName: fullName(String(r.last_names), String(r.first_names)),
    establishmentName: String(r.establishment_name),
    validTo: String(r.valid_to),
    daysLeft: daysBetween(today, String(r.valid_to)),
  }));
}
