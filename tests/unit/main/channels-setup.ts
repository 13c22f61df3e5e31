import type { ChromiumPdfPrinter } from '../../../electron/harness/chromium-pdf';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { programmeCases } from './programme-channel-cases';
import { programmeEventCases } from './programme-event-cases';
import { contractChannelCases } from './contracts-channel-cases';
import { authChannelCases } from './auth-channel-cases';
import { internarteCases } from './internarte-channel-cases';
import { exhibitionCases } from './exhibition-channel-cases';
import { catalogCases } from './catalog-channel-cases';
import { custodyCases } from './custody-channel-cases';
import { workshopTeacherCases } from './workshop-teacher-channel-cases';
import { initiativeCases } from './initiative-channel-cases';
import { populationCases } from './population-channel-cases';
import { expenseCases } from './expenses-channel-cases';
import { notificationCases } from './notification-channel-cases';
import { paperCases } from './paper-channel-cases';
import { evaluationCases } from './evaluation-channel-cases';
import { officeCases } from './office-channel-cases';
import { siteCases } from './site-channel-cases';

/**
 * What channels-valid.test.ts (every channel with valid input) and channels.test.ts (every
 * channel with invalid input, and the refusals the data makes) share: the app their cases
 * call, with its seeded establishment, and each domain's cases (*-channel-cases.ts).
 */

export let app: TestApp;
export let seeded: { id: number; version: number };

/** A fresh app with one establishment, printing with the file's printer: for each case that writes (beforeEach), or for a describe of cases that must change nothing (beforeAll). */
export async function openApp(printer: ChromiumPdfPrinter) {
  app = await testApp({ printer });
  const e = await app.ok('establishments.create', validEstablishment({ code: 'EP-BASE-01', name: 'E.P. Base' }));
  seeded = { id: e.id, version: e.version };
}
export const closeApp = () => app.close();
export const contractCases = contractChannelCases(() => ({ app, establishmentId: seeded.id }));
export const authCases = authChannelCases(() => ({ app, establishmentId: seeded.id }));

export const programme = programmeCases(() => ({ app, seeded }));
export const programmeEvents = programmeEventCases(() => ({ app, seeded }));
export const internarte = internarteCases(() => ({ app, seeded }));
export const exhibitions = exhibitionCases(() => ({ app, seeded }));
export const catalog = catalogCases(() => ({ app, seeded }));
export const custody = custodyCases(() => ({ app, seeded }));
export const workshopTeachers = workshopTeacherCases(() => ({ app, seeded }));
export const initiatives = initiativeCases(() => ({ app, seeded }));
export const population = populationCases(() => ({ app, seeded }));
export const expenses = expenseCases(() => ({ app, seeded }));
export const notifications = notificationCases(() => ({ app, seeded }));
export const papers = paperCases(() => ({ app, seeded }));
export const evaluation = evaluationCases(() => ({ app, seeded }));
export const office = officeCases(() => ({ app }));
export const sites = siteCases(() => ({ app, seeded }));

/** Every domain's cases with valid input (channels-valid.test.ts adds the rest), in one table. */
export const domainValid = {
  ...programme.valid,
  ...programmeEvents.valid,
  ...internarte.valid,
  ...exhibitions.valid,
  ...catalog.valid,
  ...custody.valid,
  ...workshopTeachers.valid,
  ...initiatives.valid,
  ...population.valid,
  ...expenses.valid,
  ...notifications.valid,
  ...papers.valid,
  ...evaluation.valid,
  ...office.valid,
  ...sites.valid,
  ...contractCases.valid,
  ...authCases.valid,
};

/** Every domain's cases with invalid input (channels.test.ts adds the rest), in one table. */
export const domainInvalid = {
  ...programme.invalid,
  ...programmeEvents.invalid,
  ...internarte.invalid,
  ...exhibitions.invalid,
  ...catalog.invalid,
  ...custody.invalid,
  ...workshopTeachers.invalid,
  ...initiatives.invalid,
  ...population.invalid,
  ...expenses.invalid,
  ...notifications.invalid,
  ...papers.invalid,
  ...evaluation.invalid,
  ...office.invalid,
  ...sites.invalid,
  ...contractCases.invalid,
  ...authCases.invalid,
};

export const viewState = {
  search: 'vio',
  filters: { condition: 'malo', typeId: null },
  sort: { column: 'code', direction: 'asc' as const },
};
