import type { Artwork, Exhibition } from '../../../shared/internarte/schemas';
import { requireEstablishment } from '../auth/access';
import { storeAttachment, type StoredAttachment } from '../files/attachments';
import { MAX_PHOTO_BYTES } from '../files/gallery';
import type { HandlerContext } from '../ipc/context';
import { AppError, notFound } from '../ipc/errors';
import * as repo from './repository';

/**
 * What every InternArte handler starts from: the session's view of the rows, the artwork in
 * the caller's reach, the exhibition and its checklist entry, and the files a request brings
 * (photos, signed documents).
 */

/** Photos up to 20 MB (the original is kept for print); signed documents too. */
export { MAX_PHOTO_BYTES };
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const viewOf = (ctx: HandlerContext): repo.ViewContext => ({ session: ctx.session, t: ctx.t, attachments: ctx.attachments });

/** The artwork, or not found; a restricted user reaches only works of their establishments. */
export async function mustGetArtwork(ctx: HandlerContext, id: number): Promise<Artwork> {
  const found = await repo.getArtwork(ctx.db, id, viewOf(ctx));
  if (!found) throw notFound();
  requireEstablishment(ctx, found.establishmentId);
  return found;
}

export async function mustGetExhibition(ctx: HandlerContext, id: number): Promise<Exhibition> {
  const found = await repo.getExhibition(ctx.db, id);
  if (!found) throw notFound();
  return found;
}

/** The work's entry on the exhibition's checklist, or not found. */
export async function checklistItem(ctx: HandlerContext, exhibitionId: number, artworkId: number): Promise<repo.ChecklistItem> {
  const item = await repo.checklistItem(ctx.db, exhibitionId, artworkId);
  if (!item) throw new AppError('not_found', 'internarte.errors.notInChecklist');
  return item;
}

/** Stores the photos a request brings, as managed attachments. */
export async function storePhotos(
  ctx: HandlerContext,
  files: Array<{ fileName: string; dataBase64: string }>,
): Promise<StoredAttachment[]> {
  const out = [];
  for (const f of files) {
    out.push(
      await storeAttachment(
        ctx.db,
        ctx.attachments,
        { name: f.fileName, bytes: Buffer.from(f.dataBase64, 'base64') },
        { kind: 'image', maxBytes: MAX_PHOTO_BYTES },
        ctx.session.actor,
        ctx.now,
      ),
    );
  }
  return out;
}

/** The signed consent (or revocation) document, stored as a managed attachment; null without one. */
export async function storeConsentDocument(
  ctx: HandlerContext,
  document: { fileName: string; dataBase64: string } | null | undefined,
): Promise<string | null> {
  if (!document) return null;
  const stored = await storeAttachment(
    ctx.db,
    ctx.attachments,
    { name: document.fileName, bytes: Buffer.from(document.dataBase64, 'base64') },
    { kind: 'document', maxBytes: MAX_DOCUMENT_BYTES },
    ctx.session.actor,
    ctx.now,
  );
  return stored.hash;
}
