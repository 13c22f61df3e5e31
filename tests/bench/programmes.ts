import { countRows, okDispatch, quantiles, time as timeRuns } from './measure';
import type { Scenario } from './scenarios';

/**
 * The programmes' bench scenarios over the national dataset (100,000 participants,
 * 1,000,000 attendance marks): the type-ahead, one session's attendance of 40 saved at
 * once, and the programmes' part of the dashboard.
 */

const WARMUP = 30;
const RUNS = 300;

const time = (fn: (i: number) => Promise<unknown>) => timeRuns(fn, RUNS, WARMUP);

export const programmeScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = okDispatch(dispatch);
  const participants = await countRows(db, 'participants');
  const marks = await countRows(db, 'attendance');
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
      n: participants,
      ...quantiles(piped),
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
      n: marks,
      group: 40,
      ...quantiles(piped),
      goal: 'p95 <= 20 ms',
    });
  }

  // dashboard.summary: the programmes' part of the dashboard (participants by establishment and sex, season, alerts).
  {
    const piped = await time(() => ok('programmeReports.summary', {}));
    lines.push({
      scenario: 'dashboard.summary',
      channel: 'programmeReports.summary',
      n: participants,
      ...quantiles(piped),
      goal: 'p95 <= 150 ms',
    });
  }
  return lines;
};
