import type { DomainChannel } from '../../../shared/channels';
import type { DomainHandlers } from '../ipc/context';
import { consumableHandlers } from './consumables';
import { custodyHandlers } from './custody';
import { photoHandlers } from './photos';
import { registerHandlers } from './register';
import { inventoryReportHandlers } from './reports';
import { settingsHandlers } from './settings';
import { stocktakeHandlers } from './stocktake';
import { transferHandlers } from './transfers';

/** Every channel of the inventory: instruments, instrument types, inventory, stocktakes and consumables. */
export type InventoryChannel = DomainChannel<'inventory'>;

/** The inventory domain's handlers: the register, photos, settings, stocktakes, consumables and reports. */
export const inventoryHandlers: DomainHandlers<InventoryChannel> = {
  ...registerHandlers,
  ...photoHandlers,
  ...settingsHandlers,
  ...stocktakeHandlers,
  ...consumableHandlers,
  ...inventoryReportHandlers,
  ...custodyHandlers,
  ...transferHandlers,
};
