import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/channels';
import { registerIpc, type IpcMainLike } from '../../../electron/main/ipc/register';
import { trustedOrigins } from '../../../electron/main/security';
import type { Session } from '../../../electron/main/ipc/context';

type Listener = Parameters<IpcMainLike['handle']>[1];

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  return { handlers, ipc: { handle: (c: string, l: Listener) => void handlers.set(c, l) } };
}

const session: Session = { actor: { id: 'a', name: 'A' }, locale: 'es-PE', writtenFiles: new Set() };

describe('IPC registration in main', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers, ipc } = fakeIpc();
    registerIpc(ipc, vi.fn(), session, trustedOrigins(undefined));
    expect([...handlers.keys()].sort()).toEqual(channelNames.map((n) => `api:${n}`).sort());
  });

  it('answers only the app’s own page; anything else is refused without running the handler', async () => {
    const { handlers, ipc } = fakeIpc();
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 1 }));
    const after = vi.fn();
    registerIpc(ipc, dispatch, session, trustedOrigins(undefined), after);
    const listener = handlers.get('api:establishments.list')!;

    for (const url of ['https://example.com/', 'file:///C:/index.html', 'app://otro/index.html', 'http://127.0.0.1:5173/', '']) {
      const r = await listener({ senderFrame: { url } }, {});
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'untrusted_sender', message: 'La solicitud no proviene de la ventana de la aplicación.' },
      });
    }
    expect(await listener({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();

    expect(await listener({ senderFrame: { url: 'app://arteinpe/index.html#/establecimientos' } }, { page: 1 })).toEqual({
      ok: true,
      data: 1,
    });
    expect(dispatch).toHaveBeenCalledWith('establishments.list', { page: 1 });
    expect(after).toHaveBeenCalledWith('establishments.list');
  });

  it('in development also trusts the dev server, and nothing else', async () => {
    const { handlers, ipc } = fakeIpc();
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 1 }));
    registerIpc(ipc, dispatch, session, trustedOrigins('http://localhost:5173/'));
    const listener = handlers.get('api:app.info')!;
    expect(await listener({ senderFrame: { url: 'http://localhost:5173/#/' } }, {})).toEqual({ ok: true, data: 1 });
    expect(await listener({ senderFrame: { url: 'http://localhost:5174/' } }, {})).toMatchObject({ ok: false });
  });
});
