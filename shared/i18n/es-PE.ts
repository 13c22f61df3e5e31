import { appEs, errorsEs } from './areas/app';
import { papersEs } from './areas/papers';
import type { Widen } from './types';
import { establishmentStaffEs } from './areas/staff';
import { establishmentPopulationEs } from './areas/population';
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
  dashboard: {
    title: 'Inicio',
    subtitle: 'El programa de arte y cultura de un vistazo',
    regionalOffices: 'Oficinas regionales',
    establishments: 'Establecimientos registrados',
    active: 'Establecimientos activos',
    inProgramme: 'Establecimientos en el programa',
    inProgrammeSplit: '{{varones}} de varones · {{mujeres}} de mujeres · {{mixed}}',
    mixed_one: '{{count}} mixto',
    mixed_other: '{{count}} mixtos',
    byRegion: 'Establecimientos por oficina regional',
    byRegionTotal: 'Registrados',
    byRegionInProgramme: 'En el programa',
    emptyTitle: 'La base de datos está vacía',
    emptyText:
      'Aún no hay establecimientos registrados. Puede registrar el primero o cargar un conjunto de datos de demostración para conocer la aplicación.',
    loadDemo: 'Cargar datos de demostración',
    emptyAskAdmin: 'El administrador del sistema registra los establecimientos o carga los datos de demostración.',
    demoWarning: 'Los datos de demostración son ficticios y quedan marcados como tales. Úselos solo en una base de prueba.',
    demoLoaded:
      'Se cargaron los datos de demostración: {{count}} establecimientos, {{instruments}} instrumentos y {{equipment}} equipos de arte.',
    firstEstablishment: 'Registrar el primer establecimiento',
  },
  establishments: {
    ...establishmentStaffEs,
    ...establishmentPopulationEs,
    title: 'Establecimientos penitenciarios',
    subtitle: 'Registro de establecimientos (E.P.) por oficina regional',
    new: 'Nuevo establecimiento',
    editTitle: 'Editar establecimiento',
    newTitle: 'Nuevo establecimiento',
    code: 'Código',
    codeHint: 'Letras, números y guiones; por ejemplo EP-LIM-01.',
    name: 'Nombre',
    namePlaceholder: 'E.P. de …',
    regionalOffice: 'Oficina regional',
    population: 'Población',
    city: 'Ciudad',
    inProgramme: 'En el programa',
    inProgrammeLabel: 'Participa en el programa de arte y cultura',
    searchPlaceholder: 'Código, nombre o ciudad',
    filterRegion: 'Oficina regional',
    filterPopulation: 'Población',
    filterProgramme: 'Programa',
    inProgrammeOnly: 'En el programa',
    notInProgramme: 'Fuera del programa',
    created: 'Se registró el establecimiento {{name}}.',
    updated: 'Se guardaron los cambios de {{name}}.',
    deactivate: 'Desactivar',
    reactivate: 'Reactivar',
    deactivated: 'Se desactivó {{name}}.',
    reactivated: 'Se reactivó {{name}}.',
    deleteTitle: 'Eliminar establecimiento',
    deleteConfirm: '¿Eliminar {{name}}? Esta acción no se puede deshacer. Si el establecimiento ya no opera, desactívelo en su lugar.',
    deleted: 'Se eliminó {{name}}.',
    emptyTitle: 'Aún no hay establecimientos',
    emptyText: 'Registre el primero con el botón «Nuevo establecimiento».',
    noMatchTitle: 'Ningún establecimiento coincide con la búsqueda',
    noMatchText: 'Cambie el texto buscado o limpie los filtros.',
    populations: {
      varones: 'Varones',
      mujeres: 'Mujeres',
      mixto: 'Mixto',
    },
    regionalOffices: {
      title: 'Oficinas regionales',
      subtitle: 'Las 8 oficinas regionales del INPE y sus establecimientos',
      code: 'Código',
      name: 'Oficina regional',
      seat: 'Sede',
      establishments: 'Establecimientos',
      inProgramme: 'En el programa',
      viewEstablishments: 'Ver establecimientos',
    },
  },
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
