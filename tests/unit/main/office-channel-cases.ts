import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { officeChannels } from '../../../shared/office/channels';
import { choicePath } from '../../../electron/main/office/config';
import type { TestApp } from '../../helpers/services';
import { onPostgres } from '../../helpers/pg';
import type { Case } from '../../helpers/channel-cases';

/**
 * Settings → Base de datos (office mode): cases for channels.test.ts. The connection test
 * points at a port where nothing listens on this machine, so it answers "unreachable"
 * quickly and changes nothing.
 */
type Name = (typeof officeChannels)[number];

export const unreachableServer = { host: '127.0.0.1', port: 1, database: 'arteinpe', user: 'arteinpe', password: 'x', ssl: false };

export function officeCases(get: () => { app: TestApp }): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  return {
    valid: {
      'office.database': {
        input: () => ({}),
        check: (d) => expect(d).toMatchObject({ mode: 'local', server: null, readOnly: false, secretsAvailable: true }),
      },
      'office.testDatabase': {
        input: () => unreachableServer,
        check: (d) =>
          expect(d).toMatchObject({
            ok: false,
            problem: 'unreachable',
            message: expect.stringContaining('No se pudo llegar al servidor 127.0.0.1 en el puerto 1'),
          }),
      },
      'office.saveDatabase': {
        input: () => ({ mode: 'local' }),
        check: (d) => {
          expect(d).toMatchObject({ mode: 'local' });
          expect(JSON.parse(fs.readFileSync(choicePath(get().app.platform.paths), 'utf8'))).toMatchObject({ mode: 'local' });
        },
      },
      'office.copyToServer': {
        input: () => ({ ...unreachableServer, confirm: true }),
        check: (d) =>
          expect(d).toMatchObject(
            onPostgres()
              ? { ok: false, message: expect.stringContaining('ya trabaja con el servidor'), totalRows: 0 }
              : { ok: false, message: expect.stringContaining('No se pudo llegar al servidor 127.0.0.1'), totalRows: 0 },
          ),
      },
      'office.attachmentsFolder': {
        input: () => ({}),
        check: (d) => expect(d).toMatchObject({ available: onPostgres() }),
      },
      // On "Este equipo" it is refused (refusedOnThisPc below); on the server a shared folder is set.
      'office.saveAttachmentsFolder': {
        input: () => {
          const folder = path.join(get().app.dir, 'adjuntos-compartidos');
          fs.mkdirSync(folder, { recursive: true });
          return { folder };
        },
        check: (d) =>
          expect(d).toMatchObject({ available: true, place: 'folder', folder: path.join(get().app.dir, 'adjuntos-compartidos') }),
      },
    },
    invalid: {
      'office.attachmentsFolder': [{ folder: 'x' }, 'texto'],
      'office.saveAttachmentsFolder': [
        {},
        { folder: '' },
        { folder: '   ' },
        { folder: 5 },
        { folder: 'C:\\adjuntos|fotos' },
        { folder: 'x'.repeat(401) },
        { folder: null, extra: 1 },
        'texto',
      ],
      'office.database': [{ extra: 1 }, 'texto'],
      'office.testDatabase': [
        {},
        { ...unreachableServer, host: '' },
        { ...unreachableServer, host: 'servidor oficina' },
        { ...unreachableServer, port: 0 },
        { ...unreachableServer, port: '5432' },
        { ...unreachableServer, database: '1base' },
        { ...unreachableServer, ssl: 'si' },
        { ...unreachableServer, extra: 1 },
        { ...unreachableServer, caCert: 'no es un certificado' },
      ],
      'office.copyToServer': [
        { ...unreachableServer },
        { ...unreachableServer, confirm: false },
        { ...unreachableServer, confirm: true, port: -1 },
        {},
      ],
      'office.saveDatabase': [
        {},
        { mode: 'nube' },
        { mode: 'server' },
        { mode: 'local', host: 'x' },
        { ...unreachableServer, mode: 'server', port: 70000 },
      ],
    },
  };
}

/** On "Este equipo" (SQLite): channels that only the office server offers, refused in Spanish, changing nothing. */
export const refusedOnThisPc = {
  'office.saveAttachmentsFolder': { folder: '/tmp' },
};
