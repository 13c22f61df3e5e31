import type { teacherChannels } from '../../../shared/contracts/channels';
import type { TeacherDetail } from '../../../shared/contracts/schemas';
import { isUniqueViolation } from '../db/dialect';
import { notFound, stale, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { refusedEstablishments } from '../establishments/repository';
import { addDocument, removeDocument, saveDocumentCopy, todayOf } from './common';
import { renameTeacherInContracts } from './repository/contract-writes';
import { documentsOf, teacherDocs } from './repository/documents';
import {
  authorisationRow,
  authorisationsOf,
  deleteAuthorisation,
  getTeacher,
  insertTeacher,
  listTeachers,
  saveAuthorisation,
  teacherExists,
  teacherIdWith,
  updateTeacher,
  type TeacherValues,
} from './repository/teachers';

async function detail(ctx: HandlerContext, id: number): Promise<TeacherDetail> {
  const today = todayOf(ctx);
  const teacher = orNotFound(await getTeacher(ctx.db, id, today));
  return {
    teacher,
    authorisations: await authorisationsOf(ctx.db, id, today),
    documents: await documentsOf(ctx.db, teacherDocs, id),
  };
}

/** A DNI (or RUC) names one teacher. */
async function checkUnique(ctx: HandlerContext, v: TeacherValues, selfId: number | null): Promise<void> {
  const byDni = await teacherIdWith(ctx.db, 'dni', v.dni);
  if (byDni !== null && byDni !== selfId) throw fieldError('dni', 'contracts.errors.duplicateDni', { dni: v.dni }, 'conflict');
  if (v.ruc) {
    const byRuc = await teacherIdWith(ctx.db, 'ruc', v.ruc);
    if (byRuc !== null && byRuc !== selfId) throw fieldError('ruc', 'contracts.errors.duplicateRuc', { ruc: v.ruc }, 'conflict');
  }
}

async function mustExist(ctx: HandlerContext, id: number): Promise<void> {
  if (!(await teacherExists(ctx.db, id))) throw notFound();
}

export const teacherHandlers: DomainHandlers<(typeof teacherChannels)[number]> = {
  'teachers.list': (q, ctx) => listTeachers(ctx.db, q, todayOf(ctx)),

  'teachers.get': ({ id }, ctx) => detail(ctx, id),

  'teachers.create': async (v, ctx) => {
    await checkUnique(ctx, v, null);
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
    const before = orNotFound(await getTeacher(ctx.db, id, today));
    if (before.version !== version) throw stale();
    await checkUnique(ctx, v, id);
    if (!(await updateTeacher(ctx.db, id, version, { ...v, active }, ctx.session.actor, ctx.now))) throw stale();
    // Contracts are found by their teacher's name and DNI: keep those words current.
    if (before.lastNames !== v.lastNames || before.firstNames !== v.firstNames || before.dni !== v.dni) {
      await renameTeacherInContracts(ctx.db, id, v);
    }
    const after = (await getTeacher(ctx.db, id, today))!;
    await ctx.audit({ entity: 'teacher', entityId: id, action: 'update', before, after });
    return after;
  },

  'teachers.saveAuthorisation': async ({ teacherId, id, establishmentId, validFrom, validTo, documentNumber, notes }, ctx) => {
    await mustExist(ctx, teacherId);
    const before = id === null ? null : await authorisationRow(ctx.db, teacherId, id);
    if (id !== null && !before) throw notFound();
    // An authorisation for a closed establishment can be kept, not newly given.
    const kept = before ? [Number(before.establishment_id)] : [];
    if ((await refusedEstablishments(ctx.db, [establishmentId], kept)).size > 0) {
      throw fieldError('establishmentId', 'contracts.errors.unknownEstablishment');
    }
    const values = { establishment_id: establishmentId, valid_from: validFrom, valid_to: validTo, document_number: documentNumber, notes };
    const authId = await saveAuthorisation(ctx.db, teacherId, id, values, ctx.session.actor, ctx.now);
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
    const before = orNotFound(await authorisationRow(ctx.db, teacherId, id));
    await deleteAuthorisation(ctx.db, id);
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
