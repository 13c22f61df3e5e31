import path from 'node:path';
import type { ExportResult } from '../../../shared/ipc';
import { limaToday } from '../../../shared/contracts/rules';
import { attachmentFilePath } from '../files/attachments';
import { storeUpload } from '../files/uploads';
import { writeFileAtomic } from '../export/table';
import { AppError, notFound, orNotFound } from '../ipc/errors';
import type { HandlerContext } from '../ipc/context';
import { linkDocument, linkedFile, unlinkDocument, type DocTable } from './repository/documents';

/** Shared pieces of the contracts area: today's date in Lima, attached documents. */

/** The request's day in Lima: what "vencido", "por vencer" and "due" are measured against. */
export const todayOf = (ctx: { now: string }): string => limaToday(ctx.now);

/** Stores the file (content-addressed) and links it; the same file twice is one link. */
export async function addDocument(
  ctx: HandlerContext,
  t: DocTable,
  ownerId: number,
  file: { fileName: string; dataBase64: string; kind: string },
): Promise<{ hash: string; name: string }> {
  const stored = await storeUpload(ctx, file, 'document');
  await linkDocument(ctx.db, t, ownerId, stored.hash, file.kind, ctx.session.actor, ctx.now);
  return { hash: stored.hash, name: stored.originalName };
}

/** Removes the link; the file stays in the managed folder (nothing is lost). */
export async function removeDocument(ctx: HandlerContext, t: DocTable, ownerId: number, hash: string): Promise<void> {
  if (!(await unlinkDocument(ctx.db, t, ownerId, hash))) throw notFound();
}

/** "Guardar una copia": the original file, byte for byte, where the user chooses. */
export async function saveDocumentCopy(ctx: HandlerContext, t: DocTable, ownerId: number, hash: string): Promise<ExportResult> {
  const file = orNotFound(await linkedFile(ctx.db, t, ownerId, hash));
  const ext = path.extname(attachmentFilePath('', file.hash, file.mime)).slice(1);
  const base = path.basename(file.originalName, path.extname(file.originalName)) || 'documento';
  const target = await ctx.platform.chooseSavePath({
    defaultName: `${base}.${ext}`,
    filterName: ctx.t(ext === 'pdf' ? 'export.pdfFilter' : 'contracts.documents.imageFilter'),
    extensions: [ext],
  });
  if (!target) return { status: 'cancelled' };
  try {
    const bytes = await ctx.attachments.read(file.hash, file.mime);
    if (!bytes) throw new Error(`${file.originalName}: ${ctx.t('errors.notFound')}`);
    writeFileAtomic(target, bytes);
  } catch (err) {
    throw new AppError('internal', 'errors.exportFailed', { reason: err instanceof Error ? err.message : String(err) });
  }
  ctx.session.writtenFiles.add(path.resolve(target));
  return { status: 'saved', path: target, rows: 1 };
}
