import type { Knex } from 'knex';
import type { ConsentNow } from '../../../../shared/internarte/schemas';
import { nonEmpty, num, type Row } from '../../db/rows';
import { joinAttachment } from '../../files/repository/attachments';
import { primaryPhotoHash } from './artworks';
import { checklistWorkColumns, checklistWorks } from './checklist';
import { consentColumns } from './consents';
import { consentOfRow, realNameOf } from './view';

/**
 * What the printed outputs are read from, before consent is applied (internarte/outputs.ts
 * applies it): every work of the checklist with its real artist and current consent, and
 * the primary photos' files. Nothing here leaves main as it is.
 */

export interface CatalogSourceWork {
  artworkId: number;
  catalogNumber: string;
  section: string | null;
  title: string;
  /** The artist's real name: outputs.ts shows it only as consent allows. */
  realName: string;
  consent: ConsentNow;
  /** The technique's code. */
  technique: string;
  materials: string | null;
  heightMm: number | null;
  widthMm: number | null;
  depthMm: number | null;
  year: number | null;
  priceCentimos: number | null;
  saleStatus: string;
  establishmentName: string;
  /** The primary photo's attachment, if the work has one. */
  primaryHash: string | null;
}

/** The checklist's works in order, as the outputs read them. */
export async function catalogSourceWorks(db: Knex, exhibitionId: number): Promise<CatalogSourceWork[]> {
  const rows = (await checklistWorks(db, exhibitionId).select(
    ...checklistWorkColumns,
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
    primaryPhotoHash(db, 'a'),
  )) as Row[];
  return rows.map((r) => ({
    artworkId: Number(r.id),
    catalogNumber: String(r.catalog_number),
    section: nonEmpty(r.section),
    title: String(r.title),
    realName: realNameOf(r),
    consent: consentOfRow(r),
    technique: String(r.technique),
    materials: nonEmpty(r.materials),
    heightMm: num(r.height_mm),
    widthMm: num(r.width_mm),
    depthMm: num(r.depth_mm),
    year: num(r.year),
    priceCentimos: num(r.price_centimos),
    saleStatus: String(r.sale_status),
    establishmentName: String(r.establishment_name),
    primaryHash: typeof r.primary_hash === 'string' ? r.primary_hash : null,
  }));
}

export interface PhotoFile {
  hash: string;
  mime: string;
  width: number | null;
  height: number | null;
}

/** The files of these artworks' photos (type and pixel size), by hash; 500 hashes a query. */
export async function photoFiles(db: Knex, hashes: readonly string[]): Promise<Map<string, PhotoFile>> {
  const out = new Map<string, PhotoFile>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = (await joinAttachment(db('artwork_photos as ph'), 'f', 'ph.attachment_hash')
      .whereIn('ph.attachment_hash', hashes.slice(i, i + 500))
      .distinct('f.hash', 'f.mime', 'f.width', 'f.height')) as Row[];
    for (const f of rows)
      out.set(String(f.hash), { hash: String(f.hash), mime: String(f.mime), width: num(f.width), height: num(f.height) });
  }
  return out;
}
