import { appEs, errorsEs } from './areas/app';
import { papersEs } from './areas/common/papers';
import type { Widen } from './types';
import { dashboardEs } from './areas/dashboard';
import { establishmentsEs } from './areas/establishments';
import { importEs } from './areas/import';
import { inventoryEs } from './areas/inventory';
import { contractsEs } from './areas/contracts';
import { programmesEs } from './areas/programmes';
import { authEs } from './areas/auth';
import { usersEs } from './areas/users';
import { auditEs } from './areas/audit';
import { backupsEs } from './areas/backups';
import { privacyEs } from './areas/privacy';
import { internarteEs } from './areas/internarte';
import { officeEs } from './areas/office';
import { searchEs } from './areas/search';
import { notificationsEs } from './areas/notifications';
import { listsEs } from './areas/lists';
import { evaluationEs } from './areas/evaluation';
import { sitesEs } from './areas/sites';

/**
 * Spanish (Peru): the application's first language. Every user-visible text lives here;
 * an area with many texts keeps them in shared/i18n/areas/<area>.ts (Spanish and English
 * side by side) and is added below under its own key.
 */
export const esPE = {
  import: importEs,
  inventory: inventoryEs,
  contracts: contractsEs,
  programmes: programmesEs,
  auth: authEs,
  users: usersEs,
  audit: auditEs,
  backups: backupsEs,
  privacy: privacyEs,
  internarte: internarteEs,
  office: officeEs,
  search: searchEs,
  notifications: notificationsEs,
  lists: listsEs,
  evaluation: evaluationEs,
  sites: sitesEs,
  app: appEs,
  nav: {
    main: 'Navegación',
    general: 'General',
    registry: 'Registro',
    dashboard: 'Inicio',
    establishments: 'Establecimientos',
    regionalOffices: 'Oficinas regionales',
  },
  common: {
    save: 'Guardar',
    cancel: 'Cancelar',
    close: 'Cerrar',
    clearDate: 'Borrar la fecha',
    openCalendar: 'Abrir el calendario',
    edit: 'Editar',
    delete: 'Eliminar',
    create: 'Nuevo',
    search: 'Buscar',
    all: 'Todos',
    yes: 'Sí',
    no: 'No',
    actions: 'Acciones',
    columns: 'Columnas',
    export: 'Exportar',
    exportXlsx: 'Excel (.xlsx)',
    exportCsv: 'CSV (separado por punto y coma)',
    exported_one: 'Se exportó {{count}} fila.',
    exported_other: 'Se exportaron {{count}} filas.',
    savedTo: 'Archivo guardado en: {{path}}',
    openFolder: 'Abrir carpeta',
    clearFilters: 'Limpiar filtros',
    records_one: '{{count}} registro',
    records_other: '{{count}} registros',
    pageOf: '{{from}}–{{to}} de {{total}}',
    perPage: 'Filas por página',
    pagination: { first: 'Primera página', previous: 'Página anterior', next: 'Página siguiente', last: 'Última página' },
    selectedCount_one: '{{count}} seleccionado',
    selectedCount_other: '{{count}} seleccionados',
    clearSelection: 'Quitar selección',
    selectAllRows: 'Seleccionar todas las filas',
    selectRow: 'Seleccionar la fila {{n}}',
    noRecords: 'No hay registros.',
    saved: 'Cambios guardados.',
    confirm: 'Confirmar',
    status: 'Estado',
    active: 'Activo',
    inactive: 'Inactivo',
    activeAll: 'Activos e inactivos',
    activeOnly: 'Solo activos',
    inactiveOnly: 'Solo inactivos',
    datePlaceholder: 'dd/mm/aaaa',
    fileSaved: 'Archivo generado',
    updatedAt: 'Última modificación',
    papers: papersEs,
  },
  dashboard: dashboardEs,
  establishments: establishmentsEs,
  errors: errorsEs,
  startup: {
    damagedTitle: 'La base de datos está dañada',
    damagedText:
      'La comprobación de integridad encontró problemas en el archivo de datos:\n{{path}}\n\nPuede restaurar la última copia de seguridad ({{backup}}). El archivo dañado se conservará aparte.',
    damagedNoBackup:
      'La comprobación de integridad encontró problemas en el archivo de datos:\n{{path}}\n\nNo hay copias de seguridad. Comuníquese con soporte técnico antes de seguir usando la aplicación.',
    restore: 'Restaurar la última copia',
    quit: 'Salir',
    restored: 'Se restauró la copia de seguridad {{backup}}. El archivo dañado se guardó como {{damaged}}.',
    backup_missing: 'No se encontró la copia de seguridad {{backup}}.',
    backup_damaged: 'La copia de seguridad {{backup}} también está dañada. Comuníquese con soporte técnico.',
    openFailed: 'No se pudo abrir la base de datos: {{reason}}',
  },
  menu: {
    file: 'Archivo',
    openDataFolder: 'Abrir la carpeta de datos',
    quit: 'Salir',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    reload: 'Volver a cargar',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullscreen: 'Pantalla completa',
    devtools: 'Herramientas de desarrollo',
    window: 'Ventana',
    minimize: 'Minimizar',
    help: 'Ayuda',
    about: 'Acerca de ArteINPE',
    aboutText:
      'ArteINPE {{version}}\nGestión del programa de arte y cultura en el tratamiento penitenciario.\nInstituto Nacional Penitenciario del Perú.',
  },
  export: {
    establishments: 'establecimientos',
    sheetEstablishments: 'Establecimientos',
    xlsxFilter: 'Libro de Excel',
    pdfFilter: 'Documento PDF',
    csvFilter: 'Texto CSV',
    docxFilter: 'Documento de Word',
    txtFilter: 'Texto sin formato',
  },
};

export type Catalog = Widen<typeof esPE>;
