import type { Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/server';
import { expect } from './fixtures';

/** Steps the renderer specs share: set-up through the services, and the few gestures every form repeats. */

/** Calls a channel as the signed-in test user (set-up, never what a test checks on screen); throws on a refusal. */
export async function ok<T = Record<string, unknown>>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const r = await harness.services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

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

/** A saved file's path, from the notification that reports it. */
export async function savedPath(app: Page): Promise<string> {
  const note = app.getByTestId('export-path').last();
  await expect(note).toBeVisible();
  return (await note.innerText()).replace('Archivo guardado en: ', '').trim();
}
