import type { Widen } from '../types';

/** Backups and restore: Spanish (Peru) first, English beside it. */
export const backupsEs = {
  navTitle: 'Copias de seguridad',
  title: 'Copias de seguridad',
  subtitle:
    'ArteINPE hace una copia automática cada día (se conservan 7 diarias, 4 semanales y 12 mensuales) y otra antes de cada actualización y de cada restauración.',
  dataFolder: 'Carpeta de datos',
  backupFolder: 'Carpeta de copias automáticas',
  lastBackup: 'Última copia',
  noBackups: 'Todavía no hay copias.',
  createExternal: 'Crear copia de seguridad…',
  createExternalHint: 'En una carpeta que usted elija, por ejemplo una memoria USB.',
  createLocal: 'Copia ahora en esta PC',
  chooseDestination: 'Elija dónde guardar la copia de seguridad',
  chooseSource: 'Elija la carpeta de la copia de seguridad que desea restaurar',
  restoreExternal: 'Restaurar desde otra carpeta…',
  restore: 'Restaurar',
  networkShare: {
    title: 'La carpeta de datos está en una unidad de red',
    unc: 'Los datos están en una carpeta compartida de la red ({{path}}). Una conexión que se corta puede dañar la base de datos. Mueva la carpeta de datos a un disco de esta PC.',
    mapped:
      'Los datos están en una unidad de red asignada ({{path}}). Una conexión que se corta puede dañar la base de datos. Mueva la carpeta de datos a un disco de esta PC.',
    remote:
      'Los datos están en un sistema de archivos remoto ({{path}}). Una conexión que se corta puede dañar la base de datos. Mueva la carpeta de datos a un disco de esta PC.',
  },
  reasons: {
    automatica: 'Automática',
    manual: 'Manual',
    'antes-de-restaurar': 'Antes de restaurar',
    'antes-de-migrar': 'Antes de actualizar',
  },
  slots: { diaria: 'diaria', semanal: 'semanal', mensual: 'mensual' },
  columns: {
    createdAt: 'Fecha',
    reason: 'Tipo',
    keptAs: 'Se conserva como',
    database: 'Base de datos',
    attachments: 'Adjuntos',
  },
  attachmentsSummary_one: '{{count}} archivo, {{size}}',
  attachmentsSummary_other: '{{count}} archivos, {{size}}',
  phases: {
    database: 'Copiando la base de datos…',
    attachments: 'Copiando y comprobando los adjuntos…',
    verify: 'Comprobando la copia…',
  },
  creating: 'Creando la copia de seguridad',
  created: 'Copia de seguridad creada: {{path}} ({{size}}).',
  restoreTitle: 'Restaurar la copia del {{date}}',
  restoreTitleExternal: 'Restaurar una copia de otra carpeta',
  restoreText:
    'Los datos actuales se reemplazarán por los de la copia. Antes de tocar nada se comprueba la copia completa; luego se guarda una copia del estado actual en la carpeta de copias automáticas. Al terminar, todos deberán ingresar de nuevo.',
  restoreConfirm: 'Entiendo que los datos actuales se reemplazarán',
  restoring: 'Comprobando y restaurando la copia… No cierre la aplicación.',
  restoredTitle: 'Copia restaurada',
  restored:
    'Se restauró la copia {{name}} del {{date}}: se comprobaron la base de datos y {{checked}} adjuntos; se repusieron {{copied}} adjuntos. El estado anterior quedó guardado como {{safety}}.',
  cancelled: 'No se hizo ninguna copia.',
  startupRefused: 'No se restauró la copia {{backup}}: {{reason}}',
  externalReasonWhat: 'una copia de seguridad completa: todos los datos, con los datos personales de los participantes y artistas',
  externalWhat: 'Copia de seguridad completa en una carpeta externa ({{name}})',
  errors: {
    notOurs: 'La carpeta elegida no es una copia de seguridad de ArteINPE. Elija la carpeta que contiene el archivo manifest.json.',
    missingFile: 'La copia está incompleta: falta el archivo {{detail}}. No se cambió nada.',
    hashMismatch: 'La copia está dañada: el archivo {{detail}} no coincide con su huella SHA-256. No se cambió nada.',
    damaged: 'La copia está dañada ({{detail}}). No se cambió nada.',
    newer:
      'La copia fue hecha con una versión más reciente de ArteINPE ({{detail}}). Actualice la aplicación antes de restaurarla. No se cambió nada.',
    unsafePath:
      'La copia no es válida: nombra un archivo fuera de los lugares de una copia de ArteINPE ({{detail}}). Puede ser una copia manipulada. No se cambió nada.',
    link: 'La copia no es válida: contiene un acceso directo o enlace a otra carpeta ({{detail}}). Puede ser una copia manipulada. No se cambió nada.',
    foreign:
      'La base de datos de la copia no tiene la estructura que crea ArteINPE ({{detail}}). Puede ser una copia manipulada. No se cambió nada.',
    noDialog: 'Esta operación necesita elegir una carpeta, lo que no es posible aquí.',
    confirm: 'Confirme que entiende que los datos actuales se reemplazarán.',
  },
};

export const backupsEn: Widen<typeof backupsEs> = {
  navTitle: 'Backups',
  title: 'Backups',
  subtitle:
    'ArteINPE makes an automatic backup every day (7 daily, 4 weekly and 12 monthly are kept) and another before each update and each restore.',
  dataFolder: 'Data folder',
  backupFolder: 'Automatic backups folder',
  lastBackup: 'Last backup',
  noBackups: 'No backups yet.',
  createExternal: 'Create backup…',
  createExternalHint: 'In a folder you choose, for example a USB stick.',
  createLocal: 'Back up now on this PC',
  chooseDestination: 'Choose where to save the backup',
  chooseSource: 'Choose the folder of the backup to restore',
  restoreExternal: 'Restore from another folder…',
  restore: 'Restore',
  networkShare: {
    title: 'The data folder is on a network drive',
    unc: 'The data is in a shared network folder ({{path}}). A dropped connection can damage the database. Move the data folder to a disk of this PC.',
    mapped:
      'The data is on a mapped network drive ({{path}}). A dropped connection can damage the database. Move the data folder to a disk of this PC.',
    remote:
      'The data is on a remote file system ({{path}}). A dropped connection can damage the database. Move the data folder to a disk of this PC.',
  },
  reasons: {
    automatica: 'Automatic',
    manual: 'Manual',
    'antes-de-restaurar': 'Before a restore',
    'antes-de-migrar': 'Before an update',
  },
  slots: { diaria: 'daily', semanal: 'weekly', mensual: 'monthly' },
  columns: {
    createdAt: 'Date',
    reason: 'Kind',
    keptAs: 'Kept as',
    database: 'Database',
    attachments: 'Attachments',
  },
  attachmentsSummary_one: '{{count}} file, {{size}}',
  attachmentsSummary_other: '{{count}} files, {{size}}',
  phases: {
    database: 'Copying the database…',
    attachments: 'Copying and checking the attachments…',
    verify: 'Checking the backup…',
  },
  creating: 'Creating the backup',
  created: 'Backup created: {{path}} ({{size}}).',
  restoreTitle: 'Restore the backup of {{date}}',
  restoreTitleExternal: 'Restore a backup from another folder',
  restoreText:
    'The current data will be replaced by the backup’s. The whole backup is checked before anything is touched; then a copy of the current state is saved in the automatic backups folder. When done, everyone must sign in again.',
  restoreConfirm: 'I understand that the current data will be replaced',
  restoring: 'Checking and restoring the backup… Do not close the application.',
  restoredTitle: 'Backup restored',
  restored:
    'Backup {{name}} of {{date}} was restored: the database and {{checked}} attachments were checked; {{copied}} attachments were put back. The previous state was saved as {{safety}}.',
  cancelled: 'No backup was made.',
  startupRefused: 'Backup {{backup}} was not restored: {{reason}}',
  externalReasonWhat: 'a full backup: all the data, with the personal data of participants and artists',
  externalWhat: 'Full backup in an external folder ({{name}})',
  errors: {
    notOurs: 'The chosen folder is not an ArteINPE backup. Choose the folder that holds the manifest.json file.',
    missingFile: 'The backup is incomplete: file {{detail}} is missing. Nothing was changed.',
    hashMismatch: 'The backup is damaged: file {{detail}} does not match its SHA-256 fingerprint. Nothing was changed.',
    damaged: 'The backup is damaged ({{detail}}). Nothing was changed.',
    newer:
      'The backup was made by a newer version of ArteINPE ({{detail}}). Update the application before restoring it. Nothing was changed.',
    unsafePath:
      'The backup is not valid: it names a file outside the places of an ArteINPE backup ({{detail}}). It may have been tampered with. Nothing was changed.',
    link: 'The backup is not valid: it holds a shortcut or link to another folder ({{detail}}). It may have been tampered with. Nothing was changed.',
    foreign:
      'The backup’s database does not have the structure ArteINPE creates ({{detail}}). It may have been tampered with. Nothing was changed.',
    noDialog: 'This operation needs to choose a folder, which is not possible here.',
    confirm: 'Confirm that you understand the current data will be replaced.',
  },
};
