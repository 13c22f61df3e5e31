import fs from 'node:fs';
import { expect } from 'vitest';
import type { siteChannels } from '../../../shared/sites/channels';
import type { Case, Ctx } from '../../helpers/channel-cases';

/**
 * Prison sites (issue 20): cases for channels.test.ts. The centre enrols the seeded establishment;
 * the installation case first makes a package of it and then empties the database of what a new
 * installation has none of (the first run: no account, no establishment), as auth.setupAdmin's does.
 */
type Name = (typeof siteChannels)[number];

/** A well-formed installation request; its file is no enrolment package. */
export const installRequest = { fileName: 'alta-sede.arteinpe-alta', dataBase64: 'QUJD', passphrase: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' };

export function siteCases(get: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  return {
    valid: {
      'sites.status': {
        input: () => ({}),
        check: (d) => expect(d).toEqual({ role: 'central', name: null, fingerprint: null, establishment: null, centre: null }),
      },
      'sites.list': { input: () => ({}), check: (d) => expect(d).toEqual([]) },
      'sites.enrol': {
        input: () => ({ establishmentId: get().seeded.id }),
        check: (d) => {
          expect(d).toMatchObject({
            status: 'saved',
            siteName: 'E.P. Base',
            passphrase: expect.stringMatching(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/),
          });
          const file = fs.readFileSync((d as { path: string }).path);
          expect(file.subarray(0, 15).toString('utf8')).toBe('ARTEINPE-ALTA/1');
        },
      },
      'sites.install': {
        input: async () => {
          const { app, seeded } = get();
          const enrolled = await app.ok('sites.enrol', { establishmentId: seeded.id });
          if (enrolled.status !== 'saved') throw new Error('enrolment cancelled');
          // The first run's database: nothing of the centre's is left.
          for (const table of ['sites', 'installation', 'user_establishments', 'users', 'establishments']) await app.db(table).delete();
          return {
            fileName: 'alta.arteinpe-alta',
            dataBase64: fs.readFileSync(enrolled.path).toString('base64'),
            passphrase: enrolled.passphrase,
          };
        },
        check: (d) => expect(d).toMatchObject({ siteName: 'E.P. Base', centreName: 'Oficina central' }),
      },
      'sites.writePackage': {
        input: async () => {
          const { app, seeded } = get();
          await app.ok('sites.enrol', { establishmentId: seeded.id });
          return { siteId: (await app.ok('sites.list', {}))[0]!.id };
        },
        check: (d) => {
          expect(d).toMatchObject({ status: 'saved', seq: 1, to: 'E.P. Base' });
          const file = fs.readFileSync((d as { path: string }).path);
          expect(file.subarray(0, 18).toString('utf8')).toBe('ARTEINPE-PAQUETE/2');
        },
      },
      // The open dialog cancelled (the test app's default): nothing read, nothing changed.
      'sites.readPackage': {
        input: async () => {
          const { app, seeded } = get();
          await app.ok('sites.enrol', { establishmentId: seeded.id });
          return {};
        },
        check: (d) => expect(d).toEqual({ status: 'cancelled' }),
      },
      'sites.conflicts': { input: () => ({}), check: (d) => expect(d).toEqual({ open: [], resolved: [] }) },
      // A participant renamed at the enrolled site: its version is kept, and the centre's row shows it.
      'sites.resolveConflict': {
        input: async () => {
          const { app, seeded } = get();
          await app.ok('sites.enrol', { establishmentId: seeded.id });
          const site = (await app.ok('sites.list', {}))[0]!;
          const p = await app.ok('participants.create', {
            code: 'PPL-0001',
            firstNames: 'Juan',
            lastNames: 'Pérez Quispe',
            sex: 'masculino',
            birthYear: 1988,
            establishmentId: seeded.id,
            date: '2026-02-01',
          });
          const row = (await app.db('participants').where({ id: p.id }).first()) as Record<string, unknown>;
          const est = (await app.db('establishments').where({ id: seeded.id }).first('gid')) as { gid: string };
          const travelling: Record<string, unknown> = { ...row, establishment_id: est.gid };
          delete travelling.id;
          const [c] = (await app
            .db('site_conflicts')
            .insert({
              site_id: site.id,
              table_name: 'participants',
              row_key: row.gid,
              local_json: JSON.stringify(travelling),
              incoming_json: JSON.stringify({ ...travelling, first_names: 'Juan Carlos' }),
              base: 0,
              package_seq: 1,
              detected_at: '2026-03-01T15:00:00.000Z',
            })
            .returning('id')) as Array<{ id: number }>;
          return { conflictId: Number(c!.id), choice: 'sede' };
        },
        check: async (d) => {
          expect(d).toMatchObject({ choice: 'sede', establishmentName: 'E.P. Base' });
          const row = (await get().app.db('participants').where({ code: 'PPL-0001' }).first('first_names')) as { first_names: string };
          expect(row.first_names).toBe('Juan Carlos');
        },
      },
    },
    invalid: {
      'sites.status': [{ extra: 1 }, 'texto'],
      'sites.list': [{ establishmentId: 1 }],
      'sites.enrol': [
        {},
        { establishmentId: 'E.P. Base' },
        { establishmentId: 0 },
        { establishmentId: 1.5 },
        { establishmentId: 1, passphrase: 'x' },
      ],
      'sites.install': [
        {},
        { ...installRequest, passphrase: '' },
        { ...installRequest, passphrase: '   ' },
        { ...installRequest, passphrase: 'x'.repeat(101) },
        { ...installRequest, dataBase64: '' },
        { ...installRequest, dataBase64: 'no es base64!' },
        { ...installRequest, dataBase64: 'A'.repeat(28_000_000) },
        { ...installRequest, fileName: '' },
        { ...installRequest, path: '/tmp/alta.arteinpe-alta' },
      ],
      'sites.writePackage': [{ siteId: 0 }, { siteId: 'E.P. Base' }, { siteId: 1.5 }, { siteId: 1, path: '/tmp/paquete' }],
      'sites.readPackage': [{ path: '/tmp/paquete.arteinpe-paquete' }, { dataBase64: 'QUJD' }],
      'sites.conflicts': [{ siteId: 1 }],
      'sites.resolveConflict': [
        {},
        { conflictId: 1 },
        { conflictId: 0, choice: 'sede' },
        { conflictId: 'uno', choice: 'sede' },
        { conflictId: 1, choice: 'ambas' },
        { conflictId: 1, choice: 'combinado', fields: { first_names: 'ambas' } },
        { conflictId: 1, choice: 'combinado', fields: [] },
        { conflictId: 1, choice: 'sede', note: 'x' },
      ],
    },
  };
}

/** On the office's server: a site is never installed there (a prison's PC has its own database), refused in Spanish. */
export const siteRefusedOnServer = { 'sites.install': installRequest };
