import type { Knex } from 'knex';
import type { SectionMode } from '../../../../shared/internarte/rules';
import type { ChecklistRow } from '../../../../shared/internarte/schemas';
import { nonEmpty, type Row, str, num } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import { thumbnailDataUrl } from '../../files/attachments';
import { joinParticipant } from '../../programmes/repository/for-internarte';
import { primaryPhotoHash } from './artworks';
import { consentColumns, joinLatestConsent } from './consents';
import { canSeeArtists, consentedLabel, consentOfRow, realNameOf, type ViewContext } from './view';

/** An exhibition's checklist: the works shown, in order, each with its catalog number and section. */

/**
 * The checklist's works in order (ew: the checklist entry, a: the work, e: its establishment,
 * p: its artist in the register, c: its latest consent), for the caller to select from.
 */
export const checklistWorks = (db: Knex, exhibitionId: number): Knex.QueryBuilder =>
  joinLatestConsent(
    db,
    joinParticipant(
      joinEstablishment(db('exhibition_works as ew').join('artworks as a', 'a.id', 'ew.artwork_id'), 'e', 'a.establishment_id'),
      'p',
      'a.artist_participant_id',
      'left',
    ),
  )
    .where('ew.exhibition_id', exhibitionId)
    .orderBy('ew.position')
    .orderBy('ew.id');

/** What every reader of the checklist selects of each entry and its work (checklistWorks' aliases). */
export const checklistWorkColumns = [
  'ew.catalog_number',
  'ew.section',
  'a.id',
  'a.title',
  'a.artist_participant_id',
  'a.artist_name',
  'a.technique',
];

/** The checklist as this user sees it: every work (with its consent flags), the artist as this user may see it. */
export async function checklistRows(db: Knex, exhibitionId: number, mode: SectionMode, v: ViewContext): Promise<ChecklistRow[]> {
  const rows = (await checklistWorks(db, exhibitionId).select(
    'ew.position',
    ...checklistWorkColumns,
    'a.year',
    'a.custody_status',
    'e.name as establishment_name',
    'p.first_names as p_first_names',
    'p.last_names as p_last_names',
    ...consentColumns,
    db.raw(
      '(select count(*) from exhibition_loans l where l.exhibition_id = ew.exhibition_id and l.artwork_id = a.id and l.returned_on is null) as open_loans',
    ),
    primaryPhotoHash(db, 'a'),
  )) as Row[];
  const seesNames = canSeeArtists(v.session);
  const thumbnails = await Promise.all(rows.map((r) => (r.primary_hash ? thumbnailDataUrl(v.attachments, String(r.primary_hash)) : null)));
  return rows.map((r, i) => {
    const consent = consentOfRow(r);
    const realName = realNameOf(r);
    const technique = r.technique as ChecklistRow['technique'];
    return {
      artworkId: Number(r.id),
      position: Number(r.position),
      catalogNumber: String(r.catalog_number),
      section: nonEmpty(r.section),
      sectionLabel:
        mode === 'establecimiento'
          ? String(r.establishment_name)
          : mode === 'tecnica'
            ? v.t(`internarte.techniques.${technique}`)
            : mode === 'libre'
              ? nonEmpty(r.section)
              : null,
      title: String(r.title),
      artistLabel: seesNames ? realName : consentedLabel(realName, consent, v.t).label,
      establishmentName: String(r.establishment_name),
      technique,
      year: num(r.year),
      custodyStatus: r.custody_status as ChecklistRow['custodyStatus'],
      mayExhibit: consent.mayExhibit,
      mayCatalog: consent.mayCatalog,
      mayBeCover: consent.mayCatalog && consent.mayPhotograph && Boolean(r.primary_hash),
      loanOpen: Number(r.open_loans) > 0,
      thumbnail: thumbnails[i] ?? null,
    };
  });
}

/** A work's entry on an exhibition's checklist. */
export interface ChecklistItem {
  id: number;
  catalogNumber: string;
  section: string | null;
}

/** A work's entry on the checklist, or null when it is not on it. */
export async function checklistItem(db: Knex, exhibitionId: number, artworkId: number): Promise<ChecklistItem | null> {
  const item = (await db('exhibition_works')
    .where({ exhibition_id: exhibitionId, artwork_id: artworkId })
    .first('id', 'catalog_number', 'section')) as Row | undefined;
  return item ? { id: Number(item.id), catalogNumber: String(item.catalog_number), section: str(item.section) } : null;
}

/**
 * Adds these works at the end of the checklist, in order, each with the next free catalog
 * number; a work already on it stays where it is. Answers the works added.
 */
export async function appendToChecklist(db: Knex, exhibitionId: number, artworkIds: readonly number[]): Promise<number[]> {
  const existing = (await db('exhibition_works')
    .where({ exhibition_id: exhibitionId })
    .select('artwork_id', 'position', 'catalog_number')) as Row[];
  const present = new Set(existing.map((r) => Number(r.artwork_id)));
  const numbers = new Set(existing.map((r) => String(r.catalog_number)));
  let position = existing.reduce((m, r) => Math.max(m, Number(r.position)), 0);
  let next = existing.reduce((m, r) => Math.max(m, /^\d+$/.test(String(r.catalog_number)) ? Number(r.catalog_number) : 0), 0);
  const added: number[] = [];
  for (const id of artworkIds) {
    if (present.has(id)) continue;
    do next += 1;
    while (numbers.has(String(next)));
    position += 1;
    await db('exhibition_works').insert({
      exhibition_id: exhibitionId,
      artwork_id: id,
      position,
      catalog_number: String(next),
      section: null,
    });
    added.push(id);
  }
  return added;
}

/** Whether another work of the checklist already has this catalog number. */
export async function catalogNumberTaken(db: Knex, exhibitionId: number, catalogNumber: string, exceptArtworkId: number): Promise<boolean> {
  return (
    (await db('exhibition_works')
      .where({ exhibition_id: exhibitionId, catalog_number: catalogNumber })
      .whereNot({ artwork_id: exceptArtworkId })
      .first('id')) !== undefined
  );
}

export async function updateChecklistItem(db: Knex, itemId: number, v: { catalogNumber: string; section: string | null }): Promise<void> {
  await db('exhibition_works').where({ id: itemId }).update({ catalog_number: v.catalogNumber, section: v.section });
}

/** Moves a work one place up or down the checklist (nothing past either end). */
export async function moveChecklistItem(db: Knex, exhibitionId: number, artworkId: number, direction: 'up' | 'down'): Promise<void> {
  const items = (await db('exhibition_works')
    .where({ exhibition_id: exhibitionId })
    .orderBy('position')
    .orderBy('id')
    .select('id', 'artwork_id')) as Row[];
  const i = items.findIndex((r) => Number(r.artwork_id) === artworkId);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j >= 0 && j < items.length) {
    [items[i], items[j]] = [items[j]!, items[i]!];
    // Positions are rewritten 1..n in the new order.
    for (const [k, r] of items.entries())
      await db('exhibition_works')
        .where({ id: r.id })
        .update({ position: k + 1 });
  }
}

export async function removeChecklistItem(db: Knex, itemId: number): Promise<void> {
  await db('exhibition_works').where({ id: itemId }).delete();
}
