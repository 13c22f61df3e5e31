import type { RetentionSlot } from '../../../shared/backups/schemas';

/**
 * Which automatic backups to keep: the newest of each of the last 7 days, of each of the
 * last 4 weeks (ISO weeks, Monday first) and of each of the last 12 months, by Lima's
 * calendar (UTC−5 all year). Pure: the backup folder's names and dates in, the slots out.
 */
export interface RetentionLimits {
  daily: number;
  weekly: number;
  monthly: number;
}
export const DEFAULT_RETENTION: RetentionLimits = { daily: 7, weekly: 4, monthly: 12 };

/** Lima's calendar day of a UTC timestamp: yyyy-mm-dd. */
export function limaDay(iso: string): string {
  return new Date(Date.parse(iso) - 5 * 3600_000).toISOString().slice(0, 10);
}

/** ISO week of a calendar day: "2026-W48" (the year is the week's, not always the day's). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Dated {
  name: string;
  createdAt: string;
}

/** Backup name → the slots that keep it; a backup absent from the map is to be removed. */
export function retention(backups: readonly Dated[], limits: RetentionLimits = DEFAULT_RETENTION): Map<string, RetentionSlot[]> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const keep = new Map<string, RetentionSlot[]>();
  const slot = (slotName: RetentionSlot, limit: number, period: (b: Dated) => string) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const p = period(b);
      if (seen.has(p)) continue;
      if (seen.size >= limit) break;
      seen.add(p);
      keep.set(b.name, [...(keep.get(b.name) ?? []), slotName]);
    }
  };
  slot('diaria', limits.daily, (b) => limaDay(b.createdAt));
  slot('semanal', limits.weekly, (b) => isoWeek(limaDay(b.createdAt)));
  slot('mensual', limits.monthly, (b) => limaDay(b.createdAt).slice(0, 7));
  return keep;
}

/** The newest `count` of a list (manual backups, copies before a restore): the rest are removed. */
export function newest(backups: readonly Dated[], count: number): Set<string> {
  return new Set(
    [...backups]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, count)
      .map((b) => b.name),
  );
}
