import fs from 'node:fs';
import type { Knex } from 'knex';
import sharp from 'sharp';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { NamingMode, Technique } from '../../../shared/internarte/rules';
import { storeAttachment } from '../files/attachments';
import type { StoreOrFolder } from '../files/store';
import { appendCustody, insertArtwork } from '../internarte/repository';
import { type Row } from '../db/rows';

/**
 * InternArte's demonstration data: about twenty works from the programme's ceramics and
 * painting workshops, each with a generated photo (sharp draws it), consents of every
 * kind (full name, initials, pseudonym, anonymous, partial permissions, none, one revoked),
 * and the exhibition "InternArte: otra forma de libertad" at the Museo de Artes y
 * Tradiciones Populares del Instituto Riva-Agüero (PUCP), with its checklist and loans.
 * Fictitious data, marked as demonstration like the rest.
 */


interface WorkPlan {
  title: string;
  artist: string;
  technique: Technique;
  materials: string;
  cm: [number, number, number | null];
  price: number | null;
  colors: [string, string];
  shape: 'vessel' | 'frame' | 'figure' | 'weave';
}

const works: WorkPlan[] = [
  { title: 'Vasija de la memoria', artist: 'José Luis Quispe Mamani', technique: 'ceramica_alta_temperatura', materials: 'Gres, engobes y esmalte de ceniza', cm: [32, 21, 21], price: 45000, colors: ['#8c4a2f', '#e8d5b7'], shape: 'vessel' },
  { title: 'Cántaro del sol naciente', artist: 'Ñusta Huamán de la Cruz', technique: 'ceramica_alta_temperatura', materials: 'Gres y óxido de hierro', cm: [41.5, 28, 28], price: 60000, colors: ['#b5651d', '#f3e0c0'], shape: 'vessel' },
  { title: 'Cóndor sobre Lima', artist: 'Wilmer Ccori Huaraca', technique: 'pintura_oleo', materials: 'Óleo sobre lienzo', cm: [80, 60, null], price: 120000, colors: ['#2f4858', '#f6ae2d'], shape: 'frame' },
  { title: 'La espera', artist: 'Rosa Elvira Condori', technique: 'acrilico', materials: 'Acrílico sobre madera', cm: [60, 45, null], price: 80000, colors: ['#55286f', '#e0c1b3'], shape: 'frame' },
  { title: 'Retablo de la libertad', artist: 'Teófilo Ayala Palomino', technique: 'retablo', materials: 'Cajón de cedro, pasta de papa y yeso policromado', cm: [45, 32, 14], price: 150000, colors: ['#a4161a', '#ffd166'], shape: 'figure' },
  { title: 'Manto del lago', artist: 'Juana Mamani Apaza', technique: 'textil', materials: 'Lana de alpaca teñida con tintes naturales', cm: [120, 90, null], price: 95000, colors: ['#0b6e4f', '#f2e8cf'], shape: 'weave' },
  { title: 'Rostro de barro', artist: 'Luis Alberto Pari', technique: 'escultura', materials: 'Arcilla cocida y pátina', cm: [38, 22, 20], price: null, colors: ['#6f4e37', '#d9c5b2'], shape: 'figure' },
  { title: 'Puerta abierta', artist: 'Carlos Enrique Salas', technique: 'dibujo', materials: 'Carboncillo sobre papel', cm: [50, 35, null], price: 30000, colors: ['#222222', '#f4f1ea'], shape: 'frame' },
  { title: 'Grabado del río Rímac', artist: 'Marco Antonio Villanueva', technique: 'grabado', materials: 'Xilografía sobre papel de algodón', cm: [40, 30, null], price: 35000, colors: ['#1d3557', '#f1faee'], shape: 'frame' },
  { title: 'Toro de Pucará', artist: 'Eusebio Choque Ticona', technique: 'ceramica_alta_temperatura', materials: 'Gres modelado y vidriado', cm: [28, 30, 14], price: 55000, colors: ['#9b2226', '#e9d8a6'], shape: 'figure' },
  { title: 'Madre tierra', artist: 'Flor de María Ramos', technique: 'escultura', materials: 'Piedra de Huamanga tallada', cm: [26, 15, 12], price: 70000, colors: ['#cdb4a0', '#faf3e0'], shape: 'figure' },
  { title: 'Ventana al mar', artist: 'Jhon Kevin Pizarro', technique: 'pintura_oleo', materials: 'Óleo sobre lienzo', cm: [70, 100, null], price: 140000, colors: ['#005f73', '#e9d8a6'], shape: 'frame' },
  { title: 'Cuenco de ceniza', artist: 'Ana Lucía Torres', technique: 'ceramica_alta_temperatura', materials: 'Porcelana y esmalte celadón', cm: [12.5, 24, 24], price: 25000, colors: ['#7a9e7e', '#eef4ed'], shape: 'vessel' },
  { title: 'Danza de tijeras', artist: 'Rolando Huamaní Quispe', technique: 'acrilico', materials: 'Acrílico sobre lienzo', cm: [90, 70, null], price: 110000, colors: ['#d00000', '#ffba08'], shape: 'frame' },
  { title: 'Mate burilado', artist: 'Gregorio Medina Rojas', technique: 'tallado', materials: 'Calabaza burilada y pirograbada', cm: [18, 20, 20], price: 20000, colors: ['#bc6c25', '#fefae0'], shape: 'vessel' },
  { title: 'Tejido de caminos', artist: 'Santusa Ccahuana', technique: 'textil', materials: 'Algodón nativo en telar de cintura', cm: [150, 60, null], price: null, colors: ['#6a040f', '#ffe8d6'], shape: 'weave' },
  { title: 'El patio', artist: 'Percy Lozano Díaz', technique: 'dibujo', materials: 'Tinta china sobre cartulina', cm: [42, 29.7, null], price: 18000, colors: ['#14213d', '#e5e5e5'], shape: 'frame' },
  { title: 'Jarra de los ancestros', artist: 'Domitila Cusi', technique: 'ceramica_alta_temperatura', materials: 'Gres y engobe blanco', cm: [36, 20, 20], price: 48000, colors: ['#5e503f', '#eae0d5'], shape: 'vessel' },
  { title: 'Autorretrato', artist: 'Miguel Ángel Soto', technique: 'pintura_oleo', materials: 'Óleo sobre cartón', cm: [50, 40, null], price: null, colors: ['#3d405b', '#f4f1de'], shape: 'frame' },
  { title: 'Nacimiento ayacuchano', artist: 'Hilario Palomino', technique: 'retablo', materials: 'Madera, pasta de papa y pigmentos', cm: [35, 25, 12], price: 90000, colors: ['#1b4332', '#ffb703'], shape: 'figure' },
];

/** Consents of every kind, cycled over the works; null: none recorded; 'revoked': granted then revoked. */
type Plan = { naming: NamingMode; pseudonym?: string; exhibit: boolean; catalog: boolean; photo: boolean; sell: boolean } | null | 'revoked';
const consentPlans: Plan[] = [
  { naming: 'nombre_completo', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'iniciales', exhibit: true, catalog: true, photo: true, sell: false },
  { naming: 'seudonimo', pseudonym: 'Wayra', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'anonimo', exhibit: true, catalog: true, photo: false, sell: false },
  { naming: 'nombre_completo', exhibit: true, catalog: false, photo: true, sell: false },
  null,
  { naming: 'seudonimo', pseudonym: 'Killa', exhibit: true, catalog: true, photo: true, sell: false },
  'revoked',
  { naming: 'nombre_completo', exhibit: true, catalog: true, photo: true, sell: true },
  { naming: 'iniciales', exhibit: true, catalog: true, photo: false, sell: true },
];

/** An image that looks like a photo of the work: a shape on a backdrop, drawn by sharp from SVG. */
export async function artworkImage(plan: Pick<WorkPlan, 'colors' | 'shape' | 'title'>, width = 1200, height = 1500): Promise<Buffer> {
  const [ink, paper] = plan.colors;
  const shapes: Record<WorkPlan['shape'], string> = {
    vessel: `<path d="M ${width * 0.38} ${height * 0.2} h ${width * 0.24} v ${height * 0.06} q ${width * 0.22} ${height * 0.1} ${width * 0.2} ${height * 0.34} q -${width * 0.02} ${height * 0.22} -${width * 0.2} ${height * 0.26} h -${width * 0.24} q -${width * 0.18} -${height * 0.04} -${width * 0.2} -${height * 0.26} q -${width * 0.02} -${height * 0.24} ${width * 0.2} -${height * 0.34} z" fill="${ink}"/>`,
    frame: `<rect x="${width * 0.12}" y="${height * 0.12}" width="${width * 0.76}" height="${height * 0.76}" fill="${ink}" stroke="#3b2f2f" stroke-width="${width * 0.04}"/><circle cx="${width * 0.62}" cy="${height * 0.38}" r="${width * 0.14}" fill="${paper}" opacity="0.85"/><path d="M ${width * 0.14} ${height * 0.8} L ${width * 0.4} ${height * 0.5} L ${width * 0.6} ${height * 0.7} L ${width * 0.86} ${height * 0.45} V ${height * 0.86} H ${width * 0.14} z" fill="${paper}" opacity="0.5"/>`,
    figure: `<ellipse cx="${width / 2}" cy="${height * 0.3}" rx="${width * 0.13}" ry="${height * 0.1}" fill="${ink}"/><path d="M ${width * 0.3} ${height * 0.85} Q ${width / 2} ${height * 0.25} ${width * 0.7} ${height * 0.85} z" fill="${ink}"/>`,
    weave: Array.from({ length: 12 }, (_, i) => `<rect x="${width * 0.1}" y="${height * (0.1 + i * 0.066)}" width="${width * 0.8}" height="${height * 0.05}" fill="${i % 2 ? ink : paper}" stroke="${ink}" stroke-width="4"/>`).join(''),
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${paper}"/><stop offset="1" stop-color="#bdb2a7"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes[plan.shape]}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** The scanned signed form (an image): what the consent entries attach in the demonstration. */
async function signedFormScan(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="850" height="1100"><rect width="100%" height="100%" fill="#fbfbf8"/>
    <text x="80" y="120" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#222">Consentimiento del artista</text>
    <text x="80" y="170" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#555">InternArte — INPE (documento de demostración)</text>
    ${Array.from({ length: 14 }, (_, i) => `<rect x="80" y="${230 + i * 42}" width="${600 + ((i * 37) % 90)}" height="10" fill="#d8d8d8"/>`).join('')}
    <path d="M 480 960 c 40 -60 80 40 120 -10 s 60 -30 90 10" stroke="#1a3d8f" stroke-width="4" fill="none"/>
    <line x1="440" y1="985" x2="760" y2="985" stroke="#333" stroke-width="2"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function addConsent(db: Knex, artworkId: number, plan: Exclude<Plan, null | 'revoked'>, date: string, documentHash: string, actor: Actor, now: string, revocation = false) {
  await db('artwork_consents').insert({
    artwork_id: artworkId,
    date,
    revocation,
    naming: revocation ? 'anonimo' : plan.naming,
    pseudonym: revocation ? null : (plan.pseudonym ?? null),
    may_exhibit: revocation ? false : plan.exhibit,
    may_catalog: revocation ? false : plan.catalog,
    may_photograph: revocation ? false : plan.photo,
    may_sell: revocation ? false : plan.sell,
    notes: revocation ? 'El autor retiró su autorización (demostración).' : null,
    document_hash: revocation ? null : documentHash,
    recorded_at: now,
    recorded_by: actor.name,
  });
}

/**
 * The demonstration's InternArte. attachmentsDir null: the works are registered without
 * photos or signed forms (consents then stay unrecorded, since a grant needs its document).
 */
export async function generateInternArte(db: Knex, establishmentIds: number[], attachmentsDir: StoreOrFolder | null, actor: Actor, now: string): Promise<{ artworks: number }> {
  if (establishmentIds.length === 0) return { artworks: 0 };
  const today = now.slice(0, 10);
  const ests = (await db('establishments').whereIn('id', establishmentIds).orderBy('id').pluck('id')) as number[];
  const workshops = (await db('workshops').whereIn('programme', ['ceramica', 'artes_plasticas']).select('id', 'establishment_id', 'programme')) as Row[];
  const participants = (await db('participants').whereIn('establishment_id', ests).orderBy('id').limit(40).select('id', 'establishment_id', 'first_names', 'last_names')) as Row[];
  const formHash = attachmentsDir
    ? (await storeAttachment(db, attachmentsDir, { name: 'consentimiento-firmado.png', bytes: await signedFormScan() }, { kind: 'document', maxBytes: 20 * 1024 * 1024 }, actor, now)).hash
    : null;

  const ids: number[] = [];
  for (const [i, w] of works.entries()) {
    // Every third work is by a participant of the register; the rest by a name typed in.
    const participant = i % 3 === 0 ? participants[i % Math.max(1, participants.length)] : undefined;
    const establishmentId = participant ? Number(participant.establishment_id) : ests[i % ests.length]!;
    const programme = w.technique === 'ceramica_alta_temperatura' || w.technique === 'escultura' ? 'ceramica' : 'artes_plasticas';
    const workshop = workshops.find((x) => Number(x.establishment_id) === establishmentId && x.programme === programme);
    const realName = participant ? `${String(participant.first_names)} ${String(participant.last_names)}` : w.artist;
    const id = await insertArtwork(
      db,
      {
        title: w.title,
        artistParticipantId: participant ? Number(participant.id) : null,
        artistName: participant ? null : w.artist,
        establishmentId,
        workshopId: workshop ? Number(workshop.id) : null,
        technique: w.technique,
        materials: w.materials,
        heightMm: Math.round(w.cm[0] * 10),
        widthMm: Math.round(w.cm[1] * 10),
        depthMm: w.cm[2] === null ? null : Math.round(w.cm[2] * 10),
        year: Number(today.slice(0, 4)) - (i % 3 === 0 ? 1 : 0),
        priceCentimos: w.price === null ? null : w.price,
        saleStatus: w.price === null ? 'no_a_la_venta' : 'disponible',
        notes: null,
        artistRealName: realName,
      },
      shiftDays(today, -120 + i),
      actor,
      now,
    );
    ids.push(id);
    if (attachmentsDir) {
      const photo = await storeAttachment(db, attachmentsDir, { name: `${normalizeText(w.title).replace(/\s+/g, '-')}.jpg`, bytes: await artworkImage(w) }, { kind: 'image', maxBytes: 20 * 1024 * 1024 }, actor, now);
      await db('artwork_photos').insert({ artwork_id: id, attachment_hash: photo.hash, is_primary: true, added_at: now, added_by: actor.name });
    }
    const plan = consentPlans[i % consentPlans.length]!;
    if (formHash && plan !== null) {
      const granted = plan === 'revoked' ? { naming: 'nombre_completo' as const, exhibit: true, catalog: true, photo: true, sell: true } : plan;
      await addConsent(db, id, granted, shiftDays(today, -100 + i), formHash, actor, now);
      if (plan === 'revoked') await addConsent(db, id, granted, shiftDays(today, -10), formHash, actor, now, true);
    }
    if (i % 4 === 1) {
      await db('artwork_condition_reports').insert({
        artwork_id: id,
        date: shiftDays(today, -90 + i),
        examined_by: 'Mtra. Rosa Huamán',
        grade: i % 8 === 1 ? 'bueno' : 'regular',
        text: i % 8 === 1 ? 'Sin fisuras ni desprendimientos. Esmalte uniforme.' : 'Pequeño desportillado en la base, estable. Manipular con guantes.',
        recorded_at: now,
        recorded_by: actor.name,
      });
    }
  }

  // The exhibition, with the museum as partner.
  const museum = (await db('partners').where('name_key', 'like', '%riva-aguero%').first('id')) as Row | undefined;
  const lima = (await db('partners').where('name_key', 'like', '%municipalidad%').first('id')) as Row | undefined;
  const startsOn = shiftDays(today, -20);
  const [ex] = (await db('exhibitions')
    .insert({
      title: 'InternArte: otra forma de libertad',
      title_key: normalizeText('InternArte: otra forma de libertad Museo de Artes y Tradiciones Populares'),
      subtitle: 'Cerámica, pintura y arte popular de los talleres del INPE',
      venue: 'Museo de Artes y Tradiciones Populares del Instituto Riva-Agüero (PUCP)',
      starts_on: startsOn,
      ends_on: shiftDays(today, 70),
      curators: 'Mtra. Rosa Huamán\nProf. Víctor Salas',
      presentation:
        'InternArte reúne obras hechas en los talleres de cerámica de alta temperatura y de artes plásticas de los establecimientos penitenciarios.\n\nCada obra se muestra como su autora o autor lo autorizó: con su nombre, sus iniciales, un seudónimo o de forma anónima.',
      curatorial_text:
        'La muestra recorre técnicas tradicionales —el retablo, el mate burilado, el tejido— junto a la pintura y la cerámica contemporáneas.\n\nEl arte es aquí otra forma de libertad: la de imaginar, hacer y mostrar.',
      credits: 'Instituto Nacional Penitenciario — Programa de arte y cultura.\nMuseo de Artes y Tradiciones Populares, Instituto Riva-Agüero (PUCP).\nFotografías: talleres del INPE (demostración).',
      section_mode: 'establecimiento',
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  const exhibitionId = ex!.id;
  for (const p of [museum, lima]) if (p) await db('exhibition_partners').insert({ exhibition_id: exhibitionId, partner_id: Number(p.id) });
  const onChecklist = ids.slice(0, 16);
  for (const [k, artworkId] of onChecklist.entries()) {
    await db('exhibition_works').insert({ exhibition_id: exhibitionId, artwork_id: artworkId, position: k + 1, catalog_number: String(k + 1), section: null });
  }
  // Loans: works with exhibit consent go to the museum; one came back already.
  if (formHash) {
    let lent = 0;
    for (const artworkId of onChecklist) {
      const c = (await db('artwork_consents').where({ artwork_id: artworkId }).orderBy('id', 'desc').first('may_exhibit')) as Row | undefined;
      if (!c || !(c.may_exhibit === true || c.may_exhibit === 1) || lent >= 8) continue;
      const lentOn = shiftDays(startsOn, -5);
      const [loan] = (await db('exhibition_loans')
        .insert({ exhibition_id: exhibitionId, artwork_id: artworkId, lent_on: lentOn, due_on: shiftDays(today, 75), insurance_centimos: 300000 + lent * 50000, condition_out: 'Buen estado, embalada en caja con espuma.', lent_at: now, lent_by: actor.name })
        .returning('id')) as Array<{ id: number }>;
      await appendCustody(db, artworkId, { to: 'prestada', loan: 'lend' }, { date: lentOn, place: 'Museo de Artes y Tradiciones Populares', notes: null, exhibitionId, loanId: loan!.id }, actor, now);
      if (lent === 0) {
        await db('exhibition_loans').where({ id: loan!.id }).update({ returned_on: shiftDays(today, -2), condition_back: 'Igual que a la salida.', returned_at: now, returned_by: actor.name });
        await appendCustody(db, artworkId, { to: 'en_taller', loan: 'return' }, { date: shiftDays(today, -2), place: null, notes: 'Devuelta antes para restauración menor', exhibitionId, loanId: loan!.id }, actor, now);
      }
      lent += 1;
    }
  }
  return { artworks: ids.length };
}

/**
 * For the bench ("catalog.pdf200"): `count` works, each with a photo read from the given
 * image file(s) (cycled), every consent granted, all on the checklist of one new exhibition.
 * Returns the exhibition and the works. Uses the first active establishment; call inside
 * a transaction on a migrated database.
 */
export async function seedArtworksForBench(
  db: Knex,
  paths: { attachmentsDir: string },
  opts: { count: number; imagePath: string | string[]; title?: string },
  actor: Actor = { id: 'bench', name: 'Bench' },
  now: string = new Date().toISOString(),
): Promise<{ exhibitionId: number; artworkIds: number[] }> {
  const est = (await db('establishments').where({ active: true }).orderBy('id').first('id')) as Row | undefined;
  if (!est) throw new Error('seedArtworksForBench: the database has no establishment');
  const images = Array.isArray(opts.imagePath) ? opts.imagePath : [opts.imagePath];
  const hashes: string[] = [];
  for (const p of images) {
    const stored = await storeAttachment(db, paths.attachmentsDir, { name: p.split(/[\\/]/).pop() ?? 'obra.jpg', bytes: fs.readFileSync(p) }, { kind: 'image', maxBytes: 200 * 1024 * 1024 }, actor, now);
    hashes.push(stored.hash);
  }
  const form = await storeAttachment(db, paths.attachmentsDir, { name: 'consentimiento.pdf', bytes: Buffer.from('%PDF-1.4\n% consentimiento\n%%EOF\n') }, { kind: 'document', maxBytes: 1024 * 1024 }, actor, now);
  const [ex] = (await db('exhibitions')
    .insert({
      title: opts.title ?? 'InternArte: otra forma de libertad',
      title_key: normalizeText(opts.title ?? 'InternArte: otra forma de libertad'),
      subtitle: 'Catálogo de prueba',
      venue: 'Museo de Artes y Tradiciones Populares',
      starts_on: now.slice(0, 10),
      ends_on: null,
      curators: 'Curaduría de prueba',
      presentation: 'Presentación de la exposición.\n\nSegundo párrafo: ñandú, acción, ¿por qué? ¡Sí!',
      curatorial_text: 'Texto curatorial.',
      credits: 'Créditos.',
      section_mode: 'tecnica',
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  const exhibitionId = ex!.id;
  const artworkIds: number[] = [];
  const namings: NamingMode[] = ['nombre_completo', 'iniciales', 'seudonimo', 'anonimo'];
  for (let i = 0; i < opts.count; i++) {
    const plan = works[i % works.length]!;
    const id = await insertArtwork(
      db,
      {
        title: `${plan.title} ${i + 1}`,
        artistParticipantId: null,
        artistName: plan.artist,
        establishmentId: Number(est.id),
        workshopId: null,
        technique: plan.technique,
        materials: plan.materials,
        heightMm: Math.round(plan.cm[0] * 10),
        widthMm: Math.round(plan.cm[1] * 10),
        depthMm: plan.cm[2] === null ? null : Math.round(plan.cm[2] * 10),
        year: 2026,
        priceCentimos: plan.price,
        saleStatus: plan.price === null ? 'no_a_la_venta' : 'disponible',
        notes: null,
        artistRealName: plan.artist,
      },
      now.slice(0, 10),
      actor,
      now,
    );
    artworkIds.push(id);
    await db('artwork_photos').insert({ artwork_id: id, attachment_hash: hashes[i % hashes.length], is_primary: true, added_at: now, added_by: actor.name });
    const naming = namings[i % namings.length]!;
    await addConsent(db, id, { naming, pseudonym: naming === 'seudonimo' ? `Artista ${i + 1}` : undefined, exhibit: true, catalog: true, photo: true, sell: true }, now.slice(0, 10), form.hash, actor, now);
    await db('exhibition_works').insert({ exhibition_id: exhibitionId, artwork_id: id, position: i + 1, catalog_number: String(i + 1), section: null });
  }
  return { exhibitionId, artworkIds };
}
