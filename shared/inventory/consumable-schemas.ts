import { z } from 'zod';
import { EstablishmentId } from '../marks';
import { Id, IsoDate, optionalText, requiredOr, requiredText, choice, orNull } from '../ipc';
import { consumableCategories } from './rules';

/** For the music workshops (strings, reeds, drumheads) or the art workshops (clay, glazes, paints). */
export const ConsumableCategory = choice(consumableCategories);

export const ConsumableItem = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string(),
  category: ConsumableCategory,
  active: z.boolean(),
});
export type ConsumableItem = z.infer<typeof ConsumableItem>;

export const ConsumableItemInput = z.object({ name: requiredText(120, 2), unit: requiredText(30), category: ConsumableCategory }).strict();

export const StockRow = z.object({
  itemId: z.number().int(),
  itemName: z.string(),
  unit: z.string(),
  category: ConsumableCategory,
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  stock: z.number().int(),
  minimum: z.number().int().nullable(),
  low: z.boolean(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockQuery = z
  .object({
    establishmentId: EstablishmentId.nullable().default(null),
    lowOnly: z.boolean().default(false),
    /** Only this category's items (null: every item). */
    category: ConsumableCategory.nullable().default(null),
  })
  .strict();

const Quantity = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .positive('errors.invalid')
  .max(1_000_000);

/** Up to S/ 100,000.00 a unit, in céntimos (a kiln is equipment, registered as an instrument). */
const UnitCost = z
  .number({ error: requiredOr('errors.invalidAmount') })
  .int('errors.invalidAmount')
  .nonnegative('errors.invalidAmount')
  .max(10_000_000, 'errors.invalidAmount');

export const ConsumableMove = z
  .object({
    itemId: Id,
    establishmentId: EstablishmentId,
    kind: choice(['ingreso', 'entrega']),
    quantity: Quantity,
    date: IsoDate,
    recipient: optionalText(160),
    notes: optionalText(1000),
    /**
     * What one unit cost, when an ingreso was a purchase (empty for a donation): quantity ×
     * unit cost is executed on the budget's materiales line in the year of the date. An
     * entrega carries none (it leaves from stock already bought).
     */
    unitCostCentimos: orNull(UnitCost),
  })
  .strict()
  .refine((m) => m.unitCostCentimos === null || m.kind === 'ingreso', {
    path: ['unitCostCentimos'],
    message: 'inventory.consumables.unitCostOnlyIngreso',
  });

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
