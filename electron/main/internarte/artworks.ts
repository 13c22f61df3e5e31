import type { Knex } from 'knex';
import type { Artwork, ArtworkPhoto, ConditionReport, ConsentEntry, CustodyEntry, Loan } from '../../../shared/internarte/schemas';
import { normalizeText } from '../../../shared/format';
import { requireEstablishment, whereInScope } from '../auth/access';
import { storeAttachment, thumbnailDataUrl } from '../files/attachments';
import { addGalleryPhoto, galleryPhotos, MAX_PHOTO_BYTES, removeGalleryPhoto, setPrimaryGalleryPhoto, type Gallery } from '../files/gallery';
import { AppError, notFound, stale } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import * as repo from './repository';
import { loansWhere } from './exhibitions';
import { canSeePersonalData, exportTableWithReason } from '../privacy/personal-data';
import type { Column } from '../export/table';
import { type Row, str, toBool, toCount } from '../db/rows';

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

export async function storePhotos(ctx: HandlerContext, files: Array<{ fileName: string; dataBase64: string }>) {
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

export const smallPhoto = async (ctx: HandlerContext, r: Row) => ({
  hash: String(r.attachment_hash),
  originalName: String(r.original_name),
  thumbnail: await thumbnailDataUrl(ctx.attachments, String(r.attachment_hash)),
});

/**
 * The participants an artwork may name as its artist, for this session. The participants
 * register (500+ persons deprived of liberty) is searched only with the personal-data
 * permission; a role that sees artists' names without it (exposiciones) is offered only the
 * participants already linked as the artist of a work, within its establishments.
 */
function artistCandidates(ctx: HandlerContext): Knex.QueryBuilder {
  const q = ctx.db('participants as p').join('establishments as e', 'e.id', 'p.establishment_id');
  if (!canSeePersonalData(ctx.session)) {
    q.whereIn('p.id', ctx.db('artworks').whereNotNull('artist_participant_id').select('artist_participant_id'));
  }
  whereInScope(ctx.session, q, 'p.establishment_id');
  return q;
}

async function checkFields(ctx: HandlerContext, v: { artistParticipantId: number | null; establishmentId: number; workshopId: number | null }, current: Artwork | null) {
  if (v.artistParticipantId !== null && v.artistParticipantId !== current?.artistParticipantId) {
    // Choosing a participant is for roles that see artists' names, and among the participants artistOptions offers them.
    if (!repo.canSeeArtists(ctx.session)) throw new AppError('forbidden', 'internarte.errors.noArtistNames');
    if (!(await artistCandidates(ctx).where('p.id', v.artistParticipantId).first('p.id'))) {
      throw new AppError('validation', 'errors.validation', {}, { artistParticipantId: { key: 'internarte.errors.unknownParticipant' } });
    }
  }
  const e = (await ctx.db('establishments').where({ id: v.establishmentId }).first('active')) as Row | undefined;
  if (!e || (!toBool(e.active) && current?.establishmentId !== v.establishmentId)) {
    throw new AppError('validation', 'errors.validation', {}, { establishmentId: { key: 'internarte.errors.unknownEstablishment' } });
  }
  if (v.workshopId !== null && !(await ctx.db('workshops').where({ id: v.workshopId }).first('id'))) {
    throw new AppError('validation', 'errors.validation', {}, { workshopId: { key: 'internarte.errors.unknownWorkshop' } });
  }
}

async function realName(ctx: HandlerContext, v: { artistParticipantId: number | null; artistName: string | null }): Promise<string> {
  if (v.artistParticipantId === null) return v.artistName ?? '';
  const p = (await ctx.db('participants').where({ id: v.artistParticipantId }).first('first_names', 'last_names')) as Row | undefined;
  return p ? `${String(p.first_names)} ${String(p.last_names)}` : '';
}

/** An artwork's photos (files/gallery.ts: the same gallery as an instrument's). */
const gallery: Gallery = { table: 'artwork_photos', owner: 'artwork_id', entity: 'artwork' };

const photosOf = (ctx: HandlerContext, artworkId: number): Promise<ArtworkPhoto[]> => galleryPhotos(ctx, gallery, artworkId);

/**
 * An artwork's consent ledger. The signed document (its file name and reference) and the
 * notes name the artist and what happened: they are for the roles that see artists' real
 * names (repo.canSeeArtists); every other role reads what was allowed, when and by whom
 * recorded, and only whether a signed document is on file.
 */
export async function consentsOf(ctx: HandlerContext, artworkId: number): Promise<ConsentEntry[]> {
  const rows = (await ctx.db('artwork_consents as c')
    .leftJoin('attachments as a', 'a.hash', 'c.document_hash')
    .where('c.artwork_id', artworkId)
    .orderBy('c.id', 'desc')
    .select('c.*', 'a.original_name')) as Row[];
  const full = repo.canSeeArtists(ctx.session);
  return rows.map((r) => ({
    id: Number(r.id),
    date: String(r.date),
    revocation: toBool(r.revocation),
    naming: r.naming as ConsentEntry['naming'],
    pseudonym: str(r.pseudonym),
    mayExhibit: toBool(r.may_exhibit),
    mayCatalog: toBool(r.may_catalog),
    mayPhotograph: toBool(r.may_photograph),
    maySell: toBool(r.may_sell),
    notes: full ? str(r.notes) : null,
    hasDocument: r.document_hash !== null && r.document_hash !== undefined,
    documentHash: full ? str(r.document_hash) : null,
    documentName: full ? str(r.original_name) : null,
    recordedAt: String(r.recorded_at),
    recordedBy: String(r.recorded_by),
  }));
}

async function conditionReportsOf(ctx: HandlerContext, artworkId: number): Promise<ConditionReport[]> {
  const reports = (await ctx.db('artwork_condition_reports').where({ artwork_id: artworkId }).orderBy([{ column: 'date', order: 'desc' }, { column: 'id', order: 'desc' }])) as Row[];
  const photos = (await ctx.db('artwork_condition_photos as cp')
    .join('attachments as a', 'a.hash', 'cp.attachment_hash')
    .whereIn('cp.report_id', reports.map((r) => Number(r.id)))
    .select('cp.report_id', 'cp.attachment_hash', 'a.original_name')) as Row[];
  const small = await Promise.all(photos.map(async (p) => ({ reportId: Number(p.report_id), photo: await smallPhoto(ctx, p) })));
  return reports.map((r) => ({
    id: Number(r.id),
    date: String(r.date),
    examinedBy: String(r.examined_by),
    grade: r.grade as ConditionReport['grade'],
    text: String(r.text),
    photos: small.filter((p) => p.reportId === Number(r.id)).map((p) => p.photo),
    recordedAt: String(r.recorded_at),
    recordedBy: String(r.recorded_by),
  }));
}

async function custodyOf(ctx: HandlerContext, artworkId: number): Promise<CustodyEntry[]> {
  const rows = (await ctx.db('artwork_custody as k')
    .leftJoin('exhibitions as x', 'x.id', 'k.exhibition_id')
    .where('k.artwork_id', artworkId)
    .orderBy('k.seq', 'desc')
    .select('k.*', 'x.title as exhibition_title')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    status: r.status as CustodyEntry['status'],
    date: String(r.date),
    place: str(r.place),
    notes: str(r.notes),
    exhibitionId: r.exhibition_id === null ? null : Number(r.exhibition_id),
    exhibitionTitle: str(r.exhibition_title),
    loanId: r.loan_id === null ? null : Number(r.loan_id),
    recordedAt: String(r.recorded_at),
    recordedBy: String(r.recorded_by),
  }));
}

function exportColumns(ctx: HandlerContext): Column<Artwork>[] {
  const { t } = ctx;
  const cm = (mm: number | null) => (mm === null ? null : mm / 10);
  return [
    { header: t('internarte.artworks.fields.title'), width: 34, value: (a) => a.title },
    { header: t('internarte.artworks.fields.artist'), width: 28, value: (a) => a.artistLabel },
    { header: t('internarte.checklist.columns.establishment'), width: 30, value: (a) => a.establishmentName },
    { header: t('internarte.artworks.fields.workshop'), width: 26, value: (a) => a.workshopName },
    { header: t('internarte.artworks.fields.technique'), width: 26, value: (a) => t(`internarte.techniques.${a.technique}`) },
    { header: t('internarte.artworks.fields.materials'), width: 28, value: (a) => a.materials },
    { header: t('internarte.artworks.fields.height'), width: 10, value: (a) => cm(a.heightMm) },
    { header: t('internarte.artworks.fields.width'), width: 10, value: (a) => cm(a.widthMm) },
    { header: t('internarte.artworks.fields.depth'), width: 12, value: (a) => cm(a.depthMm) },
    { header: t('internarte.artworks.fields.year'), width: 8, value: (a) => a.year },
    { header: t('internarte.artworks.fields.saleStatus'), width: 16, value: (a) => t(`internarte.saleStatuses.${a.saleStatus}`) },
    { header: t('internarte.artworks.fields.price'), width: 12, kind: 'money', value: (a) => a.priceCentimos },
    { header: t('internarte.artworks.fields.custody'), width: 18, value: (a) => t(`internarte.custodyStatuses.${a.custodyStatus}`) },
    {
      header: t('internarte.artworks.fields.consent'),
      width: 34,
      value: (a) =>
        a.consent.recorded
          ? [
              t(`internarte.namingModes.${a.consent.naming}`),
              ...(['mayExhibit', 'mayCatalog', 'mayPhotograph', 'maySell'] as const).filter((k) => a.consent[k]).map((k) => t(`internarte.consent.fields.${k}`)),
            ].join('; ')
          : t('internarte.artworks.consentNone'),
    },
  ];
}

type ArtworkHandlers = Pick<Handlers, Extract<keyof Handlers, `artworks.${string}`>>;

/** The signed consent (or revocation) document, stored as a managed attachment; null without one. */
async function storeConsentDocument(ctx: HandlerContext, document: { fileName: string; dataBase64: string } | null | undefined): Promise<string | null> {
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

export const artworkHandlers: ArtworkHandlers = {
  'artworks.list': ({ sort, direction, page, pageSize, ...filter }, ctx) =>
    repo.listArtworks(ctx.db, { ...filter, sort, direction, page, pageSize }, viewOf(ctx), (q) => whereInScope(ctx.session, q, 'a.establishment_id')),

  'artworks.get': ({ id }, ctx) => mustGetArtwork(ctx, id),

  'artworks.create': async ({ receivedOn, ...input }, ctx) => {
    await checkFields(ctx, input, null);
    requireEstablishment(ctx, input.establishmentId);
    const date = receivedOn ?? ctx.now.slice(0, 10);
    const id = await repo.insertArtwork(ctx.db, { ...input, artistRealName: await realName(ctx, input) }, date, ctx.session.actor, ctx.now);
    const created = await mustGetArtwork(ctx, id);
    await ctx.audit({ entity: 'artwork', entityId: id, action: 'create', after: created });
    return created;
  },

  'artworks.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustGetArtwork(ctx, id);
    if (before.version !== version) throw stale();
    // A role that sees artists only as consent allows keeps the artist as recorded.
    if (!repo.canSeeArtists(ctx.session)) {
      const row = (await ctx.db('artworks').where({ id }).first('artist_participant_id', 'artist_name')) as Row;
      values.artistParticipantId = row.artist_participant_id === null ? null : Number(row.artist_participant_id);
      values.artistName = str(row.artist_name);
    }
    await checkFields(ctx, values, before);
    requireEstablishment(ctx, values.establishmentId);
    if (values.saleStatus === 'vendida' && before.saleStatus !== 'vendida' && !(await repo.currentConsent(ctx.db, id)).maySell) {
      throw new AppError('conflict', 'internarte.errors.noSaleConsent', {}, { saleStatus: { key: 'internarte.errors.noSaleConsent' } });
    }
    const updated = await ctx.db('artworks')
      .where({ id, version })
      .update({
        ...repo.artworkColumns({ ...values, artistRealName: await realName(ctx, values) }),
        version: version + 1,
        updated_at: ctx.now,
        updated_by: ctx.session.actor.name,
      });
    if (updated !== 1) throw stale();
    const after = await mustGetArtwork(ctx, id);
    await ctx.audit({ entity: 'artwork', entityId: id, action: 'update', before, after });
    return after;
  },

  'artworks.options': async (_input, ctx) => {
    const rows = (await whereInScope(
      ctx.session,
      ctx.db('workshops as w').join('establishments as e', 'e.id', 'w.establishment_id').where('w.active', true),
      'w.establishment_id',
    )
      .orderBy('w.name_key')
      .select('w.id', 'w.name', 'w.establishment_id', 'e.name as establishment_name')) as Row[];
    return {
      workshops: rows.map((r) => ({ id: Number(r.id), name: String(r.name), establishmentId: Number(r.establishment_id), establishmentName: String(r.establishment_name) })),
    };
  },

  'artworks.artistOptions': async ({ search }, ctx) => {
    if (!repo.canSeeArtists(ctx.session)) throw new AppError('forbidden', 'internarte.errors.noArtistNames');
    const q = artistCandidates(ctx);
    for (const word of normalizeText(search).split(' ').filter(Boolean)) {
      q.whereRaw("p.search_text LIKE ? ESCAPE '\\'", [`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    }
    const rows = (await q.orderBy('p.sort_key').limit(50).select('p.id', 'p.code', 'p.first_names', 'p.last_names', 'p.establishment_id', 'e.name as establishment_name')) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      name: `${String(r.first_names)} ${String(r.last_names)}`,
      establishmentId: Number(r.establishment_id),
      establishmentName: String(r.establishment_name),
    }));
  },

  'artworks.photos': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return photosOf(ctx, id);
  },

  'artworks.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustGetArtwork(ctx, id);
    return addGalleryPhoto(ctx, gallery, id, { fileName, dataBase64 });
  },

  'artworks.setPrimaryPhoto': async ({ id, hash }, ctx) => {
    await mustGetArtwork(ctx, id);
    return setPrimaryGalleryPhoto(ctx, gallery, id, hash);
  },

  'artworks.removePhoto': async ({ id, hash }, ctx) => {
    await mustGetArtwork(ctx, id);
    return removeGalleryPhoto(ctx, gallery, id, hash);
  },

  'artworks.consents': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return consentsOf(ctx, id);
  },

  'artworks.recordConsent': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const documentHash = await storeConsentDocument(ctx, input.document);
    const row = {
      artwork_id: input.artworkId,
      date: input.date,
      revocation: false,
      naming: input.naming,
      pseudonym: input.naming === 'seudonimo' ? input.pseudonym : null,
      may_exhibit: input.mayExhibit,
      may_catalog: input.mayCatalog,
      may_photograph: input.mayPhotograph,
      may_sell: input.maySell,
      notes: input.notes,
      document_hash: documentHash,
      recorded_at: ctx.now,
      recorded_by: ctx.session.actor.name,
    };
    await ctx.db('artwork_consents').insert(row);
    await ctx.audit({ entity: 'artwork', entityId: input.artworkId, action: 'consent:record', after: { ...row, artwork_id: undefined } });
    return consentsOf(ctx, input.artworkId);
  },

  'artworks.revokeConsent': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const documentHash = await storeConsentDocument(ctx, input.document);
    // A revocation is a new entry that allows nothing: every output made after it leaves the work out.
    const row = {
      artwork_id: input.artworkId,
      date: input.date,
      revocation: true,
      naming: 'anonimo',
      pseudonym: null,
      may_exhibit: false,
      may_catalog: false,
      may_photograph: false,
      may_sell: false,
      notes: input.notes,
      document_hash: documentHash,
      recorded_at: ctx.now,
      recorded_by: ctx.session.actor.name,
    };
    await ctx.db('artwork_consents').insert(row);
    await ctx.audit({ entity: 'artwork', entityId: input.artworkId, action: 'consent:revoke', after: { date: input.date, notes: input.notes } });
    return consentsOf(ctx, input.artworkId);
  },

  'artworks.conditionReports': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return conditionReportsOf(ctx, id);
  },

  'artworks.addConditionReport': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const stored = await storePhotos(ctx, input.photos);
    const [row] = (await ctx.db('artwork_condition_reports')
      .insert({
        artwork_id: input.artworkId,
        date: input.date,
        examined_by: input.examinedBy,
        grade: input.grade,
        text: input.text,
        recorded_at: ctx.now,
        recorded_by: ctx.session.actor.name,
      })
      .returning('id')) as Array<{ id: number }>;
    for (const hash of new Set(stored.map((s) => s.hash))) {
      await ctx.db('artwork_condition_photos').insert({ report_id: row!.id, attachment_hash: hash });
    }
    await ctx.audit({ entity: 'artwork', entityId: input.artworkId, action: 'condition:add', after: { date: input.date, grade: input.grade, photos: stored.length } });
    return conditionReportsOf(ctx, input.artworkId);
  },

  'artworks.custody': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return custodyOf(ctx, id);
  },

  'artworks.moveCustody': async ({ artworkId, to, date, place, notes }, ctx) => {
    const before = await mustGetArtwork(ctx, artworkId);
    if (to === 'vendida' && !(await repo.currentConsent(ctx.db, artworkId)).maySell) {
      throw new AppError('conflict', 'internarte.errors.noSaleConsent', {}, { to: { key: 'internarte.errors.noSaleConsent' } });
    }
    await repo.appendCustody(ctx.db, artworkId, { to }, { date, place, notes }, ctx.session.actor, ctx.now);
    if (to === 'vendida') {
      await ctx.db('artworks').where({ id: artworkId }).update({ sale_status: 'vendida', version: before.version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    }
    const after = await mustGetArtwork(ctx, artworkId);
    await ctx.audit({ entity: 'artwork', entityId: artworkId, action: 'custody', before: { custodyStatus: before.custodyStatus }, after: { custodyStatus: after.custodyStatus, date, place } });
    return after;
  },

  'artworks.exhibitions': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    const rows = (await ctx.db('exhibition_works as ew')
      .join('exhibitions as x', 'x.id', 'ew.exhibition_id')
      .where('ew.artwork_id', id)
      .orderBy('x.starts_on', 'desc')
      .select(
        'x.id',
        'x.title',
        'x.venue',
        'x.starts_on',
        'x.ends_on',
        'ew.catalog_number',
        ctx.db.raw('(select count(*) from exhibition_loans l where l.exhibition_id = x.id and l.artwork_id = ew.artwork_id and l.returned_on is null) as open_loans'),
      )) as Row[];
    return rows.map((r) => ({
      exhibitionId: Number(r.id),
      title: String(r.title),
      venue: str(r.venue),
      startsOn: str(r.starts_on),
      endsOn: str(r.ends_on),
      catalogNumber: String(r.catalog_number),
      loanOpen: Number(r.open_loans) > 0,
    }));
  },

  'artworks.loans': async ({ id }, ctx): Promise<Loan[]> => {
    await mustGetArtwork(ctx, id);
    return loansWhere(ctx, (q) => q.where('l.artwork_id', id));
  },

  'artworks.export': async ({ filter, format, sort, direction, reason }, ctx) => {
    const rows = await repo.allArtworks(ctx.db, filter, sort, direction, viewOf(ctx), (q) => whereInScope(ctx.session, q, 'a.establishment_id'));
    // Real names for the roles that see them (administrador, exposiciones), the artist as consent allows for the others:
    // either way a file about persons deprived of liberty, so it is logged with its reason.
    return exportTableWithReason(ctx, {
      anyRole: true,
      reason,
      what: ctx.t('internarte.artworks.exportWhat'),
      baseName: ctx.t('internarte.artworks.exportFile'),
      sheetName: ctx.t('internarte.artworks.title'),
      format,
      columns: exportColumns(ctx),
      rows,
    });
  },

  'artworks.summary': async (_input, ctx) => {
    const scoped = (q: ReturnType<typeof ctx.db>) => whereInScope(ctx.session, q, 'a.establishment_id');
    const [works] = (await scoped(ctx.db('artworks as a')).count({ n: '*' })) as Row[];
    const [onLoan] = (await scoped(ctx.db('artworks as a').where('a.custody_status', 'prestada')).count({ n: '*' })) as Row[];
    // Nothing recorded, or the latest entry allows nothing (revoked): as the list's filter counts them.
    const [without] = (await scoped(
      repo
        .joinLatestConsent(ctx.db, ctx.db('artworks as a'))
        .where((b) => b.whereNull('c.id').orWhere((n) => n.where('c.may_exhibit', false).where('c.may_catalog', false).where('c.may_photograph', false).where('c.may_sell', false))),
    ).count({ n: '*' })) as Row[];
    const today = ctx.now.slice(0, 10);
    const [running] = (await ctx.db('exhibitions')
      .whereNotNull('starts_on')
      .where('starts_on', '<=', today)
      .where((b) => b.whereNull('ends_on').orWhere('ends_on', '>=', today))
      .count({ n: '*' })) as Row[];
    return { works: toCount(works), onLoan: toCount(onLoan), exhibitionsRunning: toCount(running), withoutConsent: toCount(without) };
  },
};
