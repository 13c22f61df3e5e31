import { appEn, errorsEn } from './areas/app';
import { papersEn } from './areas/common/papers';
import type { Catalog } from './es-PE';
import { dashboardEn } from './areas/dashboard';
import { establishmentsEn } from './areas/establishments';
import { inventoryEn } from './areas/inventory';
import { contractsEn } from './areas/contracts';
import { programmesEn } from './areas/programmes';
import { authEn } from './areas/auth';
import { usersEn } from './areas/users';
import { auditEn } from './areas/audit';
import { backupsEn } from './areas/backups';
import { privacyEn } from './areas/privacy';
import { internarteEn } from './areas/internarte';
import { officeEn } from './areas/office';
import { searchEn } from './areas/search';
import { notificationsEn } from './areas/notifications';
import { listsEn } from './areas/lists';
import { evaluationEn } from './areas/evaluation';
import { sitesEn } from './areas/sites';
import { importEn } from './areas/import';

/** English: the second language. Same keys as es-PE (the compiler checks it). */
export const en: Catalog = {
  import: importEn,
  inventory: inventoryEn,
  contracts: contractsEn,
  programmes: programmesEn,
  auth: authEn,
  users: usersEn,
  audit: auditEn,
  backups: backupsEn,
  privacy: privacyEn,
  internarte: internarteEn,
  office: officeEn,
  search: searchEn,
  notifications: notificationsEn,
  lists: listsEn,
  evaluation: evaluationEn,
  sites: sitesEn,
  app: appEn,
  nav: {
    main: 'Navigation',
    general: 'General',
    registry: 'Registry',
    dashboard: 'Home',
    establishments: 'Establishments',
    regionalOffices: 'Regional offices',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    clearDate: 'Clear the date',
    openCalendar: 'Open the calendar',
    edit: 'Edit',
    delete: 'Delete',
    create: 'New',
    search: 'Search',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    actions: 'Actions',
    columns: 'Columns',
    export: 'Export',
    exportXlsx: 'Excel (.xlsx)',
    exportCsv: 'CSV (semicolon-separated)',
    exported_one: '{{count}} row exported.',
    exported_other: '{{count}} rows exported.',
    savedTo: 'File saved to: {{path}}',
    openFolder: 'Open folder',
    clearFilters: 'Clear filters',
    records_one: '{{count}} record',
    records_other: '{{count}} records',
    pageOf: '{{from}}–{{to}} of {{total}}',
    perPage: 'Rows per page',
    pagination: { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' },
    selectedCount_one: '{{count}} selected',
    selectedCount_other: '{{count}} selected',
    clearSelection: 'Clear selection',
    selectAllRows: 'Select all rows',
    selectRow: 'Select row {{n}}',
    noRecords: 'No records.',
    saved: 'Changes saved.',
    confirm: 'Confirm',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    activeAll: 'Active and inactive',
    activeOnly: 'Active only',
    inactiveOnly: 'Inactive only',
    datePlaceholder: 'dd/mm/yyyy',
    fileSaved: 'File generated',
    updatedAt: 'Last modified',
    papers: papersEn,
  },
  dashboard: dashboardEn,
  establishments: establishmentsEn,
  errors: errorsEn,
  startup: {
    damagedTitle: 'The database is damaged',
    damagedText:
      'The integrity check found problems in the data file:\n{{path}}\n\nYou can restore the latest backup ({{backup}}). The damaged file will be kept aside.',
    damagedNoBackup:
      'The integrity check found problems in the data file:\n{{path}}\n\nThere are no backups. Contact technical support before using the application again.',
    restore: 'Restore the latest backup',
    quit: 'Quit',
    restored: 'Backup {{backup}} was restored. The damaged file was kept as {{damaged}}.',
    backup_missing: 'Backup {{backup}} was not found.',
    backup_damaged: 'Backup {{backup}} is damaged too. Contact technical support.',
    openFailed: 'The database could not be opened: {{reason}}',
  },
  menu: {
    file: 'File',
    openDataFolder: 'Open the data folder',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullscreen: 'Full screen',
    devtools: 'Developer tools',
    window: 'Window',
    minimize: 'Minimise',
    help: 'Help',
    about: 'About ArteINPE',
    aboutText:
      'ArteINPE {{version}}\nManagement of the art and culture programme in prison treatment.\nNational Penitentiary Institute of Peru.',
  },
  export: {
    establishments: 'establishments',
    sheetEstablishments: 'Establishments',
    xlsxFilter: 'Excel workbook',
    pdfFilter: 'PDF document',
    csvFilter: 'CSV text',
    docxFilter: 'Word document',
    txtFilter: 'Plain text',
  },
};
