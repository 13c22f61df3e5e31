import type { Handlers } from './ipc/context';
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
import { contractsAreaHandlers } from './contracts/handlers';
import { programmeHandlers } from './programmes/handlers';
import { authHandlers } from './auth/handlers';
import { userHandlers } from './auth/users';
import { auditHandlers } from './audit/viewer';
import { backupHandlers } from './backups/handlers';
import { catalogHandlers } from './internarte/catalog/handlers';
import { artworkHandlers } from './internarte/artworks';
import { exhibitionHandlers } from './internarte/exhibitions';
import { officeHandlers } from './office/handlers';
import { officeAttachmentHandlers } from './office/attachments';

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
  ...contractsAreaHandlers,
  ...programmeHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...catalogHandlers,
  ...artworkHandlers,
  ...exhibitionHandlers,
  ...officeHandlers,
  ...officeAttachmentHandlers,
};
