import { channelNames, type ChannelName } from '../../../shared/channels';
import type { Result } from '../../../shared/ipc';
import { translator } from '../i18n';
import { isTrustedSender } from '../security';
import type { Dispatch } from './dispatcher';
import type { Session } from './context';

/** The part of Electron's ipcMain this needs (so tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, input: unknown) => unknown): void;
}

export const ipcChannel = (name: ChannelName) => `api:${name}`;

/**
 * One ipcMain.handle per contract channel. The sender's frame must be one of the app's
 * own pages; everything else goes through the dispatcher's pipeline.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  session: Session,
  origins: string[],
  afterSuccess?: (channel: ChannelName) => void,
): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), async (event, input): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url, origins)) {
        return {
          ok: false,
          error: { code: 'untrusted_sender', message: translator(session.locale)('errors.untrustedSender'), fields: {} },
        };
      }
      const result = await dispatch(name, input);
      if (result.ok) afterSuccess?.(name);
      return result;
    });
  }
}
