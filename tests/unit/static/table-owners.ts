/**
 * Which domain (folder of electron/main) owns each table: only that folder's repository
 * (`repository.ts` or `repository/`) names it; the rest of the domain and every other domain
 * call the repository's functions (joins too: `joinEstablishment`, `joinAttachment`).
 */
const owned: Record<string, string[]> = {
  establishments: ['establishments', 'regional_offices', 'staff_members', 'population_counts'],
  auth: ['users', 'user_establishments'],
  audit: ['audit_log'],
  files: ['attachments', 'attachment_blobs', 'record_papers'],
  app: ['settings'],
  privacy: ['personal_data_exports'],
  inventory: [
    'instruments',
    'instrument_types',
    'instrument_movements',
    'instrument_photos',
    'stocktakes',
    'stocktake_counts',
    'consumable_items',
    'consumable_minimums',
    'consumable_movements',
    'instrument_recoveries',
    'custodian_reviews',
    'instruments_search',
  ],
  contracts: [
    'teachers',
    'teacher_authorisations',
    'teacher_disciplines',
    'teacher_documents',
    'teacher_suspensions',
    'contracts',
    'contract_documents',
    'contract_establishments',
    'contract_events',
    'contract_months',
    'contract_workshops',
    'contract_workshop_reviews',
    'service_conformities',
    'budget_years',
    'budget_lines',
    'teachers_search',
    'contracts_search',
    'budget_expenses',
    'budget_modifications',
  ],
  programmes: [
    'workshops',
    'workshop_sessions',
    'workshop_teachers',
    'workshop_teacher_reviews',
    'participants',
    'participant_movements',
    'enrolments',
    'enrolment_stages',
    'attendance',
    'attendance_monthly',
    'attendance_workshop_monthly',
    'attendance_month_people',
    'ensembles',
    'events',
    'event_ensembles',
    'event_partners',
    'event_photos',
    'partners',
    'partner_donations',
    'agreements',
    'seasons',
    'ensemble_part_reviews',
    'participants_search',
    'workshops_search',
    'initiatives',
    'initiative_partners',
    'initiative_agreements',
    'unesco_entries',
  ],
  internarte: [
    'artworks',
    'artwork_condition_photos',
    'artwork_condition_reports',
    'artwork_consents',
    'artwork_custody',
    'artwork_photos',
    'exhibitions',
    'exhibition_loans',
    'exhibition_partners',
    'exhibition_works',
    'loan_photos',
  ],
  notifications: ['notification_prefs', 'notification_summaries'],
  lists: ['saved_views'],
  sites: ['site_changes', 'site_capture', 'installation', 'sites', 'site_seen', 'site_conflicts', 'site_refusals'],
};

export function tableOwners() {
  return {
    tables: Object.fromEntries(Object.entries(owned).flatMap(([domain, tables]) => tables.map((t) => [t, domain]))) as Record<
      string,
      string
    >,
    /**
     * Code that works on the whole database as one, table by table, whatever the domain:
     * the backup archive, the copy between this PC and the office's server, the migrations'
     * runner, the list of what travels to and from the sites. They name every table by design.
     */
    wholeDatabase: [
      'electron/main/backups/archive.ts',
      'electron/main/office/copy.ts',
      'electron/main/db/open.ts',
      // The tables whose rows travel between a prison's site and the centre (issue 20).
      'electron/main/sites/travelling.ts',
      // An establishment's reference data, read for an enrolment package and inserted by a new site.
      'electron/main/sites/reference.ts',
      // A travelling row as a package carries it (foreign keys as gids), and the establishment each row belongs to.
      'electron/main/sites/rows.ts',
      // The ledgers' state machines a site's package meets at the centre (instruments, participants, artworks).
      'electron/main/sites/state-machines.ts',
      // What the centre accepts from a site's package, by table (the rows a site records itself).
      'electron/main/sites/from-site.ts',
      // A conflicting row of any travelling register shown in the reader's words (a session by its workshop) and written back.
      'electron/main/sites/conflicts.ts',
    ],
  };
}
