import type { Widen } from '../types';
import { inventoryLabelsEn, inventoryLabelsEs } from './inventory/labels';
import { inventoryMovementEn, inventoryMovementEs } from './inventory/movement';
import { inventoryConsumablesEn, inventoryConsumablesEs } from './inventory/consumables';

/** The instrument inventory: Spanish (Peru) first, English beside it. */
export const inventoryEs = {
  ...inventoryLabelsEs,
  ...inventoryMovementEs,
  ...inventoryConsumablesEs,
};

export const inventoryEn: Widen<typeof inventoryEs> = {
  ...inventoryLabelsEn,
  ...inventoryMovementEn,
  ...inventoryConsumablesEn,
};
