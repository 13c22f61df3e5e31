import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations';

/**
 * A landed migration is frozen (docs/ARCHITECTURE.md): the PCs that already ran it will never run it
 * again, so an edit — even one that moves its columns into a shared helper — would make new
 * databases differ from old ones. Each landed migration's text (line endings aside) is pinned here;
 * a new migration adds its line, and no line is ever changed.
 */
const landed: Record<string, string> = {
  '20261126_0001_foundation': '271ae3776a725c89',
  '20261126_0002_inventory': 'abd6fbc3bc1627cb',
  '20261126_0003_contracts': '736e904c4142328c',
  '20261126_0004_users': '360cc67c87553b45',
  '20261126_0005_programmes': '4031f03855b58e2c',
  '20261126_0006_internarte': '33e9f44d4af1dfdd',
  '20261126_0007_office': '0fed0718d87abb1f',
  '20261126_0008_event_title_key': '20fce0888f2e8b6f',
  '20261126_0009_attachment_blobs': '5f2cd43772c10701',
  '20261203_0010_linked_custody': 'c3fcf7e42742b595',
  '20261204_0011_ensemble_parts': '5889119eec11889e',
  '20261204_0012_workshop_teachers': '705f6bccc927f363',
  '20261204_0013_contract_workshops': 'ee01662deb004bf9',
  '20261204_0014_agreement_links': '741f24c131873a41',
  '20261204_0015_establishment_population': 'b66f69f8b110681f',
  '20261204_0016_art_equipment_materials': 'a085612dd1e657ad',
  '20261205_0017_expenses': 'b9c8defcc8a6c5ba',
  '20261205_0018_notification_prefs': '8bcdc4b1dc74ac4d',
  '20261205_0019_search': 'fe1193b7146af317',
  '20261205_0020_record_papers': '525beaa9d9bc7b99',
  '20261205_0021_saved_views': 'e5cccafa9857ef3b',
  '20261206_0022_initiatives': 'd51978a0c6e54d70',
  '20261206_0023_unesco_entries': 'aeaddc415cf40d45',
  '20261206_0024_release_follow_up': '6335e41b6baf6df6',
  '20261207_0025_attendance_monthly': 'b509c00a45bbadc6',
  '20261208_0026_enrolment_reach_indexes': '9eb9980b0d044659',
  '20261209_0027_catalog_choices': 'cc53911920bc686d',
  '20261210_0028_site_sync': '0eb2f2e69d5c0e1e',
  '20261211_0029_site_roles': '125bf458614fee7d',
  '20261212_0030_site_conflicts': '58314c091b28c619',
  '20261213_0031_site_changes_index': 'd24454521d7687e5',
};

const dir = path.resolve(__dirname, '../../../migrations');
const fingerprint = (name: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex')
    .slice(0, 16);

describe('landed migrations', () => {
  it('are all still in the list knex runs, in the same order', () => {
    expect(migrations.map(([name]) => name).slice(0, Object.keys(landed).length)).toEqual(Object.keys(landed));
  });

  it.each(Object.keys(landed))('%s is unchanged since it landed', (name) => {
    expect(fingerprint(name)).toBe(landed[name]);
  });

  it('import nothing but knex: a helper they shared could change them all at once', () => {
    for (const name of Object.keys(landed)) {
      const text = fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter((i) => i !== 'knex'),
        name,
      ).toEqual([]);
    }
  });
});
