import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type { Artwork, ArtworkFilter, artworkSortColumns } from '../../../../shared/internarte/schemas';
import { num, type Row, str, toCount, stampedOf, numOr0 } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import { thumbnailDataUrl } from '../../files/attachments';
import type { Gallery } from '../../files/repository/gallery';
import { joinParticipant, joinWorkshop } from '../../programmes/repository/for-internarte';
import { consentColumns, joinLatestConsent, whereNoConsent } from './consents';
import { appendCustody } from './custody';
import { canSeeArtists, consentedLabel, consentOfRow, realNameOf, type ViewContext } from './view';
import { firstVersion, insertId, nextVersion, updateVersion } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';

/**
 * InternArte's artworks: each with its current consent (the latest entry of the consent
 * ledger, read at the moment of the call) and custody (cached from its ledger).
 */

export type Filter = { [K in keyof ArtworkFilter]-?: Exclude<ArtworkFilter[K], undefined> };
export type SortColumn = (typeof artworkSortColumns)[number];
/** Narrows an artwork query (alias a) to the caller's establishments. */
export type Scope = (q: Knex.QueryBuilder) => Knex.QueryBuilder;

/** An artwork's photos (files/gallery.ts: the same gallery as an instrument's). */
export const artworkGallery: Gallery = { table: 'artwork_photos', owner: 'artwork_id', entity: 'artwork' };

/** The primary photo's hash of the work of alias `alias` (a select column named primary_hash). */
export const primaryPhotoHash = (db: Knex, alias: string) =>
  db.raw(
    `(select ph.attachment_hash from artwork_photos ph where ph.artwork_id = ${alias}.id order by ph.is_primary desc, ph.id asc limit 1) as primary_hash`,
  );

const joined = (db: Knex) =>
  joinLatestConsent(
    db,
    joinParticipant(
      joinWorkshop(joinEstablishment(db('artworks as a'), 'e', 'a.establishment_id'), 'w', 'a.workshop_id', 'left'),
      'p',
      'a.artist_participant_id',
      'left',
    ),
  );

const selectColumns = (db: Knex) => [
  'a.*',
  'e.name as establishment_name',
  'w.name as workshop_name',
  'p.first_names as p_first_names',
  'p.last_names as p_last_names',
  ...consentColumns,
  db.raw('(select count(*) from artwork_photos ph where ph.artwork_id = a.id) as photo_count'),
  primaryPhotoHash(db, 'a'),
];

const sortExpressions: Record<SortColumn, string> = {
  title: 'a.title_key',
  establishment: 'e.name_key',
  technique: 'a.technique',
  year: 'a.year',
  custody: 'a.custody_status',
  price: 'a.price_centimos',
  updatedAt: 'a.updated_at',
};

/** The work with its primary photo's thumbnail (read from the attachment store). */
async function withThumbnail(r: Row, v: ViewContext): Promise<Artwork> {
  return toArtwork(r, v, r.primary_hash ? await thumbnailDataUrl(v.attachments, String(r.primary_hash)) : null);
}

function toArtwork(r: Row, v: ViewContext, thumbnail: string | null = null): Artwork {
  const consent = consentOfRow(r);
  const realName = realNameOf(r);
  const seesNames = canSeeArtists(v.session);
  return {
    id: Number(r.id),
    title: String(r.title),
    artistName: seesNames ? realName : null,
    artistParticipantId: seesNames ? num(r.artist_participant_id) : null,
    artistLabel: seesNames ? realName : consentedLabel(realName, consent, v.t).label,
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    workshopId: num(r.workshop_id),
    workshopName: str(r.workshop_name),
    technique: r.technique as Artwork['technique'],
    materials: str(r.materials),
    heightMm: Number(r.height_mm),
    widthMm: Number(r.width_mm),
    depthMm: num(r.depth_mm),
    year: num(r.year),
    priceCentimos: num(r.price_centimos),
    saleStatus: r.sale_status as Artwork['saleStatus'],
    custodyStatus: r.custody_status as Artwork['custodyStatus'],
    consent,
    thumbnail,
    photoCount: numOr0(r.photo_count),
    notes: str(r.notes),
    ...stampedOf(r),
  };
}

function filtered(db: Knex, f: Filter, v: ViewContext): Knex.QueryBuilder {
  const q = joined(db);
  // Roles that see artists' names also find works by them; others search titles and materials only.
  if (canSeeArtists(v.session)) {
    whereWords(q, "(a.search_text || ' ' || a.artist_key)", f.search);
  } else {
    whereWords(q, 'a.search_text', f.search);
  }
  if (f.establishmentId !== null) q.where('a.establishment_id', f.establishmentId);
  if (f.technique !== null) q.where('a.technique', f.technique);
  if (f.custodyStatus !== null) q.where('a.custody_status', f.custodyStatus);
  if (f.saleStatus !== null) q.where('a.sale_status', f.saleStatus);
  switch (f.consent) {
    case null:
      break;
    case 'sin_consentimiento':
      // Nothing recorded, or the latest entry allows nothing (a revocation).
      whereNoConsent(q);
      break;
    case 'exhibir':
      q.where('c.may_exhibit', true);
      break;
    case 'catalogo':
      q.where('c.may_catalog', true);
      break;
    case 'foto':
      q.where('c.may_photograph', true);
      break;
    case 'venta':
      q.where('c.may_sell', true);
      break;
  }
  return q;
}

export async function listArtworks(db: Knex, f: Filter & SortedPageAt<SortColumn>, v: ViewContext, scope: Scope): Promise<Page<Artwork>> {
  const [countRow] = (await scope(filtered(db, f, v)).count({ n: '*' })) as Row[];
  const rows = (await sortedPage(scope(filtered(db, f, v)).select(selectColumns(db)), sortExpressions[f.sort], 'a.id', f)) as Row[];
  return { rows: await Promise.all(rows.map((r) => withThumbnail(r, v))), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

/** Every artwork the filters show, in order (for the export). */
export async function allArtworks(
  db: Knex,
  f: Filter,
  sort: SortColumn,
  direction: 'asc' | 'desc',
  v: ViewContext,
  scope: Scope,
): Promise<Artwork[]> {
  const rows = (await scope(filtered(db, f, v))
    .select(selectColumns(db))
    .orderBy(sortExpressions[sort], direction)
    .orderBy('a.id', direction)) as Row[];
  return rows.map((r) => toArtwork({ ...r, primary_hash: null }, v));
}

export async function getArtwork(db: Knex, id: number, v: ViewContext): Promise<Artwork | null> {
  const row = (await joined(db).select(selectColumns(db)).where('a.id', id).first()) as Row | undefined;
  return row ? withThumbnail(row, v) : null;
}

/** The artist as recorded (the participant or the name typed in), whoever asks. */
export async function recordedArtist(db: Knex, id: number): Promise<{ artistParticipantId: number | null; artistName: string | null }> {
  const row = (await db('artworks').where({ id }).first('artist_participant_id', 'artist_name')) as Row;
  return {
    artistParticipantId: num(row.artist_participant_id),
    artistName: str(row.artist_name),
  };
}

/** The participants linked as the artist of some work (a subquery of ids). */
export const artistParticipantIds = (db: Knex): Knex.QueryBuilder =>
  db('artworks').whereNotNull('artist_participant_id').select('artist_participant_id');

/** The establishment of each of these works that exists. */
export async function establishmentsOfArtworks(db: Knex, ids: readonly number[]): Promise<Array<{ id: number; establishmentId: number }>> {
  const rows = (await db('artworks').whereIn('id', ids).select('id', 'establishment_id')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), establishmentId: Number(r.establishment_id) }));
}

/** The numbers of the dashboard: works, works on loan, works without consent (as the list's filter counts them). */
export async function artworkCounts(db: Knex, scope: Scope): Promise<{ works: number; onLoan: number; withoutConsent: number }> {
  const [works] = (await scope(db('artworks as a')).count({ n: '*' })) as Row[];
  const [onLoan] = (await scope(db('artworks as a').where('a.custody_status', 'prestada')).count({ n: '*' })) as Row[];
  const [without] = (await scope(whereNoConsent(joinLatestConsent(db, db('artworks as a')))).count({ n: '*' })) as Row[];
  return { works: toCount(works), onLoan: toCount(onLoan), withoutConsent: toCount(without) };
}

export interface ArtworkValues {
  title: string;
  artistParticipantId: number | null;
  artistName: string | null;
  establishmentId: number;
  workshopId: number | null;
  technique: string;
  materials: string | null;
  heightMm: number;
  widthMm: number;
  depthMm: number | null;
  year: number | null;
  priceCentimos: number | null;
  saleStatus: string;
  notes: string | null;
  /** The artist's name as the register or the form says (for the search of roles that see it). */
  artistRealName: string;
}

const artworkColumns = (v: ArtworkValues) => ({
  title: v.title,
  title_key: normalizeText(v.title),
  artist_participant_id: v.artistParticipantId,
  artist_name: v.artistName,
  establishment_id: v.establishmentId,
  workshop_id: v.workshopId,
  technique: v.technique,
  materials: v.materials,
  height_mm: v.heightMm,
  width_mm: v.widthMm,
  depth_mm: v.depthMm,
  year: v.year,
  price_centimos: v.priceCentimos,
  sale_status: v.saleStatus,
  search_text: normalizeText([v.title, v.materials].filter(Boolean).join(' ')).slice(0, 600),
  artist_key: normalizeText(v.artistRealName).slice(0, 200),
  notes: v.notes,
});

/** Inserts an artwork and its first custody entry (en taller), in the caller's transaction. */
export async function insertArtwork(db: Knex, v: ArtworkValues, date: string, actor: Actor, now: string): Promise<number> {
  const id = await insertId(db('artworks'), {
    ...artworkColumns(v),
    custody_status: 'en_taller',
    custody_count: 0,
    ...firstVersion(actor, now),
  });
  await appendCustody(db, id, { to: 'en_taller' }, { date, place: null, notes: null }, actor, now);
  return id;
}

/** Writes the artwork's values over version `version`; false when another user changed it first. */
export async function updateArtwork(db: Knex, id: number, version: number, v: ArtworkValues, actor: Actor, now: string): Promise<boolean> {
  const updated = await updateVersion(db('artworks'), id, version, artworkColumns(v), actor, now);
  return updated === 1;
}

/** Marks the work sold (its custody has just moved to "vendida"). */
export async function markSold(db: Knex, id: number, version: number, actor: Actor, now: string): Promise<void> {
  await db('artworks')
    .where({ id })
    .update({ sale_status: 'vendida', ...nextVersion(version, actor, now) });
}

/** The works whose titles are these (normalized, as title_key): the import's key. */
export async function artworksByTitleKeys(
  db: Knex,
  keys: readonly string[],
): Promise<Array<{ id: number; titleKey: string; establishmentId: number; workshopId: number | null; version: number }>> {
  const rows = (await db('artworks')
    .whereIn('title_key', [...keys])
    .select('id', 'title_key', 'establishment_id', 'workshop_id', 'version')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    titleKey: String(r.title_key),
    establishmentId: Number(r.establishment_id),
    workshopId: num(r.workshop_id),
    version: Number(r.version),
  }));
}

/** Every work's title key (titles shared by several works are ambiguous to an import). */
export async function artworkTitleKeys(db: Knex): Promise<string[]> {
  return (await db('artworks').pluck('title_key')) as string[];
}

/** Links a stored photo as the work's primary one (the demonstration's generated photos). */
export async function addPrimaryPhoto(db: Knex, artworkId: number, hash: string, actor: Actor, now: string): Promise<void> {
  await db('artwork_photos').insert({
    artwork_id: artworkId,
    attachment_hash: hash,
    is_primary: true,
    added_at: now,
    added_by: actor.name,
  });
}
