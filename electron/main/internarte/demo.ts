import fs from 'node:fs';
import type { Knex } from 'knex';
import sharp from 'sharp';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { NamingMode } from '../../../shared/internarte/rules';
import { storeAttachment } from '../files/attachments';
import type { StoreOrFolder } from '../files/store';
import { allEstablishments } from '../establishments/repository';
import { agreementChoices, firstParticipants, partnerIdLike, workshopsOfProgrammes } from '../programmes/repository/for-internarte';
import { consentPlans, works, type Plan, type WorkPlan } from './demo-data';
import {
  addPrimaryPhoto,
  appendCustody,
  appendToChecklist,
  currentConsent,
  insertArtwork,
  insertConditionReport,
  insertConsent,
  insertExhibition,
  insertLoan,
  returnLoan,
} from './repository';

/**
 * InternArte's demonstration data: about twenty works from the programme's ceramics and
 * painting workshops, each with a generated photo (sharp draws it), consents of every
 * kind (full name, initials, pseudonym, anonymous, partial permissions, none, one revoked),
 * and the exhibition "InternArte: otra forma de libertad" at the Museo de Artes y
 * Tradiciones Populares del Instituto Riva-Agüero (PUCP), with its checklist and loans.
 * Fictitious data, marked as demonstration like the rest.
 */

/** An image that looks like a photo of the work: a shape on a backdrop, drawn by sharp from SVG. */
export async function artworkImage(plan: Pick<WorkPlan, 'colors' | 'shape' | 'title'>, width = 1200, height = 1500): Promise<Buffer> {
  const [ink, paper] = plan.colors;
  const shapes: Record<WorkPlan['shape'], string> = {
    vessel: `<path d="M ${width * 0.38} ${height * 0.2} h ${width * 0.24} v ${height * 0.06} q ${width * 0.22} ${height * 0.1} ${width * 0.2} ${height * 0.34} q -${width * 0.02} ${height * 0.22} -${width * 0.2} ${height * 0.26} h -${width * 0.24} q -${width * 0.18} -${height * 0.04} -${width * 0.2} -${height * 0.26} q -${width * 0.02} -${height * 0.24} ${width * 0.2} -${height * 0.34} z" fill="${ink}"/>`,
    frame: `<rect x="${width * 0.12}" y="${height * 0.12}" width="${width * 0.76}" height="${height * 0.76}" fill="${ink}" stroke="#3b2f2f" stroke-width="${width * 0.04}"/><circle cx="${width * 0.62}" cy="${height * 0.38}" r="${width * 0.14}" fill="${paper}" opacity="0.85"/><path d="M ${width * 0.14} ${height * 0.8} L ${width * 0.4} ${height * 0.5} L ${width * 0.6} ${height * 0.7} L ${width * 0.86} ${height * 0.45} V ${height * 0.86} H ${width * 0.14} z" fill="${paper}" opacity="0.5"/>`,
    figure: `<ellipse cx="${width / 2}" cy="${height * 0.3}" rx="${width * 0.13}" ry="${height * 0.1}" fill="${ink}"/><path d="M ${width * 0.3} ${height * 0.85} Q ${width / 2} ${height * 0.25} ${width * 0.7} ${height * 0.85} z" fill="${ink}"/>`,
    weave: Array.from(
      { length: 12 },
      (_, i) =>
        `<rect x="${width * 0.1}" y="${height * (0.1 + i * 0.066)}" width="${width * 0.8}" height="${height * 0.05}" fill="${i % 2 ? ink : paper}" stroke="${ink}" stroke-width="4"/>`,
    ).join(''),
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
    <text x="80" y="120" font-family="sans-serif" font-size="34" fill="#222">Consentimiento del artista</text>
    <text x="80" y="170" font-family="sans-serif" font-size="20" fill="#555">InternArte — INPE (documento de demostración)</text>
    ${Array.from({ length: 14 }, (_, i) => `<rect x="80" y="${230 + i * 42}" width="${600 + ((i * 37) % 90)}" height="10" fill="#d8d8d8"/>`).join('')}
    <path d="M 480 960 c 40 -60 80 40 120 -10 s 60 -30 90 10" stroke="#1a3d8f" stroke-width="4" fill="none"/>
    <line x1="440" y1="985" x2="760" y2="985" stroke="#333" stroke-width="2"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function addConsent(
  db: Knex,
  artworkId: number,
  plan: Exclude<Plan, null | 'revoked'>,
  date: string,
  documentHash: string,
  actor: Actor,
  now: string,
  revocation = false,
) {
  await insertConsent(
    db,
    artworkId,
    {
      date,
      revocation,
      naming: revocation ? 'anonimo' : plan.naming,
      pseudonym: revocation ? null : (plan.pseudonym ?? null),
      mayExhibit: revocation ? false : plan.exhibit,
      mayCatalog: revocation ? false : plan.catalog,
      mayPhotograph: revocation ? false : plan.photo,
      maySell: revocation ? false : plan.sell,
      notes: revocation ? 'El autor retiró su autorización (demostración).' : null,
      documentHash: revocation ? null : documentHash,
    },
    actor,
    now,
  );
}

/**
 * The demonstration's InternArte. attachmentsDir null: the works are registered without
 * photos or signed forms (consents then stay unrecorded, since a grant needs its document).
 */
export async function generateInternArte(
  db: Knex,
  establishmentIds: number[],
  attachmentsDir: StoreOrFolder | null,
  actor: Actor,
  now: string,
): Promise<{ artworks: number }> {
  if (establishmentIds.length === 0) return { artworks: 0 };
  const today = now.slice(0, 10);
  // The programme's establishments (just loaded), in the order of their ids.
  const ests = [...new Set(establishmentIds)].sort((a, b) => a - b);
  const workshops = await workshopsOfProgrammes(db, ['ceramica', 'artes_plasticas']);
  const participants = await firstParticipants(db, ests, 40);
  const formHash = attachmentsDir
    ? (
        await storeAttachment(
          db,
          attachmentsDir,
          { name: 'consentimiento-firmado.png', bytes: await signedFormScan() },
          { kind: 'document', maxBytes: 20 * 1024 * 1024 },
          actor,
          now,
        )
      ).hash
    : null;

  const ids: number[] = [];
  for (const [i, w] of works.entries()) {
    // Every third work is by a participant of the register; the rest by a name typed in.
    const participant = i % 3 === 0 ? participants[i % Math.max(1, participants.length)] : undefined;
    const establishmentId = participant ? participant.establishmentId : ests[i % ests.length]!;
    const programme = w.technique === 'ceramica_alta_temperatura' || w.technique === 'escultura' ? 'ceramica' : 'artes_plasticas';
    const workshop = workshops.find((x) => x.establishmentId === establishmentId && x.programme === programme);
    const realName = participant ? `${participant.firstNames} ${participant.lastNames}` : w.artist;
    const id = await insertArtwork(
      db,
      {
        title: w.title,
        artistParticipantId: participant ? participant.id : null,
        artistName: participant ? null : w.artist,
        establishmentId,
        workshopId: workshop ? workshop.id : null,
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
      const photo = await storeAttachment(
        db,
        attachmentsDir,
        { name: `${normalizeText(w.title).replace(/\s+/g, '-')}.jpg`, bytes: await artworkImage(w) },
        { kind: 'image', maxBytes: 20 * 1024 * 1024 },
        actor,
        now,
      );
      await addPrimaryPhoto(db, id, photo.hash, actor, now);
    }
    const plan = consentPlans[i % consentPlans.length]!;
    if (formHash && plan !== null) {
      const granted =
        plan === 'revoked' ? { naming: 'nombre_completo' as const, exhibit: true, catalog: true, photo: true, sell: true } : plan;
      await addConsent(db, id, granted, shiftDays(today, -100 + i), formHash, actor, now);
      if (plan === 'revoked') await addConsent(db, id, granted, shiftDays(today, -10), formHash, actor, now, true);
    }
    if (i % 4 === 1) {
      await insertConditionReport(
        db,
        id,
        {
          date: shiftDays(today, -90 + i),
          examinedBy: 'Mtra. Rosa Huamán',
          grade: i % 8 === 1 ? 'bueno' : 'regular',
          text:
            i % 8 === 1
              ? 'Sin fisuras ni desprendimientos. Esmalte uniforme.'
              : 'Pequeño desportillado en la base, estable. Manipular con guantes.',
        },
        [],
        actor,
        now,
      );
    }
  }

  // The exhibition, with the museum as partner.
  const museum = await partnerIdLike(db, '%riva-aguero%');
  const lima = await partnerIdLike(db, '%municipalidad%');
  const startsOn = shiftDays(today, -20);
  // Held under the museum's agreement (issue 15), when the register has it.
  const museumAgreement = (await agreementChoices(db)).find(
    (a) => a.partnerId === museum && a.startDate <= startsOn && (a.endDate === null || a.endDate >= startsOn),
  );
  const exhibitionId = await insertExhibition(
    db,
    {
      title: 'InternArte: otra forma de libertad',
      subtitle: 'Cerámica, pintura y arte popular de los talleres del INPE',
      venue: 'Museo de Artes y Tradiciones Populares del Instituto Riva-Agüero (PUCP)',
      startsOn,
      endsOn: shiftDays(today, 70),
      curators: ['Mtra. Rosa Huamán', 'Prof. Víctor Salas'],
      presentation:
        'InternArte reúne obras hechas en los talleres de cerámica de alta temperatura y de artes plásticas de los establecimientos penitenciarios.\n\nCada obra se muestra como su autora o autor lo autorizó: con su nombre, sus iniciales, un seudónimo o de forma anónima.',
      curatorialText:
        'La muestra recorre técnicas tradicionales —el retablo, el mate burilado, el tejido— junto a la pintura y la cerámica contemporáneas.\n\nEl arte es aquí otra forma de libertad: la de imaginar, hacer y mostrar.',
      credits:
        'Instituto Nacional Penitenciario — Programa de arte y cultura.\nMuseo de Artes y Tradiciones Populares, Instituto Riva-Agüero (PUCP).\nFotografías: talleres del INPE (demostración).',
      sectionMode: 'establecimiento',
      agreementId: museumAgreement?.id ?? null,
    },
    // The museum as partner (and the municipality, when the register has them).
    [museum, lima].filter((p): p is number => p !== null),
    actor,
    now,
    normalizeText('InternArte: otra forma de libertad Museo de Artes y Tradiciones Populares'),
  );
  const onChecklist = ids.slice(0, 16);
  await appendToChecklist(db, exhibitionId, onChecklist);
  // Loans: works with exhibit consent go to the museum; one came back already.
  if (formHash) {
    let lent = 0;
    for (const artworkId of onChecklist) {
      if (!(await currentConsent(db, artworkId)).mayExhibit || lent >= 8) continue;
      const lentOn = shiftDays(startsOn, -5);
      const loanId = await insertLoan(
        db,
        {
          exhibitionId,
          artworkId,
          lentOn,
          dueOn: shiftDays(today, 75),
          insuranceCentimos: 300000 + lent * 50000,
          conditionOut: 'Buen estado, embalada en caja con espuma.',
        },
        [],
        actor,
        now,
      );
      await appendCustody(
        db,
        artworkId,
        { to: 'prestada', loan: 'lend' },
        { date: lentOn, place: 'Museo de Artes y Tradiciones Populares', notes: null, exhibitionId, loanId },
        actor,
        now,
      );
      if (lent === 0) {
        await returnLoan(db, loanId, { returnedOn: shiftDays(today, -2), conditionBack: 'Igual que a la salida.' }, [], actor, now);
        await appendCustody(
          db,
          artworkId,
          { to: 'en_taller', loan: 'return' },
          { date: shiftDays(today, -2), place: null, notes: 'Devuelta antes para restauración menor', exhibitionId, loanId },
          actor,
          now,
        );
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
  const active = await allEstablishments(
    db,
    { search: '', regionalOfficeId: null, population: null, inProgramme: null, status: 'active' },
    'name',
    'asc',
  );
  if (active.length === 0) throw new Error('seedArtworksForBench: the database has no establishment');
  const est = { id: Math.min(...active.map((e) => e.id)) };
  const images = Array.isArray(opts.imagePath) ? opts.imagePath : [opts.imagePath];
  const hashes: string[] = [];
  for (const p of images) {
    const stored = await storeAttachment(
      db,
      paths.attachmentsDir,
      { name: p.split(/[\\/]/).pop() ?? 'obra.jpg', bytes: fs.readFileSync(p) },
      { kind: 'image', maxBytes: 200 * 1024 * 1024 },
      actor,
      now,
    );
    hashes.push(stored.hash);
  }
  const form = await storeAttachment(
    db,
    paths.attachmentsDir,
    { name: 'consentimiento.pdf', bytes: Buffer.from('%PDF-1.4\n% consentimiento\n%%EOF\n') },
    { kind: 'document', maxBytes: 1024 * 1024 },
    actor,
    now,
  );
  const title = opts.title ?? 'InternArte: otra forma de libertad';
  const exhibitionId = await insertExhibition(
    db,
    {
      title,
      subtitle: 'Catálogo de prueba',
      venue: 'Museo de Artes y Tradiciones Populares',
      startsOn: now.slice(0, 10),
      endsOn: null,
      curators: ['Curaduría de prueba'],
      presentation: 'Presentación de la exposición.\n\nSegundo párrafo: ñandú, acción, ¿por qué? ¡Sí!',
      curatorialText: 'Texto curatorial.',
      credits: 'Créditos.',
      sectionMode: 'tecnica',
    },
    [],
    actor,
    now,
    normalizeText(title),
  );
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
    await addPrimaryPhoto(db, id, hashes[i % hashes.length]!, actor, now);
    const naming = namings[i % namings.length]!;
    await addConsent(
      db,
      id,
      { naming, pseudonym: naming === 'seudonimo' ? `Artista ${i + 1}` : undefined, exhibit: true, catalog: true, photo: true, sell: true },
      now.slice(0, 10),
      form.hash,
      actor,
      now,
    );
  }
  await appendToChecklist(db, exhibitionId, artworkIds);
  return { exhibitionId, artworkIds };
}
