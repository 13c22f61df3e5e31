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
