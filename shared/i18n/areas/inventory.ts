import type { Widen } from '../types';
import { inventoryLabelsEn, inventoryLabelsEs } from './inventory/labels';
import { inventoryMovementEn, inventoryMovementEs } from './inventory/movement';
import { inventoryConsumablesEn, inventoryConsumablesEs } from './inventory/consumables';
import { inventoryCustodyEn, inventoryCustodyEs } from './inventory/custody';
import { inventoryHoldingsEn, inventoryHoldingsEs } from './inventory/holdings';
import { inventoryTransfersEn, inventoryTransfersEs } from './inventory/transfers';

/** The instrument inventory: Spanish (Peru) first, English beside it. */
export const inventoryEs = {
  ...inventoryLabelsEs,
  ...inventoryMovementEs,
  ...inventoryConsumablesEs,
  ...inventoryCustodyEs,
  ...inventoryHoldingsEs,
  ...inventoryTransfersEs,
};

export const inventoryEn: Widen<typeof inventoryEs> = {
  ...inventoryLabelsEn,
  ...inventoryMovementEn,
  ...inventoryConsumablesEn,
  ...inventoryCustodyEn,
  ...inventoryHoldingsEn,
  ...inventoryTransfersEn,
};
