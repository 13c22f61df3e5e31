import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import { attendanceFigures, type EnsembleType, type Programme } from '../../../shared/programmes/rules';
import { participantSearchText, participantSortKey } from './repository';

/**
 * The programme for the demonstration dataset and the bench: workshops, participants with
 * invented codes (DEMO-…) and invented names, enrolments, sessions with attendance,
 * ensembles, a season of events with audiences, partners and agreements. Deterministic
 * (seeded). At the national scale: 100,000 participants and 1,000,000 attendance marks.
 */

export type ProgrammeScale = 'demo' | 'national';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const menNames = ['Luis', 'Carlos', 'Jorge', 'José', 'Miguel', 'Juan', 'Pedro', 'Víctor', 'Julio', 'Raúl', 'César', 'Walter', 'Hugo', 'Marco', 'Édgar', 'Fredy', 'Wilmer', 'Néstor', 'Percy', 'Rubén'];
const womenNames = ['María', 'Rosa', 'Ana', 'Carmen', 'Elena', 'Gladys', 'Lucía', 'Norma', 'Sonia', 'Yolanda', 'Flor', 'Pilar', 'Teresa', 'Marleny', 'Judith', 'Maribel'];
const surnames = ['Quispe', 'Mamani', 'Huamán', 'Flores', 'Chávez', 'Condori', 'Rojas', 'Ramos', 'Torres', 'Salas', 'Vargas', 'Gutiérrez', 'Mendoza', 'Cárdenas', 'Apaza', 'Ccori', 'Huanca', 'Paredes', 'Soto', 'Villanueva', 'Yupanqui', 'Ticona', 'Espinoza', 'Castillo'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = 86_400_000;

interface WorkshopPlan {
  name: string;
  programme: Programme;
  discipline: string;
  teachers: string;
  schedule: string;
  capacity: number;
}

const plans: WorkshopPlan[] = [
  { name: 'Banda sinfónica — vientos y percusión', programme: 'inpe_orquestando', discipline: 'Vientos y percusión', teachers: 'Prof. Julio Ramos', schedule: 'Lun y mié 9:00–11:00', capacity: 40 },
  { name: 'Cuerdas frotadas (violín y viola)', programme: 'inpe_orquestando', discipline: 'Violín y viola', teachers: 'Prof. Carmen Rojas', schedule: 'Mar y jue 9:00–11:00', capacity: 30 },
  { name: 'Canto coral', programme: 'inpe_orquestando', discipline: 'Canto coral', teachers: 'Prof. Elena Torres', schedule: 'Vie 14:00–17:00', capacity: 40 },
  { name: 'Cerámica de alta temperatura', programme: 'ceramica', discipline: 'Cerámica y escultura', teachers: 'Mtra. Rosa Huamán (ceramista)', schedule: 'Mar y jue 14:00–17:00', capacity: 25 },
  { name: 'Pintura y dibujo', programme: 'artes_plasticas', discipline: 'Pintura', teachers: 'Prof. Víctor Salas', schedule: 'Mié 14:00–17:00', capacity: 25 },
  { name: 'Teatro — Arte sin Barreras', programme: 'artes_escenicas', discipline: 'Teatro', teachers: 'Elenco invitado de la Municipalidad de Lima', schedule: 'Sáb 9:00–12:00', capacity: 30 },
];

const partnersDemo: Array<[string, string, string, string]> = [
  ['Municipalidad Metropolitana de Lima', 'sector_publico', 'Gerencia de Cultura', 'cultura@munlima.example'],
  ['Ministerio de Educación (MINEDU)', 'sector_publico', 'Dirección de Educación Básica Alternativa', 'eba@minedu.example'],
  ['Alianza Francesa de Lima', 'sociedad_civil', 'Coordinación cultural', 'cultura@alianzafrancesa.example'],
  ['Museo de Artes y Tradiciones Populares — Instituto Riva-Agüero (PUCP)', 'privado', 'Dirección del museo', 'museo.ira@pucp.example'],
  ['Festival de Cine de Lima', 'privado', 'Programación', 'festival@cine.example'],
];

export async function generateProgrammes(
  db: Knex,
  scale: ProgrammeScale,
  establishmentIds: number[],
  actor: Actor,
  now: string,
): Promise<{ participants: number; attendance: number }> {
  if (establishmentIds.length === 0) return { participants: 0, attendance: 0 };
  const rnd = prng(scale === 'demo' ? 520 : 100_000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const stamp = { version: 1, created_at: now, created_by: actor.name, updated_at: now, updated_by: actor.name };
  const today = now.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const ests = (await db('establishments').whereIn('id', establishmentIds).select('id', 'name', 'population').orderBy('id')) as Array<{ id: number; name: string; population: string }>;

  // Partners and agreements.
  const partnerIds: number[] = [];
  if (scale === 'demo') {
    for (const [name, type, role, email] of partnersDemo) {
      const [r] = (await db('partners')
        .insert({ name, name_key: normalizeText(name), type, contact_name: null, contact_role: role, contact_email: email, contact_phone: null, active: true, notes: null, ...stamp })
        .returning('id')) as Array<{ id: number }>;
      partnerIds.push(r!.id);
    }
    const soon = isoDay(Date.parse(today) + 40 * dayMs);
    await db('agreements').insert([
      { partner_id: partnerIds[0], title: 'Convenio «Arte sin Barreras»', object: 'Puestas en escena y talleres de artes escénicas para la población penitenciaria de Lima.', document_number: 'CONV-012-2025-MML-INPE', start_date: `${year - 1}-03-01`, end_date: `${year + 1}-02-28`, document_hash: null, notes: null, ...stamp },
      { partner_id: partnerIds[1], title: 'Convenio de educación artística', object: 'Certificación de aprendizajes musicales en el marco de la Educación Básica Alternativa.', document_number: 'CONV-045-2024-MINEDU', start_date: `${year - 2}-01-15`, end_date: soon, document_hash: null, notes: null, ...stamp },
      { partner_id: partnerIds[2], title: 'Fiesta de la Música en los penales', object: 'Conciertos de la Fiesta de la Música con artistas invitados.', document_number: null, start_date: `${year}-05-01`, end_date: `${year + 1}-04-30`, document_hash: null, notes: null, ...stamp },
      { partner_id: partnerIds[3], title: 'InternArte: otra forma de libertad', object: 'Exposición de artes plásticas de internos en el museo.', document_number: 'CONV-PUCP-IRA-07', start_date: `${year - 1}-09-01`, end_date: null, document_hash: null, notes: null, ...stamp },
    ]);
    await db('partner_donations').insert([
      { partner_id: partnerIds[2], date: `${year}-06-21`, description: 'Juegos de cuerdas y atriles para la banda de Lurigancho', value_centimos: 480000, recorded_at: now, recorded_by: actor.name },
      { partner_id: partnerIds[0], date: `${year}-04-10`, description: 'Vestuario y escenografía para «Arte sin Barreras»', value_centimos: 1250000, recorded_at: now, recorded_by: actor.name },
    ]);
  }

  // Workshops: at the demo scale, several per programme establishment; nationally 2,500 of 40.
  const workshops: Array<{ id: number; establishmentId: number; capacity: number; start: string; end: string | null; completed: boolean }> = [];
  const wRows: Record<string, unknown>[] = [];
  const firstTerm = { start: `${year}-03-02`, end: `${year}-07-31` };
  const secondTerm = { start: `${year}-08-03`, end: `${year}-12-18` };
  if (scale === 'demo') {
    ests.forEach((e, i) => {
      const women = e.population === 'mujeres';
      const chosen = women ? [plans[2]!, plans[3]!, plans[4]!] : [plans[0]!, plans[1]!, plans[(i % 3) + 3]!];
      chosen.forEach((p, k) => {
        const term = k === 2 ? firstTerm : secondTerm;
        const annual = k === 0;
        wRows.push({ p, e, start: annual ? `${year}-03-02` : term.start, end: annual ? `${year}-12-18` : term.end });
      });
    });
  } else {
    for (let k = 0; k < 2500; k++) wRows.push({ p: plans[k % plans.length]!, e: ests[k % ests.length]!, start: `${year}-03-02`, end: `${year}-12-18` });
  }
  for (const w of wRows) {
    const p = w.p as WorkshopPlan;
    const e = w.e as { id: number; name: string };
    const name = scale === 'demo' ? p.name : `${p.name} ${workshops.length + 1}`;
    const [r] = (await db('workshops')
      .insert({
        name,
        name_key: normalizeText(name),
        programme: p.programme,
        discipline: p.discipline,
        establishment_id: e.id,
        teachers: p.teachers,
        schedule: p.schedule,
        start_date: w.start,
        end_date: w.end,
        capacity: scale === 'demo' ? p.capacity : 40,
        active: true,
        notes: null,
        ...stamp,
      })
      .returning('id')) as Array<{ id: number }>;
    workshops.push({ id: r!.id, establishmentId: e.id, capacity: scale === 'demo' ? p.capacity : 40, start: String(w.start), end: (w.end as string) ?? null, completed: String(w.end) < today });
  }

  // Participants.
  const total = scale === 'demo' ? 523 : 100_000;
  const perEst = new Map<number, number[]>();
  const sexOf = new Map<number, string>();
  const existing = Number(((await db('participants').max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
  const pRows: Record<string, unknown>[] = [];
  const mRows: Record<string, unknown>[] = [];
  const weights = ests.map((e) => (e.population === 'mujeres' ? 0.55 : 1));
  const wSum = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < total; k++) {
    let r = rnd() * wSum;
    let ei = 0;
    while (r > weights[ei]! && ei < ests.length - 1) r -= weights[ei++]!;
    const e = ests[scale === 'demo' ? ei : Math.floor(k / 40) % ests.length]!; // nationally: 40 per workshop, as the workshops are laid out
    const woman = e.population === 'mujeres' || (e.population === 'mixto' && rnd() < 0.3);
    const sex = woman ? 'femenino' : 'masculino';
    const first = `${pick(woman ? womenNames : menNames)}${rnd() < 0.4 ? ` ${pick(woman ? womenNames : menNames)}` : ''}`;
    const last = `${pick(surnames)} ${pick(surnames)}`;
    const id = existing + k + 1;
    const code = `DEMO-${String(id).padStart(6, '0')}`;
    const registered = `${year}-0${2 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;
    pRows.push({
      id,
      code,
      first_names: first,
      last_names: last,
      sex,
      birth_year: year - 19 - Math.floor(rnd() * 45),
      establishment_id: e.id,
      status: 'activo',
      search_text: participantSearchText(code, first, last),
      sort_key: participantSortKey(first, last),
      ...stamp,
    });
    mRows.push({ participant_id: id, kind: 'alta', date: registered, from_establishment_id: null, to_establishment_id: e.id, status_after: 'activo', document_number: null, notes: null, enrolments_ended: 0, recorded_at: now, recorded_by: actor.name });
    sexOf.set(id, sex);
    const list = perEst.get(e.id) ?? [];
    list.push(id);
    perEst.set(e.id, list);
  }
  await db.batchInsert('participants', pRows, 500);
  await db.batchInsert('participant_movements', mRows, 500);

  // Enrolments, sessions and attendance.
  const eRows: Record<string, unknown>[] = [];
  const sRows: Record<string, unknown>[] = [];
  const aRows: Array<{ session_id: number; participant_id: number; present: boolean }> = [];
  const stageRows: Record<string, unknown>[] = [];
  let enrolmentId = Number(((await db('enrolments').max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
  let sessionId = Number(((await db('workshop_sessions').max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
  let attendanceCount = 0;
  const flush = async (force = false) => {
    if (force || aRows.length >= 20_000) {
      if (sRows.length) await db.batchInsert('workshop_sessions', sRows.splice(0), 500);
      if (aRows.length) await db.batchInsert('attendance', aRows.splice(0), 500);
    }
  };
  const byEstWorkshops = new Map<number, typeof workshops>();
  for (const w of workshops) byEstWorkshops.set(w.establishmentId, [...(byEstWorkshops.get(w.establishmentId) ?? []), w]);
  const taken = new Map<number, Set<number>>(); // participant → workshops
  for (const [estId, people] of perEst) {
    const ws = byEstWorkshops.get(estId) ?? [];
    const queue = [...people];
    for (const w of ws) {
      const members = queue.splice(0, scale === 'demo' ? Math.min(w.capacity - Math.floor(rnd() * 6), queue.length) : w.capacity);
      // Demo: leftover participants fill other workshops (a second workshop for some).
      const sessions: Array<{ id: number; date: string; minutes: number }> = [];
      const sessionsWanted = scale === 'demo' ? 60 : 11; // nationally about 1,000,000 marks (some leave half-way)
      const step = scale === 'demo' ? 7 : 14;
      for (let d = Date.parse(w.start), i = 0; i < sessionsWanted && isoDay(d) <= (w.end ?? today) && isoDay(d) <= today; d += step * dayMs, i++) {
        sessions.push({ id: ++sessionId, date: isoDay(d), minutes: pick([90, 120, 120, 180]) });
      }
      for (const s of sessions) {
        sRows.push({ id: s.id, workshop_id: w.id, date: s.date, duration_minutes: s.minutes, topic: null, attendance_at: `${s.date}T20:00:00.000Z`, attendance_by: actor.name, ...stamp });
      }
      for (const pid of members) {
        const id = ++enrolmentId;
        const base = 0.55 + rnd() * 0.42;
        const dropsOut = rnd() < 0.06;
        const slacking = rnd() < 0.05;
        const present = new Set<number>();
        let endedOn: string | null = null;
        sessions.forEach((s, i) => {
          if (endedOn) return;
          if (dropsOut && i > sessions.length / 2) {
            endedOn = s.date;
            return;
          }
          const p = slacking && i >= sessions.length - 3 ? false : rnd() < base;
          if (p) present.add(s.id);
          aRows.push({ session_id: s.id, participant_id: pid, present: p });
          attendanceCount++;
        });
        const fig = attendanceFigures(sessions, present, { from: w.start, to: endedOn });
        let stage = fig.present > 0 ? 'activo' : 'inscrito';
        let reason: string | null = null;
        if (endedOn) {
          stage = 'retirado';
          reason = 'retiro';
        } else if (w.completed) {
          stage = (fig.rate ?? 0) >= 0.6 ? 'completado' : 'retirado';
          endedOn = w.end;
          reason = stage === 'completado' ? 'completado' : 'retiro';
        }
        eRows.push({ id, participant_id: pid, workshop_id: w.id, ensemble_id: null, stage, part: null, enrolled_on: w.start, ended_on: endedOn, end_reason: reason, absence_run: fig.consecutiveAbsences, ...stamp });
        stageRows.push({ enrolment_id: id, stage: 'inscrito', date: w.start, reason: null, recorded_at: now, recorded_by: actor.name });
        if (stage !== 'inscrito') stageRows.push({ enrolment_id: id, stage, date: endedOn ?? w.start, reason: null, recorded_at: now, recorded_by: actor.name });
        taken.set(pid, new Set([...(taken.get(pid) ?? []), w.id]));
        if (eRows.length >= 5000) {
          await flush(true);
          await db.batchInsert('enrolments', eRows.splice(0), 500);
          await db.batchInsert('enrolment_stages', stageRows.splice(0), 500);
        }
      }
      if (scale === 'demo') queue.push(...members.filter(() => rnd() < 0.25));
      await flush();
    }
  }
  await flush(true);
  if (eRows.length) await db.batchInsert('enrolments', eRows.splice(0), 500);
  if (stageRows.length) await db.batchInsert('enrolment_stages', stageRows.splice(0), 500);

  if (scale === 'national') return { participants: total, attendance: attendanceCount };

  // Ensembles with members drawn from the establishment's active participants.
  const ensemblePlans: Array<[EnsembleType, string, string]> = [
    ['banda_sinfonica', 'Banda sinfónica', 'Prof. Julio Ramos'],
    ['coro_polifonico', 'Coro polifónico', 'Prof. Elena Torres'],
    ['ensamble_percusion', 'Ensamble de percusión', 'Prof. Marco Salas'],
    ['orquesta_sinfonica', 'Orquesta sinfónica', 'Prof. Carmen Rojas'],
  ];
  const parts: Record<EnsembleType, string[]> = {
    banda_sinfonica: ['Trompeta', 'Clarinete', 'Trombón', 'Tuba', 'Saxofón alto', 'Percusión'],
    coro_polifonico: ['Soprano', 'Contralto', 'Tenor', 'Bajo'],
    ensamble_percusion: ['Cajón peruano', 'Bombo', 'Redoblante', 'Congas', 'Quijada'],
    orquesta_sinfonica: ['Violín I', 'Violín II', 'Viola', 'Violonchelo', 'Contrabajo', 'Flauta'],
    otro: ['Integrante'],
  };
  const ensembleIds: number[] = [];
  for (const [i, e] of ests.entries()) {
    const women = e.population === 'mujeres';
    const choices = women ? [ensemblePlans[1]!] : i === 2 ? [ensemblePlans[3]!] : [ensemblePlans[0]!, ensemblePlans[i % 2 === 0 ? 2 : 1]!];
    for (const [type, label, director] of choices) {
      const name = `${label} ${e.name.replace('E.P. ', '')}`;
      const [r] = (await db('ensembles')
        .insert({ name, name_key: normalizeText(name), type, establishment_id: e.id, director, formed_on: `${year - 1}-${String(4 + (i % 6)).padStart(2, '0')}-15`, active: true, notes: null, ...stamp })
        .returning('id')) as Array<{ id: number }>;
      ensembleIds.push(r!.id);
      const members = (perEst.get(e.id) ?? []).filter(() => rnd() < 0.18).slice(0, 35);
      for (const pid of members) {
        const id = ++enrolmentId;
        eRows.push({ id, participant_id: pid, workshop_id: null, ensemble_id: r!.id, stage: 'activo', part: pick(parts[type]), enrolled_on: `${year}-03-15`, ended_on: null, end_reason: null, absence_run: 0, ...stamp });
        stageRows.push({ enrolment_id: id, stage: 'inscrito', date: `${year}-03-15`, reason: null, recorded_at: now, recorded_by: actor.name });
        stageRows.push({ enrolment_id: id, stage: 'activo', date: `${year}-03-22`, reason: null, recorded_at: now, recorded_by: actor.name });
      }
    }
  }
  await db.batchInsert('enrolments', eRows.splice(0), 500);
  await db.batchInsert('enrolment_stages', stageRows.splice(0), 500);

  // A few custody changes: transfers and releases end the open enrolments, keep the history.
  const all = [...perEst.values()].flat();
  for (let k = 0; k < 14; k++) {
    const pid = all[Math.floor(rnd() * all.length)]!;
    const p = (await db('participants').where({ id: pid }).first()) as { status: string; establishment_id: number; version: number };
    if (p.status !== 'activo') continue;
    const release = k % 3 === 0;
    const date = isoDay(Date.parse(today) - (10 + k * 9) * dayMs);
    const to = release ? null : ests.find((e) => e.id !== p.establishment_id && e.population === ests.find((x) => x.id === p.establishment_id)!.population)?.id ?? null;
    if (!release && to === null) continue;
    const open = (await db('enrolments').where({ participant_id: pid }).whereIn('stage', ['inscrito', 'activo']).pluck('id')) as number[];
    if (open.length) {
      await db('enrolments').whereIn('id', open).update({ stage: 'retirado', ended_on: date, end_reason: release ? 'egreso' : 'traslado' });
      await db('enrolment_stages').insert(open.map((id) => ({ enrolment_id: id, stage: 'retirado', date, reason: release ? 'Egreso (libertad)' : 'Traslado', recorded_at: now, recorded_by: actor.name })));
    }
    await db('participants').where({ id: pid }).update({ status: release ? 'egresado' : 'trasladado', establishment_id: to ?? p.establishment_id, version: p.version + 1 });
    await db('participant_movements').insert({ participant_id: pid, kind: release ? 'egreso' : 'traslado', date, from_establishment_id: p.establishment_id, to_establishment_id: to, status_after: release ? 'egresado' : 'trasladado', document_number: release ? `RES-${300 + k}-${year}` : `OF-TR-${200 + k}`, notes: null, enrolments_ended: open.length, recorded_at: now, recorded_by: actor.name });
  }

  // The season of recitals and educational concerts, with audiences.
  const [season] = (await db('seasons').insert({ name: `Temporada ${year} de recitales y conciertos educativos`, start_date: `${year}-03-01`, end_date: `${year}-12-20`, ...stamp }).returning('id')) as Array<{ id: number }>;
  const eventsPlan: Array<[string, string, number, number, number | null]> = [
    ['concierto_educativo', 'Concierto educativo de apertura de temporada', 3, 21, 1],
    ['recital', 'Recital de cuerdas «Primeros pasos»', 4, 18, null],
    ['puesta_en_escena', 'Arte sin Barreras: «La ciudad y los sueños»', 5, 9, 0],
    ['concierto_educativo', 'Concierto por el Día de la Madre', 5, 10, null],
    ['festival', 'Fiesta de la Música en Lurigancho', 6, 21, 2],
    ['recital', 'Recital del coro polifónico', 7, 12, null],
    ['presentacion_externa', 'Banda sinfónica en la Plaza Mayor de Lima', 7, 28, 0],
    ['inauguracion_exposicion', 'Inauguración de «InternArte: otra forma de libertad»', 8, 20, 3],
    ['concierto_educativo', 'Concierto educativo con estudiantes de EBA', 9, 17, 1],
    ['puesta_en_escena', 'Arte sin Barreras: «Voces de adentro»', 10, 15, 0],
    ['festival', 'Festival de Cine de Lima: proyección y concierto', 11, 7, 4],
    ['recital', 'Recital de fin de año — percusión', 12, 5, null],
    ['concierto_educativo', 'Gran concierto de Navidad', 12, 18, 1],
  ];
  for (const [i, [type, title, month, day, partner]] of eventsPlan.entries()) {
    const e = ests[i % ests.length]!;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const external = type === 'presentacion_externa' || type === 'inauguracion_exposicion';
    const past = date <= today;
    const aud = (lo: number, hi: number) => (past ? lo + Math.floor(rnd() * (hi - lo)) : 0);
    const [r] = (await db('events')
      .insert({
        type,
        season_id: season!.id,
        title,
        title_key: normalizeText(title),
        date,
        time: pick(['10:00', '11:00', '15:00', '16:30']),
        venue_kind: external ? 'externo' : 'establecimiento',
        establishment_id: external ? null : e.id,
        venue_name: external ? (type === 'inauguracion_exposicion' ? 'Museo de Artes y Tradiciones Populares (PUCP)' : 'Plaza Mayor de Lima') : null,
        audience_internos: external ? 0 : aud(80, 420),
        audience_familiares: aud(10, 90),
        audience_personal: aud(8, 40),
        audience_externo: external ? aud(120, 600) : aud(0, 30),
        audience_autoridades: aud(2, 12),
        notes: null,
        ...stamp,
      })
      .returning('id')) as Array<{ id: number }>;
    if (partner !== null && partnerIds[partner]) await db('event_partners').insert({ event_id: r!.id, partner_id: partnerIds[partner] });
    const ens = ensembleIds[i % ensembleIds.length];
    if (ens) await db('event_ensembles').insert({ event_id: r!.id, ensemble_id: ens });
  }
  return { participants: total, attendance: attendanceCount };
}
