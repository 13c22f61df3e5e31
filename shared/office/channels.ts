/** Settings → Base de datos (office mode, issue 8): this PC's SQLite file or the office's server. */
export const officeChannels = [
  'office.database',
  'office.testDatabase',
  'office.saveDatabase',
  'office.copyToServer',
  'office.attachmentsFolder',
  'office.saveAttachmentsFolder',
] as const;
