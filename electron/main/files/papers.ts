import type { ExportResult } from '../../../shared/ipc';
import type { PaperChannel, PaperPrefix } from '../../../shared/paper-channels';
import type { Paper, PaperKind } from '../../../shared/papers';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { saveExport } from '../export/table';
import { AppError, notFound, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { exportWithReason } from '../privacy/personal-data';
import { printableImageDataUrl } from './attachments';
import { storeUpload, type Upload } from './uploads';
import { linkPaper, markPaperRemoved, papersOf, type PaperRecordType } from './repository/papers';

/**
 * The signed papers filed with a record (shared/papers.ts): one mechanism for every kind of
 * record. The owning domain says how a record is reached (it exists, it is in the user's
 * establishments) and what paper it files; this file stores the scan as a managed attachment
 * (content-addressed, in the backups with the others), links it to the record (files/repository/papers.ts), and
 * answers the four channels. Removing a paper marks its link (who, when) and keeps the
 * file: what was filed stays on record, and the audit log says who removed it.
 */

export interface PaperOwner<P extends PaperPrefix = PaperPrefix> {
  /** The prefix of the record's four paper channels (`<prefix>.papers`, `.attachPaper`, `.removePaper`, `.paperCopy`). */
  prefix: P;
  type: PaperRecordType;
  /** The audit log's entity name, e.g. 'conformity'. */
  entity: string;
  /** Checks the record exists and is the user's to reach (else throws); answers the paper it files and its name for a file. */
  reach(ctx: HandlerContext, id: number): Promise<{ kind: PaperKind; title: string }>;
  /** Personal data (a participant's consent): a copy asks a reason and is logged; the audit keeps no file name. */
  personal?: boolean;
}

const audited = (owner: PaperOwner, p: { hash: string; kind: PaperKind; name: string }) =>
  owner.personal ? { hash: p.hash, kind: p.kind } : p;

async function attach(ctx: HandlerContext, owner: PaperOwner, id: number, file: Upload): Promise<Paper[]> {
  const { kind } = await owner.reach(ctx, id);
  const stored = await storeUpload(ctx, file, 'document');
  await linkPaper(ctx.db, { type: owner.type, id, hash: stored.hash, kind }, ctx.session.actor.name, ctx.now);
  await ctx.audit({
    entity: owner.entity,
    entityId: id,
    action: 'paper:attach',
    after: audited(owner, { hash: stored.hash, kind, name: stored.originalName }),
  });
  return papersOf(ctx.db, owner.type, id);
}

async function linked(ctx: HandlerContext, owner: PaperOwner, id: number, hash: string): Promise<Paper> {
  const paper = (await papersOf(ctx.db, owner.type, id)).find((p) => p.hash === hash);
  if (!paper) throw notFound();
  return paper;
}

async function remove(ctx: HandlerContext, owner: PaperOwner, id: number, hash: string): Promise<Paper[]> {
  await owner.reach(ctx, id);
  const paper = await linked(ctx, owner, id, hash);
  await markPaperRemoved(ctx.db, owner.type, id, hash, ctx.session.actor.name, ctx.now);
  await ctx.audit({
    entity: owner.entity,
    entityId: id,
    action: 'paper:remove',
    before: audited(owner, { hash, kind: paper.kind, name: paper.originalName }),
  });
  return papersOf(ctx.db, owner.type, id);
}

/** The paper as a PDF: the stored PDF byte for byte, or the scanned image printed on an A4 page. */
async function paperPdf(ctx: HandlerContext, paper: Paper, title: string): Promise<Buffer> {
  if (paper.mime === 'application/pdf') {
    return orNotFound(await ctx.attachments.read(paper.hash, paper.mime));
  }
  const src = orNotFound(await printableImageDataUrl(ctx.attachments, paper.hash, paper.mime));
  return ctx.platform.printPdf({
    html: htmlDocument({
      lang: ctx.session.locale,
      title,
      css: 'img { display: block; max-width: 100%; max-height: 265mm; margin: 0 auto; }',
      body: `<img src="${h(src)}" alt="${h(title)}">`,
    }),
    pageSize: 'A4',
  });
}

async function copy(ctx: HandlerContext, owner: PaperOwner, id: number, hash: string, reason?: string): Promise<ExportResult> {
  const { title } = await owner.reach(ctx, id);
  const paper = await linked(ctx, owner, id, hash);
  const what = `${ctx.t(`common.papers.kinds.${paper.kind}`)} — ${title}`;
  const baseName = what
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const build = () => paperPdf(ctx, paper, what);
  if (!owner.personal) return saveExport(ctx, { baseName, extension: 'pdf', rows: 1, build });
  if (!reason) throw new AppError('validation', 'errors.required');
  return exportWithReason(ctx, { reason, what, baseName, extension: 'pdf', rows: 1, build });
}

/** The four channels of a prefix's papers, for the owning domain's handlers. */
export function paperHandlers<P extends PaperPrefix>(owner: PaperOwner<P>): DomainHandlers<PaperChannel<P>> {
  const { prefix } = owner;
  const handlers = {
    [`${prefix}.papers`]: async ({ id }: { id: number }, ctx: HandlerContext) => (
      await owner.reach(ctx, id),
      papersOf(ctx.db, owner.type, id)
    ),
    [`${prefix}.attachPaper`]: ({ id, fileName, dataBase64 }: { id: number } & Upload, ctx: HandlerContext) =>
      attach(ctx, owner, id, { fileName, dataBase64 }),
    [`${prefix}.removePaper`]: ({ id, hash }: { id: number; hash: string }, ctx: HandlerContext) => remove(ctx, owner, id, hash),
    [`${prefix}.paperCopy`]: ({ id, hash, reason }: { id: number; hash: string; reason?: string }, ctx: HandlerContext) =>
      copy(ctx, owner, id, hash, reason),
  };
  return handlers as unknown as DomainHandlers<PaperChannel<P>>;
}
