import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText, addDays } from '../../../../shared/format';
import {
  budgetLines,
  contractSchedule,
  lastDayOf,
  periodOf,
  rateToScaled,
  retentionFor,
  type AmountType,
  type BudgetLine,
  type Discipline,
  type Modality,
} from '../../../../shared/contracts/rules';
import { contractSearchText, numberKey, teacherNameKey, teacherSearchText, teacherWords } from './words';

/**
 * The rows of the demonstration and bench data (contracts/demo.ts plans them): teachers,
 * contracts and everything that follows from them, written in bulk, every row as the
 * channels would write it.
 */

export const pad = (n: number, w: number) => String(n).padStart(w, '0');

const officials = ['Lic. Ana Torres Vega, Coordinadora de Arte y Cultura', 'Mg. Luis Paredes Soto, Subdirector de Tratamiento'];

export interface Ids {
  teacher: number;
  contract: number;
  conformity: number;
}

export async function nextIds(db: Knex): Promise<Ids> {
  const max = async (table: string) => Number(((await db(table).max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
  return {
    teacher: (await max('teachers')) + 1,
    contract: (await max('contracts')) + 1,
    conformity: (await max('service_conformities')) + 1,
  };
}

export interface PlannedContract {
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
  /** Each establishment with the workshops covered by id; a name typed as text only where none was linked (left "sin vincular"). */
  establishments: Array<{ id: number; workshops: string | null; workshopIds?: number[] }>;
  status: 'borrador' | 'vigente' | 'resuelto';
  resolvedOn: string | null;
  reason: string | null;
  /** Share of past months that got their conformity (the rest are missing). */
  coverage: number;
  /** Months at the end left without payment (conformity given, payment pending). */
  unpaidTail: number;
}

/** Writes teachers, contracts and everything that follows from them, in bulk. */
export class Writer {
  teachers: Record<string, unknown>[] = [];
  disciplines: Record<string, unknown>[] = [];
  suspensions: Record<string, unknown>[] = [];
  auths: Record<string, unknown>[] = [];
  contracts: Record<string, unknown>[] = [];
  ests: Record<string, unknown>[] = [];
  workshopLinks: Record<string, unknown>[] = [];
  workshopReviews: Record<string, unknown>[] = [];
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

  teacher(
    id: number,
    t: {
      dni: string;
      ruc: string | null;
      first: string;
      last: string;
      sex: 'F' | 'M';
      disciplines: Discipline[];
      specialties: string[];
      suspensionYear?: number;
    },
  ) {
    this.teachers.push({
      id,
      dni: t.dni,
      ruc: t.ruc,
      first_names: t.first,
      last_names: t.last,
      name_key: teacherNameKey(t.last, t.first),
      search_text: teacherSearchText({ lastNames: t.last, firstNames: t.first, dni: t.dni, ruc: t.ruc, specialties: t.specialties }),
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
    if (t.suspensionYear)
      this.suspensions.push({
        teacher_id: id,
        fiscal_year: t.suspensionYear,
        operation_number: pad(80_000_000 + id, 8),
        filed_on: `${t.suspensionYear}-01-15`,
      });
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

  contract(
    id: number,
    c: PlannedContract,
    teacher: { last: string; first: string; dni: string },
    suspended: (receiptDate: string) => boolean,
  ) {
    const schedule = contractSchedule({
      startDate: c.start,
      endDate: c.end,
      resolvedOn: c.resolvedOn,
      amountType: c.amountType,
      amountCentimos: c.amount,
    });
    const total = contractSchedule({
      startDate: c.start,
      endDate: c.end,
      resolvedOn: null,
      amountType: c.amountType,
      amountCentimos: c.amount,
    }).reduce((a, m) => a + m.expectedCentimos, 0);
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
      search_text: contractSearchText(
        c.number,
        c.object,
        teacherWords({ lastNames: teacher.last, firstNames: teacher.first, dni: teacher.dni }),
      ),
      notes: null,
      version: c.status === 'borrador' ? 1 : c.status === 'resuelto' ? 3 : 2,
      created_at: createdAt,
      created_by: this.actor.name,
      updated_at: createdAt,
      updated_by: this.actor.name,
    });
    for (const e of c.establishments) {
      this.ests.push({ contract_id: id, establishment_id: e.id, workshops: e.workshops });
      for (const w of e.workshopIds ?? []) this.workshopLinks.push({ contract_id: id, workshop_id: w });
      if (e.workshops !== null && (e.workshopIds ?? []).length === 0)
        this.workshopReviews.push({
          contract_id: id,
          establishment_id: e.id,
          original_text: e.workshops,
          status: 'pendiente',
          created_at: this.now,
        });
    }
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
      const r = isOs
        ? retentionFor(m.expectedCentimos, suspended(receiptDate))
        : { retentionCentimos: 0, netCentimos: m.expectedCentimos, suspended: false };
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
    if (this.workshopLinks.length) await db.batchInsert('contract_workshops', this.workshopLinks.splice(0), 400);
    if (this.workshopReviews.length) await db.batchInsert('contract_workshop_reviews', this.workshopReviews.splice(0), 300);
    if (this.months.length) await db.batchInsert('contract_months', this.months.splice(0), 400);
    if (this.events.length) await db.batchInsert('contract_events', this.events.splice(0), 300);
    if (this.conformities.length) await db.batchInsert('service_conformities', this.conformities.splice(0), 100);
  }
}

export async function saveBudget(
  db: Knex,
  year: number,
  rate: number,
  lines: Record<BudgetLine, number>,
  notes: string,
  actor: Actor,
  now: string,
) {
  await db('budget_years').insert({
    year,
    exchange_rate_e4: rateToScaled(rate),
    notes,
    version: 1,
    updated_at: now,
    updated_by: actor.name,
  });
  await db('budget_lines').insert(budgetLines.map((line) => ({ year, line, amount_centimos: lines[line] })));
}
