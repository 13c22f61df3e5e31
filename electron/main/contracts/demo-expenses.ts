import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { limaToday, rucCheckDigit, type BudgetLine } from '../../../shared/contracts/rules';
import { addDays } from '../../../shared/format';
import { exhibitionTargets } from '../internarte/repository/for-contracts';
import { expenseTargets } from '../programmes/repository/for-contracts';
import { hasBudgetYear } from './repository/budget';
import { insertExpense, insertModification, type NewExpense } from './repository/expenses';

/**
 * The demonstration's budget expenses and one modification (issue 16, item 5): what the
 * training, materials and events lines spent this year outside contracts and the inventory,
 * some of it for the year's events, workshops and exhibitions; and a transfer from the teachers' line
 * (contracts not signed) to events approved by resolution. Amounts keep every line well under its budget. Run after the
 * programmes and InternArte (it names their records by id) and after the budget exists.
 */

const ruc = (firstTen: string) => `${firstTen}${rucCheckDigit(firstTen)}`;

interface Planned {
  daysAgo: number;
  line: BudgetLine;
  supplierName: string;
  ruc: string;
  documentType: string;
  documentNumber: string;
  amountCentimos: number;
  description: string;
  link?: 'evento' | 'taller' | 'exposicion';
}

const planned: Planned[] = [
  {
    daysAgo: 230,
    line: 'capacitacion',
    supplierName: 'Centro Cultural de Formación Artística S.A.C.',
    ruc: ruc('2051234567'),
    documentType: 'factura',
    documentNumber: 'F001-000458',
    amountCentimos: 250_000,
    description: 'Taller de actualización en pedagogía musical para instructores (16 horas)',
  },
  {
    daysAgo: 170,
    line: 'materiales',
    supplierName: 'Librería y Papelería El Estudiante E.I.R.L.',
    ruc: ruc('2060345678'),
    documentType: 'boleta',
    documentNumber: 'B002-004512',
    amountCentimos: 38_650,
    description: 'Papel para dibujo, carboncillos y lápices de grafito',
    link: 'taller',
  },
  {
    daysAgo: 120,
    line: 'eventos',
    supplierName: 'Transportes Turísticos Lima Sur S.A.C.',
    ruc: ruc('2055512345'),
    documentType: 'factura',
    documentNumber: 'F003-001207',
    amountCentimos: 145_000,
    description: 'Traslado del elenco y sus instrumentos al recital (ida y vuelta)',
    link: 'evento',
  },
  {
    daysAgo: 75,
    line: 'eventos',
    supplierName: 'Imprenta Gráfica Andina S.R.L.',
    ruc: ruc('2049876543'),
    documentType: 'factura',
    documentNumber: 'F001-002390',
    amountCentimos: 92_500,
    description: 'Impresión de catálogos y cédulas de la exposición',
    link: 'exposicion',
  },
  {
    daysAgo: 40,
    line: 'capacitacion',
    supplierName: 'Sánchez Quispe, Marco Antonio',
    ruc: ruc('1041234567'),
    documentType: 'recibo_honorarios',
    documentNumber: 'E001-87',
    amountCentimos: 120_000,
    description: 'Capacitación en primeros auxilios psicológicos para el equipo del programa',
  },
  {
    daysAgo: 12,
    line: 'eventos',
    supplierName: 'Sonido y Luces Perú E.I.R.L.',
    ruc: ruc('2060998877'),
    documentType: 'factura',
    documentNumber: 'F002-000731',
    amountCentimos: 210_000,
    description: 'Alquiler de equipo de sonido para el festival navideño',
    link: 'evento',
  },
];

export async function generateDemoExpenses(db: Knex, actor: Actor, now: string): Promise<{ expenses: number }> {
  const today = limaToday(now);
  const year = Number(today.slice(0, 4));
  if (!(await hasBudgetYear(db, year))) return { expenses: 0 };
  const start = `${year}-01-01`;
  const targets = [...(await expenseTargets(db, year)), ...(await exhibitionTargets(db, year))];
  let n = 0;
  for (const p of planned) {
    const shifted = addDays(today, -p.daysAgo);
    const date = shifted < start ? addDays(start, n) : shifted;
    // The event, workshop or exhibition nearest before the expense's day (or the first one).
    const kinds = targets.filter((x) => x.kind === p.link);
    const before = kinds.filter((x) => x.date !== null && x.date <= date);
    const target = p.link ? (before.at(-1) ?? kinds[0]) : undefined;
    const e: NewExpense = {
      date,
      line: p.line,
      supplierName: p.supplierName,
      supplierRuc: p.ruc,
      documentType: p.documentType,
      documentNumber: p.documentNumber,
      amountCentimos: p.amountCentimos,
      description: p.description,
      link: target ? { kind: target.kind, id: target.id } : null,
    };
    await insertExpense(db, e, actor, now);
    n++;
  }
  const resolutionDate = addDays(today, -90) < start ? today : addDays(today, -90);
  await insertModification(
    db,
    {
      year,
      kind: 'transferencia',
      line: 'docentes',
      toLine: 'eventos',
      amountCentimos: 300_000,
      resolutionNumber: `RP N.° 112-${year}-INPE/P`,
      resolutionDate,
      reason: 'Saldo de contratos no suscritos, para el festival de arte penitenciario de fin de año: traslados, sonido e impresos.',
    },
    actor,
    now,
  );
  return { expenses: n };
}
