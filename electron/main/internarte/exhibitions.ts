import type { Knex } from 'knex';
import type { ChecklistRow, Exhibition, Loan } from '../../../shared/internarte/schemas';
import { mayLend, type SectionMode } from '../../../shared/internarte/rules';
import { normalizeText } from '../../../shared/format';
import { requireEstablishment } from '../auth/access';
import { isUniqueViolation } from '../db/dialect';
import { whereWords } from '../db/search';
import { exportTable, type Column } from '../export/table';
import { thumbnailDataUrl } from '../files/attachments';
import { AppError, notFound, stale } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import type { CatalogWork } from './catalog-data';
import { catalogData } from './outputs';
import * as repo from './repository';
import { smallPhoto, storePhotos, viewOf } from './artworks';
import { nonEmpty, type Row, toCount } from '../db/rows';


const exhibitionColumns = (db: Knex) => [
  'x.*',
  db.raw('(select count(*) from exhibition_works ew where ew.exhibition_id = x.id) as work_count'),
  db.raw('(select count(*) from exhibition_loans l where l.exhibition_id = x.id and l.returned_on is null) as open_loans'),
];

async function partnersOf(db: Knex, ids: number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  if (ids.length === 0) return out;
  const rows = (await db('exhibition_partners as ep')
    .join('partners as p', 'p.id', 'ep.partner_id')
    .whereIn('ep.exhibition_id', ids)
    .orderBy('p.name_key')
    .select('ep.exhibition_id', 'p.id', 'p.name')) as Row[];
  for (const r of rows) {
    const list = out.get(Number(r.exhibition_id)) ?? [];
    list.push({ id: Number(r.id), name: String(r.name) });
    out.set(Number(r.exhibition_id), list);
  }
  return out;
}

const toExhibition = (r: Row, partners: Array<{ id: number; name: string }>): Exhibition => ({
  id: Number(r.id),
  title: String(r.title),
  subtitle: nonEmpty(r.subtitle),
  venue: nonEmpty(r.venue),
  startsOn: nonEmpty(r.starts_on),
  endsOn: nonEmpty(r.ends_on),
  curators: String(r.curators ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
  presentation: nonEmpty(r.presentation),
  curatorialText: nonEmpty(r.curatorial_text),
  credits: nonEmpty(r.credits),
  sectionMode: r.section_mode as SectionMode,
  partners,
  workCount: Number(r.work_count ?? 0),
  openLoans: Number(r.open_loans ?? 0),
  version: Number(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

export async function mustGetExhibition(ctx: HandlerContext, id: number): Promise<Exhibition> {
  const row = (await ctx.db('exhibitions as x').select(exhibitionColumns(ctx.db)).where('x.id', id).first()) as Row | undefined;
  if (!row) throw notFound();
  return toExhibition(row, (await partnersOf(ctx.db, [id])).get(id) ?? []);
}

async function checkPartners(ctx: HandlerContext, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = (await ctx.db('partners').whereIn('id', unique).pluck('id')) as number[];
  if (found.length !== unique.length) {
    throw new AppError('validation', 'errors.validation', {}, { partnerIds: { key: 'internarte.errors.unknownPartner' } });
  }
}

const exhibitionValues = (v: {
  title: string;
  subtitle: string | null;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
  curators: string[];
  presentation: string | null;
  curatorialText: string | null;
  credits: string | null;
  sectionMode: string;
}) => ({
  title: v.title,
  title_key: normalizeText(`${v.title} ${v.venue ?? ''}`).slice(0, 200),
  subtitle: v.subtitle,
  venue: v.venue,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  curators: v.curators.join('\n') || null,
  presentation: v.presentation,
  curatorial_text: v.curatorialText,
  credits: v.credits,
  section_mode: v.sectionMode,
});

async function setPartners(db: Knex, exhibitionId: number, partnerIds: number[]): Promise<void> {
  await db('exhibition_partners').where({ exhibition_id: exhibitionId }).delete();
  for (const partnerId of new Set(partnerIds)) await db('exhibition_partners').insert({ exhibition_id: exhibitionId, partner_id: partnerId });
}

/** The checklist as this user sees it: every work (with its consent flags), the artist as this user may see it. */
export async function checklistOf(ctx: HandlerContext, exhibitionId: number): Promise<ChecklistRow[]> {
  const ex = (await ctx.db('exhibitions').where({ id: exhibitionId }).first('section_mode')) as Row | undefined;
  if (!ex) throw notFound();
  const mode = String(ex.section_mode) as SectionMode;
  const rows = (await repo
    .joinLatestConsent(
      ctx.db,
      ctx.db('exhibition_works as ew')
        .join('artworks as a', 'a.id', 'ew.artwork_id')
        .join('establishments as e', 'e.id', 'a.establishment_id')
        .leftJoin('participants as p', 'p.id', 'a.artist_participant_id'),
    )
    .where('ew.exhibition_id', exhibitionId)
    .orderBy('ew.position')
    .orderBy('ew.id')
    .select(
      'ew.position',
      'ew.catalog_number',
      'ew.section',
      'a.id',
      'a.title',
      'a.artist_participant_id',
      'a.artist_name',
      'a.technique',
      'a.year',
      'a.custody_status',
      'e.name as establishment_name',
      'p.first_names as p_first_names',
      'p.last_names as p_last_names',
      ...repo.consentColumns,
      ctx.db.raw('(select count(*) from exhibition_loans l where l.exhibition_id = ew.exhibition_id and l.artwork_id = a.id and l.returned_on is null) as open_loans'),
      ctx.db.raw('(select ph.attachment_hash from artwork_photos ph where ph.artwork_id = a.id order by ph.is_primary desc, ph.id asc limit 1) as primary_hash'),
    )) as Row[];
  const seesNames = repo.canSeeArtists(ctx.session);
  const thumbnails = await Promise.all(rows.map((r) => (r.primary_hash ? thumbnailDataUrl(ctx.attachments, String(r.primary_hash)) : null)));
  return rows.map((r, i) => {
    const consent = repo.consentOfRow(r);
    const realName = repo.realNameOf(r);
    const technique = r.technique as ChecklistRow['technique'];
    return {
      artworkId: Number(r.id),
      position: Number(r.position),
      catalogNumber: String(r.catalog_number),
      section: nonEmpty(r.section),
      sectionLabel:
        mode === 'establecimiento' ? String(r.establishment_name) : mode === 'tecnica' ? ctx.t(`internarte.techniques.${technique}`) : mode === 'libre' ? nonEmpty(r.section) : null,
      title: String(r.title),
      artistLabel: seesNames ? realName : repo.consentedLabel(realName, consent, ctx.t).label,
      establishmentName: String(r.establishment_name),
      technique,
      year: r.year === null ? null : Number(r.year),
      custodyStatus: r.custody_status as ChecklistRow['custodyStatus'],
      mayExhibit: consent.mayExhibit,
      mayCatalog: consent.mayCatalog,
      loanOpen: Number(r.open_loans) > 0,
      thumbnail: thumbnails[i] ?? null,
    };
  });
}

/** Loans with their photos, narrowed by `where` (an exhibition's, an artwork's). */
export async function loansWhere(ctx: HandlerContext, where: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<Loan[]> {
  const rows = (await where(
    ctx.db('exhibition_loans as l')
      .join('exhibitions as x', 'x.id', 'l.exhibition_id')
      .join('artworks as a', 'a.id', 'l.artwork_id')
      .leftJoin('exhibition_works as ew', (j) => j.on('ew.exhibition_id', '=', 'l.exhibition_id').andOn('ew.artwork_id', '=', 'l.artwork_id')),
  )
    .orderBy('l.lent_on', 'desc')
    .orderBy('l.id', 'desc')
    .select('l.*', 'x.title as exhibition_title', 'x.venue', 'a.title as artwork_title', 'ew.catalog_number')) as Row[];
  const photos = (await ctx.db('loan_photos as lp')
    .join('attachments as a', 'a.hash', 'lp.attachment_hash')
    .whereIn('lp.loan_id', rows.map((r) => Number(r.id)))
    .orderBy('lp.id')
    .select('lp.loan_id', 'lp.phase', 'lp.attachment_hash', 'a.original_name')) as Row[];
  const small = await Promise.all(photos.map(async (p) => ({ loanId: Number(p.loan_id), phase: p.phase, photo: await smallPhoto(ctx, p) })));
  return rows.map((r) => ({
    id: Number(r.id),
    exhibitionId: Number(r.exhibition_id),
    exhibitionTitle: String(r.exhibition_title),
    venue: nonEmpty(r.venue),
    artworkId: Number(r.artwork_id),
    artworkTitle: String(r.artwork_title),
    catalogNumber: nonEmpty(r.catalog_number),
    lentOn: String(r.lent_on),
    dueOn: nonEmpty(r.due_on),
    returnedOn: nonEmpty(r.returned_on),
    insuranceCentimos: Number(r.insurance_centimos),
    conditionOut: String(r.condition_out),
    conditionBack: nonEmpty(r.condition_back),
    photosOut: small.filter((p) => p.loanId === Number(r.id) && p.phase === 'salida').map((p) => p.photo),
    photosBack: small.filter((p) => p.loanId === Number(r.id) && p.phase === 'retorno').map((p) => p.photo),
    lentBy: String(r.lent_by),
    returnedBy: nonEmpty(r.returned_by),
  }));
}

async function mustGetLoan(ctx: HandlerContext, id: number): Promise<Loan> {
  const [loan] = await loansWhere(ctx, (q) => q.where('l.id', id));
  if (!loan) throw notFound();
  return loan;
}

async function checklistItem(ctx: HandlerContext, exhibitionId: number, artworkId: number): Promise<Row> {
  const item = (await ctx.db('exhibition_works').where({ exhibition_id: exhibitionId, artwork_id: artworkId }).first()) as Row | undefined;
  if (!item) throw new AppError('not_found', 'internarte.errors.notInChecklist');
  return item;
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
      value: (w) => (w.dimensionsMm ? [w.dimensionsMm.height, w.dimensionsMm.width, w.dimensionsMm.depth].filter((n): n is number => n !== null).map(cm).join(' × ') : null),
    },
    { header: t('internarte.checklist.columns.establishment'), width: 30, value: (w) => w.establishment },
    { header: t('internarte.checklist.columns.price'), width: 12, kind: 'money', value: (w) => w.priceCentimos },
  ];
}

type ExhibitionHandlers = Pick<Handlers, Extract<keyof Handlers, `exhibitions.${string}`>>;

export const exhibitionHandlers: ExhibitionHandlers = {
  'exhibitions.list': async ({ search, sort, direction, page, pageSize }, ctx) => {
    const base = () => whereWords(ctx.db('exhibitions as x'), 'x.title_key', search);
    const [count] = (await base().count({ n: '*' })) as Row[];
    const sortColumn = { title: 'x.title_key', startsOn: 'x.starts_on', venue: 'x.venue', updatedAt: 'x.updated_at' }[sort];
    const rows = (await base()
      .select(exhibitionColumns(ctx.db))
      .orderBy(sortColumn, direction)
      .orderBy('x.id', direction)
      .limit(pageSize)
      .offset((page - 1) * pageSize)) as Row[];
    const partners = await partnersOf(ctx.db, rows.map((r) => Number(r.id)));
    return { rows: rows.map((r) => toExhibition(r, partners.get(Number(r.id)) ?? [])), total: toCount(count), page, pageSize };
  },

  'exhibitions.get': ({ id }, ctx) => mustGetExhibition(ctx, id),

  'exhibitions.create': async ({ partnerIds, ...values }, ctx) => {
    await checkPartners(ctx, partnerIds);
    const [row] = (await ctx.db('exhibitions')
      .insert({ ...exhibitionValues(values), version: 1, created_at: ctx.now, created_by: ctx.session.actor.name, updated_at: ctx.now, updated_by: ctx.session.actor.name })
      .returning('id')) as Array<{ id: number }>;
    await setPartners(ctx.db, row!.id, partnerIds);
    const created = await mustGetExhibition(ctx, row!.id);
    await ctx.audit({ entity: 'exhibition', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'exhibitions.update': async ({ id, version, partnerIds, ...values }, ctx) => {
    const before = await mustGetExhibition(ctx, id);
    if (before.version !== version) throw stale();
    await checkPartners(ctx, partnerIds);
    const n = await ctx.db('exhibitions')
      .where({ id, version })
      .update({ ...exhibitionValues(values), version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    if (n !== 1) throw stale();
    await setPartners(ctx.db, id, partnerIds);
    const after = await mustGetExhibition(ctx, id);
    await ctx.audit({ entity: 'exhibition', entityId: id, action: 'update', before, after });
    return after;
  },

  'exhibitions.options': async (_input, ctx) => {
    const rows = (await ctx.db('partners').where({ active: true }).orderBy('name_key').select('id', 'name')) as Row[];
    return { partners: rows.map((r) => ({ id: Number(r.id), name: String(r.name) })) };
  },

  'exhibitions.byPartner': async ({ partnerId }, ctx) => {
    const rows = (await ctx.db('exhibitions as x')
      .join('exhibition_partners as ep', 'ep.exhibition_id', 'x.id')
      .where('ep.partner_id', partnerId)
      .orderBy('x.starts_on', 'desc')
      .select('x.id', 'x.title', 'x.venue', 'x.starts_on', 'x.ends_on', ctx.db.raw('(select count(*) from exhibition_works ew where ew.exhibition_id = x.id) as work_count'))) as Row[];
    return rows.map((r) => ({ id: Number(r.id), title: String(r.title), venue: nonEmpty(r.venue), startsOn: nonEmpty(r.starts_on), endsOn: nonEmpty(r.ends_on), workCount: Number(r.work_count) }));
  },

  'exhibitions.checklist': async ({ id }, ctx) => checklistOf(ctx, id),

  'exhibitions.addWorks': async ({ exhibitionId, artworkIds }, ctx) => {
    await mustGetExhibition(ctx, exhibitionId);
    const ids = [...new Set(artworkIds)];
    const found = (await ctx.db('artworks').whereIn('id', ids).select('id', 'establishment_id')) as Row[];
    if (found.length !== ids.length) throw new AppError('validation', 'errors.validation', {}, { artworkIds: { key: 'internarte.errors.unknownArtwork' } });
    for (const a of found) requireEstablishment(ctx, Number(a.establishment_id));
    const existing = (await ctx.db('exhibition_works').where({ exhibition_id: exhibitionId }).select('artwork_id', 'position', 'catalog_number')) as Row[];
    const present = new Set(existing.map((r) => Number(r.artwork_id)));
    const numbers = new Set(existing.map((r) => String(r.catalog_number)));
    let position = existing.reduce((m, r) => Math.max(m, Number(r.position)), 0);
    let next = existing.reduce((m, r) => Math.max(m, /^\d+$/.test(String(r.catalog_number)) ? Number(r.catalog_number) : 0), 0);
    const added: number[] = [];
    for (const id of ids) {
      if (present.has(id)) continue;
      do next += 1;
      while (numbers.has(String(next)));
      position += 1;
      await ctx.db('exhibition_works').insert({ exhibition_id: exhibitionId, artwork_id: id, position, catalog_number: String(next), section: null });
      added.push(id);
    }
    await ctx.audit({ entity: 'exhibition', entityId: exhibitionId, action: 'checklist:add', after: { artworkIds: added } });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.updateWork': async ({ exhibitionId, artworkId, catalogNumber, section }, ctx) => {
    const item = await checklistItem(ctx, exhibitionId, artworkId);
    const duplicate = (await ctx.db('exhibition_works').where({ exhibition_id: exhibitionId, catalog_number: catalogNumber }).whereNot({ artwork_id: artworkId }).first('id')) as Row | undefined;
    const refuse = () =>
      new AppError('conflict', 'internarte.errors.duplicateCatalogNumber', { number: catalogNumber }, {
        catalogNumber: { key: 'internarte.errors.duplicateCatalogNumber', params: { number: catalogNumber } },
      });
    if (duplicate) throw refuse();
    try {
      await ctx.db('exhibition_works').where({ id: item.id }).update({ catalog_number: catalogNumber, section });
    } catch (err) {
      if (isUniqueViolation(err)) throw refuse();
      throw err;
    }
    await ctx.audit({
      entity: 'exhibition',
      entityId: exhibitionId,
      action: 'checklist:update',
      before: { artworkId, catalogNumber: item.catalog_number, section: item.section },
      after: { artworkId, catalogNumber, section },
    });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.moveWork': async ({ exhibitionId, artworkId, direction }, ctx) => {
    await checklistItem(ctx, exhibitionId, artworkId);
    const items = (await ctx.db('exhibition_works').where({ exhibition_id: exhibitionId }).orderBy('position').orderBy('id').select('id', 'artwork_id')) as Row[];
    const i = items.findIndex((r) => Number(r.artwork_id) === artworkId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j >= 0 && j < items.length) {
      [items[i], items[j]] = [items[j]!, items[i]!];
      // Positions are rewritten 1..n in the new order.
      for (const [k, r] of items.entries()) await ctx.db('exhibition_works').where({ id: r.id }).update({ position: k + 1 });
    }
    await ctx.audit({ entity: 'exhibition', entityId: exhibitionId, action: 'checklist:move', after: { artworkId, direction } });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.removeWork': async ({ exhibitionId, artworkId }, ctx) => {
    const item = await checklistItem(ctx, exhibitionId, artworkId);
    const open = await ctx.db('exhibition_loans').where({ exhibition_id: exhibitionId, artwork_id: artworkId }).whereNull('returned_on').first('id');
    if (open) throw new AppError('conflict', 'internarte.errors.loanOpen');
    await ctx.db('exhibition_works').where({ id: item.id }).delete();
    await ctx.audit({ entity: 'exhibition', entityId: exhibitionId, action: 'checklist:remove', before: { artworkId, catalogNumber: item.catalog_number } });
    return checklistOf(ctx, exhibitionId);
  },

  'exhibitions.loans': async ({ id }, ctx) => {
    await mustGetExhibition(ctx, id);
    return loansWhere(ctx, (q) => q.where('l.exhibition_id', id));
  },

  'exhibitions.lend': async (input, ctx) => {
    const ex = await mustGetExhibition(ctx, input.exhibitionId);
    await checklistItem(ctx, input.exhibitionId, input.artworkId);
    const artwork = await repo.getArtwork(ctx.db, input.artworkId, viewOf(ctx));
    if (!artwork) throw notFound();
    requireEstablishment(ctx, artwork.establishmentId);
    if (!(await repo.currentConsent(ctx.db, input.artworkId)).mayExhibit) throw new AppError('conflict', 'internarte.errors.noExhibitConsent');
    if (!mayLend(artwork.custodyStatus)) {
      const key = artwork.custodyStatus === 'prestada' ? 'internarte.custodyRules.onLoan' : 'internarte.custodyRules.final';
      throw new AppError('conflict', key);
    }
    const stored = await storePhotos(ctx, input.photos);
    const [row] = (await ctx.db('exhibition_loans')
      .insert({
        exhibition_id: input.exhibitionId,
        artwork_id: input.artworkId,
        lent_on: input.lentOn,
        due_on: input.dueOn,
        insurance_centimos: input.insuranceCentimos,
        condition_out: input.conditionOut,
        lent_at: ctx.now,
        lent_by: ctx.session.actor.name,
      })
      .returning('id')) as Array<{ id: number }>;
    const loanId = row!.id;
    for (const hash of new Set(stored.map((s) => s.hash))) {
      await ctx.db('loan_photos').insert({ loan_id: loanId, phase: 'salida', attachment_hash: hash, added_at: ctx.now, added_by: ctx.session.actor.name });
    }
    // The custody ledger says "prestada" in the same transaction.
    await repo.appendCustody(
      ctx.db,
      input.artworkId,
      { to: 'prestada', loan: 'lend' },
      { date: input.lentOn, place: ex.venue, notes: null, exhibitionId: input.exhibitionId, loanId },
      ctx.session.actor,
      ctx.now,
    );
    const loan = await mustGetLoan(ctx, loanId);
    await ctx.audit({ entity: 'exhibitionLoan', entityId: loanId, action: 'lend', after: { ...loan, photosOut: loan.photosOut.map((p) => p.hash) } });
    return loan;
  },

  'exhibitions.returnLoan': async (input, ctx) => {
    const before = await mustGetLoan(ctx, input.loanId);
    const artwork = await repo.getArtwork(ctx.db, before.artworkId, viewOf(ctx));
    if (artwork) requireEstablishment(ctx, artwork.establishmentId);
    if (before.returnedOn !== null) throw new AppError('conflict', 'internarte.errors.loanReturned');
    if (input.returnedOn < before.lentOn) {
      throw new AppError('validation', 'errors.validation', {}, { returnedOn: { key: 'internarte.errors.returnBeforeLent' } });
    }
    const stored = await storePhotos(ctx, input.photos);
    const n = await ctx.db('exhibition_loans')
      .where({ id: input.loanId })
      .whereNull('returned_on')
      .update({ returned_on: input.returnedOn, condition_back: input.conditionBack, returned_at: ctx.now, returned_by: ctx.session.actor.name });
    if (n !== 1) throw stale();
    for (const hash of new Set(stored.map((s) => s.hash))) {
      await ctx.db('loan_photos').insert({ loan_id: input.loanId, phase: 'retorno', attachment_hash: hash, added_at: ctx.now, added_by: ctx.session.actor.name });
    }
    await repo.appendCustody(
      ctx.db,
      before.artworkId,
      { to: 'en_taller', loan: 'return' },
      { date: input.returnedOn, place: null, notes: null, exhibitionId: before.exhibitionId, loanId: input.loanId },
      ctx.session.actor,
      ctx.now,
    );
    const after = await mustGetLoan(ctx, input.loanId);
    await ctx.audit({ entity: 'exhibitionLoan', entityId: input.loanId, action: 'return', before: { returnedOn: null }, after: { returnedOn: after.returnedOn, conditionBack: after.conditionBack } });
    return after;
  },

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


