import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import {
  applyCustody,
  consentedArtist,
  NO_CONSENT,
  type ConsentState,
  type CustodyEffect,
  type CustodyStatus,
} from '../../../shared/internarte/rules';
import type { Artwork, ArtworkFilter, ConsentNow, artworkSortColumns } from '../../../shared/internarte/schemas';
import { hasPermission } from '../auth/access';
import { whereWords } from '../db/search';
import { thumbnailDataUrl } from '../files/attachments';
import type { AttachmentStore } from '../files/store';
import { AppError } from '../ipc/errors';
import type { Session } from '../ipc/context';
import type { Translate } from '../i18n';
import { num, type Row, str, toBool, toCount } from '../db/rows';

/**
 * InternArte's data access: artworks with their current consent (the latest entry of the
 * consent ledger, read at the moment of the call) and custody (cached from its ledger).
 */

export type Filter = { [K in keyof ArtworkFilter]-?: Exclude<ArtworkFilter[K], undefined> };
export type SortColumn = (typeof artworkSortColumns)[number];


/**
 * Whether this session may see artists' real names inside the app: the roles holding the
 * 'artists' permission (administrador, exposiciones: they handle the signed consent forms)
 * or 'personalData'. Everyone else sees each artist as the artist's consent allows.
 */
export const canSeeArtists = (session: Session): boolean => hasPermission(session, 'artists') || hasPermission(session, 'personalData');

/** The artist's real name, from the participant register or as typed in. */
export const realNameOf = (r: Row): string =>
  r.artist_participant_id !== null && r.artist_participant_id !== undefined
    ? `${String(r.p_first_names ?? '')} ${String(r.p_last_names ?? '')}`.trim()
    : String(r.artist_name ?? '');

/** The current consent of a row joined with its latest consent entry (prefix c_). */
export const consentOfRow = (r: Row): ConsentNow =>
  r.c_id === null || r.c_id === undefined
    ? { recorded: false, date: null, ...NO_CONSENT }
    : {
        recorded: true,
        date: str(r.c_date),
        naming: r.c_naming as ConsentNow['naming'],
        pseudonym: str(r.c_pseudonym),
        mayExhibit: toBool(r.c_may_exhibit),
        mayCatalog: toBool(r.c_may_catalog),
        mayPhotograph: toBool(r.c_may_photograph),
        maySell: toBool(r.c_may_sell),
      };

/** The artist as consent allows, with the word for "anonymous" where it names nobody. */
export const consentedLabel = (realName: string, consent: ConsentState, t: Translate): { label: string; anonymous: boolean } => {
  const named = consentedArtist(realName, consent);
  return named === null ? { label: t('internarte.anonymous'), anonymous: true } : { label: named, anonymous: false };
};

/** Joins an artwork query (alias a) with its latest consent entry (alias c). */
export const joinLatestConsent = (db: Knex, q: Knex.QueryBuilder): Knex.QueryBuilder =>
  q.leftJoin('artwork_consents as c', (j) => {
    j.on('c.id', '=', db.raw('(select max(c2.id) from artwork_consents c2 where c2.artwork_id = a.id)'));
  });

export const consentColumns = [
  'c.id as c_id',
  'c.date as c_date',
  'c.naming as c_naming',
  'c.pseudonym as c_pseudonym',
  'c.may_exhibit as c_may_exhibit',
  'c.may_catalog as c_may_catalog',
  'c.may_photograph as c_may_photograph',
  'c.may_sell as c_may_sell',
];

const joined = (db: Knex) =>
  joinLatestConsent(
    db,
    db('artworks as a')
      .join('establishments as e', 'e.id', 'a.establishment_id')
      .leftJoin('workshops as w', 'w.id', 'a.workshop_id')
      .leftJoin('participants as p', 'p.id', 'a.artist_participant_id'),
  );

const selectColumns = (db: Knex) => [
  'a.*',
  'e.name as establishment_name',
  'w.name as workshop_name',
  'p.first_names as p_first_names',
  'p.last_names as p_last_names',
  ...consentColumns,
  db.raw('(select count(*) from artwork_photos ph where ph.artwork_id = a.id) as photo_count'),
  db.raw(
    '(select ph.attachment_hash from artwork_photos ph where ph.artwork_id = a.id order by ph.is_primary desc, ph.id asc limit 1) as primary_hash',
  ),
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

export interface ViewContext {
  session: Session;
  t: Translate;
  attachments: AttachmentStore;
}

/** The work with its primary photo's thumbnail (read from the attachment store). */
async function withThumbnail(r: Row, v: ViewContext): Promise<Artwork> {
  return toArtwork(r, v, r.primary_hash ? await thumbnailDataUrl(v.attachments, String(r.primary_hash)) : null);
}

export function toArtwork(r: Row, v: ViewContext, thumbnail: string | null = null): Artwork {
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
    photoCount: Number(r.photo_count ?? 0),
    notes: str(r.notes),
    version: Number(r.version),
    updatedAt: String(r.updated_at),
    updatedBy: String(r.updated_by),
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
      q.where((b) =>
        b.whereNull('c.id').orWhere((n) => n.where('c.may_exhibit', false).where('c.may_catalog', false).where('c.may_photograph', false).where('c.may_sell', false)),
      );
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

export async function listArtworks(
  db: Knex,
  f: Filter & { sort: SortColumn; direction: 'asc' | 'desc'; page: number; pageSize: number },
  v: ViewContext,
  scope: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<Page<Artwork>> {
  const [countRow] = (await scope(filtered(db, f, v)).count({ n: '*' })) as Row[];
  const rows = (await scope(filtered(db, f, v))
    .select(selectColumns(db))
    .orderBy(sortExpressions[f.sort], f.direction)
    .orderBy('a.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: await Promise.all(rows.map((r) => withThumbnail(r, v))), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

/** Every artwork the filters show, in order (for the export). */
export async function allArtworks(db: Knex, f: Filter, sort: SortColumn, direction: 'asc' | 'desc', v: ViewContext, scope: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<Artwork[]> {
  const rows = (await scope(filtered(db, f, v)).select(selectColumns(db)).orderBy(sortExpressions[sort], direction).orderBy('a.id', direction)) as Row[];
  return rows.map((r) => toArtwork({ ...r, primary_hash: null }, v));
}

export async function getArtworkRow(db: Knex, id: number): Promise<Row | null> {
  const row = (await joined(db).select(selectColumns(db)).where('a.id', id).first()) as Row | undefined;
  return row ?? null;
}

export async function getArtwork(db: Knex, id: number, v: ViewContext): Promise<Artwork | null> {
  const row = await getArtworkRow(db, id);
  return row ? withThumbnail(row, v) : null;
}

/** The current consent of one work, read now. */
export async function currentConsent(db: Knex, artworkId: number): Promise<ConsentNow> {
  const row = (await db('artwork_consents')
    .where({ artwork_id: artworkId })
    .orderBy('id', 'desc')
    .first(
      'id as c_id',
      'date as c_date',
      'naming as c_naming',
      'pseudonym as c_pseudonym',
      'may_exhibit as c_may_exhibit',
      'may_catalog as c_may_catalog',
      'may_photograph as c_may_photograph',
      'may_sell as c_may_sell',
    )) as Row | undefined;
  return consentOfRow(row ?? {});
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

export const artworkColumns = (v: ArtworkValues) => ({
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
  const [row] = (await db('artworks')
    .insert({
      ...artworkColumns(v),
      custody_status: 'en_taller',
      custody_count: 0,
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number } | number>;
  const id = typeof row === 'object' ? row.id : Number(row);
  await appendCustody(db, id, { to: 'en_taller' }, { date, place: null, notes: null }, actor, now);
  return id;
}

export interface CustodyRecord {
  date: string;
  place: string | null;
  notes: string | null;
  exhibitionId?: number | null;
  loanId?: number | null;
}

/**
 * Appends one custody entry after the state machine allowed it, and updates the cached
 * status in the same transaction. A refusal is an AppError with the rule's sentence.
 */
export async function appendCustody(
  db: Knex,
  artworkId: number,
  effect: CustodyEffect,
  rec: CustodyRecord,
  actor: Actor,
  now: string,
): Promise<CustodyStatus> {
  const current = (await db('artworks').where({ id: artworkId }).first('custody_status', 'custody_count')) as Row | undefined;
  if (!current) throw new AppError('not_found', 'errors.notFound');
  const count = Number(current.custody_count);
  const last = (await db('artwork_custody').where({ artwork_id: artworkId }).orderBy('seq', 'desc').first('date')) as Row | undefined;
  if (last && rec.date < String(last.date)) {
    throw new AppError('validation', 'internarte.errors.dateBeforeLast', {}, { date: { key: 'internarte.errors.dateBeforeLast' } });
  }
  const result = applyCustody(count === 0 ? null : (current.custody_status as CustodyStatus), effect);
  if (!result.ok) {
    throw new AppError('conflict', `internarte.custodyRules.${result.refusal}`, {}, { to: { key: `internarte.custodyRules.${result.refusal}` } });
  }
  await db('artwork_custody').insert({
    artwork_id: artworkId,
    seq: count + 1,
    status: result.status,
    date: rec.date,
    place: rec.place,
    notes: rec.notes,
    exhibition_id: rec.exhibitionId ?? null,
    loan_id: rec.loanId ?? null,
    recorded_at: now,
    recorded_by: actor.name,
  });
  const updated = await db('artworks')
    .where({ id: artworkId, custody_count: count })
    .update({ custody_status: result.status, custody_count: count + 1 });
  if (updated !== 1) throw new AppError('stale', 'errors.stale');
  return result.status;
}
