import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Harness } from '../../electron/harness/server';
import type { Ok } from '../helpers/contracts';
import { allowAll } from '../helpers/internarte';
import { newViolin, validEstablishment } from '../helpers/services';
import { newWorkshop } from '../helpers/workshop-teachers';
import { expect } from './fixtures';

/** Steps the renderer specs share: set-up through the services, and the few gestures every form repeats. */

/** Calls a channel as the signed-in test user (set-up, never what a test checks on screen); throws on a refusal. */
export async function ok<T = Record<string, unknown>>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const r = await harness.services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** The harness as the contracts fixtures' "call this channel and answer its data" (helpers/contracts.ts). */
export const okOf =
  (harness: Harness): Ok =>
  async (name, input) =>
    ok(harness, name, input) as never;

/** An establishment created through its channel: in Lima, for men, in the programme, unless `over` says otherwise (helpers/services.ts). */
export const createEstablishment = (harness: Harness, over: Record<string, unknown>) =>
  ok<{ id: number; version: number }>(harness, 'establishments.create', validEstablishment(over));

/**
 * The artist's consent to exhibit, catalog and publish the photo of a work, not to sell it, with
 * a signed form (helpers/internarte.ts allowAll; `over` changes any field): how the InternArte
 * specs seed the works their catalog prints.
 */
export const recordConsent = (harness: Harness, artworkId: number, over: Record<string, unknown> = {}) =>
  ok(harness, 'artworks.recordConsent', allowAll(artworkId, { maySell: false, ...over }));

/** A violin assigned to an establishment, registered through its channel (helpers/services.ts newViolin; `over` changes any field). */
export const createInstrument = (harness: Harness, code: string, establishmentId: number, over: Record<string, unknown> = {}) =>
  ok<{ id: number; version: number; code: string }>(harness, 'instruments.create', { ...newViolin(code, establishmentId), ...over });

/** An active participant of an establishment, registered through its channel (born 1990, on 1 March 2026, unless `over` says otherwise). */
export const createParticipant = (
  harness: Harness,
  p: { code: string; firstNames: string; lastNames: string; establishmentId: number },
  over: Record<string, unknown> = {},
) =>
  ok<{ id: number; version: number; code: string }>(harness, 'participants.create', {
    sex: 'masculino',
    birthYear: 1990,
    date: '2026-03-01',
    ...p,
    ...over,
  });

/** A workshop of INPE Orquestando at an establishment, registered through its channel (helpers/workshop-teachers.ts newWorkshop: a symphonic band from 1 March 2026, unless `over` says otherwise). */
export const createWorkshop = (harness: Harness, establishmentId: number, over: Record<string, unknown> = {}) =>
  newWorkshop(okOf(harness), establishmentId, over) as Promise<{ id: number; version: number }>;

/** A staff member of an establishment (the INPE register of people who may hold an instrument). */
export const createStaff = (harness: Harness, establishmentId: number, fullName: string, role = 'Técnico de tratamiento') =>
  ok<{ id: number; version: number }>(harness, 'staff.create', { establishmentId, fullName, role });

/** An instrument handed over to a custodian by id (set-up; the form's own path is the search box). */
export const handOver = (
  harness: Harness,
  instrumentId: number,
  custodian: { type: 'docente' | 'elenco' | 'participante' | 'personal'; id: number },
  date: string,
  dueDate: string | null = null,
) =>
  ok(harness, 'instruments.move', {
    instrumentIds: [instrumentId],
    movement: { kind: 'entrega', custodianType: custodian.type, custodianId: custodian.id, date, dueDate },
  });

type Scope = Pick<ReturnType<Page['getByRole']>, 'getByRole'>;

/** A searchable list: type, then pick the option. */
export async function choose(page: Page, scope: Scope, label: string, typed: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A closed list (not searchable): open it and pick. */
export async function pick(page: Page, scope: Scope, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Files chosen in the dialog a button opens (a click on it). */
/** Types each count of a form by its field's label (an event's audiences). */
export async function fillCounts(form: Locator, counts: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [label, n] of counts) await form.getByLabel(label, { exact: true }).fill(n);
}

export async function chooseFiles(page: Page, button: Locator, files: string | string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(files);
}

/**
 * A saved file's path, from the notification that reports it: the newest, or the one naming
 * `named` (a part of the file's name) when an earlier notification may still show or may
 * already have closed (they close after four seconds, sooner than a loaded machine's next step).
 */
export async function savedPath(app: Page, named?: string): Promise<string> {
  const notes = app.getByTestId('export-path');
  const note = named === undefined ? notes.last() : notes.filter({ hasText: named });
  await expect(note).toBeVisible();
  return (await note.innerText()).replace('Archivo guardado en: ', '').trim();
}

/** A spreadsheet as a clerk keeps it: one sheet, `rows` written one under the other, saved as `name` in `dir`; answers its path. */
export async function xlsxFile(dir: string, name: string, sheet: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
