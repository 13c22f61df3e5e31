import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type { SectionMode } from '../../../../shared/internarte/rules';
import type { ArtworkExhibition, Exhibition, exhibitionSortColumns, PartnerExhibition } from '../../../../shared/internarte/schemas';
import { nonEmpty, type Row, str, toCount, stampedOf, num, numOr0 } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinAgreement, joinPartner } from '../../programmes/repository/for-internarte';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';
import { exhibitionHeading } from './exhibition-heading';

/** Exhibitions: their details, their partners (the programme's), what is running. */

const exhibitionColumns = (db: Knex) => [
  'x.*',
  'ag.title as agreement_title',
  db.raw('(select count(*) from exhibition_works ew where ew.exhibition_id = x.id) as work_count'),
  db.raw('(select count(*) from exhibition_loans l where l.exhibition_id = x.id and l.returned_on is null) as open_loans'),
];

async function partnersOf(db: Knex, ids: number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  if (ids.length === 0) return out;
  const rows = (await joinPartner(db('exhibition_partners as ep'), 'p', 'ep.partner_id')
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
  agreement: r.agreement_id == null ? null : { id: Number(r.agreement_id), title: String(r.agreement_title) },
  titleEn: nonEmpty(r.title_en),
  subtitleEn: nonEmpty(r.subtitle_en),
  presentationEn: nonEmpty(r.presentation_en),
  curatorialTextEn: nonEmpty(r.curatorial_text_en),
  creditsEn: nonEmpty(r.credits_en),
  coverArtworkId: num(r.cover_artwork_id),
  workCount: numOr0(r.work_count),
  openLoans: numOr0(r.open_loans),
  ...stampedOf(r),
});

/** The exhibition with its partners (by name), or null. */
export async function getExhibition(db: Knex, id: number): Promise<Exhibition | null> {
  const row = (await joinAgreement(db('exhibitions as x'), 'ag', 'x.agreement_id', 'left')
    .select(exhibitionColumns(db))
    .where('x.id', id)
    .first()) as Row | undefined;
  if (!row) return null;
  return toExhibition(row, (await partnersOf(db, [id])).get(id) ?? []);
}

/** How the exhibition's checklist is divided into sections, or null when there is no such exhibition. */
export async function sectionModeOf(db: Knex, id: number): Promise<SectionMode | null> {
  const ex = (await db('exhibitions').where({ id }).first('section_mode')) as Row | undefined;
  return ex ? (String(ex.section_mode) as SectionMode) : null;
}

export type ExhibitionSort = (typeof exhibitionSortColumns)[number];

export async function listExhibitions(db: Knex, q: { search: string } & SortedPageAt<ExhibitionSort>): Promise<Page<Exhibition>> {
  const base = () => whereWords(db('exhibitions as x'), 'x.title_key', q.search);
  const [count] = (await base().count({ n: '*' })) as Row[];
  const sortColumn = { title: 'x.title_key', startsOn: 'x.starts_on', venue: 'x.venue', updatedAt: 'x.updated_at' }[q.sort];
  const rows = (await sortedPage(
    joinAgreement(base(), 'ag', 'x.agreement_id', 'left').select(exhibitionColumns(db)),
    sortColumn,
    'x.id',
    q,
  )) as Row[];
  const partners = await partnersOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return {
    rows: rows.map((r) => toExhibition(r, partners.get(Number(r.id)) ?? [])),
    total: toCount(count),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface ExhibitionValues {
  title: string;
  subtitle: string | null;
  venue: string | null;
  /** ISO yyyy-mm-dd */
  startsOn: string | null;
  endsOn: string | null;
  curators: string[];
  /** Paragraphs separated by blank lines, plain text. */
  presentation: string | null;
  curatorialText: string | null;
  credits: string | null;
  sectionMode: string;
  agreementId?: number | null;
  /** The texts in English (the form's «English» column); absent: left as they are. */
  titleEn?: string | null;
  subtitleEn?: string | null;
  presentationEn?: string | null;
  curatorialTextEn?: string | null;
  creditsEn?: string | null;
  /** The cover's work; absent: left as it is. */
  coverArtworkId?: number | null;
}

const exhibitionValues = (v: ExhibitionValues, titleKey?: string) => ({
  title: v.title,
  title_key: titleKey ?? normalizeText(`${v.title} ${v.venue ?? ''}`).slice(0, 200),
  subtitle: v.subtitle,
  venue: v.venue,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  curators: v.curators.join('\n') || null,
  presentation: v.presentation,
  curatorial_text: v.curatorialText,
  credits: v.credits,
  section_mode: v.sectionMode,
  agreement_id: v.agreementId ?? null,
  ...(v.titleEn === undefined ? {} : { title_en: v.titleEn }),
  ...(v.subtitleEn === undefined ? {} : { subtitle_en: v.subtitleEn }),
  ...(v.presentationEn === undefined ? {} : { presentation_en: v.presentationEn }),
  ...(v.curatorialTextEn === undefined ? {} : { curatorial_text_en: v.curatorialTextEn }),
  ...(v.creditsEn === undefined ? {} : { credits_en: v.creditsEn }),
  ...(v.coverArtworkId === undefined ? {} : { cover_artwork_id: v.coverArtworkId }),
});

async function setPartners(db: Knex, exhibitionId: number, partnerIds: number[]): Promise<void> {
  await db('exhibition_partners').where({ exhibition_id: exhibitionId }).delete();
  for (const partnerId of new Set(partnerIds))
    await db('exhibition_partners').insert({ exhibition_id: exhibitionId, partner_id: partnerId });
}

/**
 * Inserts an exhibition and its partners; answers its id. `titleKey`: the search key when
 * it is not the title and venue (the demonstration's data keep theirs).
 */
export async function insertExhibition(
  db: Knex,
  v: ExhibitionValues,
  partnerIds: number[],
  actor: Actor,
  now: string,
  titleKey?: string,
): Promise<number> {
  const id = await insertId(db('exhibitions'), {
    ...exhibitionValues(v, titleKey),
    ...firstVersion(actor, now),
  });
  await setPartners(db, id, partnerIds);
  return id;
}

/** Writes the exhibition's values and partners over version `version`; false when another user changed it first. */
export async function updateExhibition(
  db: Knex,
  id: number,
  version: number,
  v: ExhibitionValues,
  partnerIds: number[],
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await updateVersion(db('exhibitions'), id, version, exhibitionValues(v), actor, now);
  if (n !== 1) return false;
  await setPartners(db, id, partnerIds);
  return true;
}

/** What the exhibitions a partner or a work was part of show of each (`exhibitions as x`). */
const listedColumns = ['x.id', 'x.title', 'x.venue', 'x.starts_on', 'x.ends_on'];

/** The exhibitions a partner took part in, the latest first. */
export async function exhibitionsOfPartner(db: Knex, partnerId: number): Promise<Array<z.infer<typeof PartnerExhibition>>> {
  const rows = (await db('exhibitions as x')
    .join('exhibition_partners as ep', 'ep.exhibition_id', 'x.id')
    .where('ep.partner_id', partnerId)
    .orderBy('x.starts_on', 'desc')
    .select(...listedColumns, db.raw('(select count(*) from exhibition_works ew where ew.exhibition_id = x.id) as work_count'))) as Row[];
  return rows.map((r) => ({ ...exhibitionHeading(r), workCount: Number(r.work_count) }));
}

/** The exhibitions a work is on the checklist of, the latest first, and whether its loan to each is open. */
export async function exhibitionsOfArtwork(db: Knex, artworkId: number): Promise<Array<z.infer<typeof ArtworkExhibition>>> {
  const rows = (await db('exhibition_works as ew')
    .join('exhibitions as x', 'x.id', 'ew.exhibition_id')
    .where('ew.artwork_id', artworkId)
    .orderBy('x.starts_on', 'desc')
    .select(
      ...listedColumns,
      'ew.catalog_number',
      db.raw(
        '(select count(*) from exhibition_loans l where l.exhibition_id = x.id and l.artwork_id = ew.artwork_id and l.returned_on is null) as open_loans',
      ),
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
}

/** How many exhibitions are running on `today` (started, not ended). */
export async function runningExhibitions(db: Knex, today: string): Promise<number> {
  const [running] = (await db('exhibitions')
    .whereNotNull('starts_on')
    .where('starts_on', '<=', today)
    .where((b) => b.whereNull('ends_on').orWhere('ends_on', '>=', today))
    .count({ n: '*' })) as Row[];
  return toCount(running);
}
