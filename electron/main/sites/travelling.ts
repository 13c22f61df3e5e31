/**
 * The tables whose rows travel between a site and the centre (issue 20, docs/SITES.md decisions 4
 * and 5), and how each row is known on both sides. Written once here for the app's code (the
 * package builder reads it); migration 20261210_0028_site_sync carries its own frozen copy, and
 * tests/unit/main/site-changes.test.ts checks that the database's triggers match this list.
 *
 * - `gid`: the row's own global id (UUID v7, column `gid`, set by the database on insert).
 * - `hash`: the row is known by its content's SHA-256 (attachments), the same everywhere.
 * - `parents`: a link or a mark with a natural composite key, known by its two parents' keys
 *   (an attendance mark is session + participant): no id of its own to keep or index.
 */
export type TravellingKey = { kind: 'gid' } | { kind: 'hash' } | { kind: 'parents'; parents: readonly [Parent, Parent] };

/** A parent named by a column of the row: a table known by gid, or attachments (known by hash). */
export interface Parent {
  column: string;
  table: string;
}

const gid = { kind: 'gid' } as const;
const parents = (a: [string, string], b: [string, string]): TravellingKey => ({
  kind: 'parents',
  parents: [
    { column: a[0], table: a[1] },
    { column: b[0], table: b[1] },
  ],
});

export const TRAVELLING: Readonly<Record<string, TravellingKey>> = {
  // Reference data the centre keeps for an establishment.
  establishments: gid,
  instrument_types: gid,
  users: gid,
  user_establishments: parents(['user_id', 'users'], ['establishment_id', 'establishments']),
  teachers: gid,
  teacher_authorisations: gid,
  instruments: gid,
  consumable_items: gid,
  consumable_minimums: parents(['item_id', 'consumable_items'], ['establishment_id', 'establishments']),
  participants: gid,
  workshops: gid,
  workshop_teachers: parents(['workshop_id', 'workshops'], ['teacher_id', 'teachers']),
  ensembles: gid,
  // What a site records.
  attachments: { kind: 'hash' },
  instrument_photos: gid,
  instrument_movements: gid,
  stocktakes: gid,
  stocktake_counts: gid,
  consumable_movements: gid,
  participant_movements: gid,
  enrolments: gid,
  enrolment_stages: gid,
  workshop_sessions: gid,
  attendance: parents(['session_id', 'workshop_sessions'], ['participant_id', 'participants']),
  events: gid,
  event_ensembles: parents(['event_id', 'events'], ['ensemble_id', 'ensembles']),
  event_photos: gid,
  artworks: gid,
  artwork_photos: gid,
  artwork_consents: gid,
  artwork_custody: gid,
  artwork_condition_reports: gid,
  artwork_condition_photos: parents(['report_id', 'artwork_condition_reports'], ['attachment_hash', 'attachments']),
};

/** The tables whose rows carry a `gid` column. */
export const GID_TABLES = Object.keys(TRAVELLING).filter((t) => TRAVELLING[t]!.kind === 'gid');
