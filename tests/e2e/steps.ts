import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Harness } from '../../electron/harness/server';
import { validEstablishment } from '../helpers/services';
import { expect } from './fixtures';

/** Steps the renderer specs share: set-up through the services, and the few gestures every form repeats. */

/** Calls a channel as the signed-in test user (set-up, never what a test checks on screen); throws on a refusal. */
export async function ok<T = Record<string, unknown>>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const r = await harness.services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** An establishment created through its channel: in Lima, for men, in the programme, unless `over` says otherwise (helpers/services.ts). */
export const createEstablishment = (harness: Harness, over: Record<string, unknown>) =>
  ok<{ id: number; version: number }>(harness, 'establishments.create', validEstablishment(over));

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
export async function chooseFiles(page: Page, button: Locator, files: string | string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(files);
}

/** A saved file's path, from the notification that reports it. */
export async function savedPath(app: Page): Promise<string> {
  const note = app.getByTestId('export-path').last();
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
