import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { budgetLines, type BudgetLine, type ExpenseLinkKind, type ModificationKind } from '../../../../shared/contracts/rules';
import type { Expense, Modification } from '../../../../shared/contracts/schemas';
import { isPostgres } from '../../db/dialect';
import { numOr0, str, toBool, type Row } from '../../db/rows';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

/**
 * The budget's expenses (voided, never rewritten nor deleted) and its modifications (a ledger):
 * migration 0017. Their sums join the budget's figures (repository/budget.ts).
 */

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The expense as stored, without the name of what it was for (the handlers add it). */
export type StoredExpense = Omit<Expense, 'link'> & { linkRef: { kind: ExpenseLinkKind; id: number } | null };

const linkRefOf = (r: Row): StoredExpense['linkRef'] =>
  r.event_id != null
    ? { kind: 'evento', id: Number(r.event_id) }
    : r.workshop_id != null
      ? { kind: 'taller', id: Number(r.workshop_id) }
      : r.exhibition_id != null
        ? { kind: 'exposicion', id: Number(r.exhibition_id) }
        : null;

const toExpense = (r: Row): StoredExpense => ({
  id: Number(r.id),
  date: String(r.date),
  line: String(r.budget_line) as StoredExpense['line'],
  supplierName: String(r.supplier_name),
  supplierRuc: String(r.supplier_ruc),
  documentType: String(r.document_type) as StoredExpense['documentType'],
  documentNumber: String(r.document_number),
  amountCentimos: numOr0(r.amount_centimos),
  description: String(r.description),
  linkRef: linkRefOf(r),
  voided: toBool(r.voided),
  voidReason: str(r.void_reason),
  voidedAt: str(r.voided_at),
  voidedBy: str(r.voided_by),
  version: numOr0(r.version),
  createdAt: String(r.created_at),
  createdBy: String(r.created_by),
});

/** A year's expenses, newest first (optionally of one line). */
export async function listExpenses(db: Knex, year: number, line: BudgetLine | null): Promise<StoredExpense[]> {
  const { from, to } = yearRange(year);
  const q = db('budget_expenses').where('date', '>=', from).where('date', '<=', to);
  if (line) q.where('budget_line', line);
  return (
    (await q
      .orderBy([
        { column: 'date', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select('*')) as Row[]
  ).map(toExpense);
}

export async function getExpense(db: Knex, id: number): Promise<StoredExpense | null> {
  const r = (await db('budget_expenses').where({ id }).first()) as Row | undefined;
  return r ? toExpense(r) : null;
}

/** The expense not voided with this supplier, document type and number, if any. */
export async function sameDocument(db: Knex, ruc: string, type: string, number: string): Promise<number | null> {
  const r = (await db('budget_expenses')
    .where({ supplier_ruc: ruc, document_type: type, document_number: number, voided: false })
    .first('id')) as Row | undefined;
  return r ? Number(r.id) : null;
}

export interface NewExpense {
  date: string;
  line: BudgetLine;
  supplierName: string;
  supplierRuc: string;
  documentType: string;
  documentNumber: string;
  amountCentimos: number;
  description: string;
  link: { kind: ExpenseLinkKind; id: number } | null;
}

export function insertExpense(db: Knex, e: NewExpense, actor: Actor, now: string): Promise<number> {
  return insertId(db('budget_expenses'), {
    date: e.date,
    budget_line: e.line,
    supplier_name: e.supplierName,
    supplier_ruc: e.supplierRuc,
    document_type: e.documentType,
    document_number: e.documentNumber,
    amount_centimos: e.amountCentimos,
    description: e.description,
    event_id: e.link?.kind === 'evento' ? e.link.id : null,
    workshop_id: e.link?.kind === 'taller' ? e.link.id : null,
    exhibition_id: e.link?.kind === 'exposicion' ? e.link.id : null,
    voided: false,
    ...firstVersion(actor, now),
  });
}

/** Voids an expense still at `version` and not voided; answers whether it did. */
export async function voidExpense(db: Knex, id: number, version: number, reason: string, actor: Actor, now: string): Promise<boolean> {
  const n = await updateVersion(
    db('budget_expenses').where({ voided: false }),
    id,
    version,
    { voided: true, void_reason: reason, voided_at: now, voided_by: actor.name },
    actor,
    now,
  );
  return n === 1;
}

/** The year's expenses not voided, per line and month (0 = January). */
export async function expensesByMonth(db: Knex, year: number): Promise<Record<BudgetLine, number[]>> {
  const { from, to } = yearRange(year);
  const rows = (await db('budget_expenses')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('voided', false)
    .groupBy('budget_line', db.raw('SUBSTR("date", 6, 2)'))
    .select('budget_line as line', db.raw('SUBSTR("date", 6, 2) AS month'))
    .sum({ s: 'amount_centimos' })) as Row[];
  const out = Object.fromEntries(budgetLines.map((l) => [l, Array<number>(12).fill(0)])) as Record<BudgetLine, number[]>;
  for (const r of rows) {
    const m = Number(r.month) - 1;
    const line = out[r.line as BudgetLine];
    if (line && m >= 0 && m < 12) line[m] = (line[m] ?? 0) + numOr0(r.s);
  }
  return out;
}

// ── Modifications ─────────────────────────────────────────────────────────────────────

const toModification = (r: Row): Modification => ({
  id: Number(r.id),
  year: Number(r.year),
  kind: String(r.kind) as ModificationKind,
  line: String(r.budget_line) as BudgetLine,
  toLine: r.to_line == null ? null : (String(r.to_line) as BudgetLine),
  amountCentimos: numOr0(r.amount_centimos),
  resolutionNumber: String(r.resolution_number),
  resolutionDate: String(r.resolution_date),
  reason: String(r.reason),
  createdAt: String(r.created_at),
  createdBy: String(r.created_by),
});

/** A year's modifications in the order they were recorded. */
export async function listModifications(db: Knex, year: number): Promise<Modification[]> {
  return ((await db('budget_modifications').where({ year }).orderBy('id').select('*')) as Row[]).map(toModification);
}

/** In office mode, holds the year's budget row until the transaction ends: two modifications of a year check their limits in turn. */
export async function lockBudgetYear(db: Knex, year: number): Promise<void> {
  if (isPostgres(db)) await db('budget_years').where({ year }).forUpdate().select('year');
}

export interface NewModification {
  year: number;
  kind: ModificationKind;
  line: BudgetLine;
  toLine: BudgetLine | null;
  amountCentimos: number;
  resolutionNumber: string;
  resolutionDate: string;
  reason: string;
}

export function insertModification(db: Knex, m: NewModification, actor: Actor, now: string): Promise<number> {
  return insertId(db('budget_modifications'), {
    year: m.year,
    kind: m.kind,
    budget_line: m.line,
    to_line: m.toLine,
    amount_centimos: m.amountCentimos,
    resolution_number: m.resolutionNumber,
    resolution_date: m.resolutionDate,
    reason: m.reason,
    created_at: now,
    created_by: actor.name,
  });
}
