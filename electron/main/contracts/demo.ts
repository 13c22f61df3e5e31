import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import {
  lastDayOf,
  limaToday,
  nextPeriod,
  periodOf,
  previousPeriod,
  rucCheckDigit,
  type Discipline,
  type Modality,
} from '../../../shared/contracts/rules';
import { addDays } from '../../../shared/format';
import { demoTeachers, firstNamesF, firstNamesM, specialtiesByDiscipline, surnames, workshopsByDiscipline } from './demo-data';
import { prng } from '../demo/prng';
import { nextIds, pad, saveBudget, Writer, type PlannedContract } from './repository/demo-rows';
import { linkDemoTeachers, workshopsAt } from '../programmes/repository/for-contracts';

/** The demonstration's workshops of each discipline, by their names. */
const workshopPattern: Record<Discipline, RegExp | null> = {
  musica: /banda|cuerdas|orquesta|vientos/i,
  canto_coral: /coro|canto/i,
  ceramica: /cer[aá]mica/i,
  pintura: /pintura|dibujo/i,
  escultura: /escultura/i,
  teatro: /teatro/i,
  danza: /danza/i,
  otro: null,
};

/**
 * What a contract of a discipline covers at an establishment: the active workshops of that
 * discipline there, by id; where there is none, the name typed as text (as before links
 * existed), which the clerk finds "sin vincular".
 */
async function workshopChooser(db: Knex, establishmentIds: number[]) {
  const offered = (await workshopsAt(db, establishmentIds)).filter((w) => w.active);
  return (establishmentId: number, discipline: Discipline, typed = workshopsByDiscipline[discipline]) => {
    const pattern = workshopPattern[discipline];
    const workshopIds = offered.filter((w) => w.establishmentId === establishmentId && pattern?.test(w.name)).map((w) => w.id);
    return { id: establishmentId, workshopIds, workshops: workshopIds.length > 0 ? null : typed };
  };
}

/** The workshops' teachers: each contract's teacher gives the workshops the contract covers. */
const teachersOfWorkshops = (planned: PlannedContract[]) =>
  planned.flatMap((c) =>
    c.establishments.flatMap((e) => (e.workshopIds ?? []).map((workshopId) => ({ workshopId, teacherId: c.teacherId }))),
  );

/**
 * Teachers, their authorisations, contracts, conformities and the budget, for the
 * demonstration (a dozen teachers in the programme's seven prisons, this fiscal year's
 * budget of S/ 500,000.00 — US$ 147,058.82 at S/ 3.40) and for the bench (3,000 teachers,
 * 12,000 contracts, 100,000 conformities). Every row follows the rules the channels enforce:
 * real RUC check digits, schedules from contractSchedule, retention from retentionFor, no two
 * contracts of a teacher overlapping at a prison. Deterministic (seeded).
 */

export type ContractsScale = 'demo' | 'national';

/** A DNI and the RUC 10 that carries it, with SUNAT's check digit. */
function identity(n: number): { dni: string; ruc: string } {
  const dni = pad(40_000_000 + ((n * 7919) % 9_999_999), 8);
  const first = `10${dni}`;
  return { dni, ruc: `${first}${rucCheckDigit(first)}` };
}

const monthsBack = (today: string, n: number) => {
  let p = periodOf(today);
  for (let i = 0; i < n; i++) p = previousPeriod(p);
  return p;
};
const monthsAhead = (today: string, n: number) => {
  let p = periodOf(today);
  for (let i = 0; i < n; i++) p = nextPeriod(p);
  return p;
};

/** The demonstration: the programme's seven prisons, twelve teachers, this year's budget. */
async function demo(
  db: Knex,
  establishmentIds: number[],
  actor: Actor,
  now: string,
): Promise<{ teachers: number; contracts: number; conformities: number }> {
  const today = limaToday(now);
  const year = Number(today.slice(0, 4));
  const rnd = prng(2026);
  const w = new Writer(db, actor, now, today, rnd, Number.MAX_SAFE_INTEGER);
  const ids = await nextIds(db);
  w.nextConformityId = ids.conformity;
  const est = (i: number) => establishmentIds[i % establishmentIds.length]!;
  const covered = await workshopChooser(db, establishmentIds);
  const planned: PlannedContract[] = [];
  const people = demoTeachers;
  const from = `${monthsBack(today, 14)}-01`;
  const teacherIds = people.map((p, i) => {
    const id = ids.teacher + i;
    const ident = identity(id + 17);
    w.teacher(id, {
      dni: ident.dni,
      ruc: p.ruc ? ident.ruc : null,
      first: p.first,
      last: p.last,
      sex: p.sex,
      disciplines: p.disciplines,
      specialties: p.specialties,
      suspensionYear: p.suspension ? year : undefined,
    });
    // Access authorisations: most valid for the year; two end within the month, one has lapsed.
    const to = i === 3 ? addDays(today, 12) : i === 6 ? addDays(today, 24) : i === 10 ? addDays(today, -20) : `${monthsAhead(today, 6)}-01`;
    w.authorisation(id, est(i), from, to, 100 + i);
    if (i % 4 === 1) w.authorisation(id, est(i + 3), from, `${monthsAhead(today, 8)}-01`, 200 + i);
    return id;
  });
  const suspendedFor = (i: number) => (receipt: string) =>
    people[i]!.suspension === true && receipt.slice(0, 4) === String(year) && receipt >= `${year}-01-15`;
  const start = `${monthsBack(today, 8)}-01`;
  let cid = ids.contract;
  let n = 1;
  const plan = (i: number, over: Partial<PlannedContract>): PlannedContract => {
    const p = people[i]!;
    const discipline = p.disciplines[0]!;
    const modality: Modality = p.ruc ? 'orden_servicio' : 'cas';
    return {
      teacherId: teacherIds[i]!,
      previousId: null,
      number:
        modality === 'cas' ? `CAS N° ${pad(10 + n, 3)}-${start.slice(0, 4)}-INPE` : `OS N° ${pad(120 + n * 7, 4)}-${start.slice(0, 4)}`,
      modality,
      object: `Servicio de enseñanza de ${specialtiesByDiscipline[discipline].includes(p.specialties[0]!) ? p.specialties[0]!.toLowerCase() : p.specialties[0]} para el taller «${workshopsByDiscipline[discipline]}»`,
      start,
      end: lastDayOf(monthsAhead(today, 3)),
      amountType: 'mensual',
      amount: (2000 + ((i * 350) % 1500)) * 100,
      hours: 12 + (i % 3) * 4,
      line: 'docentes',
      establishments: [covered(est(i), discipline)],
      status: 'vigente',
      resolvedOn: null,
      reason: null,
      coverage: 1,
      unpaidTail: 1,
      ...over,
    };
  };
  const add = (i: number, over: Partial<PlannedContract>) => {
    const c = plan(i, over);
    planned.push(c);
    n++;
    const id = cid++;
    w.contract(id, c, { last: people[i]!.last, first: people[i]!.first, dni: identity(teacherIds[i]! + 17).dni }, suspendedFor(i));
    return id;
  };
  // A chain: last year's order renewed this year.
  const older = add(0, {
    start: `${monthsBack(today, 14)}-01`,
    end: lastDayOf(monthsBack(today, 9)),
    number: `OS N° 0088-${monthsBack(today, 14).slice(0, 4)}`,
  });
  add(0, { previousId: older });
  add(1, { end: addDays(today, 18) }); // por vencer
  add(2, { amount: 280_000, coverage: 0.75 }); // CAS, two months without sign-off
  add(3, { end: lastDayOf(monthsAhead(today, 1)), unpaidTail: 2 });
  add(4, {
    line: 'capacitacion',
    amountType: 'total',
    amount: 3_300_000,
    object: 'Capacitación en cerámica de alta temperatura: hornos, esmaltes y torno',
    start: `${monthsBack(today, 5)}-01`,
    end: lastDayOf(monthsAhead(today, 2)),
  });
  add(5, {
    establishments: [covered(est(5), 'musica', 'INPE Orquestando: banda sinfónica'), covered(est(6), 'musica', 'Ensamble de vientos')],
  });
  add(6, { end: lastDayOf(monthsBack(today, 1)), coverage: 0.85 }); // vencido
  add(7, { status: 'resuelto', resolvedOn: lastDayOf(monthsBack(today, 3)), reason: 'Renuncia del docente por traslado a otra región' });
  add(8, { amount: 150_000, hours: 8, coverage: 0.7 });
  add(9, {});
  add(10, {
    modality: 'voluntariado',
    amount: 0,
    number: `VOL N° 003-${year}`,
    object: 'Voluntariado: taller de danzas folclóricas',
    line: 'eventos',
    coverage: 0,
  });
  add(11, { status: 'borrador', start: `${monthsAhead(today, 1)}-01`, end: lastDayOf(monthsAhead(today, 6)) });
  await w.flush(true);
  await linkDemoTeachers(db, teachersOfWorkshops(planned.filter((c) => c.status !== 'borrador')));

  // This year's budget: S/ 500,000.00, US$ 147,058.82 at S/ 3.40 per dollar (the programme's figure).
  await saveBudget(
    db,
    year,
    3.4,
    { instrumentos: 20_000_000, docentes: 22_500_000, capacitacion: 3_500_000, materiales: 2_500_000, eventos: 1_500_000 },
    'Presupuesto del programa de arte y cultura: S/ 500,000.00 (US$ 147,058.82). Datos de demostración.',
    actor,
    now,
  );
  if (monthsBack(today, 14).slice(0, 4) !== String(year)) {
    await saveBudget(
      db,
      year - 1,
      3.75,
      { instrumentos: 15_000_000, docentes: 22_000_000, capacitacion: 3_000_000, materiales: 1_200_000, eventos: 800_000 },
      'Datos de demostración.',
      actor,
      now,
    );
  }
  return { teachers: people.length, contracts: n - 1, conformities: w.conformityCount };
}

/**
 * The bench's national scale: 3,000 teachers across every active prison, four yearly
 * contracts each (each renewing the one before), and conformities for the months that
 * have passed until there are 100,000. The contracts are laid out back from today (the
 * last one began two to four months ago), so on any date each teacher has one in force,
 * as the bench's list of contracts in force expects.
 */
async function national(db: Knex, establishmentIds: number[], actor: Actor, now: string) {
  const today = limaToday(now);
  const year = Number(today.slice(0, 4));
  const rnd = prng(69);
  const TEACHERS = 3000;
  const PER_TEACHER = 4;
  const w = new Writer(db, actor, now, today, rnd, 100_000);
  const covered = await workshopChooser(db, establishmentIds);
  const ids = await nextIds(db);
  w.nextConformityId = ids.conformity;
  const disciplineList: Discipline[] = ['musica', 'musica', 'musica', 'canto_coral', 'ceramica', 'pintura', 'escultura', 'teatro', 'danza'];
  let cid = ids.contract;
  // The years the contracts touch: from the first one's start to the last one's end.
  const firstYear = Number(monthsBack(today, 4 + 12 * (PER_TEACHER - 1)).slice(0, 4));
  const lastYear = Number(monthsAhead(today, 6).slice(0, 4));
  for (let k = 0; k < TEACHERS; k++) {
    const id = ids.teacher + k;
    const sex = rnd() < 0.45 ? 'F' : 'M';
    const first = (sex === 'F' ? firstNamesF : firstNamesM)[Math.floor(rnd() * 10)]!;
    const last = `${surnames[Math.floor(rnd() * surnames.length)]} ${surnames[Math.floor(rnd() * surnames.length)]}`;
    const discipline = disciplineList[k % disciplineList.length]!;
    const specialty = specialtiesByDiscipline[discipline][Math.floor(rnd() * specialtiesByDiscipline[discipline].length)]!;
    const ident = identity(id);
    const cas = k % 10 === 0;
    w.teacher(id, {
      dni: ident.dni,
      ruc: cas ? null : ident.ruc,
      first,
      last,
      sex,
      disciplines: [discipline],
      specialties: [specialty],
      suspensionYear: k % 7 === 0 ? year : undefined,
    });
    const e1 = establishmentIds[k % establishmentIds.length]!;
    const e2 = establishmentIds[(k * 13 + 5) % establishmentIds.length]!;
    const places = k % 5 === 0 && e2 !== e1 ? [e1, e2] : [e1];
    for (const e of places)
      w.authorisation(id, e, `${firstYear}-01-01`, k % 40 === 0 ? addDays(today, (k % 29) + 1) : `${lastYear}-12-31`, k);
    let previous: number | null = null;
    for (let y = 0; y < PER_TEACHER; y++) {
      const start = `${monthsBack(today, 2 + (k % 3) + 12 * (PER_TEACHER - 1 - y))}-01`;
      const fy = Number(start.slice(0, 4));
      const end = lastDayOf(monthsAhead(start, 8));
      const resolved = y < PER_TEACHER - 1 && k % 50 === 3 ? lastDayOf(monthsAhead(start, 5)) : null;
      const contractId = cid++;
      w.contract(
        contractId,
        {
          teacherId: id,
          previousId: previous,
          number: `${cas ? 'CAS' : 'OS'} N° ${pad(contractId, 6)}-${fy}`,
          modality: cas ? 'cas' : 'orden_servicio',
          object: `Servicio de enseñanza: ${specialty.toLowerCase()} (${workshopsByDiscipline[discipline]})`,
          start,
          end,
          amountType: 'mensual',
          amount: (1400 + Math.floor(rnd() * 16) * 100) * 100,
          hours: 8 + (k % 4) * 4,
          line: discipline === 'ceramica' && y === PER_TEACHER - 1 ? 'capacitacion' : 'docentes',
          establishments: places.map((e) => covered(e, discipline)),
          status: resolved ? 'resuelto' : 'vigente',
          resolvedOn: resolved,
          reason: resolved ? 'Resolución por mutuo acuerdo' : null,
          coverage: 0.96,
          unpaidTail: y === PER_TEACHER - 1 ? 1 : 0,
        },
        { last, first, dni: ident.dni },
        (receipt) => k % 7 === 0 && receipt >= `${year}-01-15` && receipt.slice(0, 4) === String(year),
      );
      previous = contractId;
    }
    if (k % 250 === 249) await w.flush();
  }
  await w.flush(true);
  for (let y = firstYear; y <= lastYear; y++) {
    await saveBudget(
      db,
      y,
      3.4 + (year - y) * 0.1,
      { instrumentos: 900_000_000, docentes: 7_200_000_000, capacitacion: 150_000_000, materiales: 60_000_000, eventos: 40_000_000 },
      'Escala nacional (banco de pruebas).',
      actor,
      now,
    );
  }
  return { teachers: TEACHERS, contracts: TEACHERS * PER_TEACHER, conformities: w.conformityCount };
}

export async function generateContracts(db: Knex, scale: ContractsScale, establishmentIds: number[], actor: Actor, now: string) {
  if (establishmentIds.length === 0) return { teachers: 0, contracts: 0, conformities: 0 };
  return scale === 'demo' ? demo(db, establishmentIds, actor, now) : national(db, establishmentIds, actor, now);
}
