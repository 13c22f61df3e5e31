import type { HandlerContext } from '../ipc/context';
import { storeAttachment, type AttachmentKind } from './attachments';
import type { StoredAttachment } from './repository/attachments';

/** Photos up to 20 MB: the original is kept for print, a thumbnail is made for the screen. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** Signed documents (a PDF or a scanned image) up to 20 MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A file chosen in the renderer, as a request carries it (shared/inventory/schemas.ts UploadedFile). */
export interface Upload {
  fileName: string;
  dataBase64: string;
}

/**
 * Stores a file a request brings as a managed attachment, by the signed-in user, inside the
 * caller's transaction: a photo ('image'), a partner's logo ('logo') or a signed document, each with its size limit.
 */
export function storeUpload(ctx: HandlerContext, file: Upload, kind: AttachmentKind): Promise<StoredAttachment> {
  return storeAttachment(
    ctx.db,
    ctx.attachments,
    { name: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') },
    { kind, maxBytes: kind === 'document' ? MAX_DOCUMENT_BYTES : MAX_PHOTO_BYTES },
    ctx.session.actor,
    ctx.now,
  );
}
