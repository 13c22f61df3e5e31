import type { Artwork, Exhibition } from '../../../shared/internarte/schemas';
import { requireEstablishment } from '../auth/access';
import type { StoredAttachment } from '../files/repository/attachments';
import { storeUpload, type Upload } from '../files/uploads';
import type { HandlerContext } from '../ipc/context';
import { AppError, orNotFound } from '../ipc/errors';
import * as repo from './repository';

/**
 * What every InternArte handler starts from: the session's view of the rows, the artwork in
 * the caller's reach, the exhibition and its checklist entry, and the files a request brings
 * (photos, signed documents).
 */

export const viewOf = (ctx: HandlerContext): repo.ViewContext => ({ session: ctx.session, t: ctx.t, attachments: ctx.attachments });

/** The artwork, or not found; a restricted user reaches only works of their establishments. */
export async function mustGetArtwork(ctx: HandlerContext, id: number): Promise<Artwork> {
  const found = orNotFound(await repo.getArtwork(ctx.db, id, viewOf(ctx)));
  requireEstablishment(ctx, found.establishmentId);
  return found;
}

export async function mustGetExhibition(ctx: HandlerContext, id: number): Promise<Exhibition> {
  return orNotFound(await repo.getExhibition(ctx.db, id));
}

/** The work's entry on the exhibition's checklist, or not found. */
export async function checklistItem(ctx: HandlerContext, exhibitionId: number, artworkId: number): Promise<repo.ChecklistItem> {
  const item = await repo.checklistItem(ctx.db, exhibitionId, artworkId);
  if (!item) throw new AppError('not_found', 'internarte.errors.notInChecklist');
  return item;
}

/** Stores the photos a request brings, as managed attachments. */
export async function storePhotos(ctx: HandlerContext, files: Upload[]): Promise<StoredAttachment[]> {
  const out = [];
  for (const f of files) out.push(await storeUpload(ctx, f, 'image'));
  return out;
}

/** The signed consent (or revocation) document, stored as a managed attachment; null without one. */
export async function storeConsentDocument(ctx: HandlerContext, document: Upload | null | undefined): Promise<string | null> {
  if (!document) return null;
  return (await storeUpload(ctx, document, 'document')).hash;
}
