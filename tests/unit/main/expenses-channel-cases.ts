import { expect } from 'vitest';
import type { ExpenseChannel } from '../../../shared/contracts/channels';
import type { Case, Ctx } from '../../helpers/channel-cases';
import { budget2026, expenseInput, modificationInput, rucs } from '../../helpers/expenses';

/**
 * The budget's expenses and modifications (issue 16, item 5) for channels.test.ts: one valid
 * call each (with what it must answer) and several payloads the schemas refuse in Spanish.
 */

type Name = ExpenseChannel;

export function expenseCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const expense = () => app().ok('budget.recordExpense', expenseInput());

  return {
    valid: {
      'budget.expenses': {
        input: async () => (await expense(), { year: 2026, line: 'materiales' }),
        check: (d) => expect(d).toMatchObject([{ documentNumber: 'F001-000123', amountCentimos: 125_050, voided: false, link: null }]),
      },
      'budget.expenseLinks': {
        input: async () => {
          await app().ok('events.create', {
            type: 'recital',
            title: 'Recital de cuerdas',
            date: '2026-05-10',
            venueKind: 'establecimiento',
            establishmentId: ctx().seeded.id,
            audiences: { internos: 120, familiares: 20, personal: 10, externo: 0, autoridades: 3 },
          });
          return { year: 2026 };
        },
        check: (d) => expect(d).toMatchObject([{ kind: 'evento', name: 'Recital de cuerdas', date: '2026-05-10' }]),
      },
      'budget.recordExpense': {
        input: () => expenseInput({ supplierRuc: ` ${rucs.imprenta} `, documentType: 'boleta' }),
        check: (d) => expect(d).toMatchObject({ supplierRuc: rucs.imprenta, documentType: 'boleta', version: 1, voided: false }),
      },
      'budget.voidExpense': {
        input: async () => {
          const e = await expense();
          return { id: e.id, version: e.version, reason: 'Comprobante registrado dos veces' };
        },
        check: (d) => expect(d).toMatchObject({ voided: true, voidReason: 'Comprobante registrado dos veces', version: 2 }),
      },
      'budget.modifications': {
        input: async () => (await budget2026(app()), await app().ok('budget.modify', modificationInput()), { year: 2026 }),
        check: (d) => expect(d).toMatchObject([{ kind: 'incremento', line: 'eventos', toLine: null, amountCentimos: 300_000 }]),
      },
      'budget.modify': {
        input: async () => (await budget2026(app()), modificationInput({ kind: 'transferencia', line: 'materiales', toLine: 'eventos' })),
        check: (d) =>
          expect(d).toMatchObject({
            lines: expect.arrayContaining([
              expect.objectContaining({ line: 'materiales', budgetCentimos: 1_500_000, modificationsCentimos: -300_000 }),
              expect.objectContaining({ line: 'eventos', budgetCentimos: 1_500_000, modificationsCentimos: 300_000 }),
            ]),
          }),
      },
    },
    invalid: {
      'budget.expenses': [{}, { year: '2026' }, { year: 2026, line: 'docentes' }, { year: 2026, extra: 1 }],
      'budget.expenseLinks': [{}, { year: 1999 }],
      'budget.recordExpense': [
        {},
        expenseInput({ supplierRuc: '20100552452' }),
        expenseInput({ supplierRuc: '' }),
        expenseInput({ supplierRuc: '2010055245' }),
        expenseInput({ line: 'docentes' as never }),
        expenseInput({ amountCentimos: 0 }),
        expenseInput({ amountCentimos: 1250.5 }),
        expenseInput({ date: '31/05/2026' }),
        expenseInput({ documentType: 'ticket' as never }),
        expenseInput({ link: { kind: 'evento', id: 0 } }),
        expenseInput({ description: '' }),
      ],
      'budget.voidExpense': [{}, { id: 1, version: 1 }, { id: 1, version: 1, reason: 'no' }],
      'budget.modifications': [{}, { year: 'dos mil' }],
      'budget.modify': [
        {},
        modificationInput({ kind: 'transferencia', line: 'eventos', toLine: 'eventos' }),
        modificationInput({ kind: 'transferencia', line: 'eventos' }),
        modificationInput({ amountCentimos: -5 }),
        modificationInput({ resolutionNumber: '' }),
        modificationInput({ kind: 'ajuste' as never }),
        modificationInput({ resolutionDate: '2026-02-30' }),
      ],
    },
  };
}
