import type { Knex } from 'knex';
import type { Row } from '../db/rows';
import { belongsTo, sameValues, type OwnerLookups } from './rows';

/**
 * What the centre accepts from a site's package (issue 20, docs/SITES.md decision 8): the rows a
 * site records itself (shared/sites/site-writes.ts says which channels write them), of the site's
 * own establishment, before and after the change. The package's signature proves which site sent
 * it, not that its database was only changed through the app: a site's file edited by hand (an
 * account made administrador, another prison's participant, an establishment renamed) is refused
 * at the centre with the reason, and the refusal goes back to the site like any other.
 */

/** The tables whose rows a site writes (through the channels it may call). */
const SITE_TABLES: ReadonlySet<string> = new Set([
  'participants',
  'participant_movements',
  'enrolments',
  'enrolment_stages',
  'workshop_sessions',
  'attendance',
  'instruments',
  'instrument_movements',
  'instrument_photos',
  'stocktakes',
  'stocktake_counts',
  'consumable_movements',
  'events',
  'event_ensembles',
  'event_photos',
  'artworks',
  'artwork_photos',
  'artwork_consents',
  'artwork_custody',
  'artwork_condition_reports',
  'artwork_condition_photos',
  'attachments',
  'users',
]);

/** What a site may change of one of its accounts: its own password (auth.changePassword), never its role, name or state. */
const SITE_USER_COLUMNS: ReadonlySet<string> = new Set([
  'password_hash',
  'password_changed_at',
  'must_change_password',
  'updated_at',
  'updated_by',
]);

/**
 * Why the centre refuses a change from the site of establishment `e` (`centreOnly`, `outside`),
 * or null. `incoming` is the row as it would be written here (local ids), `local` the row here now;
 * `cache` reads the parents and links that say where a row belongs once for a package's rows.
 */
export async function refusedFromSite(
  db: Knex,
  e: number,
  table: string,
  incoming: Row | null,
  local: Row | null,
  cache?: OwnerLookups,
): Promise<string | null> {
  if (!SITE_TABLES.has(table)) return 'centreOnly';
  if (table === 'attachments') return null; // known by their content, the same everywhere
  if (table === 'users') {
    if (!local || !incoming) return 'centreOnly'; // a site neither makes nor removes accounts
    const changed = Object.keys(incoming).filter((c) => c !== 'gid' && !sameValues({ [c]: incoming[c] }, { [c]: local[c] }));
    if (changed.some((c) => !SITE_USER_COLUMNS.has(c))) return 'centreOnly';
  }
  if (local && !(await belongsTo(db, table, local, e, cache))) return 'outside';
  if (incoming && !(await belongsTo(db, table, { ...local, ...incoming }, e, cache))) return 'outside';
  return null;
}
