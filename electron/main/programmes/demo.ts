import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import { attendanceFigures } from '../../../shared/programmes/rules';
import { establishmentsByIds } from '../establishments/repository';
import { instrumentTypeIdsByName } from '../inventory/repository/for-programmes';
import {
  dayMs,
  ensemblePlans,
  isoDay,
  menNames,
  parts,
  plans,
  programmeYear,
  voiceParts,
  surnames,
  womenNames,
  type DemoContext,
  type WorkshopPlan,
} from './demo-data';
import { prng } from '../demo/prng';
import { firstVersion } from '../db/writes';
import { insertDemoPartners } from './repository/demo-partners';
import { demoReleaseAnswers, insertDemoReleases } from './demo-releases';
import { insertDemoSeason } from './demo-season';
import { participantSearchText, participantSortKey } from './repository';
import * as rows from './repository/demo-rows';

/**
 * The programme for the demonstration dataset and the bench: workshops, participants with
 * invented codes (DEMO-…) and invented names, enrolments, sessions with attendance,
 * ensembles, a season of events with audiences, partners and agreements. Deterministic
 * (seeded). At the national scale: 100,000 participants and 1,000,000 attendance marks.
 */

export type ProgrammeScale = 'demo' | 'national';

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
  const stamp = firstVersion(actor, now);
  const today = now.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const ests = await establishmentsByIds(db, establishmentIds, 'id');
  const ctx: DemoContext = { db, stamp, today, year, now, actor };

  // Partners and agreements.
  const partnerIds = scale === 'demo' ? await insertDemoPartners(ctx) : [];

  // Workshops: at the demo scale, several per programme establishment; nationally 2,500 of 40.
  const workshops: Array<{ id: number; establishmentId: number; capacity: number; start: string; end: string | null; completed: boolean }> =
    [];
  const wRows: Record<string, unknown>[] = [];
  const wYear = programmeYear(today);
  const firstTerm = { start: `${wYear}-03-02`, end: `${wYear}-07-31` };
  const secondTerm = { start: `${wYear}-08-03`, end: `${wYear}-12-18` };
  if (scale === 'demo') {
    ests.forEach((e, i) => {
      const women = e.population === 'mujeres';
      const chosen = women ? [plans[2]!, plans[3]!, plans[4]!] : [plans[0]!, plans[1]!, plans[(i % 3) + 3]!];
      chosen.forEach((p, k) => {
        const term = k === 2 ? firstTerm : secondTerm;
        const annual = k === 0;
        wRows.push({ p, e, start: annual ? `${wYear}-03-02` : term.start, end: annual ? `${wYear}-12-18` : term.end });
      });
    });
  } else {
    for (let k = 0; k < 2500; k++)
      wRows.push({ p: plans[k % plans.length]!, e: ests[k % ests.length]!, start: `${wYear}-03-02`, end: `${wYear}-12-18` });
  }
  for (const w of wRows) {
    const p = w.p as WorkshopPlan;
    const e = w.e as { id: number; name: string };
    const name = scale === 'demo' ? p.name : `${p.name} ${workshops.length + 1}`;
    const id = await rows.insertDemoWorkshop(db, {
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
    });
    workshops.push({
      id,
      establishmentId: e.id,
      capacity: scale === 'demo' ? p.capacity : 40,
      start: String(w.start),
      end: (w.end as string) ?? null,
      completed: String(w.end) < today,
    });
  }

  // Participants.
  const total = scale === 'demo' ? 523 : 100_000;
  const perEst = new Map<number, number[]>();
  const sexOf = new Map<number, string>();
  const existing = await rows.lastParticipantId(db);
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
    const registered = `${wYear}-0${2 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;
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
    mRows.push({
      participant_id: id,
      kind: 'alta',
      date: registered,
      from_establishment_id: null,
      to_establishment_id: e.id,
      status_after: 'activo',
      document_number: null,
      notes: null,
      enrolments_ended: 0,
      recorded_at: now,
      recorded_by: actor.name,
    });
    sexOf.set(id, sex);
    const list = perEst.get(e.id) ?? [];
    list.push(id);
    perEst.set(e.id, list);
  }
  await rows.insertDemoParticipants(db, pRows, mRows);

  // Enrolments, sessions and attendance.
  const eRows: Record<string, unknown>[] = [];
  const sRows: Record<string, unknown>[] = [];
  const aRows: Array<{ session_id: number; participant_id: number; present: boolean }> = [];
  const stageRows: Record<string, unknown>[] = [];
  let enrolmentId = await rows.lastEnrolmentId(db);
  let sessionId = await rows.lastSessionId(db);
  let attendanceCount = 0;
  const flush = async (force = false) => {
    if (force || aRows.length >= 20_000) {
      if (sRows.length) await rows.insertDemoSessions(db, sRows.splice(0));
      if (aRows.length) await rows.insertDemoAttendance(db, aRows.splice(0));
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
      for (
        let d = Date.parse(w.start), i = 0;
        i < sessionsWanted && isoDay(d) <= (w.end ?? today) && isoDay(d) <= today;
        d += step * dayMs, i++
      ) {
        sessions.push({ id: ++sessionId, date: isoDay(d), minutes: pick([90, 120, 120, 180]) });
      }
      for (const s of sessions) {
        sRows.push({
          id: s.id,
          workshop_id: w.id,
          date: s.date,
          duration_minutes: s.minutes,
          topic: null,
          attendance_at: `${s.date}T20:00:00.000Z`,
          attendance_by: actor.name,
          ...stamp,
        });
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
        eRows.push({
          id,
          participant_id: pid,
          workshop_id: w.id,
          ensemble_id: null,
          stage,
          part: null,
          part_type_id: null,
          part_voice: null,
          enrolled_on: w.start,
          ended_on: endedOn,
          end_reason: reason,
          absence_run: fig.consecutiveAbsences,
          ...stamp,
        });
        stageRows.push({ enrolment_id: id, stage: 'inscrito', date: w.start, reason: null, recorded_at: now, recorded_by: actor.name });
        if (stage !== 'inscrito')
          stageRows.push({ enrolment_id: id, stage, date: endedOn ?? w.start, reason: null, recorded_at: now, recorded_by: actor.name });
        taken.set(pid, new Set([...(taken.get(pid) ?? []), w.id]));
        if (eRows.length >= 5000) {
          await flush(true);
          await rows.insertDemoEnrolments(db, eRows.splice(0));
          await rows.insertDemoStages(db, stageRows.splice(0));
        }
      }
      if (scale === 'demo') queue.push(...members.filter(() => rnd() < 0.25));
      await flush();
    }
  }
  await flush(true);
  if (eRows.length) await rows.insertDemoEnrolments(db, eRows.splice(0));
  if (stageRows.length) await rows.insertDemoStages(db, stageRows.splice(0));

  if (scale === 'national') return { participants: total, attendance: attendanceCount };

  // Ensembles with members drawn from the establishment's active participants, each with a part from the list.
  const ensembleIds: number[] = [];
  const typeIds = await instrumentTypeIdsByName(db);
  for (const [i, e] of ests.entries()) {
    const women = e.population === 'mujeres';
    const choices = women ? [ensemblePlans[1]!] : i === 2 ? [ensemblePlans[3]!] : [ensemblePlans[0]!, ensemblePlans[i % 2 === 0 ? 2 : 1]!];
    for (const [type, label, director] of choices) {
      const name = `${label} ${e.name.replace('E.P. ', '')}`;
      const ensembleId = await rows.insertDemoEnsemble(db, {
        name,
        name_key: normalizeText(name),
        type,
        establishment_id: e.id,
        director,
        formed_on: `${year - 1}-${String(4 + (i % 6)).padStart(2, '0')}-15`,
        active: true,
        notes: null,
        ...stamp,
      });
      ensembleIds.push(ensembleId);
      const members = (perEst.get(e.id) ?? []).filter(() => rnd() < 0.18).slice(0, 35);
      for (const pid of members) {
        const id = ++enrolmentId;
        const part = pick(parts[type]);
        eRows.push({
          id,
          participant_id: pid,
          workshop_id: null,
          ensemble_id: ensembleId,
          stage: 'activo',
          part,
          part_type_id: typeIds.get(part) ?? null,
          part_voice: voiceParts[part] ?? null,
          enrolled_on: `${year}-03-15`,
          ended_on: null,
          end_reason: null,
          absence_run: 0,
          ...stamp,
        });
        stageRows.push({
          enrolment_id: id,
          stage: 'inscrito',
          date: `${year}-03-15`,
          reason: null,
          recorded_at: now,
          recorded_by: actor.name,
        });
        stageRows.push({
          enrolment_id: id,
          stage: 'activo',
          date: `${year}-03-22`,
          reason: null,
          recorded_at: now,
          recorded_by: actor.name,
        });
      }
    }
  }
  await rows.insertDemoEnrolments(db, eRows.splice(0));
  await rows.insertDemoStages(db, stageRows.splice(0));

  // A few custody changes: transfers and releases end the open enrolments, keep the history.
  const all = [...perEst.values()].flat();
  const answers = demoReleaseAnswers(partnerIds);
  for (let k = 0; k < 14; k++) {
    const pid = all[Math.floor(rnd() * all.length)]!;
    const p = await rows.demoParticipant(db, pid);
    if (p.status !== 'activo') continue;
    const release = k % 3 === 0;
    const date = isoDay(Date.parse(today) - (10 + k * 9) * dayMs);
    const to = release
      ? null
      : (ests.find((e) => e.id !== p.establishment_id && e.population === ests.find((x) => x.id === p.establishment_id)!.population)?.id ??
        null);
    if (!release && to === null) continue;
    const open = await rows.openDemoEnrolmentIds(db, pid);
    if (open.length) {
      await rows.endDemoEnrolments(db, open, {
        date,
        endReason: release ? 'egreso' : 'traslado',
        stageReason: release ? 'Egreso (libertad)' : 'Traslado',
        now,
        by: actor.name,
      });
    }
    const custody = { status: release ? 'egresado' : 'trasladado', establishment_id: to ?? p.establishment_id, version: p.version + 1 };
    await rows.moveDemoParticipant(db, pid, custody, {
      participant_id: pid,
      kind: release ? 'egreso' : 'traslado',
      date,
      from_establishment_id: p.establishment_id,
      to_establishment_id: to,
      status_after: release ? 'egresado' : 'trasladado',
      document_number: release ? `RES-${300 + k}-${year}` : `OF-TR-${200 + k}`,
      notes: null,
      enrolments_ended: open.length,
      recorded_at: now,
      recorded_by: actor.name,
      ...(release ? answers() : {}),
    });
  }

  // The follow-up after release: answers at the releases, former participants, re-entries (not at the national scale).
  if (scale === 'demo') await insertDemoReleases(ctx, ests, partnerIds);

  // The season of recitals and educational concerts, with audiences.
  await insertDemoSeason(ctx, ests, partnerIds, ensembleIds, rnd, pick);
  return { participants: total, attendance: attendanceCount };
}
