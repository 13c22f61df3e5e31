import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { IsoDate, optionalText, requiredText, orNull } from '../ipc';
import { ConditionSchema, StatusSchema } from './schemas';

/** A physical count of one establishment's instruments against the records. */
export const Stocktake = z.object({
  id: z.number().int(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  status: z.enum(['abierto', 'cerrado']),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  actaNumber: z.string().nullable(),
  actaDate: z.string().nullable(),
  notes: z.string().nullable(),
  counted: z.number().int(),
});
export type Stocktake = z.infer<typeof Stocktake>;

export const StocktakeLine = z.object({
  code: z.string(),
  instrumentId: z.number().int().nullable(),
  typeName: z.string().nullable(),
  brand: z.string().nullable(),
  /** As registered: where and in what state the records put it. */
  registeredEstablishmentName: z.string().nullable(),
  registeredStatus: StatusSchema.nullable(),
  registeredCondition: ConditionSchema.nullable(),
  /** As counted (null when not counted). */
  countedCondition: ConditionSchema.nullable(),
  countedAt: z.string().nullable(),
});
export type StocktakeLine = z.infer<typeof StocktakeLine>;

/** What closing will record, for the clerk to confirm. */
export const PlannedMovement = z.object({
  code: z.string(),
  kind: z.enum(['extravio', 'regularizacion', 'cambio_estado', 'hallazgo']),
  /** When the records do not allow a movement (in transit, under repair, written off): only noted in the acta. */
  observationOnly: z.boolean(),
});

export const StocktakeDetail = z.object({
  stocktake: Stocktake,
  expected: z.number().int(),
  found: z.array(StocktakeLine),
  missing: z.array(StocktakeLine),
  elsewhere: z.array(StocktakeLine),
  unknown: z.array(StocktakeLine),
  planned: z.array(PlannedMovement),
});
export type StocktakeDetail = z.infer<typeof StocktakeDetail>;

export const StocktakeOpen = z.object({ establishmentId: EstablishmentId, notes: optionalText(1000) }).strict();

export const StocktakeListQuery = z
  .object({ establishmentId: EstablishmentId.nullable().default(null), status: z.enum(['abierto', 'cerrado']).nullable().default(null) })
  .strict();

export const CountResult = z.object({
  result: z.enum(['found', 'elsewhere', 'unknown', 'repeated']),
  line: StocktakeLine,
});

export const StocktakeCount = z
  .object({
    id: RecordId,
    code: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, 'errors.required')
      .max(40)
      .transform((v) => v.toUpperCase()),
    condition: orNull(ConditionSchema),
  })
  .strict();

export const StocktakeUncount = z.object({ id: RecordId, code: z.string().trim().min(1).max(40) }).strict();

export const StocktakeClose = z
  .object({
    id: RecordId,
    actaNumber: requiredText(80),
    date: IsoDate,
    /** The clerk saw the planned movements and confirms them. */
    confirm: z.literal(true, { error: 'inventory.stocktake.confirmRequired' }),
  })
  .strict();

export const StocktakeClosed = z.object({
  stocktake: Stocktake,
  movements: z.number().int(),
  observations: z.number().int(),
});
