import { z } from 'zod';
import { EstablishmentId } from '../marks';
import { Id, IsoDate, optionalText, requiredOr, requiredText } from '../ipc';

export const ConsumableItem = z.object({ id: z.number().int(), name: z.string(), unit: z.string(), active: z.boolean() });
export type ConsumableItem = z.infer<typeof ConsumableItem>;

export const ConsumableItemInput = z.object({ name: requiredText(120, 2), unit: requiredText(30) }).strict();

export const StockRow = z.object({
  itemId: z.number().int(),
  itemName: z.string(),
  unit: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  stock: z.number().int(),
  minimum: z.number().int().nullable(),
  low: z.boolean(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockQuery = z
  .object({ establishmentId: EstablishmentId.nullable().default(null), lowOnly: z.boolean().default(false) })
  .strict();

const Quantity = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .positive('errors.invalid')
  .max(1_000_000);

export const ConsumableMove = z
  .object({
    itemId: Id,
    establishmentId: EstablishmentId,
    kind: z.enum(['ingreso', 'entrega'], { error: requiredOr('errors.choose') }),
    quantity: Quantity,
    date: IsoDate,
    recipient: optionalText(160),
    notes: optionalText(1000),
  })
  .strict();

export const ConsumableMinimum = z
  .object({
    itemId: Id,
    establishmentId: EstablishmentId,
    minimum: z
      .number({ error: requiredOr('errors.invalid') })
      .int('errors.invalid')
      .nonnegative('errors.invalid')
      .max(1_000_000),
  })
  .strict();
