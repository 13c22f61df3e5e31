import type { z } from 'zod';

/** An i18n key with its interpolation values. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Turns one zod issue into a message of the catalogs. Schemas name their own keys
 * ("errors.required"); zod's built-in checks are mapped by their code, so a payload
 * the form never sends (a number where text goes, a field too long) still gets a
 * Spanish sentence.
 */
export function issueMessage(issue: z.core.$ZodIssue): MessageRef {
  // A catalog key the schema names ("errors.x", "inventory.settings.maskInvalid"): dotted
  // words, no spaces — zod's own English sentences never look like that.
  if (/^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'errors.tooShort', params: { min: Number(issue.minimum) } };
      return { key: 'errors.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'errors.tooLong', params: { max: Number(issue.maximum) } };
      return { key: 'errors.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { key: issue.input === undefined ? 'errors.required' : 'errors.invalid' };
    case 'invalid_value':
      return { key: 'errors.choose' };
    case 'unrecognized_keys':
      return { key: 'errors.unexpectedField' };
    default:
      return { key: 'errors.invalid' };
  }
}

/** Field path (dot-joined, "" for the whole input) → first message of that field. */
export function issuesByField(error: z.ZodError): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const p = path ? `${path}.${k}` : k;
        out[p] ??= issueMessage(issue);
      }
      continue;
    }
    out[path] ??= issueMessage(issue);
  }
  return out;
}
