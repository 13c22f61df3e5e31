import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issuesByField } from '../../shared/validation';

/**
 * A @mantine/form validator from a shared zod schema: the same rules main applies, with
 * the messages of the catalogs, next to each field.
 */
export function schemaValidator<T>(schema: z.ZodType, t: TFunction) {
  return (values: T): Record<string, string> => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return {};
    const out: Record<string, string> = {};
    for (const [field, ref] of Object.entries(issuesByField(parsed.error, values))) out[field] = t(ref.key, ref.params ?? {});
    return out;
  };
}

/**
 * Runs `reset` when a dialog opens, or when it turns to another record while open — never
 * because the record object was fetched again in the background (a refetch gives a new
 * object with the same id, and what the clerk typed or ticked must stay).
 * `recordKey` is the record's id (null or undefined for a new one).
 */
export function useResetOnOpen(opened: boolean, recordKey: string | number | null | undefined, reset: () => void): void {
  const last = useRef<{ opened: boolean; key: string | number | null | undefined }>({ opened: false, key: undefined });
  useEffect(() => {
    const before = last.current;
    last.current = { opened, key: recordKey };
    if (opened && (!before.opened || before.key !== recordKey)) reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening or another record only, never because `reset` or the record object is new
  }, [opened, recordKey]);
}

/** Renames error keys (schema field → form field). */
export function renameErrors(errors: Record<string, string>, names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [names[k] ?? k, v]));
}
