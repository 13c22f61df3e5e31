import { z } from 'zod';

/** A donated instrument's funding source (issue 15): the partners and the donations they made. */
export const DonationSource = z.object({
  partnerId: z.number().int(),
  partnerName: z.string(),
  donations: z.array(z.object({ id: z.number().int(), date: z.string(), description: z.string(), valueCentimos: z.number().int() })),
});
export type DonationSource = z.infer<typeof DonationSource>;
