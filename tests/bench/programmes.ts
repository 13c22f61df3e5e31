import { performance } from 'node:perf_hooks';
import type { Scenario } from './scenarios';

/**
 * The programmes' bench scenarios over the national dataset (100,000 participants,
 * 1,000,000 attendance marks): the type-ahead, one session's attendance of 40 saved at
 * once, and the programmes' part of the dashboard.
 */

const WARMUP = 30;
const RUNS = 300;

async function time(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn(WARMUP + i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  Number(sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!.toFixed(3));

export const programmeScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = async (channel: string, input: unknown) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const participants = Number(((await db('participants').count({ n: '*' })) as Array<{ n: number }>)[0]?.n ?? 0);
  const marks = Number(((await db('attendance').count({ n: '*' })) as Array<{ n: number }>)[0]?.n ?? 0);
  const lines: Array<Record<string, unknown>> = [];

  // participants.search: what a coordinator types — a surname, two words, a code prefix.
  {
    const codes = (await db('participants').orderByRaw('random()').limit(50).pluck('code')) as string[];
    const queries = [
      'quispe',
      'maria rojas',
      'huaman',
      'torres luis',
      'condori',
      'salas',
      'apaza ccori',
      'yupanqui',
      ...codes.map((c) => c.slice(0, 10)),
    ];
    const piped = await time((i) => ok('participants.search', { q: queries[i % queries.length], limit: 10 }));
    lines.push({
      scenario: 'participants.search',
      n: Number(participants),
      p50_ms: pct(piped, 50),
      p95_ms: pct(piped, 95),
      goal: 'p95 <= 25 ms',
    });
  }

  // attendance.save: one session's whole group (40 marks) in one transaction, with its audit entry.
  {
    const sessions = (await db('workshop_sessions as s')
      .whereRaw('(SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) = 40')
      .orderByRaw('random()')
      .limit(WARMUP + RUNS)
      .pluck('s.id')) as number[];
    const groups = new Map<number, number[]>();
    for (const id of sessions) groups.set(id, (await db('attendance').where({ session_id: id }).pluck('participant_id')) as number[]);
    const piped = await time((i) => {
      const id = sessions[i % sessions.length]!;
      return ok('attendance.save', {
        sessionId: id,
        marks: groups.get(id)!.map((p, k) => ({ participantId: p, present: (k + i) % 5 !== 0 })),
      });
    });
    lines.push({
      scenario: 'attendance.save',
      n: Number(marks),
      group: 40,
      p50_ms: pct(piped, 50),
      p95_ms: pct(piped, 95),
      goal: 'p95 <= 20 ms',
    });
  }

  // dashboard.summary: the programmes' part of the dashboard (participants by establishment and sex, season, alerts).
  {
    const piped = await time(() => ok('programmeReports.summary', {}));
    lines.push({
      scenario: 'dashboard.summary',
      channel: 'programmeReports.summary',
      n: Number(participants),
      p50_ms: pct(piped, 50),
      p95_ms: pct(piped, 95),
      goal: 'p95 <= 150 ms',
    });
  }
  return lines;
};
