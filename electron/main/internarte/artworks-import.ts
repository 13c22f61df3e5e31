import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { ArtworkCreate } from '../../../shared/internarte/artwork-schemas';
import { saleStatuses, techniques, type SaleStatus, type Technique } from '../../../shared/internarte/rules';
import { storeAttachment } from '../files/attachments';
import { linkGalleryPhoto } from '../files/repository/gallery';
import { MAX_PHOTO_BYTES } from '../files/uploads';
import { AppError, stale } from '../ipc/errors';
import { addSchemaErrors, choiceReader, establishmentRegister, readDateCell, refId, textOf as text } from '../import/cells';
import type { Cell, ExistingRecord, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { parseAmountCell } from '../import/values';
import { participantFullName } from '../programmes/repository/for-internarte';
import * as repo from './repository';

/**
 * Artworks from the clerks' spreadsheets, with the same schema as the artwork form
 * (ArtworkCreate): title, the artist's name as written (choosing a participant of the
 * register, and the consent of the artist, stay in the app: an import records no consent
 * and no pseudonym, so a new work is shown as consent allows — not at all), establishment,
 * technique, materials, measures in centimetres, year, price, sale status (never "vendida":
 * a sale needs the artist's consent and its custody entry), notes, the date it was received.
 *
 * Key: the title (ignoring case and accents). 'create' refuses a title already registered;
 * 'upsert' updates the one work with that title (its artist stays as recorded; two works
 * with the title: refused, edit them in the app) and adds the row's photos.
 *
 * Photos: the clerk chooses a folder (import.chooseFolder, main's dialog); the photo column
 * names one or more files in it (separated by ";"), matched ignoring case, with or without
 * extension. A file not found is the row's error. They are stored in the attachment store
 * and linked to the work inside the import's transaction, as «Agregar fotos» does.
 */

/** What the form takes, the artist as a name typed in (repository/artworks.ts ArtworkValues). */
export interface ArtworkRow extends Omit<repo.ArtworkValues, 'artistParticipantId' | 'artistName' | 'workshopId' | 'artistRealName'> {
  artistName: string;
  technique: Technique;
  saleStatus: SaleStatus;
  receivedOn: string | null;
  /** Full paths of the photos found in the folder. */
  photos: string[];
}

interface Ctx {
  establishments: RegisterEntry[];
  /** File names in the chosen folder by lower-case name and by lower-case name without extension. */
  files: Map<string, string> | null;
  folder: string | null;
  /** The registered works by title key. */
  titles: Map<string, number>;
  env: ImportEnv;
}

const techniqueChoice = choiceReader(techniques, 'internarte.techniques', {
  ceramica_alta_temperatura: ['ceramica'],
  pintura_oleo: ['oleo', 'oleo sobre lienzo'],
  acrilico: ['acrilico sobre lienzo'],
});
const saleChoice = choiceReader(saleStatuses, 'internarte.saleStatuses', {
  no_a_la_venta: ['no', 'no a la venta'],
  disponible: ['a la venta', 'en venta'],
});

/** Centimetres (a number, or text with a dot or a comma, one decimal at most) → millimetres; null: empty. */
function millimetres(c: Cell | undefined): number | null | 'invalid' {
  if (text(c) === '') return null;
  const s =
    typeof c === 'number'
      ? String(c)
      : text(c)
          .replace(/\s*cm$/i, '')
          .replace(',', '.');
  if (!/^\d+(\.\d)?$/.test(s)) return 'invalid';
  const [whole, tenth = '0'] = s.split('.') as [string, string?];
  return Number(whole) * 10 + Number(tenth);
}

function folderFiles(folder: string | null): Map<string, string> | null {
  if (folder === null) return null;
  // A folder gone since it was chosen (a USB stick taken out) holds nothing: each photo is then reported missing.
  const entries = fs.existsSync(folder) ? fs.readdirSync(folder, { withFileTypes: true }) : [];
  const names = entries
    .filter((f) => f.isFile())
    .map((f) => f.name)
    .sort();
  const out = new Map<string, string>();
  for (const n of names) out.set(n.toLowerCase(), n);
  // Without extension: the first one (in name order) when several share it.
  for (const n of names) {
    const stem = path.parse(n).name.toLowerCase();
    if (!out.has(stem)) out.set(stem, n);
  }
  return out;
}

async function existingArtworks(db: Knex, keys: string[]): Promise<Map<string, ExistingRecord>> {
  const byKey = new Map(keys.map((k) => [normalizeText(k), k]));
  const out = new Map<string, ExistingRecord>();
  for (const r of await repo.artworksByTitleKeys(db, [...byKey.keys()])) {
    const k = byKey.get(r.titleKey)!;
    const found = out.get(k);
    out.set(k, { id: found?.id ?? r.id, establishments: [...(found?.establishments ?? []), r.establishmentId] });
  }
  return out;
}

export const artworksTarget: ImportTarget<ArtworkRow, Ctx> = {
  entity: 'artworks',
  fields: importFields({
    title: 'internarte.artworks.fields.title | titulo, obra, nombre de la obra, titulo de la obra',
    artistName: 'internarte.artworks.fields.artistName | artista, autor, autora, artist',
    establishment:
      'internarte.artworks.fields.establishment | establecimiento, establecimiento penitenciario, ep, e p, penal, sede, origen | registro',
    technique: 'internarte.artworks.fields.technique | tecnica',
    materials: 'internarte.artworks.fields.materials | material, soporte | opcional',
    height: 'internarte.artworks.fields.height | alto, alto cm, altura',
    width: 'internarte.artworks.fields.width | ancho, ancho cm',
    depth: 'internarte.artworks.fields.depth | profundidad, fondo | opcional',
    year: 'internarte.artworks.fields.year | ano, anio, año de creacion | opcional',
    price: 'internarte.artworks.fields.price | precio, precio s, valor | opcional',
    saleStatus: 'internarte.artworks.fields.saleStatus | venta, estado de venta, a la venta | opcional',
    receivedOn: 'internarte.artworks.receivedOn | fecha, fecha de recepcion, recibida | opcional',
    notes: 'internarte.artworks.fields.notes | observaciones, obs, notas | opcional',
    photo: 'internarte.artworks.fields.photo | fotos, foto, imagen, archivo, fotografia | opcional',
  }),

  example: [
    {
      title: 'Paisaje andino (plantilla)',
      artistName: 'Artista de ejemplo',
      establishment: 'E.P. Lurigancho',
      technique: 'Acrílico',
      materials: 'Acrílico sobre lienzo',
      height: 60,
      width: '80,5',
      depth: '',
      year: 2026,
      price: 'S/ 1,250.00',
      saleStatus: 'Disponible',
      receivedOn: '15/03/2026',
      notes: '',
      photo: '',
    },
  ],

  key: {
    field: 'title',
    existing: existingArtworks,
    exists: (title) => ({ key: 'internarte.artworks.importExists', params: { title } }),
  },
  scopeField: 'establishment',

  async prepare(db, env) {
    const establishments = await establishmentRegister(db);
    const titles = new Map<string, number>();
    for (const r of await repo.artworkTitleKeys(db)) titles.set(r, (titles.get(r) ?? 0) + 1);
    return { establishments, files: folderFiles(env.folder), folder: env.folder, titles, env };
  },

  register: (ctx, field) => (field === 'establishment' ? ctx.establishments : []),

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};
    const title = text(raw.title);
    const same = ctx.titles.get(normalizeText(title)) ?? 0;
    if (same > 1) errors.title = { key: 'internarte.artworks.importAmbiguous', params: { title, count: same } };

    const where = refs.establishment;
    const establishmentId = refId(where) ?? null;

    const technique = techniqueChoice.read(raw.technique);
    if (technique === null) errors.technique = { key: 'inventory.import.unknownChoice', params: { options: techniqueChoice.options } };
    const sale = saleChoice.read(raw.saleStatus);
    if (sale === null) errors.saleStatus = { key: 'inventory.import.unknownChoice', params: { options: saleChoice.options } };
    else if (sale === 'vendida') errors.saleStatus = { key: 'internarte.artworks.importNoSold' };
    const saleStatus: SaleStatus = sale && sale !== 'vendida' ? sale : 'no_a_la_venta';
    const mm: Record<string, number | null> = {};
    for (const [field, key] of [
      ['height', 'heightMm'],
      ['width', 'widthMm'],
      ['depth', 'depthMm'],
    ] as const) {
      const v = millimetres(raw[field]);
      if (v === 'invalid') errors[field] = { key: 'internarte.errors.dimension' };
      mm[key] = v === 'invalid' ? 1 : v;
    }
    let year: number | null = null;
    if (text(raw.year)) {
      year = /^\d{4}$/.test(text(raw.year)) ? Number(text(raw.year)) : NaN;
      if (Number.isNaN(year)) errors.year = { key: 'internarte.errors.year' };
    }
    let priceCentimos: number | null = null;
    if (text(raw.price)) {
      const p = parseAmountCell(raw.price);
      if ('error' in p) errors.price = p.error;
      else priceCentimos = p.centimos;
    }
    const received = readDateCell(raw.receivedOn);
    if ('error' in received) errors.receivedOn = received.error;
    const receivedOn = 'iso' in received ? received.iso : null;

    const photos: string[] = [];
    const names = text(raw.photo)
      .split(';')
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length > 0 && (ctx.files === null || ctx.folder === null)) errors.photo = { key: 'internarte.artworks.importNoFolder' };
    else if (ctx.files !== null && ctx.folder !== null) {
      const missing = names.filter((n) => !ctx.files!.has(n.toLowerCase()));
      if (missing.length > 0) {
        errors.photo = {
          key: 'internarte.artworks.importPhotoMissing',
          params: { name: missing.join('; '), folder: path.basename(ctx.folder) },
        };
      }
      for (const n of names) if (ctx.files.has(n.toLowerCase())) photos.push(path.join(ctx.folder, ctx.files.get(n.toLowerCase())!));
    }

    // The form's own schema: the same rules as typing them in.
    const checked = ArtworkCreate.safeParse({
      title,
      artistParticipantId: null,
      artistName: text(raw.artistName) || null,
      establishmentId: establishmentId ?? 1,
      workshopId: null,
      technique: technique ?? (errors.technique ? 'otra' : undefined),
      materials: text(raw.materials) || null,
      heightMm: mm.heightMm ?? undefined,
      widthMm: mm.widthMm ?? undefined,
      depthMm: mm.depthMm,
      year: year ?? null,
      priceCentimos,
      saleStatus,
      notes: text(raw.notes) || null,
      receivedOn,
    });
    if (!checked.success) {
      addSchemaErrors(errors, checked.error, { heightMm: 'height', widthMm: 'width', depthMm: 'depth', priceCentimos: 'price' });
    }
    if (Object.keys(errors).length > 0 || !checked.success || establishmentId === null) return { errors };
    const d = checked.data;
    return {
      values: {
        title: d.title,
        artistName: d.artistName!,
        establishmentId,
        technique: d.technique,
        materials: d.materials,
        heightMm: d.heightMm,
        widthMm: d.widthMm,
        depthMm: d.depthMm,
        year: d.year,
        priceCentimos: d.priceCentimos,
        saleStatus: d.saleStatus as SaleStatus,
        notes: d.notes,
        receivedOn: d.receivedOn ?? null,
        photos,
      },
    };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const existing = new Map(
      (
        await repo.artworksByTitleKeys(
          trx,
          rows.map((r) => normalizeText(r.values.title)),
        )
      ).map((r) => [r.titleKey, r]),
    );
    let created = 0;
    let updated = 0;
    let done = 0;
    for (const { values } of rows) {
      const { photos, receivedOn, ...fields } = values;
      const found = existing.get(normalizeText(values.title));
      let id: number;
      if (!found) {
        const v = { ...fields, artistParticipantId: null, workshopId: null, artistRealName: fields.artistName };
        id = await repo.insertArtwork(trx, v, receivedOn ?? now.slice(0, 10), actor, now);
        await audit({ entity: 'artwork', entityId: id, action: 'import:create', after: { id, ...v } });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'internarte.artworks.importExists', { title: values.title });
        id = found.id;
        // The artist as recorded: a spreadsheet does not change who made a work (nor their consent).
        const artist = await repo.recordedArtist(trx, id);
        const realName =
          artist.artistParticipantId === null
            ? (artist.artistName ?? '')
            : ((await participantFullName(trx, artist.artistParticipantId)) ?? '');
        const { artistName: _ignored, ...kept } = fields;
        const v = { ...kept, ...artist, workshopId: found.workshopId, artistRealName: realName };
        if (!(await repo.updateArtwork(trx, id, found.version, v, actor, now))) throw stale();
        await audit({ entity: 'artwork', entityId: id, action: 'import:update', after: { id, ...kept } });
        updated++;
      }
      for (const file of photos) {
        const bytes = await fs.promises.readFile(file);
        const stored = await storeAttachment(
          trx,
          ctx.env.attachments,
          { name: path.basename(file), bytes },
          { kind: 'image', maxBytes: MAX_PHOTO_BYTES },
          actor,
          now,
        );
        await linkGalleryPhoto(trx, repo.artworkGallery, id, stored.hash, actor.name, now);
        await audit({ entity: 'artwork', entityId: id, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
      }
      progress(++done);
    }
    return { created, updated };
  },
};
