import type { exhibitionChannels } from '../../../shared/internarte/channels';
import type { ChecklistRow } from '../../../shared/internarte/schemas';
import { requireEstablishment } from '../auth/access';
import { isUniqueViolation } from '../db/dialect';
import { exportTable, type Column } from '../export/table';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError, notFound, stale } from '../ipc/errors';
import { activePartners, agreementChoices, agreementMisfit, existingPartnerIds } from '../programmes/repository/for-internarte';
import { checklistItem, mustGetExhibition, viewOf } from './access';
import type { CatalogWork } from './catalog-data';
import { loanHandlers } from './loans';
import { catalogData } from './outputs';
import * as repo from './repository';

export type ExhibitionChannel = (typeof exhibitionChannels)[number];

async function checkPartners(
  ctx: HandlerContext,
  ids: number[],
  agreement: { agreementId: number | null; startsOn: string | null },
): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await existingPartnerIds(ctx.db, unique);
  if (found.length !== unique.length) throw fieldError('partnerIds', 'internarte.errors.unknownPartner');
  if (agreement.agreementId === null) return;
  const misfit = await agreementMisfit(ctx.db, agreement.agreementId, unique, agreement.startsOn);
  if (misfit) throw fieldError('agreementId', misfit.key, misfit.params);
}

/** The cover is one of the exhibition's works: a new exhibition has none yet. */
async function checkCover(ctx: HandlerContext, exhibitionId: number | null, coverArtworkId: number | null): Promise<void> {
  if (coverArtworkId === null) return;
  if (exhibitionId === null || (await repo.checklistItem(ctx.db, exhibitionId, coverArtworkId)) === null)
    throw fieldError('coverArtworkId', 'internarte.choices.errors.coverNotOnChecklist');
}

/** The checklist as this user sees it: every work (with its consent flags), the artist as this user may see it. */
async function checklistOf(ctx: HandlerContext, exhibitionId: number): Promise<ChecklistRow[]> {
  const mode = await repo.sectionModeOf(ctx.db, exhibitionId);
  if (mode === null) throw notFound();
  return repo.checklistRows(ctx.db, exhibitionId, mode, viewOf(ctx));
}

/** The checklist's columns as exported: the same consent-filtered data the wall labels print. */
function checklistColumns(ctx: HandlerContext): Column<CatalogWork>[] {
  const { t } = ctx;
  const cm = (mm: number) => (mm / 10).toLocaleString('es-PE', { maximumFractionDigits: 1 });
  return [
    { header: t('internarte.checklist.columns.number'), width: 8, value: (w) => w.catalogNumber },
    { header: t('internarte.checklist.columns.section'), width: 24, value: (w) => w.section },
    { header: t('internarte.checklist.columns.title'), width: 36, value: (w) => w.title },
    { header: t('internarte.checklist.columns.artist'), width: 26, value: (w) => w.artistLabel },
    { header: t('internarte.checklist.columns.year'), width: 8, value: (w) => w.year },
    { header: t('internarte.checklist.columns.technique'), width: 26, value: (w) => w.technique },
    { header: t('internarte.checklist.columns.materials'), width: 26, value: (w) => w.materials },
    {
      header: t('internarte.checklist.columns.dimensions'),
      width: 18,
      value: (w) =>
        w.dimensionsMm
          ? [w.dimensionsMm.height, w.dimensionsMm.width, w.dimensionsMm.depth]
              .filter((n): n is number => n !== null)
              .map(cm)
              .join(' × ')
          : null,
    },
    { header: t('internarte.checklist.columns.establishment'), width: 30, value: (w) => w.establishment },
    { header: t('internarte.checklist.columns.price'), width: 12, kind: 'money', value: (w) => w.priceCentimos },
  ];
}

export const exhibitionHandlers: DomainHandlers<ExhibitionChannel> = {
  'exhibitions.list': ({ search, sort, direction, page, pageSize }, ctx) =>
    repo.listExhibitions(ctx.db, { search, sort, direction, page, pageSize }),

  'exhibitions.get': ({ id }, ctx) => mustGetExhibition(ctx, id),

  'exhibitions.create': async ({ partnerIds, ...values }, ctx) => {
    await checkPartners(ctx, partnerIds, values);
    await checkCover(ctx, null, values.coverArtworkId);
    const id = await repo.insertExhibition(ctx.db, values, partnerIds, ctx.session.actor, ctx.now);
    const created = await mustGetExhibition(ctx, id);
    await ctx.audit({ entity: 'exhibition', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'exhibitions.update': async ({ id, version, partnerIds, ...values }, ctx) => {
    const before = await mustGetExhibition(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartners(ctx, partnerIds, values);
    await checkCover(ctx, id, values.coverArtworkId);
    if (!(await repo.updateExhibition(ctx.db, id, version, values, partnerIds, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGetExhibition(ctx, id);
    await ctx.audit({ entity: 'exhibition', entityId: id, action: 'update', before, after });
    return after;
  },

  'exhibitions.options': async (_input, ctx) => ({ partners: await activePartners(ctx.db), agreements: await agreementChoices(ctx.db) }),

  'exhibitions.byPartner': ({ partnerId }, ctx) => repo.exhibitionsOfPartner(ctx.db, partnerId),

  'exhibitions.checklist': async ({ id }, ctx) => checklistOf(ctx, id),

  'exhibitions.addWorks': async ({ exhibitionId, artworkIds }, ctx) => {
    await mustGetExhibition(ctx, exhibitionId);
    const ids = [...new Set(artworkIds)];
    const found = await repo.establishmentsOfArtworks(ctx.db, ids);
    if (found.length !== ids.length) throw fieldError('artworkIds', 'internarte.errors.unknownArtwork');
    for (const a of found) requireEstablishment(ctx, a.establishmentId);
    const added = await repo.appendToChecklist(ctx.db, exhibitionId, ids);
    await ctx.audit({ entity: 'exhibition', entityId: exhibitionId, action: 'checklist:add', after: { artworkIds: added } });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.updateWork': async ({ exhibitionId, artworkId, catalogNumber, section }, ctx) => {
    const item = await checklistItem(ctx, exhibitionId, artworkId);
    const refuse = () => fieldError('catalogNumber', 'internarte.errors.duplicateCatalogNumber', { number: catalogNumber }, 'conflict');
    if (await repo.catalogNumberTaken(ctx.db, exhibitionId, catalogNumber, artworkId)) throw refuse();
    try {
      await repo.updateChecklistItem(ctx.db, item.id, { catalogNumber, section });
    } catch (err) {
      if (isUniqueViolation(err)) throw refuse();
      throw err;
    }
    await ctx.audit({
      entity: 'exhibition',
      entityId: exhibitionId,
      action: 'checklist:update',
      before: { artworkId, catalogNumber: item.catalogNumber, section: item.section },
      after: { artworkId, catalogNumber, section },
    });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.setSection': async ({ exhibitionId, artworkIds, section }, ctx) => {
    const before: Array<{ artworkId: number; section: string | null }> = [];
    for (const artworkId of new Set(artworkIds)) {
      const item = await checklistItem(ctx, exhibitionId, artworkId);
      before.push({ artworkId, section: item.section });
      await repo.updateChecklistItem(ctx.db, item.id, { catalogNumber: item.catalogNumber, section });
    }
    await ctx.audit({
      entity: 'exhibition',
      entityId: exhibitionId,
      action: 'checklist:section',
      before: { works: before },
      after: { works: before.map((w) => ({ artworkId: w.artworkId, section })) },
    });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.moveWork': async ({ exhibitionId, artworkId, direction }, ctx) => {
    await checklistItem(ctx, exhibitionId, artworkId);
    await repo.moveChecklistItem(ctx.db, exhibitionId, artworkId, direction);
    await ctx.audit({ entity: 'exhibition', entityId: exhibitionId, action: 'checklist:move', after: { artworkId, direction } });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.removeWork': async ({ exhibitionId, artworkId }, ctx) => {
    const item = await checklistItem(ctx, exhibitionId, artworkId);
    if (await repo.hasOpenLoan(ctx.db, exhibitionId, artworkId)) throw new AppError('conflict', 'internarte.errors.loanOpen');
    await repo.removeChecklistItem(ctx.db, item.id);
    await ctx.audit({
      entity: 'exhibition',
      entityId: exhibitionId,
      action: 'checklist:remove',
      before: { artworkId, catalogNumber: item.catalogNumber },
    });
    return checklistOf(ctx, exhibitionId);
  },

  ...loanHandlers,

  'exhibitions.exportChecklist': async ({ exhibitionId, format }, ctx) => {
    // Exactly what the wall labels may show: works allowed to be exhibited, the artist as consent names them.
    const data = await catalogData(ctx.db, ctx.attachments, exhibitionId, 'labels', ctx.session.locale);
    return exportTable(ctx, {
      baseName: ctx.t('internarte.outputs.checklistFile'),
      sheetName: ctx.t('internarte.outputs.checklistSheet'),
      format,
      columns: checklistColumns(ctx),
      rows: data.works,
    });
  },
};
