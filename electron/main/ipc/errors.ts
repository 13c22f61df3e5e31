import type { ErrorCode } from '../../../shared/ipc';
import type { MessageRef } from '../../../shared/validation';

/**
 * A refusal that reaches the user: a code for the renderer, an i18n key for the sentence,
 * and per-field messages when a field is to blame.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: Record<string, MessageRef> = {},
  ) {
    super(key);
  }
}

export const notFound = () => new AppError('not_found', 'errors.notFound');
export const stale = () => new AppError('stale', 'errors.stale');

/** What a lookup found, or the "not found" refusal when it found nothing. */
export function orNotFound<T>(found: T): NonNullable<T> {
  if (!found) throw notFound();
  return found as NonNullable<T>;
}

/**
 * A refusal next to one field. A validation error says "review the marked fields" on top;
 * a conflict (a number or DNI already taken) says the field's own sentence on top.
 */
export const fieldError = (
  field: string,
  key: string,
  params: Record<string, string | number> = {},
  code: 'validation' | 'conflict' = 'validation',
) =>
  new AppError(code, code === 'validation' ? 'errors.validation' : key, code === 'validation' ? {} : params, { [field]: { key, params } });
