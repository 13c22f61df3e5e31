import type { ExpenseCreate, ModificationCreate } from '../../shared/contracts/schemas';
import type { TestApp } from './services';

/** The budget's expenses and modifications in tests (issue 16, item 5). */

/** Real RUCs' shape: SUNAT's check digit holds. */
export const rucs = { imprenta: '20100552451', ceramica: '20601234565', transporte: '20491577771' } as const;

export const expenseInput = (over: Partial<ExpenseCreate> = {}): ExpenseCreate => ({
  date: '2026-05-12',
  line: 'materiales',
  supplierName: 'Cerámicas del Sur S.A.C.',
  supplierRuc: rucs.ceramica,
  documentType: 'factura',
  documentNumber: 'F001-000123',
  amountCentimos: 125_050,
  description: 'Arcilla y esmaltes para el taller de cerámica',
  ...over,
});

export const modificationInput = (over: Partial<ModificationCreate> = {}): ModificationCreate => ({
  year: 2026,
  kind: 'incremento',
  line: 'eventos',
  amountCentimos: 300_000,
  resolutionNumber: 'RP N.° 045-2026-INPE/P',
  resolutionDate: '2026-06-15',
  reason: 'Festival de arte penitenciario en Lima',
  ...over,
});

/** A 2026 budget (S/ 40,000 capacitación, S/ 18,000 materiales, S/ 12,000 eventos). */
export const budget2026 = (app: TestApp) =>
  app.ok('budget.save', {
    year: 2026,
    exchangeRate: 3.4,
    lines: { instrumentos: 20_000_000, docentes: 50_000_000, capacitacion: 4_000_000, materiales: 1_800_000, eventos: 1_200_000 },
    version: null,
  });
