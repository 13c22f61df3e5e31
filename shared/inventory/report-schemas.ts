import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { PersonalDataReason } from '../privacy/schemas';
import { ExportResult, Id, IsoDate } from '../ipc';

export const ReportFormat = z.enum(['xlsx', 'pdf'], { error: 'errors.choose' });

/**
 * reason: asked only when the report would name a participant holding an instrument, that
 * is for a role with the personal-data permission (main answers a `reason` field error
 * without it); the file is then logged with it. Roles without the permission get the
 * custodian masked and need none.
 */
export const InventoryReportRequest = z
  .object({ establishmentId: EstablishmentId, format: ReportFormat, reason: PersonalDataReason.optional() })
  .strict();
export const ConditionReportRequest = z.object({ format: z.literal('xlsx') }).strict();
export const MovementsReportRequest = z
  .object({ from: IsoDate, to: IsoDate, establishmentId: EstablishmentId.nullable().default(null) })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'inventory.reports.periodOrder' });

export const LabelsRequest = z
  .object({ instrumentIds: z.array(Id).min(1, 'errors.required').max(2000), symbology: z.enum(['qr', 'code128']) })
  .strict();

export const ActaRequest = z.object({ id: RecordId }).strict();

export { ExportResult };

/** The inventory's part of the dashboard. */
export const InventorySummary = z.object({
  totalInstruments: z.number().int(),
  totalValueCentimos: z.number().int(),
  byEstablishment: z.array(
    z.object({
      establishmentId: z.number().int().nullable(),
      name: z.string().nullable(),
      total: z.number().int(),
      valueCentimos: z.number().int(),
      nuevo: z.number().int(),
      bueno: z.number().int(),
      regular: z.number().int(),
      malo: z.number().int(),
      inoperativo: z.number().int(),
    }),
  ),
  inTransit: z.number().int(),
  inRepair: z.number().int(),
  lowStock: z.array(
    z.object({ itemName: z.string(), establishmentName: z.string(), stock: z.number().int(), minimum: z.number().int(), unit: z.string() }),
  ),
});
export type InventorySummary = z.infer<typeof InventorySummary>;
