import type { Widen } from '../../types';

/**
 * Help for support: the log's folder, the support information copied as text, and the one
 * dialog of an unexpected error (main's and the window's). Under `app.support`: the sign-in
 * screen may need the error's texts before the rest of the catalogs arrive (renderer/src/i18n.ts).
 */
export const supportEs = {
  openLogs: 'Abrir carpeta de registros',
  info: 'Información para soporte',
  copied: 'La información para soporte se copió al portapapeles. Péguela en su mensaje a soporte.',
  title: 'Información para soporte de ArteINPE',
  appVersion: 'Versión de ArteINPE',
  electronVersion: 'Versión de Electron',
  os: 'Sistema operativo',
  mode: 'Base de datos',
  modeSqlite: 'Archivo de esta PC (SQLite)',
  modeServer: 'Servidor de la oficina (PostgreSQL)',
  dbSize: 'Tamaño de la base de datos',
  lastBackup: 'Última copia de seguridad',
  noBackup: 'ninguna',
  lastErrors: 'Últimos errores',
  noErrors: 'ninguno desde que se abrió la aplicación',
  logsDir: 'Carpeta de registros',
  unknown: 'no se sabe',
  crashTitle: 'Error inesperado',
  crashMessage: 'Ocurrió un error inesperado en ArteINPE.',
  crashDetail:
    'Puede copiar los detalles y enviarlos a soporte. Los cambios ya guardados no se pierden; si la ventana no responde, vuelva a cargarla o cierre y abra la aplicación.',
  copyDetails: 'Copiar detalles',
  detailsCopied: 'Detalles copiados.',
  reload: 'Volver a cargar',
  close: 'Cerrar',
};

export const supportEn: Widen<typeof supportEs> = {
  openLogs: 'Open the logs folder',
  info: 'Information for support',
  copied: 'The information for support was copied to the clipboard. Paste it into your message to support.',
  title: 'ArteINPE information for support',
  appVersion: 'ArteINPE version',
  electronVersion: 'Electron version',
  os: 'Operating system',
  mode: 'Database',
  modeSqlite: "This PC's file (SQLite)",
  modeServer: "The office's server (PostgreSQL)",
  dbSize: 'Database size',
  lastBackup: 'Last backup',
  noBackup: 'none',
  lastErrors: 'Last errors',
  noErrors: 'none since the app was opened',
  logsDir: 'Logs folder',
  unknown: 'unknown',
  crashTitle: 'Unexpected error',
  crashMessage: 'An unexpected error occurred in ArteINPE.',
  crashDetail:
    'You can copy the details and send them to support. Changes already saved are not lost; if the window does not respond, reload it or close and open the app.',
  copyDetails: 'Copy details',
  detailsCopied: 'Details copied.',
  reload: 'Reload',
  close: 'Close',
};
