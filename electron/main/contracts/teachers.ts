import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import { addDays, EXPIRY_WARNING_DAYS, type Discipline } from '../../../shared/contracts/rules';
import type { Authorisation, Teacher, TeacherDetail, TeacherFilter, teacherSortColumns } from '../../../shared/contracts/schemas';
import { inTurn, isUniqueViolation } from '../db/dialect';
import { notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { addDocument, documentsOf, removeDocument, saveDocumentCopy, teacherDocs, todayOf } from './common';
import { type Row, str, toBool, toCount } from '../db/rows';
import { escapeLike } from '../db/search';

type Filter = { [K in keyof TeacherFilter]-?: Exclude<TeacherFilter[K], undefined> };
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

export const fullName = (lastNames: string, firstNames: string) => `${lastNames}, ${firstNames}`;

/** What the search box looks in: names, DNI, RUC and specialties, without accents. */
const searchText = (v: TeacherValues) =>
  normalizeText([v.lastNames, v.firstNames, v.dni, v.ruc, ...v.specialties].filter(Boolean).join(' '));

/** A teacher's name and DNI in the words a contract is found by. */
export const teacherWords = (t: { lastNames: string; firstNames: string; dni: string }) =>
  normalizeText(`${t.lastNames} ${t.firstNames} ${t.dni}`);

function filtered(db: Knex, f: Filter, today: string): Knex.QueryBuilder {
  const q = db('teachers as t');
  for (const word of normalizeText(f.search).split(' ').filter(Boolean)) {
    q.whereRaw("t.search_text LIKE ? ESCAPE '\\'", [`%${escapeLike(word)}%`]);
  }
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

/** The rows of teachers with their disciplines, suspensions and today's figures. */
async function hydrate(db: Knex, rows: Row[], today: string): Promise<Teacher[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [disc, susp, auth, contracts] = await inTurn([
    db('teacher_disciplines').whereIn('teacher_id', ids).select('teacher_id', 'discipline') as Promise<Row[]>,
    db('teacher_suspensions').whereIn('teacher_id', ids).orderBy('fiscal_year', 'desc').select('*') as Promise<Row[]>,
    db('teacher_authorisations as a')
      .join('establishments as e', 'e.id', 'a.establishment_id')
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
  const order = [...(['musica', 'canto_coral', 'ceramica', 'pintura', 'escultura', 'teatro', 'danza', 'otro'] as const)];
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
      version: Number(r.version),
      updatedAt: String(r.updated_at),
      updatedBy: String(r.updated_by),
    };
  });
}

export async function listTeachers(
  db: Knex,
  f: Filter & { sort: SortColumn; direction: 'asc' | 'desc'; page: number; pageSize: number },
  today: string,
): Promise<Page<Teacher>> {
  const [countRow] = (await filtered(db, f, today).count({ n: '*' })) as Row[];
  const rows = (await filtered(db, f, today)
    .select('t.*')
    .orderBy(sortExpressions[f.sort], f.direction)
    .orderBy('t.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: await hydrate(db, rows, today), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

export async function getTeacher(db: Knex, id: number, today: string): Promise<Teacher | null> {
  const row = (await db('teachers as t').where('t.id', id).first('t.*')) as Row | undefined;
  return row ? (await hydrate(db, [row], today))[0]! : null;
}

export function authorisationStatus(validFrom: string, validTo: string, today: string): Authorisation['status'] {
  if (validTo < today) return 'vencida';
  if (validFrom > today) return 'futura';
  return validTo <= addDays(today, EXPIRY_WARNING_DAYS) ? 'por_vencer' : 'vigente';
}

export async function authorisationsOf(db: Knex, teacherId: number, today: string): Promise<Authorisation[]> {
  const rows = (await db('teacher_authorisations as a')
    .join('establishments as e', 'e.id', 'a.establishment_id')
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
    recordedAt: String(r.recorded_at),
    recordedBy: String(r.recorded_by),
  }));
}

async function detail(ctx: HandlerContext, id: number): Promise<TeacherDetail> {
  const today = todayOf(ctx);
  const teacher = await getTeacher(ctx.db, id, today);
  if (!teacher) throw notFound();
  return {
    teacher,
    authorisations: await authorisationsOf(ctx.db, id, today),
    documents: await documentsOf(ctx.db, teacherDocs, id),
  };
}

const columnsOf = (v: TeacherValues) => ({
  dni: v.dni,
  ruc: v.ruc,
  first_names: v.firstNames,
  last_names: v.lastNames,
  name_key: normalizeText(`${v.lastNames} ${v.firstNames}`),
  search_text: searchText(v),
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

async function checkUnique(db: Knex, v: TeacherValues, selfId: number | null): Promise<void> {
  const byDni = (await db('teachers').where({ dni: v.dni }).first('id')) as { id: number } | undefined;
  if (byDni && byDni.id !== selfId) throw fieldError('dni', 'contracts.errors.duplicateDni', { dni: v.dni }, 'conflict');
  if (v.ruc) {
    const byRuc = (await db('teachers').where({ ruc: v.ruc }).first('id')) as { id: number } | undefined;
    if (byRuc && byRuc.id !== selfId) throw fieldError('ruc', 'contracts.errors.duplicateRuc', { ruc: v.ruc }, 'conflict');
  }
}

export async function insertTeacher(db: Knex, v: TeacherValues, actor: Actor, now: string): Promise<number> {
  const [row] = (await db('teachers')
    .insert({
      ...columnsOf(v),
      active: true,
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  await writeLists(db, row!.id, v);
  return row!.id;
}

async function mustExist(ctx: HandlerContext, id: number): Promise<void> {
  if (!(await ctx.db('teachers').where({ id }).first('id'))) throw notFound();
}

type TeacherHandlers = Pick<
  Handlers,
  | 'teachers.list'
  | 'teachers.get'
  | 'teachers.create'
  | 'teachers.update'
  | 'teachers.saveAuthorisation'
  | 'teachers.removeAuthorisation'
  | 'teachers.addDocument'
  | 'teachers.removeDocument'
  | 'teachers.documentCopy'
>;

export const teacherHandlers: TeacherHandlers = {
  'teachers.list': (q, ctx) => listTeachers(ctx.db, q, todayOf(ctx)),

  'teachers.get': ({ id }, ctx) => detail(ctx, id),

  'teachers.create': async (v, ctx) => {
    await checkUnique(ctx.db, v, null);
    let id: number;
    try {
      id = await insertTeacher(ctx.db, v, ctx.session.actor, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err)) throw fieldError('dni', 'contracts.errors.duplicateDni', { dni: v.dni }, 'conflict');
      throw err;
    }
    const created = (await getTeacher(ctx.db, id, todayOf(ctx)))!;
    await ctx.audit({ entity: 'teacher', entityId: id, action: 'create', after: created });
    return created;
  },

  'teachers.update': async ({ id, version, active, ...v }, ctx) => {
    const today = todayOf(ctx);
    const before = await getTeacher(ctx.db, id, today);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await checkUnique(ctx.db, v, id);
    const n = await ctx.db('teachers')
      .where({ id, version })
      .update({ ...columnsOf(v), active, version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    if (n !== 1) throw stale();
    await writeLists(ctx.db, id, v);
    // Contracts are found by their teacher's name and DNI: keep those words current.
    if (before.lastNames !== v.lastNames || before.firstNames !== v.firstNames || before.dni !== v.dni) {
      const rows = (await ctx.db('contracts').where({ teacher_id: id }).select('id', 'number', 'object')) as Row[];
      for (const r of rows) {
        await ctx.db('contracts')
          .where({ id: r.id })
          .update({ search_text: contractSearchText(String(r.number), String(r.object), teacherWords(v)) });
      }
    }
    const after = (await getTeacher(ctx.db, id, today))!;
    await ctx.audit({ entity: 'teacher', entityId: id, action: 'update', before, after });
    return after;
  },

  'teachers.saveAuthorisation': async ({ teacherId, id, establishmentId, validFrom, validTo, documentNumber, notes }, ctx) => {
    await mustExist(ctx, teacherId);
    const est = (await ctx.db('establishments').where({ id: establishmentId }).first('active')) as { active: unknown } | undefined;
    const before = id === null ? null : ((await ctx.db('teacher_authorisations').where({ id, teacher_id: teacherId }).first()) as Row | undefined);
    if (id !== null && !before) throw notFound();
    // An authorisation for a closed establishment can be kept, not newly given.
    if (!est || (!toBool(est.active) && Number(before?.establishment_id) !== establishmentId)) {
      throw fieldError('establishmentId', 'contracts.errors.unknownEstablishment');
    }
    const values = { establishment_id: establishmentId, valid_from: validFrom, valid_to: validTo, document_number: documentNumber, notes };
    let authId: number;
    if (id === null) {
      const [row] = (await ctx.db('teacher_authorisations')
        .insert({ ...values, teacher_id: teacherId, recorded_at: ctx.now, recorded_by: ctx.session.actor.name })
        .returning('id')) as Array<{ id: number }>;
      authId = row!.id;
    } else {
      await ctx.db('teacher_authorisations').where({ id }).update({ ...values, recorded_at: ctx.now, recorded_by: ctx.session.actor.name });
      authId = id;
    }
    await ctx.audit({
      entity: 'teacherAuthorisation',
      entityId: authId,
      action: id === null ? 'create' : 'update',
      before: before ?? undefined,
      after: { teacherId, ...values },
    });
    return detail(ctx, teacherId);
  },

  'teachers.removeAuthorisation': async ({ teacherId, id }, ctx) => {
    const before = (await ctx.db('teacher_authorisations').where({ id, teacher_id: teacherId }).first()) as Row | undefined;
    if (!before) throw notFound();
    await ctx.db('teacher_authorisations').where({ id }).delete();
    await ctx.audit({ entity: 'teacherAuthorisation', entityId: id, action: 'delete', before });
    return detail(ctx, teacherId);
  },

  'teachers.addDocument': async ({ id, kind, fileName, dataBase64 }, ctx) => {
    await mustExist(ctx, id);
    const stored = await addDocument(ctx, teacherDocs, id, { fileName, dataBase64, kind });
    await ctx.audit({ entity: 'teacher', entityId: id, action: 'document:add', after: { ...stored, kind } });
    return documentsOf(ctx.db, teacherDocs, id);
  },

  'teachers.removeDocument': async ({ id, hash }, ctx) => {
    await mustExist(ctx, id);
    await removeDocument(ctx, teacherDocs, id, hash);
    await ctx.audit({ entity: 'teacher', entityId: id, action: 'document:remove', before: { hash } });
    return documentsOf(ctx.db, teacherDocs, id);
  },

  'teachers.documentCopy': ({ id, hash }, ctx) => saveDocumentCopy(ctx, teacherDocs, id, hash),
};

/** What a contract is found by: its number, its object and its teacher's name and DNI. */
export const contractSearchText = (number: string, object: string, teacher: string) =>
  normalizeText(`${number} ${teacher} ${object.slice(0, 200)}`).slice(0, 400);

