import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReports, createKnex, openReports, REPORT_CONNECTIONS } from '../../../electron/main/db/connection';
import { later, together } from '../../../electron/main/db/dialect';

/**
 * The report connections (db/connection.ts openReports) the evaluation page reads its figures
 * on, side by side: they see what the app committed, never write, and an in-memory database
 * (which has no second connection) reads on itself.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-reports-'));
const db = createKnex(path.join(dir, 'arteinpe.sqlite'));
const reports = openReports(db);

afterAll(async () => {
  await closeReports(db, reports);
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('report connections on a SQLite file', () => {
  it('read what the app has committed, and refuse to write', async () => {
    await db.schema.createTable('figures', (t) => t.integer('n'));
    await db('figures').insert([{ n: 1 }, { n: 2 }]);
    expect(reports).not.toBe(db);
    expect(await reports('figures').sum({ s: 'n' })).toEqual([{ s: 3 }]);
    await expect(reports('figures').insert({ n: 3 })).rejects.toThrow(/readonly|read-only|query_only/i);
    expect(await db('figures').count({ c: '*' })).toEqual([{ c: 2 }]);
  });

  it('never see a write still in progress on the app connection', async () => {
    await db.transaction(async (trx) => {
      await trx('figures').insert({ n: 100 });
      expect(await reports('figures').sum({ s: 'n' })).toEqual([{ s: 3 }]);
    });
    expect(await reports('figures').sum({ s: 'n' })).toEqual([{ s: 103 }]);
  });

  it('run reads side by side on separate connections', async () => {
    // Each read waits on a slow recursive count; with two connections both are in flight at once.
    const slow = () =>
      reports.raw('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) AS n FROM c');
    const seen = new Set<unknown>();
    const pool = (reports.client as { pool: { numUsed(): number } }).pool;
    const watch = setInterval(() => seen.add(pool.numUsed()), 1);
    try {
      await together(reports, [slow(), slow()]);
    } finally {
      clearInterval(watch);
    }
    expect(REPORT_CONNECTIONS).toBe(2);
    expect(seen.has(2)).toBe(true);
  });
});

describe('elsewhere', () => {
  it('an in-memory database reads on itself', async () => {
    const mem = createKnex(':memory:', { inspect: true });
    try {
      expect(openReports(mem)).toBe(mem);
    } finally {
      await mem.destroy();
    }
  });

  it('inside a transaction, reads go one after another on its connection', async () => {
    const order: string[] = [];
    const step = (trx: typeof db, name: string) =>
      later(async () => {
        order.push(`start ${name}`);
        await trx.raw('SELECT 1');
        await new Promise((r) => setTimeout(r, 5));
        order.push(`end ${name}`);
      });
    await db.transaction((trx) => together(trx, [step(trx, 'a'), step(trx, 'b')]));
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
    order.length = 0;
    await together(reports, [step(reports, 'a'), step(reports, 'b')]);
    expect(order.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
