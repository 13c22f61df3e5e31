import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/channels';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, data: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

describe('the preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../../electron/preload/index');
  });

  it('exposes window.api with exactly the contract’s channels, and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('each function invokes its own channel', async () => {
    const api = exposed.api as Record<string, (input?: unknown) => Promise<unknown>>;
    await api['establishments.list']!({ page: 2 });
    await api['app.info']!();
    expect(invoke).toHaveBeenCalledWith('api:establishments.list', { page: 2 });
    expect(invoke).toHaveBeenCalledWith('api:app.info', {});
  });
});
