import { z } from 'zod';
import { audienceGroups } from './rules';
import { Agreement } from './partner-schemas';
import { EventTypeSchema } from './schema-helpers';

/** What an agreement produced (issue 15): its events, exhibitions and donations, with their sums. */

const Audiences = z.object(
  Object.fromEntries(audienceGroups.map((g) => [g, z.number().int()])) as Record<(typeof audienceGroups)[number], z.ZodNumber>,
);

export const AgreementDetail = z.object({
  agreement: Agreement,
  events: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      date: z.string(),
      type: EventTypeSchema,
      audiences: Audiences,
      totalAudience: z.number().int(),
    }),
  ),
  exhibitions: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      venue: z.string().nullable(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
    }),
  ),
  donations: z.array(z.object({ id: z.number().int(), date: z.string(), description: z.string(), valueCentimos: z.number().int() })),
  /** The events' audiences summed, per kind. */
  audiences: Audiences,
  totalAudience: z.number().int(),
  donatedCentimos: z.number().int(),
});
export type AgreementDetail = z.infer<typeof AgreementDetail>;
