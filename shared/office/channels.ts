/** Settings → Base de datos (office mode, issue 8): this PC's SQLite file or the office's server. */
export const officeChannels = [
  'settings.database',
  'settings.testDatabase',
  'settings.saveDatabase',
  'settings.copyToServer',
  'settings.attachmentsFolder',
  'settings.saveAttachmentsFolder',
] as const;
