import { z } from 'zod';

export const DashboardSummary = z.object({
  regionalOffices: z.number().int(),
  establishments: z.number().int(),
  activeEstablishments: z.number().int(),
  inProgramme: z.number().int(),
  inProgrammeByPopulation: z.object({ varones: z.number().int(), mujeres: z.number().int(), mixto: z.number().int() }),
  byRegionalOffice: z.array(z.object({ id: z.number().int(), name: z.string(), total: z.number().int(), inProgramme: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;
