import { paperChannels } from '../paper-channels';

export const instrumentChannels = [
  'instrumentTypes.list',
  'instrumentTypes.create',
  'instrumentTypes.update',
  'instruments.list',
  'instruments.get',
  'instruments.history',
  'instruments.donations',
  'instruments.create',
  'instruments.update',
  'instruments.move',
  'instruments.export',
  'instruments.photos',
  'instruments.addPhoto',
  'instruments.setPrimaryPhoto',
  'instruments.removePhoto',
  'inventory.settings',
  'inventory.setSettings',
  // A transfer's or a repair's movement: its signed papers and the transfer acta (issue 16, item 4).
  ...paperChannels('movements'),
  'movements.transferActa',
] as const;

export const stocktakeChannels = [
  'stocktakes.list',
  'stocktakes.open',
  'stocktakes.get',
  'stocktakes.count',
  'stocktakes.uncount',
  'stocktakes.close',
  'stocktakes.acta',
  ...paperChannels('stocktakes'),
] as const;

export const consumableChannels = [
  'consumables.items',
  'consumables.createItem',
  'consumables.stock',
  'consumables.move',
  'consumables.setMinimum',
] as const;

export const inventoryReportChannels = [
  'inventory.summary',
  'inventory.labels',
  'inventory.reportByEstablishment',
  'inventory.reportByCondition',
  'inventory.reportMovements',
] as const;

/** Linked custody (issue 15): choosing a custodian, overdue hand-overs, holdings, recoveries, custodians to link. */
export const custodyChannels = [
  'custody.candidates',
  'custody.overdue',
  'custody.holdings',
  'custody.recoveries',
  'custody.follow',
  'custody.reviews',
  'custody.link',
  'custody.dismiss',
  'custody.summary',
] as const;
