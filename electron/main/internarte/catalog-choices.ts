import type { Exhibition } from '../../../shared/internarte/schemas';
import type { AttachmentStore } from '../files/store';
import { partnerLogoFiles } from '../programmes/repository/for-internarte';
import type { Knex } from 'knex';
import type { CatalogPartner, ExhibitionTextField } from './catalog-data';

/**
 * A curator's choices as catalogData (outputs.ts) applies them (issue 18, item 3): the texts
 * in the catalog's language, the partners' logos.
 */

type Texts = Record<ExhibitionTextField, string | null> & { title: string };

export function spanishTexts(ex: Exhibition): Texts {
  return {
    title: ex.title,
    subtitle: ex.subtitle,
    presentation: ex.presentation,
    curatorialText: ex.curatorialText,
    credits: ex.credits,
  };
}

/**
 * The English texts; where one is missing and the Spanish one is not, the Spanish one prints
 * and the field is listed in `fallbacks` (the preflight names it).
 */
export function englishTexts(ex: Exhibition): Texts & { fallbacks: ExhibitionTextField[] } {
  const es = spanishTexts(ex);
  const en: Record<ExhibitionTextField, string | null> = {
    title: ex.titleEn,
    subtitle: ex.subtitleEn,
    presentation: ex.presentationEn,
    curatorialText: ex.curatorialTextEn,
    credits: ex.creditsEn,
  };
  const fallbacks = (Object.keys(en) as ExhibitionTextField[]).filter((k) => !en[k] && es[k]);
  return {
    title: en.title ?? es.title,
    subtitle: en.subtitle ?? es.subtitle,
    presentation: en.presentation ?? es.presentation,
    curatorialText: en.curatorialText ?? es.curatorialText,
    credits: en.credits ?? es.credits,
    fallbacks,
  };
}

/** The exhibition's partners with their logos (a real file for Chromium and sharp), in the exhibition's order. */
export async function partnerLogos(
  db: Knex,
  store: AttachmentStore,
  partners: ReadonlyArray<{ id: number; name: string }>,
): Promise<CatalogPartner[]> {
  const files = await partnerLogoFiles(
    db,
    partners.map((p) => p.id),
  );
  const out: CatalogPartner[] = [];
  for (const p of partners) {
    const f = files.get(p.id);
    const file = f && f.width !== null && f.height !== null ? await store.localPath(f.hash, f.mime) : null;
    out.push({ name: p.name, logo: f && file ? { path: file, width: f.width!, height: f.height!, alt: p.name } : null });
  }
  return out;
}
