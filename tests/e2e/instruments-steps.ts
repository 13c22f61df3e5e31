import type { Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/server';
import { expect } from './fixtures';

/** Steps the instruments' renderer specs share (renderer/instruments*.spec.ts): their establishments and instruments, set up through the channels, and the way to their page. */

/** Ids by name, read from the test's own database. */
async function typeId(h: Harness, name: string): Promise<number> {
  return ((await h.db('instrument_types').where({ name }).first()) as { id: number }).id;
}
async function establishmentId(h: Harness, name: string): Promise<number> {
  return ((await h.db('establishments').where({ name }).first()) as { id: number }).id;
}

/** Three establishments of our own (the demonstration data brings its own inventory). */
export async function establishments(h: Harness): Promise<void> {
  const office = ((await h.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  for (const [code, name, city] of [
    ['EP-LIM-01', 'E.P. de Lurigancho', 'San Juan de Lurigancho'],
    ['EP-LIM-02', 'E.P. Miguel Castro Castro', 'San Juan de Lurigancho'],
    ['EP-LIM-05', 'E.P. del Callao', 'Callao'],
  ] as const) {
    const r = await h.services.dispatch('establishments.create', {
      code,
      name,
      city,
      regionalOfficeId: office,
      population: 'varones',
      inProgramme: true,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
}

/** Registers an instrument through the same channel the form uses. */
export async function register(
  h: Harness,
  code: string,
  opts: { type?: string; at?: string; brand?: string; model?: string; costCentimos?: number } = {},
): Promise<number> {
  const result = await h.services.dispatch('instruments.create', {
    code,
    typeId: await typeId(h, opts.type ?? 'Violín'),
    brand: opts.brand ?? 'Yamaha',
    model: opts.model ?? 'V5SC',
    costCentimos: opts.costCentimos ?? 85000,
    funding: 'presupuesto_inpe',
    condition: 'bueno',
    altaDate: '2026-03-02',
    establishmentId: opts.at ? await establishmentId(h, opts.at) : null,
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as { id: number }).id;
}

/** Opens «Instrumentos» from its link, and waits until it is the page shown. */
export async function openInstruments(app: Page) {
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Instrumentos', exact: true })).toBeVisible();
}
