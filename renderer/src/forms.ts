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
    for (const [field, ref] of Object.entries(issuesByField(parsed.error))) out[field] = t(ref.key, ref.params ?? {});
    return out;
  };
}
