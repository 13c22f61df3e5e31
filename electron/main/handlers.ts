import type { Handlers } from './ipc/context';
import { appHandlers } from './app/handlers';
import { establishmentHandlers } from './establishments/handlers';
import { importHandlers } from './import/handlers';
import { jobHandlers } from './jobs/handlers';
import { inventoryHandlers } from './instruments/handlers';
import { contractsHandlers } from './contracts/handlers';
import { programmeHandlers } from './programmes/handlers';
import { authHandlers } from './auth/handlers';
import { userHandlers } from './users/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { catalogHandlers } from './internarte/catalog/handlers';
import { internarteHandlers } from './internarte/handlers';
import { officeHandlers } from './office/handlers';

/** Every channel's handler. A channel of the contract without one here fails to compile. */
export const handlers: Handlers = {
  ...appHandlers,
  ...establishmentHandlers,
  ...jobHandlers,
  ...importHandlers,
  ...inventoryHandlers,
  ...contractsHandlers,
  ...programmeHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...catalogHandlers,
  ...internarteHandlers,
  ...officeHandlers,
};
