import type { Knex } from 'knex';
import { techniques, type Technique } from '../../../shared/internarte/rules';
import { storeOf, type AttachmentStore } from '../files/store';
import { translator } from '../i18n';
import { orNotFound } from '../ipc/errors';
import type { CatalogData, CatalogImage, CatalogWork, OutputLanguage } from './catalog-data';
import { englishTexts, partnerLogos, spanishTexts } from './catalog-choices';
import { catalogSourceWorks, consentedLabel, getExhibition, photoFiles } from './repository';

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
  const ex = orNotFound(await getExhibition(db, exhibitionId));
  const rows = await catalogSourceWorks(db, exhibitionId);
  const attachments = await photoFiles(
    db,
    rows.map((r) => r.primaryHash).filter((h): h is string => h !== null),
  );

  const mode = ex.sectionMode;
  const techniqueLabel = (code: string) => (techniques.includes(code as Technique) ? t(`internarte.techniques.${code}`) : code);

  const works: CatalogWork[] = [];
  for (const r of rows) {
    const consent = r.consent;
    if (purpose === 'catalog' ? !consent.mayCatalog : !consent.mayExhibit) continue;
    const { label: artistLabel, anonymous } = consentedLabel(r.realName, consent, t);
    const title = r.title;
    let image: CatalogImage | null = null;
    const att = consent.mayPhotograph && r.primaryHash !== null ? attachments.get(r.primaryHash) : undefined;
    // A real file for Chromium: on the office's server, fetched once into this PC's cache.
    const file = att && att.width !== null && att.height !== null ? await attachments$.localPath(att.hash, att.mime) : null;
    if (att && file) {
      image = {
        path: file,
        width: Number(att.width),
        height: Number(att.height),
        alt: t('internarte.outputs.alt', { title, artist: artistLabel }),
      };
    }
    const forSale = r.saleStatus === 'disponible' || r.saleStatus === 'reservada';
    const establishment = r.establishmentName;
    const technique = techniqueLabel(r.technique);
    works.push({
      artworkId: r.artworkId,
      catalogNumber: r.catalogNumber,
      section: mode === 'establecimiento' ? establishment : mode === 'tecnica' ? technique : mode === 'libre' ? r.section : null,
      title,
      artistLabel,
      anonymous,
      year: r.year,
      technique,
      materials: r.materials,
      dimensionsMm: r.heightMm === null || r.widthMm === null ? null : { height: r.heightMm, width: r.widthMm, depth: r.depthMm },
      establishment,
      image,
      priceCentimos: consent.maySell && forSale && r.priceCentimos !== null ? r.priceCentimos : null,
    });
  }

  // An English catalog prints the English texts; a missing one falls back to the Spanish (and the preflight says so).
  const texts = lang === 'en' ? englishTexts(ex) : { ...spanishTexts(ex), fallbacks: [] };
  // The chosen cover while its photo may still be published; otherwise the first work (in checklist order) whose photo may.
  const chosen = ex.coverArtworkId === null ? undefined : works.find((w) => w.artworkId === ex.coverArtworkId && w.image !== null);
  return {
    lang,
    exhibition: {
      id: ex.id,
      title: texts.title,
      subtitle: texts.subtitle,
      venue: ex.venue,
      startsOn: ex.startsOn,
      endsOn: ex.endsOn,
      curators: ex.curators,
      presentation: texts.presentation,
      curatorialText: texts.curatorialText,
      credits: texts.credits,
      partners: await partnerLogos(db, attachments$, ex.partners),
      cover: (chosen ?? works.find((w) => w.image !== null))?.image ?? null,
    },
    works,
    textFallbacks: texts.fallbacks,
    consentAsOf,
  };
}
