import path from 'node:path';
import type { Knex } from 'knex';
import type { ExportResult } from '../../../shared/ipc';
import type { AttachedDocument } from '../../../shared/contracts/schemas';
import { limaToday } from '../../../shared/contracts/rules';
import { attachmentFilePath, storeAttachment } from '../files/attachments';
import { writeFileAtomic } from '../export/table';
import { AppError, notFound } from '../ipc/errors';
import { numOr0, type Row } from '../db/rows';
import type { HandlerContext } from '../ipc/context';

/** Shared pieces of the contracts area: today's date in Lima, row readers, attached documents. */

/** The request's day in Lima: what "vencido", "por vencer" and "due" are measured against. */
export const todayOf = (ctx: { now: string }): string => limaToday(ctx.now);

/** Scanned documents and signed PDFs: up to 20 MB each. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

type DocTable = { table: 'teacher_documents' | 'contract_documents'; owner: 'teacher_id' | 'contract_id' };
export const teacherDocs: DocTable = { table: 'teacher_documents', owner: 'teacher_id' };
export const contractDocs: DocTable = { table: 'contract_documents', owner: 'contract_id' };

export async function documentsOf(db: Knex, t: DocTable, ownerId: number): Promise<AttachedDocument[]> {
  const rows = (await db(`${t.table} as d`)
    .join('attachments as a', 'a.hash', 'd.attachment_hash')
    .where(`d.${t.owner}`, ownerId)
    .orderBy('d.id')
    .select('d.kind', 'd.added_at', 'd.added_by', 'a.hash', 'a.original_name', 'a.mime', 'a.size_bytes')) as Row[];
  return rows.map((r) => ({
    hash: String(r.hash),
    kind: String(r.kind),
    originalName: String(r.original_name),
    mime: String(r.mime),
    sizeBytes: numOr0(r.size_bytes),
    addedAt: String(r.added_at),
    addedBy: String(r.added_by),
  }));
}

/** Stores the file (content-addressed) and links it; the same file twice is one link. */
export async function addDocument(
  ctx: HandlerContext,
  t: DocTable,
  ownerId: number,
  file: { fileName: string; dataBase64: string; kind: string },
): Promise<{ hash: string; name: string }> {
  const stored = await storeAttachment(
    ctx.db,
    ctx.attachments,
    { name: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') },
    { kind: 'document', maxBytes: MAX_DOCUMENT_BYTES },
    ctx.session.actor,
    ctx.now,
  );
  const existing = await ctx.db(t.table).where({ [t.owner]: ownerId, attachment_hash: stored.hash }).first();
  if (existing) await ctx.db(t.table).where({ [t.owner]: ownerId, attachment_hash: stored.hash }).update({ kind: file.kind });
  else
    await ctx.db(t.table).insert({
      [t.owner]: ownerId,
      attachment_hash: stored.hash,
      kind: file.kind,
      added_at: ctx.now,
      added_by: ctx.session.actor.name,
    });
  return { hash: stored.hash, name: stored.originalName };
}

/** Removes the link; the file stays in the managed folder (nothing is lost). */
export async function removeDocument(ctx: HandlerContext, t: DocTable, ownerId: number, hash: string): Promise<void> {
  const n = await ctx.db(t.table).where({ [t.owner]: ownerId, attachment_hash: hash }).delete();
  if (n === 0) throw notFound();
}

/** "Guardar una copia": the original file, byte for byte, where the user chooses. */
export async function saveDocumentCopy(ctx: HandlerContext, t: DocTable, ownerId: number, hash: string): Promise<ExportResult> {
  const row = (await ctx.db(`${t.table} as d`)
    .join('attachments as a', 'a.hash', 'd.attachment_hash')
    .where({ [`d.${t.owner}`]: ownerId, 'd.attachment_hash': hash })
    .first('a.hash', 'a.mime', 'a.original_name')) as Row | undefined;
  if (!row) throw notFound();
  const ext = path.extname(attachmentFilePath('', String(row.hash), String(row.mime))).slice(1);
  const base = path.basename(String(row.original_name), path.extname(String(row.original_name))) || 'documento';
  const target = await ctx.platform.chooseSavePath({
    defaultName: `${base}.${ext}`,
    filterName: ctx.t(ext === 'pdf' ? 'export.pdfFilter' : 'contracts.documents.imageFilter'),
    extensions: [ext],
  });
  if (!target) return { status: 'cancelled' };
  try {
    const bytes = await ctx.attachments.read(String(row.hash), String(row.mime));
    if (!bytes) throw new Error(`${String(row.original_name)}: ${ctx.t('errors.notFound')}`);
    writeFileAtomic(target, bytes);
  } catch (err) {
    throw new AppError('internal', 'errors.exportFailed', { reason: err instanceof Error ? err.message : String(err) });
  }
  ctx.session.writtenFiles.add(path.resolve(target));
  return { status: 'saved', path: target, rows: 1 };
}
