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
          expect(file.subarray(0, 18).toString('utf8')).toBe('ARTEINPE-PAQUETE/1');
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
    },
  };
}

/** On the office's server: a site is never installed there (a prison's PC has its own database), refused in Spanish. */
export const siteRefusedOnServer = { 'sites.install': installRequest };
