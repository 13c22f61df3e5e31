/**
 * Small-cell suppression (issue 17): wherever the evaluation counts persons (participants,
 * members, people present, audiences), a count of 1 to 4 is never shown: it answers null and
 * the row names the field in `suppressed`, which the renderer and the exports show as "< 5".
 * A rate derived from a suppressed count is null too. Zero stays visible (nobody to protect:
 * "no participant" is the access gap itself). Counts of things (instruments, sessions, events,
 * money) are never suppressed. One rule, here, for main, the renderer and every export.
 */

/** The smallest count of persons shown as a number. */
export const MIN_CELL = 5;

/** Whether a count of persons is small enough to hide (1 to 4). */
export const isSmallCell = (n: number): boolean => n > 0 && n < MIN_CELL;

/** A count of persons as it may be shown: null (read "< 5") when it is 1 to 4. */
export const shownPersons = (n: number): number | null => (isSmallCell(n) ? null : n);

/** A row of counts of persons with the small ones hidden: each such field null and named in `suppressed`. */
export function suppressRow<R extends Record<string, unknown>, K extends keyof R & string>(
  row: R,
  personKeys: readonly K[],
): Omit<R, K> & { [P in K]: number | null } & { suppressed: K[] } {
  const out: Record<string, unknown> = { ...row };
  const suppressed: K[] = [];
  for (const k of personKeys) {
    const v = row[k];
    if (typeof v === 'number' && isSmallCell(v)) {
      out[k] = null;
      suppressed.push(k);
    }
  }
  return { ...(out as Omit<R, K> & { [P in K]: number | null }), suppressed };
}

/**
 * A rate (0…1) of two counts, or null: when the denominator is 0, or when either count is of
 * persons and small (`persons` says which of them count persons).
 */
export function safeRate(part: number, whole: number, persons: { part?: boolean; whole?: boolean } = {}): number | null {
  if (whole <= 0) return null;
  if ((persons.part && isSmallCell(part)) || (persons.whole && isSmallCell(whole))) return null;
  return part / whole;
}

/** What a table cell shows for a value of a row: "< 5" for a suppressed one, "—" for a missing one. */
export function cellText(value: number | null | undefined, suppressed: boolean, format: (n: number) => string = String): string {
  if (suppressed) return `< ${MIN_CELL}`;
  if (value === null || value === undefined) return '—';
  return format(value);
}
