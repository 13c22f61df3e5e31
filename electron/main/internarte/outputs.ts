import type { Knex } from 'knex';
import { techniques, type SectionMode, type Technique } from '../../../shared/internarte/rules';
import { storeOf, type AttachmentStore } from '../files/store';
import { translator } from '../i18n';
import { AppError } from '../ipc/errors';
import type { CatalogData, CatalogImage, CatalogWork, OutputLanguage } from './catalog-data';
import { consentColumns, consentedLabel, consentOfRow, joinLatestConsent, realNameOf } from './repository';
import { nonEmpty, num, type Row } from '../db/rows';

/**
 * What an exhibition's printed and exported outputs may show, decided here in main and
 * nowhere else: the catalog (only works whose artist allowed a printed catalog), the wall
 * labels and the checklist (only works allowed to be exhibited). In every one: the image
 * only with photo consent, the price only with sale consent, and the artist only as the
 * consent names them (full name, initials, pseudonym, or the word for "anonymous"); the
 * real name never leaves this function otherwise, not even in alt text. Consent is read at
 * the moment of the call, so a revocation applies to every output made after it.
 */

export type OutputPurpose = 'catalog' | 'labels';



export async function catalogData(
  db: Knex,
  /** The attachment store (ctx.attachments), or a folder of attachments (the platform's paths). */
  store: AttachmentStore | { attachmentsDir: string },
  exhibitionId: number,
  purpose: OutputPurpose,
  lang: OutputLanguage,
): Promise<CatalogData> {
  const attachments$ = 'attachmentsDir' in store ? storeOf(store.attachmentsDir) : store;
  const t = translator(lang);
  const consentAsOf = new Date().toISOString();
  const ex = (await db('exhibitions').where({ id: exhibitionId }).first()) as Row | undefined;
  if (!ex) throw new AppError('not_found', 'errors.notFound');

  const partners = (await db('exhibition_partners as ep')
    .join('partners as p', 'p.id', 'ep.partner_id')
    .where('ep.exhibition_id', exhibitionId)
    .orderBy('p.name_key')
    .select('p.name')) as Row[];

  const rows = (await joinLatestConsent(
    db,
    db('exhibition_works as ew')
      .join('artworks as a', 'a.id', 'ew.artwork_id')
      .join('establishments as e', 'e.id', 'a.establishment_id')
      .leftJoin('participants as p', 'p.id', 'a.artist_participant_id'),
  )
    .where('ew.exhibition_id', exhibitionId)
    .orderBy('ew.position')
    .orderBy('ew.id')
    .select(
      'ew.catalog_number',
      'ew.section',
      'a.id',
      'a.title',
      'a.artist_participant_id',
      'a.artist_name',
      'a.technique',
      'a.materials',
      'a.height_mm',
      'a.width_mm',
      'a.depth_mm',
      'a.year',
      'a.price_centimos',
      'a.sale_status',
      'e.name as establishment_name',
      'p.first_names as p_first_names',
      'p.last_names as p_last_names',
      ...consentColumns,
      db.raw(
        '(select ph.attachment_hash from artwork_photos ph where ph.artwork_id = a.id order by ph.is_primary desc, ph.id asc limit 1) as primary_hash',
      ),
    )) as Row[];

  const hashes = rows.map((r) => r.primary_hash).filter((h): h is string => typeof h === 'string');
  const attachments = new Map<string, Row>();
  for (let i = 0; i < hashes.length; i += 500) {
    for (const a of (await db('attachments').whereIn('hash', hashes.slice(i, i + 500)).select('hash', 'mime', 'width', 'height')) as Row[]) {
      attachments.set(String(a.hash), a);
    }
  }

  const mode = String(ex.section_mode ?? 'ninguna') as SectionMode;
  const techniqueLabel = (code: string) => (techniques.includes(code as Technique) ? t(`internarte.techniques.${code}`) : code);

  const works: CatalogWork[] = [];
  for (const r of rows) {
    const consent = consentOfRow(r);
    if (purpose === 'catalog' ? !consent.mayCatalog : !consent.mayExhibit) continue;
    const { label: artistLabel, anonymous } = consentedLabel(realNameOf(r), consent, t);
    const title = String(r.title);
    let image: CatalogImage | null = null;
    const att = consent.mayPhotograph && typeof r.primary_hash === 'string' ? attachments.get(r.primary_hash) : undefined;
    // A real file for Chromium: on the office's server, fetched once into this PC's cache.
    const file = att && att.width !== null && att.height !== null ? await attachments$.localPath(String(att.hash), String(att.mime)) : null;
    if (att && file) {
      image = {
        path: file,
        width: Number(att.width),
        height: Number(att.height),
        alt: t('internarte.outputs.alt', { title, artist: artistLabel }),
      };
    }
    const saleStatus = String(r.sale_status);
    const forSale = saleStatus === 'disponible' || saleStatus === 'reservada';
    const establishment = String(r.establishment_name);
    const technique = techniqueLabel(String(r.technique));
    works.push({
      artworkId: Number(r.id),
      catalogNumber: String(r.catalog_number),
      section: mode === 'establecimiento' ? establishment : mode === 'tecnica' ? technique : mode === 'libre' ? nonEmpty(r.section) : null,
      title,
      artistLabel,
      anonymous,
      year: num(r.year),
      technique,
      materials: nonEmpty(r.materials),
      dimensionsMm:
        r.height_mm === null || r.width_mm === null
          ? null
          : { height: Number(r.height_mm), width: Number(r.width_mm), depth: num(r.depth_mm) },
      establishment,
      image,
      priceCentimos: consent.maySell && forSale && r.price_centimos !== null ? Number(r.price_centimos) : null,
    });
  }

  const curators = String(ex.curators ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

  return {
    lang,
    exhibition: {
      id: Number(ex.id),
      title: String(ex.title),
      subtitle: nonEmpty(ex.subtitle),
      venue: nonEmpty(ex.venue),
      startsOn: nonEmpty(ex.starts_on),
      endsOn: nonEmpty(ex.ends_on),
      curators,
      presentation: nonEmpty(ex.presentation),
      curatorialText: nonEmpty(ex.curatorial_text),
      credits: nonEmpty(ex.credits),
      partners: partners.map((p) => ({ name: String(p.name), logo: null })),
      // The cover shows the first work (in checklist order) whose photo may be published.
      cover: works.find((w) => w.image !== null)?.image ?? null,
    },
    works,
    consentAsOf,
  };
}
