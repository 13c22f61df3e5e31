import { afterEach, beforeEach } from 'vitest';
import type { ChromiumPdfPrinter } from '../../../electron/harness/chromium-pdf';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * What the programmes tests (programmes*.test.ts) share: each test's app with three prisons
 * (men's, women's, and a destination for transfers), and the records they make in it.
 */

export let app: TestApp;
export let men: number;
export let women: number;
export let other: number;

/** A fresh app with the three prisons for each test of the file that calls this (at its top), printing with the file's printer. */
export function appWithPrisonsForEachTest(printer: ChromiumPdfPrinter): void {
  beforeEach(async () => {
    app = await testApp({ printer });
    men = (
      await app.ok('establishments.create', validEstablishment({ code: 'EP-VAR-01', name: 'E.P. Varones Prueba', population: 'varones' }))
    ).id;
    women = (
      await app.ok('establishments.create', validEstablishment({ code: 'EP-MUJ-01', name: 'E.P. Mujeres Prueba', population: 'mujeres' }))
    ).id;
    other = (
      await app.ok('establishments.create', validEstablishment({ code: 'EP-VAR-02', name: 'E.P. Destino Prueba', population: 'varones' }))
    ).id;
  }, 30000);
  afterEach(() => app.close());
}

export async function participant(
  code: string,
  firstNames: string,
  lastNames: string,
  establishmentId: number,
  sex: 'masculino' | 'femenino' = 'masculino',
) {
  return app.ok('participants.create', { code, firstNames, lastNames, sex, birthYear: 1990, establishmentId, date: '2026-02-01' });
}

export async function workshop(establishmentId: number, over: Record<string, unknown> = {}) {
  return app.ok('workshops.create', {
    name: 'Banda sinfónica',
    programme: 'inpe_orquestando',
    discipline: 'Vientos',
    establishmentId,
    startDate: '2026-03-01',
    endDate: '2026-12-15',
    capacity: 30,
    ...over,
  });
}

export async function session(workshopId: number, date: string, durationMinutes = 120) {
  return app.ok('sessions.create', { workshopId, date, durationMinutes });
}

/** The instrument type "Trompeta" of the list a member's part is chosen from. */
export const trumpetType = async () => (await app.ok('ensembles.partTypes', {})).find((t) => t.name === 'Trompeta')!.id;

export async function mark(sessionId: number, marks: Array<[number, boolean]>) {
  return app.ok('attendance.save', { sessionId, marks: marks.map(([participantId, present]) => ({ participantId, present })) });
}
