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
export function issueMessage(issue: z.core.$ZodIssue, value?: unknown): MessageRef {
  // Text over its limit is refused, never cut: say the limit, and how long it is when the
  // input is known — also where the schema's own message is only the generic "invalid".
  if (
    issue.code === 'too_big' &&
    issue.origin === 'string' &&
    (issue.message === 'errors.invalid' || !/^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/.test(issue.message))
  ) {
    if (typeof value === 'string')
      return { key: 'errors.tooLongCount', params: { max: Number(issue.maximum), length: value.trim().length } };
    return { key: 'errors.tooLong', params: { max: Number(issue.maximum) } };
  }
  // A catalog key the schema names ("errors.x", "inventory.settings.maskInvalid"): dotted
  // words, no spaces — zod's own English sentences never look like that. A custom issue may
  // carry the values its message shows ({ length: 12 }).
  if (/^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/.test(issue.message)) {
    const params = issue.code === 'custom' ? plainParams(issue.params) : undefined;
    return params ? { key: issue.message, params } : { key: issue.message };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'errors.tooShort', params: { min: Number(issue.minimum) } };
      return { key: 'errors.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
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

const plainParams = (params: unknown): Record<string, string | number> | undefined => {
  if (!params || typeof params !== 'object') return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length ? out : undefined;
};

/** The value at an issue's path in the input that was parsed (undefined when not there). */
const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
};

/**
 * Field path (dot-joined, "" for the whole input) → first message of that field. With the
 * `input` that was parsed, a text over its limit says how long it is.
 */
export function issuesByField(error: z.ZodError, input?: unknown): Record<string, MessageRef> {
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
    out[path] ??= issueMessage(issue, input === undefined ? undefined : valueAt(input, issue.path));
  }
  return out;
}
