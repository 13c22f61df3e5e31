import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../../electron/main/backups/archive';
import { createKnex } from '../../../electron/main/db/connection';
import { migrationSource, migrations } from '../../../migrations';
import { onPostgres, sqliteOnly } from '../../helpers/pg';
import { fixtureUpgrade } from '../../helpers/migration';
import { cleanupsAfterEach } from '../../helpers/cleanups';
import { addOldRows, FIXTURE, MIGRATION } from './custody-migration-fixture';
import { before, checkCarryOver, checkChannels } from './custody-migration-checks';

/**
 * Issue 15's carry-over on the data the previous version wrote: the demonstration database
 * of commit 0e0b28b (tests/fixtures/db/README.md), with a few more instruments handed over
 * as that version recorded them (free text), upgraded by the app's own start-up — on a
 * SQLite file, and on an office server that holds the same rows. Each custodian typed as
 * text becomes a link where exactly one record answers to it, or one "sin vincular" item
 * for a clerk; the names stay as they were typed and nothing else in the database changes.
 */

const cleanups = cleanupsAfterEach();

/** The fixture, with the rows the previous version could have written, started by the app up to the migration. */
const upgraded = fixtureUpgrade(cleanups, { fixture: FIXTURE, migration: MIGRATION, addRows: addOldRows, remember: before });

describe.skipIf(sqliteOnly('the start-up of a SQLite file the previous version wrote (the server variant is below)'))(
  'carry-over of the free-text custodians, on the SQLite file the previous version wrote',
  () => {
    it('links what one record answers to, lists the rest "sin vincular", keeps every name and changes nothing else; a backup comes first', async () => {
      const { started, dir, was } = await upgraded('sqlite', async (old) => {
        expect(await old('knex_migrations').orderBy('id').pluck('name')).toEqual(migrations.slice(0, 9).map(([n]) => n));
      });
      expect(started.migrated).toEqual([MIGRATION]);
      // The app's start-up backed the old data up before migrating it.
      expect(started.backup).not.toBeNull();
      const manifest = await verifyBackup(started.backup!);
      expect(manifest).toMatchObject({ reason: 'antes-de-migrar', migrations: migrations.slice(0, 9).map(([n]) => n) });
      const copy = createKnex(path.join(started.backup!, 'arteinpe.sqlite'), { inspect: true });
      try {
        expect(await before(copy).then((b) => b.digest)).toEqual(was.digest);
      } finally {
        await copy.destroy();
      }

      await checkCarryOver(started.db, was);
      // Today's channels, on the schema of today (the migrations after this one too).
      await started.db.migrate.latest({ migrationSource });
      await checkChannels(started.db, dir);
    });
  },
);

if (!onPostgres())
  console.info('[custody migration] the office server variant is skipped: it needs ARTEINPE_TEST_PG (.ci/pg-server.sh start prints one)');

describe.skipIf(!onPostgres())('carry-over of the free-text custodians, on an office server with the same data', () => {
  it('the server migrated from 0009 with the fixture rows is carried over exactly as the SQLite file is', async () => {
    // As a PC of the office starts: under the migration lock, the pending migration.
    const { started, dir, was } = await upgraded('server', async (_old, copied) => {
      expect(copied).toMatchObject({ instruments: 140, instrument_movements: 594, participants: 523, teachers: 12, ensembles: 11 });
    });
    expect({ migrated: started.migrated, readOnly: started.readOnly }).toEqual({ migrated: [MIGRATION], readOnly: false });

    await checkCarryOver(started.db, was);
    // Today's channels, on the schema of today (the migrations after this one too).
    await started.db.migrate.latest({ migrationSource });
    await checkChannels(started.db, dir);
  });
});
