import type { Agreement, Partner, PartnerDetail, PartnerLogo } from '../../../shared/programmes/schemas';
import { saveExport } from '../export/table';
import { printableImageDataUrl, thumbnailDataUrl } from '../files/attachments';
import { storeUpload } from '../files/uploads';
import { AppError, stale, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { agreementMisfit, checkPartnerKept } from './agreement-links';
import { checkPartnerLogo } from './partner-logo';
import * as repo from './repository';

type PartnerChannel =
  | 'partners.list'
  | 'partners.get'
  | 'partners.create'
  | 'partners.update'
  | 'partners.addDonation'
  | 'partners.setLogo'
  | 'partners.removeLogo'
  | 'agreements.list'
  | 'agreements.create'
  | 'agreements.update'
  | 'agreements.attachDocument'
  | 'agreements.saveDocument';

// ── Partners ────────────────────────────────────────────────────────────────────

async function mustPartner(ctx: HandlerContext, id: number): Promise<Partner> {
  return orNotFound(await repo.getPartner(ctx.db, id));
}

/** The partner's logo with its thumbnail for the screens (an SVG's too: drawn by sharp when stored). */
async function logoOf(ctx: HandlerContext, id: number): Promise<PartnerLogo | null> {
  const f = await repo.partnerLogoFile(ctx.db, id);
  if (!f) return null;
  return { hash: f.hash, name: f.name, mime: f.mime as PartnerLogo['mime'], thumbnail: await thumbnailDataUrl(ctx.attachments, f.hash) };
}

async function detail(ctx: HandlerContext, id: number): Promise<PartnerDetail> {
  const partner = await mustPartner(ctx, id);
  return { partner, logo: await logoOf(ctx, id), ...(await repo.partnerHistory(ctx.db, id)) };
}

/** What the audit log keeps of a logo: the file, by its hash and name (the file stays in the store). */
const logoTrail = (logo: PartnerLogo | null) => ({ logo: logo ? { hash: logo.hash, name: logo.name } : null });

async function checkPartnerName(ctx: HandlerContext, name: string, selfId: number | null) {
  const other = await repo.partnerIdByName(ctx.db, name);
  if (other !== null && other !== selfId) {
    throw new AppError(
      'conflict',
      'programmes.errors.duplicatePartner',
      { name },
      { name: { key: 'programmes.errors.duplicatePartner', params: { name } } },
    );
  }
}

// ── Agreements ──────────────────────────────────────────────────────────────────

async function mustAgreement(ctx: HandlerContext, id: number): Promise<Agreement> {
  return orNotFound(await repo.getAgreement(ctx.db, repo.limaToday(ctx.now), id));
}

async function checkPartnerRef(ctx: HandlerContext, id: number) {
  if (!(await repo.partnerExists(ctx.db, id))) throw fieldError('partnerId', 'programmes.errors.unknownPartner');
}

export const partnerHandlers: DomainHandlers<PartnerChannel> = {
  'partners.list': (f, ctx) => repo.listPartners(ctx.db, f),

  'partners.get': ({ id }, ctx) => detail(ctx, id),

  'partners.create': async (input, ctx) => {
    await checkPartnerName(ctx, input.name, null);
    const created = await mustPartner(ctx, await repo.insertPartner(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'partner', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'partners.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustPartner(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartnerName(ctx, values.name, id);
    const n = await repo.updatePartner(ctx.db, id, version, values, active, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustPartner(ctx, id);
    await ctx.audit({ entity: 'partner', entityId: id, action: 'update', before, after });
    return after;
  },

  'partners.addDonation': async (donation, ctx) => {
    await checkPartnerRef(ctx, donation.partnerId);
    if (donation.agreementId !== null) {
      const misfit = await agreementMisfit(ctx.db, donation.agreementId, [donation.partnerId], donation.date);
      if (misfit) throw fieldError('agreementId', misfit.key, misfit.params);
    }
    const id = await repo.insertDonation(ctx.db, donation, ctx.session.actor, ctx.now);
    await ctx.audit({ entity: 'partnerDonation', entityId: id, action: 'create', after: donation });
    return detail(ctx, donation.partnerId);
  },

  /** A PNG or an SVG that is only a drawing (refused beside the field `logo` otherwise, never cleaned); the old file stays stored. */
  'partners.setLogo': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustPartner(ctx, id);
    const before = await logoOf(ctx, id);
    await checkPartnerLogo(Buffer.from(dataBase64, 'base64'), fileName);
    const stored = await storeUpload(ctx, { fileName, dataBase64 }, 'logo');
    await repo.setPartnerLogo(ctx.db, id, stored.hash);
    const after = await detail(ctx, id);
    await ctx.audit({ entity: 'partner', entityId: id, action: 'update', before: logoTrail(before), after: logoTrail(after.logo) });
    return after;
  },

  'partners.removeLogo': async ({ id }, ctx) => {
    await mustPartner(ctx, id);
    const before = await logoOf(ctx, id);
    if (!before) throw new AppError('not_found', 'programmes.partnerLogo.none');
    await repo.setPartnerLogo(ctx.db, id, null);
    await ctx.audit({ entity: 'partner', entityId: id, action: 'update', before: logoTrail(before), after: logoTrail(null) });
    return detail(ctx, id);
  },

  'agreements.list': async ({ partnerId, state }, ctx) => {
    const all = await repo.listAgreements(ctx.db, repo.limaToday(ctx.now), partnerId);
    return state === null ? all : all.filter((a) => a.state === state);
  },

  'agreements.create': async (input, ctx) => {
    await checkPartnerRef(ctx, input.partnerId);
    const created = await mustAgreement(ctx, await repo.insertAgreement(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'agreement', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'agreements.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustAgreement(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartnerRef(ctx, values.partnerId);
    await checkPartnerKept(ctx.db, id, before.partnerId, values.partnerId);
    const n = await repo.updateAgreement(ctx.db, id, version, values, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustAgreement(ctx, id);
    await ctx.audit({ entity: 'agreement', entityId: id, action: 'update', before, after });
    return after;
  },

  'agreements.attachDocument': async ({ id, fileName, dataBase64 }, ctx) => {
    const before = await mustAgreement(ctx, id);
    const stored = await storeUpload(ctx, { fileName, dataBase64 }, 'document');
    await repo.setAgreementDocument(ctx.db, id, before.version, stored.hash, ctx.session.actor, ctx.now);
    const after = await mustAgreement(ctx, id);
    await ctx.audit({ entity: 'agreement', entityId: id, action: 'document', before: before.document, after: after.document });
    return after;
  },

  /** A copy of the signed agreement: the PDF as stored, or a scanned image printed on an A4 page. */
  'agreements.saveDocument': async ({ id }, ctx) => {
    const a = await mustAgreement(ctx, id);
    if (!a.document) throw new AppError('not_found', 'programmes.errors.noDocument');
    const mime = await repo.agreementDocumentMime(ctx.db, id);
    const base = `${ctx.t('programmes.export.agreement')}-${a.partnerName}`
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return saveExport(ctx, {
      baseName: base,
      extension: 'pdf',
      rows: 1,
      build: async () => {
        if (mime === 'application/pdf') {
          const pdf = await ctx.attachments.read(a.document!.hash, mime);
          if (!pdf) throw new AppError('not_found', 'programmes.errors.noDocument');
          return pdf;
        }
        const src = await printableImageDataUrl(ctx.attachments, a.document!.hash, mime);
        return ctx.platform.printPdf({
          html: htmlDocument({ lang: ctx.session.locale, title: a.title, body: `<img src="${h(src)}" alt="${h(a.title)}">` }),
          pageSize: 'A4',
        });
      },
    });
  },
};
