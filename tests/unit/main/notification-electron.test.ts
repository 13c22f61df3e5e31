import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The desktop notification through the Electron platform, with 'electron' replaced by a
 * recorder: one Notification with the title and body, shown; nothing where the system has no
 * notifications.
 */
const h = vi.hoisted(() => ({ supported: true, made: [] as Array<{ title: string; body: string }>, shown: 0 }));

vi.mock('electron', () => {
  class Notification {
    constructor(readonly options: { title: string; body: string }) {
      h.made.push(options);
    }
    show() {
      h.shown++;
    }
    static isSupported() {
      return h.supported;
    }
  }
  return {
    app: { getPath: () => '', getVersion: () => '0.0.0-test' },
    BrowserWindow: { getAllWindows: () => [], getFocusedWindow: () => null },
    dialog: {},
    Notification,
    safeStorage: {},
    session: { fromPartition: () => ({}) },
    shell: {},
  };
});

beforeEach(() => {
  h.made.length = 0;
  h.shown = 0;
});

describe('platform.notify (Electron)', () => {
  it('shows one system notification with the summary', async () => {
    const { electronPlatform } = await import('../../../electron/main/electron-platform');
    h.supported = true;
    electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' }).notify!(
      'ArteINPE: 2 avisos nuevos',
      '1 contrato por vencer\n1 convenio por vencer',
    );
    expect(h.made).toEqual([{ title: 'ArteINPE: 2 avisos nuevos', body: '1 contrato por vencer\n1 convenio por vencer' }]);
    expect(h.shown).toBe(1);
  });

  it('does nothing where the system has no notifications', async () => {
    const { electronPlatform } = await import('../../../electron/main/electron-platform');
    h.supported = false;
    electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' }).notify!('ArteINPE', 'x');
    expect(h.made).toEqual([]);
    expect(h.shown).toBe(0);
  });
});
