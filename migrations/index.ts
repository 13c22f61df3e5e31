import type { Knex } from 'knex';
import * as m0001 from './20261126_0001_foundation';
import * as m0002 from './20261126_0002_inventory';
import * as m0003 from './20261126_0003_contracts';
import * as m0004 from './20261126_0004_users';
import * as m0005 from './20261126_0005_programmes';
import * as m0006 from './20261126_0006_internarte';
import * as m0007 from './20261126_0007_office';
import * as m0008 from './20261126_0008_event_title_key';
import * as m0009 from './20261126_0009_attachment_blobs';
import * as m0010 from './20261203_0010_linked_custody';
import * as m0011 from './20261204_0011_ensemble_parts';
import * as m0012 from './20261204_0012_workshop_teachers';
import * as m0013 from './20261204_0013_contract_workshops';
import * as m0014 from './20261204_0014_agreement_links';
import * as m0015 from './20261204_0015_establishment_population';
import * as m0016 from './20261204_0016_art_equipment_materials';
import * as m0017 from './20261205_0017_expenses';
import * as m0018 from './20261205_0018_notification_prefs';
import * as m0019 from './20261205_0019_search';
import * as m0020 from './20261205_0020_record_papers';
import * as m0021 from './20261205_0021_saved_views';
import * as m0022 from './20261206_0022_initiatives';
import * as m0023 from './20261206_0023_unesco_entries';
import * as m0024 from './20261206_0024_release_follow_up';
import * as m0025 from './20261207_0025_attendance_monthly';
import * as m0026 from './20261208_0026_enrolment_reach_indexes';
import * as m0027 from './20261209_0027_catalog_choices';
import * as m0028 from './20261210_0028_site_sync';
import * as m0029 from './20261211_0029_site_roles';
import * as m0030 from './20261212_0030_site_conflicts';
import * as m0031 from './20261213_0031_site_changes_index';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Every migration, in the order it runs. Append only: a landed migration is frozen. */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261126_0001_foundation', m0001],
  ['20261126_0002_inventory', m0002],
  ['20261126_0003_contracts', m0003],
  ['20261126_0004_users', m0004],
  ['20261126_0005_programmes', m0005],
  ['20261126_0006_internarte', m0006],
  ['20261126_0007_office', m0007],
  ['20261126_0008_event_title_key', m0008],
  ['20261126_0009_attachment_blobs', m0009],
  ['20261203_0010_linked_custody', m0010],
  ['20261204_0011_ensemble_parts', m0011],
  ['20261204_0012_workshop_teachers', m0012],
  ['20261204_0013_contract_workshops', m0013],
  ['20261204_0014_agreement_links', m0014],
  ['20261204_0015_establishment_population', m0015],
  ['20261204_0016_art_equipment_materials', m0016],
  ['20261205_0017_expenses', m0017],
  ['20261205_0018_notification_prefs', m0018],
  ['20261205_0019_search', m0019],
  ['20261205_0020_record_papers', m0020],
  ['20261205_0021_saved_views', m0021],
  ['20261206_0022_initiatives', m0022],
  ['20261206_0023_unesco_entries', m0023],
  ['20261206_0024_release_follow_up', m0024],
  ['20261207_0025_attendance_monthly', m0025],
  ['20261208_0026_enrolment_reach_indexes', m0026],
  ['20261209_0027_catalog_choices', m0027],
  ['20261210_0028_site_sync', m0028],
  ['20261211_0029_site_roles', m0029],
  ['20261212_0030_site_conflicts', m0030],
  ['20261213_0031_site_changes_index', m0031],
];

/** Knex reads migrations from this list, so the bundled app needs no migrations folder on disk. */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => migrations.map(([name]) => name),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const found = migrations.find(([n]) => n === name);
    if (!found) throw new Error(`Unknown migration ${name}`);
    return found[1];
  },
};
