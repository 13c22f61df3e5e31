import { describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { createFullBackup } from '../../../electron/main/backups/archive';
import { isoWeek, limaDay, retention } from '../../../electron/main/backups/rotation';
import { ensureDailyBackup, listFullBackups, rotate } from '../../../electron/main/backups/store';
import { appForEachTest, dailyBackupOptions } from './backups-setup';

/** The daily backups and their rotation (Lima's calendar). */

appForEachTest();

/** Day d of a run of daily backups from 1 January 2026 (at 10:00 in Lima). */
const day = (d: number) => new Date(Date.parse('2026-01-01T15:00:00Z') + d * 86_400_000).toISOString();

describe.skipIf(sqliteOnly('the rotation of backups of the SQLite file'))('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months (Lima’s calendar)', () => {
    // A year and a half of one automatic backup a day at 23:30 Lima (04:30 UTC the next day).
    const days = 540;
    const end = Date.parse('2026-11-27T04:30:00Z');
    const backups = Array.from({ length: days }, (_, i) => {
      const at = new Date(end - i * 86_400_000).toISOString();
      return { name: `b-${i}`, createdAt: at };
    });
    const keep = retention(backups);
    const slots = (slot: string) => [...keep].filter(([, s]) => s.includes(slot as never)).map(([n]) => n);
    expect(slots('diaria')).toEqual(['b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']);
    expect(limaDay(backups[0]!.createdAt)).toBe('2026-11-26');
    expect(slots('semanal')).toHaveLength(4);
    expect(new Set(slots('semanal').map((n) => isoWeek(limaDay(backups.find((b) => b.name === n)!.createdAt)))).size).toBe(4);
    expect(slots('mensual')).toHaveLength(12);
    const months = slots('mensual').map((n) => limaDay(backups.find((b) => b.name === n)!.createdAt).slice(0, 7));
    expect(months).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
      '2026-04',
      '2026-03',
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
    // The month's newest backup is its last day.
    expect(limaDay(backups.find((b) => b.name === slots('mensual')[1])!.createdAt)).toBe('2026-10-31');
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12 + 3);
  });

  it('ISO weeks start on Monday; the week of 1 January may belong to the year before', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('the daily backup is made once a day and the rotation removes what it no longer keeps', async () => {
    const opts = dailyBackupOptions();
    for (let d = 0; d < 40; d++) {
      expect(await ensureDailyBackup({ ...opts, now: day(d) })).not.toBeNull();
      expect(await ensureDailyBackup({ ...opts, now: day(d) })).toBeNull(); // already done today
    }
    const kept = listFullBackups(opts.backupDir);
    const keep = retention(kept.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })));
    expect(kept.map((b) => b.name).sort()).toEqual([...keep.keys()].sort());
    expect(kept.length).toBeLessThan(14);
    expect(kept.filter((b) => limaDay(b.manifest.createdAt) >= limaDay(day(33)))).toHaveLength(7);
    expect(rotate(opts.backupDir)).toEqual([]);
  });

  it("the backup before a migration counts in the same rotation: it is its day's automatic backup, and old ones go", async () => {
    const opts = dailyBackupOptions();
    const beforeMigration = (d: number) =>
      createFullBackup({ ...opts, destDir: opts.backupDir, reason: 'antes-de-migrar', createdBy: 'ArteINPE', now: day(d) });
    await beforeMigration(0);
    expect(await ensureDailyBackup({ ...opts, now: day(0) })).toBeNull(); // that day is covered
    for (let d = 1; d < 40; d++) {
      if (d % 10 === 0) await beforeMigration(d);
      await ensureDailyBackup({ ...opts, now: day(d) });
    }
    const kept = listFullBackups(opts.backupDir);
    const keep = retention(kept.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })));
    expect(kept.map((b) => b.name).sort()).toEqual([...keep.keys()].sort());
    expect(kept.length).toBeLessThan(14);
    // The oldest copy before a migration (day 0, a Thursday in a past month) was rotated away like any daily backup.
    expect(kept.filter((b) => b.manifest.reason === 'antes-de-migrar').map((b) => limaDay(b.manifest.createdAt))).not.toContain(
      limaDay(day(0)),
    );
    expect(kept.filter((b) => b.manifest.reason === 'antes-de-migrar').length).toBeGreaterThan(0);
  });
});
