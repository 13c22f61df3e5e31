import { app, clipboard, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { Translate } from './i18n';

/**
 * The application menu, in the user's language. Help offers the log's folder and the support
 * information (logs/support.ts), copied to the clipboard as text and shown.
 */
export function buildMenu(t: Translate, opts: { dataDir: string; dev: boolean; logsDir: string; supportText: () => string }): Menu {
  const copySupportInfo = () => {
    const text = opts.supportText();
    clipboard.writeText(text);
    void dialog.showMessageBox({
      type: 'info',
      title: t('app.support.info'),
      message: t('app.support.copied'),
      detail: text,
      buttons: [t('common.close')],
    });
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.openDataFolder'), click: () => void shell.openPath(opts.dataDir) },
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'reload', label: t('menu.reload') },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullscreen') },
        ...(opts.dev ? [{ role: 'toggleDevTools', label: t('menu.devtools') } as const] : []),
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('common.close') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('app.support.openLogs'), click: () => void shell.openPath(opts.logsDir) },
        { label: t('app.support.info'), click: copySupportInfo },
        { type: 'separator' },
        {
          label: t('menu.about'),
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: t('menu.about'),
              message: t('app.name'),
              detail: t('menu.aboutText', { version: app.getVersion() }),
              buttons: [t('common.close')],
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
