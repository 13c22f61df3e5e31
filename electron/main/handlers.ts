import type { Handlers } from './ipc/dispatcher';
import { appHandlers } from './app/handlers';
import { establishmentHandlers } from './establishments/handlers';

/** Every channel's handler. A channel of the contract without one here fails to compile. */
export const handlers: Handlers = {
  ...appHandlers,
  ...establishmentHandlers,
};
