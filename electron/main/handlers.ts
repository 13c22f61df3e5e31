import type { Handlers } from './ipc/dispatcher';
import { appHandlers } from './app/handlers';
import { establishmentHandlers } from './establishments/handlers';
import { importHandlers } from './import/handlers';
import { jobHandlers } from './jobs/handlers';
import { consumableHandlers } from './instruments/consumables';
import { instrumentHandlers } from './instruments/handlers';
import { photoHandlers } from './instruments/photos';
import { inventoryReportHandlers } from './instruments/reports';
import { settingsHandlers } from './instruments/settings';
import { stocktakeHandlers } from './instruments/stocktake';

/** Every channel's handler. A channel of the contract without one here fails to compile. */
export const handlers: Handlers = {
  ...appHandlers,
  ...establishmentHandlers,
  ...jobHandlers,
  ...importHandlers,
  ...instrumentHandlers,
  ...photoHandlers,
  ...settingsHandlers,
  ...stocktakeHandlers,
  ...consumableHandlers,
  ...inventoryReportHandlers,
};
