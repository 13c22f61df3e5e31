import fs from 'node:fs';
import { expect } from 'vitest';
import type { catalogChannels } from '../../../shared/internarte/channels';
import { CatalogExportDone } from '../../../shared/internarte/catalog-schemas';
import { addPhoto, createArtwork, createExhibition, recordConsent } from '../../helpers/internarte';
import type { Case, Ctx } from '../../helpers/channel-cases';

/**
 * The catalog channels' cases for channels.test.ts: one valid call each (with what it must
 * answer) and several invalid payloads that the schema must refuse in Spanish.
 */

type Name = (typeof catalogChannels)[number];

export function catalogCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  /** An exhibition with one work whose artist allowed everything, with its photo. */
  const exhibition = async () => {
    const a = await createArtwork(app(), ctx().seeded.id, { title: 'Vasija de Ñaña' });
    await addPhoto(app(), a.id);
    await recordConsent(app(), a.id);
    const ex = await createExhibition(app());
    await app().ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id] });
    return ex.id;
  };
  const options = { pageSize: 'A4', layout: 'one', lang: 'es-PE' };
  return {
    valid: {
      'catalog.preview': {
        input: async () => ({ exhibitionId: await exhibition(), ...options }),
        check: (d) => {
          expect(d).toMatchObject({ worksShown: 1, worksTotal: 1, worksWithoutImage: 0 });
          expect((d as { html: string }).html).toContain('Vasija de Ñaña');
        },
      },
      'catalog.preflight': {
        input: async () => ({ exhibitionId: await exhibition(), ...options }),
        check: (d) => {
          // The test photo is 60 × 80 px: far below 200 ppi as the cover and on its page.
          const { findings } = d as { findings: Array<{ kind: string; label: string }> };
          expect(findings.map((f) => f.kind)).toEqual(['coverLowResolution', 'lowResolution']);
          expect(findings[1]!.label).toBe('Vasija de Ñaña');
        },
      },
      'catalog.export': {
        input: async () => ({ exhibitionId: await exhibition(), pageSize: 'A5', layout: 'grid', lang: 'en' }),
        check: async (d) => {
          const started = d as { status: string; jobId: string };
          expect(started.status).toBe('started');
          const s = await app().jobs.wait(started.jobId);
          expect(s?.state, JSON.stringify(s?.error)).toBe('done');
          const done = CatalogExportDone.parse(s!.result);
          expect(fs.statSync(done.path).size).toBe(done.bytes);
          expect(done).toMatchObject({ works: 1, images: 1 });
        },
      },
      'catalog.labels': {
        input: async () => ({ exhibitionId: await exhibition(), lang: 'es-PE' }),
        check: (d) => {
          expect(d).toMatchObject({ status: 'saved', rows: 1 });
          expect(fs.statSync((d as { path: string }).path).size).toBeGreaterThan(0);
        },
      },
    },
    invalid: {
      'catalog.preview': [
        {},
        { exhibitionId: 'uno' },
        { exhibitionId: 0 },
        { exhibitionId: 1, pageSize: 'A3' },
        { exhibitionId: 1, layout: 'three' },
        { exhibitionId: 1, lang: 'fr' },
        { exhibitionId: 1, html: '<script>' },
      ],
      'catalog.preflight': [{}, { exhibitionId: 'uno' }, { exhibitionId: 1, pageSize: 'A3' }, { exhibitionId: 1, layout: 'x' }],
      'catalog.export': [
        {},
        { exhibitionId: -1 },
        { exhibitionId: 1.5 },
        { exhibitionId: 1, pageSize: 'a4' },
        { exhibitionId: 1, layout: null },
        { exhibitionId: 1, path: '/etc/passwd' },
      ],
      'catalog.labels': [{}, { exhibitionId: null }, { exhibitionId: 1, lang: 'qu' }, { exhibitionId: 1, pageSize: 'A5' }],
    },
  };
}
