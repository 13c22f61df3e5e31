/**
 * The patrimonial code's format, as a mask a clerk can read: 9 = a digit, A = a letter,
 * * = a letter or a digit, anything else stands for itself ("INPE-9999-999999").
 * An empty mask means free text (the default): only uniqueness is checked.
 */

export const MAX_MASK_LENGTH = 40;

export function maskToRegExp(mask: string): RegExp | null {
  const m = mask.trim().toUpperCase();
  if (!m) return null;
  const body = [...m]
    .map((c) => {
      if (c === '9') return '[0-9]';
      if (c === 'A') return '[A-ZÑ]';
      if (c === '*') return '[A-Z0-9Ñ]';
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** Whether a code (already in capitals) fits the mask; any code fits an empty mask. */
export function fitsMask(code: string, mask: string | null | undefined): boolean {
  const re = maskToRegExp(mask ?? '');
  return re === null || re.test(code.toUpperCase());
}

/** An example code for the mask, to show in messages ("INPE-2026-000123"). */
export function maskExample(mask: string): string {
  let d = 0;
  return [...mask.trim().toUpperCase()]
    .map((c) => (c === '9' ? String((d++ * 7 + 1) % 10) : c === 'A' ? 'X' : c === '*' ? '0' : c))
    .join('');
}
