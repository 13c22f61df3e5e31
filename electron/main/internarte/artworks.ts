import type { artworkChannels } from '../../../shared/internarte/channels';
import type { Artwork } from '../../../shared/internarte/schemas';
import { requireEstablishment, whereInScope } from '../auth/access';
import { refusedEstablishments } from '../establishments/repository';
import type { Column } from '../export/table';
import { addGalleryPhoto, galleryPhotos, removeGalleryPhoto, setPrimaryGalleryPhoto } from '../files/gallery';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError, stale } from '../ipc/errors';
import { canSeePersonalData, exportTableWithReason } from '../privacy/personal-data';
import {
  activeWorkshops,
  isChoosableParticipant,
  participantFullName,
  searchChoosableParticipants,
  workshopExists,
  type ParticipantChoice,
} from '../programmes/repository/for-internarte';
import { mustGetArtwork, viewOf } from './access';
import { artworkRecordHandlers } from './artwork-records';
import * as repo from './repository';

export type ArtworkChannel = (typeof artworkChannels)[number];

/** Narrows an artwork query (alias a) to the session's establishments. */
const scopeOf =
  (ctx: HandlerContext): repo.Scope =>
  (q) =>
    whereInScope(ctx.session, q, 'a.establishment_id');

/**
 * The participants an artwork may name as its artist, for this session. The participants
 * register (500+ persons deprived of liberty) is searched only with the personal-data
 * permission; a role that sees artists' names without it (exposiciones) is offered only the
 * participants already linked as the artist of a work, within its establishments.
 */
const artistChoice = (ctx: HandlerContext): ParticipantChoice => ({
  onlyIds: canSeePersonalData(ctx.session) ? null : repo.artistParticipantIds(ctx.db),
  scope: (q, column) => whereInScope(ctx.session, q, column),
});

async function checkFields(
  ctx: HandlerContext,
  v: { artistParticipantId: number | null; establishmentId: number; workshopId: number | null },
  current: Artwork | null,
) {
  if (v.artistParticipantId !== null && v.artistParticipantId !== current?.artistParticipantId) {
    // Choosing a participant is for roles that see artists' names, and among the participants artistOptions offers them.
    if (!repo.canSeeArtists(ctx.session)) throw new AppError('forbidden', 'internarte.errors.noArtistNames');
    if (!(await isChoosableParticipant(ctx.db, v.artistParticipantId, artistChoice(ctx)))) {
      throw fieldError('artistParticipantId', 'internarte.errors.unknownParticipant');
    }
  }
  // An establishment closed since keeps its works; a new one must be active.
  if ((await refusedEstablishments(ctx.db, [v.establishmentId], current ? [current.establishmentId] : [])).size > 0) {
    throw fieldError('establishmentId', 'internarte.errors.unknownEstablishment');
  }
  if (v.workshopId !== null && !(await workshopExists(ctx.db, v.workshopId))) {
    throw fieldError('workshopId', 'internarte.errors.unknownWorkshop');
  }
}

async function realName(ctx: HandlerContext, v: { artistParticipantId: number | null; artistName: string | null }): Promise<string> {
  if (v.artistParticipantId === null) return v.artistName ?? '';
  return (await participantFullName(ctx.db, v.artistParticipantId)) ?? '';
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
              ...(['mayExhibit', 'mayCatalog', 'mayPhotograph', 'maySell'] as const)
                .filter((k) => a.consent[k])
                .map((k) => t(`internarte.consent.fields.${k}`)),
            ].join('; ')
          : t('internarte.artworks.consentNone'),
    },
  ];
}

export const artworkHandlers: DomainHandlers<ArtworkChannel> = {
  'artworks.list': ({ sort, direction, page, pageSize, ...filter }, ctx) =>
    repo.listArtworks(ctx.db, { ...filter, sort, direction, page, pageSize }, viewOf(ctx), scopeOf(ctx)),

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
    if (!repo.canSeeArtists(ctx.session)) Object.assign(values, await repo.recordedArtist(ctx.db, id));
    await checkFields(ctx, values, before);
    requireEstablishment(ctx, values.establishmentId);
    if (values.saleStatus === 'vendida' && before.saleStatus !== 'vendida' && !(await repo.currentConsent(ctx.db, id)).maySell) {
      throw fieldError('saleStatus', 'internarte.errors.noSaleConsent', {}, 'conflict');
    }
    if (
      !(await repo.updateArtwork(
        ctx.db,
        id,
        version,
        { ...values, artistRealName: await realName(ctx, values) },
        ctx.session.actor,
        ctx.now,
      ))
    )
      throw stale();
    const after = await mustGetArtwork(ctx, id);
    await ctx.audit({ entity: 'artwork', entityId: id, action: 'update', before, after });
    return after;
  },

  'artworks.options': async (_input, ctx) => ({
    workshops: await activeWorkshops(ctx.db, (q, column) => whereInScope(ctx.session, q, column)),
  }),

  'artworks.artistOptions': async ({ search }, ctx) => {
    if (!repo.canSeeArtists(ctx.session)) throw new AppError('forbidden', 'internarte.errors.noArtistNames');
    return searchChoosableParticipants(ctx.db, search, artistChoice(ctx));
  },

  'artworks.photos': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return galleryPhotos(ctx, repo.artworkGallery, id);
  },

  'artworks.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustGetArtwork(ctx, id);
    return addGalleryPhoto(ctx, repo.artworkGallery, id, { fileName, dataBase64 });
  },

  'artworks.setPrimaryPhoto': async ({ id, hash }, ctx) => {
    await mustGetArtwork(ctx, id);
    return setPrimaryGalleryPhoto(ctx, repo.artworkGallery, id, hash);
  },

  'artworks.removePhoto': async ({ id, hash }, ctx) => {
    await mustGetArtwork(ctx, id);
    return removeGalleryPhoto(ctx, repo.artworkGallery, id, hash);
  },

  ...artworkRecordHandlers,

  'artworks.exhibitions': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return repo.exhibitionsOfArtwork(ctx.db, id);
  },

  'artworks.loans': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return repo.loansOf(ctx.db, ctx.attachments, { artworkId: id });
  },

  'artworks.export': async ({ filter, format, sort, direction, reason }, ctx) => {
    const rows = await repo.allArtworks(ctx.db, filter, sort, direction, viewOf(ctx), scopeOf(ctx));
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
    // Without consent: nothing recorded, or the latest entry allows nothing (revoked), as the list's filter counts them.
    const { works, onLoan, withoutConsent } = await repo.artworkCounts(ctx.db, scopeOf(ctx));
    const running = await repo.runningExhibitions(ctx.db, ctx.now.slice(0, 10));
    return { works, onLoan, exhibitionsRunning: running, withoutConsent };
  },
};
