import type { Knex } from 'knex';

/**
 * A curator's choices for the printed catalog (issue 18, item 3):
 *
 * - `exhibitions.cover_artwork_id`: the work whose photo is the catalog's cover (null: the first
 *   work with a publishable photo). Main checks it is on the exhibition's checklist and prints it
 *   only while its artist's consent allows the photo's publication; a work taken off the
 *   checklist or deleted leaves the choice empty.
 * - The exhibition's texts in English beside the Spanish ones (`*_en`), used by an English
 *   catalog; a missing one falls back to the Spanish text.
 * - `partners.logo_hash`: the partner's logo (PNG or SVG), a managed attachment shown on the
 *   catalog's cover and in its credits.
 *
 * Plain added columns: the same statements on SQLite and PostgreSQL. Frozen once landed.
 */
// Raw ADD COLUMN on purpose: on SQLite, knex adds a column with a foreign key by rebuilding the
// table, which would run the ON DELETE CASCADE of the exhibitions' checklists.
const added = [
  'ALTER TABLE exhibitions ADD COLUMN cover_artwork_id integer NULL REFERENCES artworks (id) ON DELETE SET NULL',
  'ALTER TABLE exhibitions ADD COLUMN title_en varchar(200) NULL',
  'ALTER TABLE exhibitions ADD COLUMN subtitle_en varchar(200) NULL',
  'ALTER TABLE exhibitions ADD COLUMN presentation_en text NULL',
  'ALTER TABLE exhibitions ADD COLUMN curatorial_text_en text NULL',
  'ALTER TABLE exhibitions ADD COLUMN credits_en text NULL',
  'ALTER TABLE partners ADD COLUMN logo_hash varchar(64) NULL REFERENCES attachments (hash) ON DELETE RESTRICT',
];

export async function up(knex: Knex): Promise<void> {
  for (const sql of added) await knex.raw(sql);
}

/** Knex drops the columns (on SQLite by rebuilding the table with the foreign keys held off). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('partners', (t) => {
    t.dropColumn('logo_hash');
  });
  await knex.schema.alterTable('exhibitions', (t) => {
    t.dropColumn('cover_artwork_id');
    t.dropColumn('title_en');
    t.dropColumn('subtitle_en');
    t.dropColumn('presentation_en');
    t.dropColumn('curatorial_text_en');
    t.dropColumn('credits_en');
  });
}
