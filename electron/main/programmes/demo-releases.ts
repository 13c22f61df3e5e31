import { prng } from '../demo/prng';
import { dayMs, isoDay, menNames, surnames, womenNames, type DemoContext } from './demo-data';
import { participantSearchText, participantSortKey } from './repository';
import { insertDemoParticipants, lastParticipantId } from './repository/demo-rows';

/**
 * The follow-up after release in the demonstration data (issue 17, item 3): the answers given
 * at the releases of this year's participants, and former participants of this year and the two
 * before it, each registered, released with the follow-up answers (whether they wish to continue
 * their practice, a referral to a partner's cultural programme) and some of them registered again
 * later under the same code (a `reincorporacion`). Their own seeded numbers, so the rest of the
 * dataset draws what it drew before. Former participants have no enrolment: the figures of
 * workshops, attendance and reach stay as they were.
 */

const referralNotes = [
  'Taller de grabado en el centro cultural',
  'Coro comunitario del distrito',
  'Taller de cerámica para adultos',
  'Orquesta juvenil del barrio',
  'Elenco de teatro de la parroquia',
];

const FORMER_PER_YEAR = [28, 30, 24];

/**
 * The follow-up answers of one release after another (a seeded stream of its own, so drawing
 * them changes nothing else): about half wish to continue, a quarter do not, the rest were not
 * asked; some are referred to a partner's programme, more often those who wish to continue.
 */
export function demoReleaseAnswers(partnerIds: readonly number[], rnd = prng(1716)) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return () => {
    const r = rnd();
    const continues = r < 0.55 ? true : r < 0.8 ? false : null;
    const referred = partnerIds.length > 0 && rnd() < (continues ? 0.45 : 0.1);
    return {
      continues_practice: continues,
      referral_partner_id: referred ? pick(partnerIds) : null,
      referral_note: referred && rnd() < 0.7 ? pick(referralNotes) : null,
    };
  };
}

export async function insertDemoReleases(
  ctx: DemoContext,
  ests: ReadonlyArray<{ id: number; population: string }>,
  partnerIds: readonly number[],
): Promise<void> {
  const { db, stamp, today, year, now, actor } = ctx;
  const rnd = prng(1717);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const answers = demoReleaseAnswers(partnerIds, rnd);

  // Former participants: registered, released, and about a quarter of them back within two years.
  const existing = await lastParticipantId(db);
  const pRows: Record<string, unknown>[] = [];
  const mRows: Record<string, unknown>[] = [];
  const last = Date.parse(today) - 7 * dayMs;
  let id = existing;
  for (const [back, count] of [2, 1, 0].map((b, i) => [b, FORMER_PER_YEAR[i]!] as const)) {
    const y = year - back;
    for (let k = 0; k < count; k++) {
      const e = pick(ests);
      const woman = e.population === 'mujeres' || (e.population === 'mixto' && rnd() < 0.3);
      const registered = Date.parse(`${y}-01-05`) + Math.floor(rnd() * 240) * dayMs;
      const released = registered + (45 + Math.floor(rnd() * 120)) * dayMs;
      if (released > last) continue;
      const first = pick(woman ? womenNames : menNames);
      const lastName = `${pick(surnames)} ${pick(surnames)}`;
      const pid = ++id;
      const code = `DEMO-${String(pid).padStart(6, '0')}`;
      const move = (kind: string, date: number, from: number | null, to: number | null, status: string, extra = {}) =>
        mRows.push({
          participant_id: pid,
          kind,
          date: isoDay(date),
          from_establishment_id: from,
          to_establishment_id: to,
          status_after: status,
          document_number: kind === 'egreso' ? `RES-${pid}-${y}` : null,
          notes: null,
          enrolments_ended: 0,
          recorded_at: now,
          recorded_by: actor.name,
          ...extra,
        });
      move('alta', registered, null, e.id, 'activo');
      move('egreso', released, e.id, null, 'egresado', answers());
      const returnsOn = released + (60 + Math.floor(rnd() * 540)) * dayMs;
      const returns = rnd() < 0.28 && returnsOn <= last;
      const same = ests.filter((x) => x.population === e.population);
      const to = returns ? pick(same.length ? same : ests).id : e.id;
      if (returns) move('reincorporacion', returnsOn, null, to, 'activo');
      pRows.push({
        id: pid,
        code,
        first_names: first,
        last_names: lastName,
        sex: woman ? 'femenino' : 'masculino',
        birth_year: y - 19 - Math.floor(rnd() * 45),
        establishment_id: to,
        status: returns ? 'activo' : 'egresado',
        search_text: participantSearchText(code, first, lastName),
        sort_key: participantSortKey(first, lastName),
        ...stamp,
      });
    }
  }
  await insertDemoParticipants(db, pRows, mRows);
}
