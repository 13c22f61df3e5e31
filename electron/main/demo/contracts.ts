import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import {
  addDays,
  budgetLines,
  contractSchedule,
  lastDayOf,
  limaToday,
  nextPeriod,
  periodOf,
  previousPeriod,
  rateToScaled,
  retentionFor,
  rucCheckDigit,
  type AmountType,
  type BudgetLine,
  type Discipline,
  type Modality,
} from '../../../shared/contracts/rules';
import { numberKey } from '../contracts/contracts';
import { contractSearchText, teacherWords } from '../contracts/teachers';

/**
 * Teachers, their authorisations, contracts, conformities and the budget, for the
 * demonstration (a dozen teachers in the programme's seven prisons, this fiscal year's
 * budget of S/ 500,000.00 — US$ 147,058.82 at S/ 3.40) and for the bench (3,000 teachers,
 * 12,000 contracts, 100,000 conformities). Every row follows the rules the channels enforce:
 * real RUC check digits, schedules from contractSchedule, retention from retentionFor, no two
 * contracts of a teacher overlapping at a prison. Deterministic (seeded).
 */

export type ContractsScale = 'demo' | 'national';

/** mulberry32: small, fast, seeded. */
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

const firstNamesF = ['Rosa Elena', 'Carmen', 'María del Pilar', 'Ana Lucía', 'Gladys', 'Milagros', 'Silvia', 'Patricia', 'Yolanda', 'Karina'];
const firstNamesM = ['Julio César', 'Víctor Hugo', 'José Luis', 'Edwin', 'Miguel Ángel', 'Wilfredo', 'Alberto', 'Raúl', 'Percy', 'Hernán'];
const surnames = ['Quispe', 'Mamani', 'Huamán', 'Rojas', 'Salas', 'Flores', 'Chávez', 'Torres', 'Ramos', 'Condori', 'Vargas', 'Paredes', 'Cárdenas', 'Espinoza', 'Ccahuana', 'Villanueva'];
const specialtiesByDiscipline: Record<Discipline, string[]> = {
  musica: ['Violín', 'Viola', 'Violonchelo', 'Trompeta', 'Clarinete', 'Saxofón alto', 'Percusión', 'Guitarra clásica', 'Charango', 'Piano', 'Dirección de banda'],
  canto_coral: ['Dirección coral', 'Técnica vocal'],
  ceramica: ['Cerámica de alta temperatura', 'Torno', 'Esmaltes'],
  pintura: ['Óleo', 'Acuarela', 'Muralismo'],
  escultura: ['Tallado en madera', 'Modelado'],
  teatro: ['Actuación', 'Títeres'],
  danza: ['Danzas folclóricas', 'Marinera'],
  otro: ['Fotografía'],
};
const workshopsByDiscipline: Record<Discipline, string> = {
  musica: 'INPE Orquestando: banda sinfónica',
  canto_coral: 'Coro polifónico',
  ceramica: 'Cerámica de alta temperatura',
  pintura: 'Artes plásticas: pintura',
  escultura: 'Artes plásticas: escultura',
  teatro: 'Arte sin Barreras: teatro',
  danza: 'Danza',
  otro: 'Taller de artes',
};
const officials = ['Lic. Ana Torres Vega, Coordinadora de Arte y Cultura', 'Mg. Luis Paredes Soto, Subdirector de Tratamiento'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A DNI and the RUC 10 that carries it, with SUNAT's check digit. */
function identity(n: number): { dni: string; ruc: string } {
  const dni = pad(40_000_000 + ((n * 7919) % 9_999_999), 8);
  const first = `10${dni}`;
  return { dni, ruc: `${first}${rucCheckDigit(first)}` };
}

interface Ids {
  teacher: number;
  contract: number;
  conformity: number;
}

async function nextIds(db: Knex): Promise<Ids> {
  const max = async (table: string) => Number(((await db(table).max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
  return { teacher: (await max('teachers')) + 1, contract: (await max('contracts')) + 1, conformity: (await max('service_conformities')) + 1 };
}

interface PlannedContract {
  teacherId: number;
  previousId: number | null;
  number: string;
  modality: Modality;
  object: string;
  start: string;
  end: string;
  amountType: AmountType;
  amount: number;
  hours: number;
  line: BudgetLine;
  establishments: Array<{ id: number; workshops: string }>;
  status: 'borrador' | 'vigente' | 'resuelto';
  resolvedOn: string | null;
  reason: string | null;
  /** Share of past months that got their conformity (the rest are missing). */
  coverage: number;
  /** Months at the end left without payment (conformity given, payment pending). */
  unpaidTail: number;
}

/** Writes teachers, contracts and everything that follows from them, in bulk. */
class Writer {
  teachers: Record<string, unknown>[] = [];
  disciplines: Record<string, unknown>[] = [];
  suspensions: Record<string, unknown>[] = [];
  auths: Record<string, unknown>[] = [];
  contracts: Record<string, unknown>[] = [];
  ests: Record<string, unknown>[] = [];
  months: Record<string, unknown>[] = [];
  events: Record<string, unknown>[] = [];
  conformities: Record<string, unknown>[] = [];
  conformityCount = 0;
  nextConformityId = 1;
  constructor(
    readonly db: Knex,
    readonly actor: Actor,
    readonly now: string,
    readonly today: string,
    readonly rnd: () => number,
    readonly maxConformities: number,
  ) {}

  teacher(id: number, t: { dni: string; ruc: string | null; first: string; last: string; sex: 'F' | 'M'; disciplines: Discipline[]; specialties: string[]; suspensionYear?: number }) {
    const search = normalizeText([t.last, t.first, t.dni, t.ruc, ...t.specialties].filter(Boolean).join(' '));
    this.teachers.push({
      id,
      dni: t.dni,
      ruc: t.ruc,
      first_names: t.first,
      last_names: t.last,
      name_key: normalizeText(`${t.last} ${t.first}`),
      search_text: search,
      sex: t.sex,
      phone: `9${pad(10_000_000 + ((id * 7127) % 89_999_999), 8)}`,
      email: `${normalizeText(t.first.split(' ')[0]!)}.${normalizeText(t.last.split(' ')[0]!)}${id}@correo.pe`,
      address: null,
      specialties_json: JSON.stringify(t.specialties),
      notes: null,
      active: true,
      version: 1,
      created_at: this.now,
      created_by: this.actor.name,
      updated_at: this.now,
      updated_by: this.actor.name,
    });
    for (const d of t.disciplines) this.disciplines.push({ teacher_id: id, discipline: d });
    if (t.suspensionYear) this.suspensions.push({ teacher_id: id, fiscal_year: t.suspensionYear, operation_number: pad(80_000_000 + id, 8), filed_on: `${t.suspensionYear}-01-15` });
  }

  authorisation(teacherId: number, establishmentId: number, from: string, to: string, n: number) {
    this.auths.push({
      teacher_id: teacherId,
      establishment_id: establishmentId,
      valid_from: from,
      valid_to: to,
      document_number: `Oficio N° ${pad(n, 4)}-${from.slice(0, 4)}-INPE/DTP`,
      notes: null,
      recorded_at: this.now,
      recorded_by: this.actor.name,
    });
  }

  contract(id: number, c: PlannedContract, teacher: { last: string; first: string; dni: string }, suspended: (receiptDate: string) => boolean) {
    const schedule = contractSchedule({ startDate: c.start, endDate: c.end, resolvedOn: c.resolvedOn, amountType: c.amountType, amountCentimos: c.amount });
    const total = contractSchedule({ startDate: c.start, endDate: c.end, resolvedOn: null, amountType: c.amountType, amountCentimos: c.amount }).reduce((a, m) => a + m.expectedCentimos, 0);
    const createdAt = `${addDays(c.start, -20)}T15:00:00.000Z`;
    this.contracts.push({
      id,
      number: c.number,
      number_key: numberKey(c.number),
      teacher_id: c.teacherId,
      modality: c.modality,
      object: c.object,
      start_date: c.start,
      end_date: c.end,
      amount_type: c.amountType,
      amount_centimos: c.amount,
      total_centimos: total,
      hours_per_week: c.hours,
      budget_line: c.line,
      status: c.status,
      signed_on: c.status === 'borrador' ? null : addDays(c.start, -3),
      resolved_on: c.resolvedOn,
      resolution_reason: c.reason,
      previous_contract_id: c.previousId,
      over_budget: false,
      search_text: contractSearchText(c.number, c.object, teacherWords({ lastNames: teacher.last, firstNames: teacher.first, dni: teacher.dni })),
      notes: null,
      version: c.status === 'borrador' ? 1 : c.status === 'resuelto' ? 3 : 2,
      created_at: createdAt,
      created_by: this.actor.name,
      updated_at: createdAt,
      updated_by: this.actor.name,
    });
    for (const e of c.establishments) this.ests.push({ contract_id: id, establishment_id: e.id, workshops: e.workshops });
    const monthRows = schedule.map((m) => ({
      contract_id: id,
      period: m.period,
      expected_centimos: m.expectedCentimos,
      budget_line: c.line,
      in_force: c.status !== 'borrador',
      conformity_id: null as number | null,
      conformity_gross_centimos: null as number | null,
      paid: false,
    }));
    this.months.push(...monthRows);
    let seq = 0;
    const event = (kind: string, date: string | null, detail: string | null) =>
      this.events.push({ contract_id: id, seq: ++seq, kind, date, detail, recorded_at: createdAt, recorded_by: this.actor.name });
    event('creado', c.start, c.previousId ? 'Renovación' : null);
    if (c.status !== 'borrador') event('activado', addDays(c.start, -3), null);
    if (c.status === 'resuelto') event('resuelto', c.resolvedOn, c.reason);
    if (c.status === 'borrador') return;

    const current = periodOf(this.today);
    const past = schedule.filter((m) => m.period < current);
    past.forEach((m, i) => {
      if (this.conformityCount >= this.maxConformities) return;
      if (this.rnd() > c.coverage) return;
      const conformityDate = addDays(lastDayOf(m.period), 3 + Math.floor(this.rnd() * 5));
      if (conformityDate > this.today) return;
      const receiptDate = lastDayOf(m.period);
      const unpaid = i >= past.length - c.unpaidTail;
      const paymentDate = unpaid ? null : addDays(conformityDate, 6 + Math.floor(this.rnd() * 8));
      const paid = paymentDate !== null && paymentDate <= this.today;
      const isOs = c.modality === 'orden_servicio';
      const r = isOs ? retentionFor(m.expectedCentimos, suspended(receiptDate)) : { retentionCentimos: 0, netCentimos: m.expectedCentimos, suspended: false };
      this.conformityCount++;
      const conformityId = this.nextConformityId++;
      const row = monthRows.find((x) => x.period === m.period)!;
      row.conformity_id = conformityId;
      row.conformity_gross_centimos = m.expectedCentimos;
      row.paid = paid;
      this.conformities.push({
        id: conformityId,
        contract_id: id,
        period: m.period,
        deliverable: `Informe mensual de actividades N° ${i + 1}`,
        conformity_date: conformityDate,
        given_by: officials[i % officials.length],
        receipt_number: isOs ? `E001-${pad(100 + i, 3)}` : null,
        receipt_date: isOs ? receiptDate : null,
        gross_centimos: m.expectedCentimos,
        retention_centimos: r.retentionCentimos,
        net_centimos: r.netCentimos,
        suspended: r.suspended,
        payment_date: paid ? paymentDate : null,
        payment_reference: paid ? `CP-${paymentDate!.slice(0, 4)}-${pad(this.conformityCount, 6)}` : null,
        status: paid ? 'pagada' : 'pendiente_pago',
        void_reason: null,
        notes: null,
        version: paid ? 2 : 1,
        created_at: `${conformityDate}T16:00:00.000Z`,
        created_by: this.actor.name,
        updated_at: `${conformityDate}T16:00:00.000Z`,
        updated_by: this.actor.name,
      });
    });
  }

  async flush(final = false) {
    const db = this.db;
    // Parents first: a contract's rows need the contract, a contract its teacher.
    if (this.teachers.length) await db.batchInsert('teachers', this.teachers.splice(0), 200);
    if (this.disciplines.length) await db.batchInsert('teacher_disciplines', this.disciplines.splice(0), 400);
    if (this.suspensions.length) await db.batchInsert('teacher_suspensions', this.suspensions.splice(0), 400);
    if (this.auths.length) await db.batchInsert('teacher_authorisations', this.auths.splice(0), 300);
    if (!final && this.contracts.length < 2000) return;
    if (this.contracts.length) await db.batchInsert('contracts', this.contracts.splice(0), 100);
    if (this.ests.length) await db.batchInsert('contract_establishments', this.ests.splice(0), 400);
    if (this.months.length) await db.batchInsert('contract_months', this.months.splice(0), 400);
    if (this.events.length) await db.batchInsert('contract_events', this.events.splice(0), 300);
    if (this.conformities.length) await db.batchInsert('service_conformities', this.conformities.splice(0), 100);
  }
}

async function saveBudget(db: Knex, year: number, rate: number, lines: Record<BudgetLine, number>, notes: string, actor: Actor, now: string) {
  await db('budget_years').insert({ year, exchange_rate_e4: rateToScaled(rate), notes, version: 1, updated_at: now, updated_by: actor.name });
  await db('budget_lines').insert(budgetLines.map((line) => ({ year, line, amount_centimos: lines[line] })));
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
async function demo(db: Knex, establishmentIds: number[], actor: Actor, now: string): Promise<{ teachers: number; contracts: number; conformities: number }> {
  const today = limaToday(now);
  const year = Number(today.slice(0, 4));
  const rnd = prng(2026);
  const w = new Writer(db, actor, now, today, rnd, Number.MAX_SAFE_INTEGER);
  const ids = await nextIds(db);
  w.nextConformityId = ids.conformity;
  const est = (i: number) => establishmentIds[i % establishmentIds.length]!;
  type T = { first: string; last: string; sex: 'F' | 'M'; disciplines: Discipline[]; specialties: string[]; ruc: boolean; suspension?: boolean };
  const people: T[] = [
    { first: 'Rosa Elena', last: 'Quispe Mamani', sex: 'F', disciplines: ['musica'], specialties: ['Violín', 'Viola'], ruc: true },
    { first: 'Julio César', last: 'Ramos Huamán', sex: 'M', disciplines: ['musica'], specialties: ['Trompeta', 'Dirección de banda'], ruc: true, suspension: true },
    { first: 'Carmen', last: 'Rojas Salas', sex: 'F', disciplines: ['canto_coral', 'musica'], specialties: ['Dirección coral', 'Piano'], ruc: false },
    { first: 'Víctor Hugo', last: 'Flores Condori', sex: 'M', disciplines: ['musica'], specialties: ['Percusión', 'Cajón peruano'], ruc: true },
    { first: 'María del Pilar', last: 'Chávez Torres', sex: 'F', disciplines: ['ceramica', 'escultura'], specialties: ['Cerámica de alta temperatura', 'Torno'], ruc: true },
    { first: 'José Luis', last: 'Vargas Paredes', sex: 'M', disciplines: ['musica'], specialties: ['Clarinete', 'Saxofón alto'], ruc: true },
    { first: 'Ana Lucía', last: 'Cárdenas Espinoza', sex: 'F', disciplines: ['pintura'], specialties: ['Óleo', 'Muralismo'], ruc: true },
    { first: 'Edwin', last: 'Ccahuana Villanueva', sex: 'M', disciplines: ['musica'], specialties: ['Charango', 'Guitarra clásica'], ruc: true, suspension: true },
    { first: 'Gladys', last: 'Mamani Apaza', sex: 'F', disciplines: ['teatro'], specialties: ['Actuación', 'Títeres'], ruc: true },
    { first: 'Miguel Ángel', last: 'Torres Ramos', sex: 'M', disciplines: ['musica'], specialties: ['Violonchelo', 'Contrabajo'], ruc: true },
    { first: 'Milagros', last: 'Salas Huamán', sex: 'F', disciplines: ['danza'], specialties: ['Danzas folclóricas', 'Marinera'], ruc: false },
    { first: 'Wilfredo', last: 'Paredes Quispe', sex: 'M', disciplines: ['musica', 'canto_coral'], specialties: ['Guitarra clásica', 'Técnica vocal'], ruc: true },
  ];
  const from = `${monthsBack(today, 14)}-01`;
  const teacherIds = people.map((p, i) => {
    const id = ids.teacher + i;
    const ident = identity(id + 17);
    w.teacher(id, { dni: ident.dni, ruc: p.ruc ? ident.ruc : null, first: p.first, last: p.last, sex: p.sex, disciplines: p.disciplines, specialties: p.specialties, suspensionYear: p.suspension ? year : undefined });
    // Access authorisations: most valid for the year; two end within the month, one has lapsed.
    const to = i === 3 ? addDays(today, 12) : i === 6 ? addDays(today, 24) : i === 10 ? addDays(today, -20) : `${monthsAhead(today, 6)}-01`;
    w.authorisation(id, est(i), from, to, 100 + i);
    if (i % 4 === 1) w.authorisation(id, est(i + 3), from, `${monthsAhead(today, 8)}-01`, 200 + i);
    return id;
  });
  const suspendedFor = (i: number) => (receipt: string) => people[i]!.suspension === true && receipt.slice(0, 4) === String(year) && receipt >= `${year}-01-15`;
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
      number: modality === 'cas' ? `CAS N° ${pad(10 + n, 3)}-${start.slice(0, 4)}-INPE` : `OS N° ${pad(120 + n * 7, 4)}-${start.slice(0, 4)}`,
      modality,
      object: `Servicio de enseñanza de ${specialtiesByDiscipline[discipline].includes(p.specialties[0]!) ? p.specialties[0]!.toLowerCase() : p.specialties[0]} para el taller «${workshopsByDiscipline[discipline]}»`,
      start,
      end: lastDayOf(monthsAhead(today, 3)),
      amountType: 'mensual',
      amount: (2000 + ((i * 350) % 1500)) * 100,
      hours: 12 + (i % 3) * 4,
      line: 'docentes',
      establishments: [{ id: est(i), workshops: workshopsByDiscipline[discipline] }],
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
    n++;
    const id = cid++;
    w.contract(id, c, { last: people[i]!.last, first: people[i]!.first, dni: identity(teacherIds[i]! + 17).dni }, suspendedFor(i));
    return id;
  };
  // A chain: last year's order renewed this year.
  const older = add(0, { start: `${monthsBack(today, 14)}-01`, end: lastDayOf(monthsBack(today, 9)), number: `OS N° 0088-${monthsBack(today, 14).slice(0, 4)}` });
  add(0, { previousId: older });
  add(1, { end: addDays(today, 18) }); // por vencer
  add(2, { amount: 280_000, coverage: 0.75 }); // CAS, two months without sign-off
  add(3, { end: lastDayOf(monthsAhead(today, 1)), unpaidTail: 2 });
  add(4, { line: 'capacitacion', amountType: 'total', amount: 3_300_000, object: 'Capacitación en cerámica de alta temperatura: hornos, esmaltes y torno', start: `${monthsBack(today, 5)}-01`, end: lastDayOf(monthsAhead(today, 2)) });
  add(5, { establishments: [{ id: est(5), workshops: 'INPE Orquestando: banda sinfónica' }, { id: est(6), workshops: 'Ensamble de vientos' }] });
  add(6, { end: lastDayOf(monthsBack(today, 1)), coverage: 0.85 }); // vencido
  add(7, { status: 'resuelto', resolvedOn: lastDayOf(monthsBack(today, 3)), reason: 'Renuncia del docente por traslado a otra región' });
  add(8, { amount: 150_000, hours: 8, coverage: 0.7 });
  add(9, {});
  add(10, { modality: 'voluntariado', amount: 0, number: `VOL N° 003-${year}`, object: 'Voluntariado: taller de danzas folclóricas', line: 'eventos', coverage: 0 });
  add(11, { status: 'borrador', start: `${monthsAhead(today, 1)}-01`, end: lastDayOf(monthsAhead(today, 6)) });
  await w.flush(true);

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
    await saveBudget(db, year - 1, 3.75, { instrumentos: 15_000_000, docentes: 22_000_000, capacitacion: 3_000_000, materiales: 1_200_000, eventos: 800_000 }, 'Datos de demostración.', actor, now);
  }
  return { teachers: people.length, contracts: n - 1, conformities: w.conformityCount };
}

/**
 * The bench's national scale: 3,000 teachers across every active prison, four yearly
 * contracts each (each renewing the one before), and conformities for the months that
 * have passed until there are 100,000.
 */
async function national(db: Knex, establishmentIds: number[], actor: Actor, now: string) {
  const today = limaToday(now);
  const year = Number(today.slice(0, 4));
  const rnd = prng(69);
  const TEACHERS = 3000;
  const PER_TEACHER = 4;
  const w = new Writer(db, actor, now, today, rnd, 100_000);
  const ids = await nextIds(db);
  w.nextConformityId = ids.conformity;
  const disciplineList: Discipline[] = ['musica', 'musica', 'musica', 'canto_coral', 'ceramica', 'pintura', 'escultura', 'teatro', 'danza'];
  let cid = ids.contract;
  for (let k = 0; k < TEACHERS; k++) {
    const id = ids.teacher + k;
    const sex = rnd() < 0.45 ? 'F' : 'M';
    const first = (sex === 'F' ? firstNamesF : firstNamesM)[Math.floor(rnd() * 10)]!;
    const last = `${surnames[Math.floor(rnd() * surnames.length)]} ${surnames[Math.floor(rnd() * surnames.length)]}`;
    const discipline = disciplineList[k % disciplineList.length]!;
    const specialty = specialtiesByDiscipline[discipline][Math.floor(rnd() * specialtiesByDiscipline[discipline].length)]!;
    const ident = identity(id);
    const cas = k % 10 === 0;
    w.teacher(id, { dni: ident.dni, ruc: cas ? null : ident.ruc, first, last, sex, disciplines: [discipline], specialties: [specialty], suspensionYear: k % 7 === 0 ? year : undefined });
    const e1 = establishmentIds[k % establishmentIds.length]!;
    const e2 = establishmentIds[(k * 13 + 5) % establishmentIds.length]!;
    const places = k % 5 === 0 && e2 !== e1 ? [e1, e2] : [e1];
    for (const e of places) w.authorisation(id, e, `${year - 3}-01-01`, k % 40 === 0 ? addDays(today, (k % 29) + 1) : `${year}-12-31`, k);
    let previous: number | null = null;
    for (let y = 0; y < PER_TEACHER; y++) {
      const fy = year - (PER_TEACHER - 1) + y;
      const startMonth = 2 + (k % 3);
      const start = `${fy}-${pad(startMonth, 2)}-01`;
      const end = lastDayOf(`${fy}-${pad(startMonth + 8, 2)}`);
      const resolved = y < PER_TEACHER - 1 && k % 50 === 3 ? lastDayOf(`${fy}-${pad(startMonth + 5, 2)}`) : null;
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
          establishments: places.map((e) => ({ id: e, workshops: workshopsByDiscipline[discipline] })),
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
  for (let y = year - 3; y <= year; y++) {
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
