import { z } from 'zod';
import { requiredOr } from '../ipc';

/** Personal data leaving the application: why, and the log of who took what. */
/**
 * Why a file with personal data leaves the application: asked in the renderer, logged in
 * main (personal_data_exports) with who, when and what. Add it to an export's input schema
 * as `reason: PersonalDataReason`.
 */
export const PersonalDataReason = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .min(10, 'privacy.errors.reasonShort')
  .max(300);

export const PersonalDataExport = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  channel: z.string(),
  what: z.string(),
  reason: z.string(),
  rows: z.number().int().nonnegative(),
  fileName: z.string(),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
