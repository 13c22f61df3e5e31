import { paperChannelsEs } from '../common/papers';
/** Audit texts, part of shared/i18n/areas/audit.ts: channels. */
/** Office mode: the database and the attachments' place. */
const officeEs = {
  saveDatabase: 'Configuración de la base de datos',
  saveAttachmentsFolder: 'Carpeta de archivos adjuntos',
  testDatabase: 'Prueba de conexión a la base de datos',
  copyToServer: 'Copia de los datos al servidor de la oficina',
};

export const auditChannelsEs = {
  /** What each operation (IPC channel) did, for the audit log's «Operación» column. */
  channels: {
    app: {
      setLocale: 'Cambio de idioma',
    },
    demo: {
      load: 'Carga de datos de demostración',
    },
    staff: {
      create: 'Registro de personal INPE',
      update: 'Edición de personal INPE',
    },
    population: {
      record: 'Registro de un conteo de población',
    },
    notifications: {
      setMuted: 'Silencio o reactivación de un tipo de aviso',
    },
    custody: {
      follow: 'Traslado de un instrumento con el participante',
      link: 'Vinculación de un custodio sin vincular',
      dismiss: 'Descarte de un custodio sin vincular',
    },
    establishments: {
      create: 'Registro de establecimiento',
      update: 'Edición de establecimiento',
      setActive: 'Activación o desactivación de establecimiento',
      delete: 'Eliminación de establecimiento',
      export: 'Exportación de establecimientos',
    },
    instrumentTypes: {
      create: 'Registro de tipo de instrumento',
      update: 'Edición de tipo de instrumento',
    },
    instruments: {
      create: 'Alta de instrumento',
      update: 'Edición de instrumento',
      move: 'Movimiento de instrumento',
      addPhoto: 'Foto de instrumento agregada',
      setPrimaryPhoto: 'Foto principal de instrumento elegida',
      removePhoto: 'Foto de instrumento quitada',
      export: 'Exportación del registro de instrumentos',
    },
    inventory: {
      setSettings: 'Configuración del inventario',
      labels: 'Etiquetas de instrumentos',
      reportByEstablishment: 'Reporte de inventario por establecimiento',
      reportByCondition: 'Reporte de instrumentos por estado de conservación',
      reportMovements: 'Reporte de movimientos de instrumentos',
    },
    stocktakes: {
      ...paperChannelsEs,
      open: 'Apertura de inventario físico',
      count: 'Conteo en inventario físico',
      uncount: 'Conteo anulado en inventario físico',
      close: 'Cierre de inventario físico',
      acta: 'Acta de inventario físico',
    },
    consumables: {
      createItem: 'Registro de artículo consumible',
      move: 'Entrada o entrega de consumibles',
      setMinimum: 'Mínimo de consumible fijado',
    },
    teachers: {
      create: 'Registro de docente',
      update: 'Edición de docente',
      saveAuthorisation: 'Autorización de ingreso de docente',
      removeAuthorisation: 'Autorización de ingreso retirada',
      addDocument: 'Documento de docente agregado',
      removeDocument: 'Documento de docente quitado',
      documentCopy: 'Copia de documento de docente',
    },
    contracts: {
      create: 'Registro de contrato',
      update: 'Edición de contrato',
      activate: 'Contrato puesto en vigencia',
      terminate: 'Resolución de contrato',
      renew: 'Renovación de contrato',
      addDocument: 'Documento de contrato agregado',
      removeDocument: 'Documento de contrato quitado',
      documentCopy: 'Copia de documento de contrato',
      export: 'Exportación de contratos',
      summaryPdf: 'Resumen de contrato en PDF',
      linkWorkshop: 'Vinculación de un taller sin vincular de contrato',
      dismissWorkshop: 'Descarte de un taller sin vincular de contrato',
    },
    conformities: {
      ...paperChannelsEs,
      create: 'Registro de conformidad de servicio',
      update: 'Edición de conformidad de servicio',
      pay: 'Pago de conformidad de servicio',
      void: 'Anulación de conformidad de servicio',
    },
    budget: {
      save: 'Presupuesto guardado',
      export: 'Exportación de la ejecución presupuestal',
      recordExpense: 'Registro de gasto del presupuesto',
      voidExpense: 'Anulación de gasto del presupuesto',
      modify: 'Modificación presupuestal',
    },
    workshops: {
      create: 'Registro de taller',
      update: 'Edición de taller',
      linkTeacher: 'Vinculación de un docente sin vincular del taller',
      dismissTeacher: 'Descarte de un docente sin vincular del taller',
      export: 'Exportación de talleres',
    },
    sessions: {
      create: 'Registro de sesión de taller',
      update: 'Edición de sesión de taller',
    },
    participants: {
      ...paperChannelsEs,
      create: 'Registro de participante',
      update: 'Edición de participante',
      custodyChange: 'Cambio de custodia de participante',
      export: 'Exportación de participantes',
    },
    enrolments: {
      create: 'Inscripción de participantes',
      setStage: 'Cambio de etapa de inscripción',
    },
    attendance: {
      save: 'Registro de asistencia',
    },
    ensembles: {
      create: 'Registro de elenco',
      update: 'Edición de elenco',
      linkPart: 'Vinculación de una parte sin vincular',
      dismissPart: 'Descarte de una parte sin vincular',
    },
    seasons: {
      create: 'Registro de temporada',
      update: 'Edición de temporada',
    },
    events: {
      create: 'Registro de evento',
      update: 'Edición de evento',
      addPhoto: 'Foto de evento agregada',
      removePhoto: 'Foto de evento quitada',
    },
    partners: {
      create: 'Registro de aliado',
      update: 'Edición de aliado',
      addDonation: 'Registro de donación',
      setLogo: 'Logo de aliado subido',
      removeLogo: 'Logo de aliado quitado',
    },
    agreements: {
      create: 'Registro de convenio',
      update: 'Edición de convenio',
      attachDocument: 'Documento de convenio adjuntado',
      saveDocument: 'Copia de convenio',
    },
    initiatives: {
      create: 'Registro de iniciativa',
      update: 'Edición de iniciativa',
      assign: 'Vinculación de registros a una iniciativa',
      unassign: 'Registro quitado de una iniciativa',
    },
    certificates: {
      issue: 'Emisión de certificados de participación',
    },
    programmeReports: {
      annual: 'Reporte anual del programa',
      unescoExport: 'Informe para la UNESCO',
      saveUnescoTexts: 'Textos de la entrada UNESCO del año',
    },
    evaluation: {
      export: 'Exportación de la evaluación del programa',
      print: 'Impresión en PDF de la evaluación del programa',
    },
    auth: {
      setupAdmin: 'Creación de la cuenta del administrador',
      changePassword: 'Cambio de la contraseña propia',
      signIn: 'Ingreso al sistema',
      signOut: 'Salida del sistema',
      lock: 'Bloqueo de la sesión',
      unlock: 'Desbloqueo de la sesión',
    },
    users: {
      create: 'Creación de usuario',
      update: 'Edición de usuario',
      setActive: 'Activación o desactivación de usuario',
      resetPassword: 'Restablecimiento de contraseña',
    },
    audit: {
      export: 'Exportación del registro de auditoría',
    },
    backups: {
      create: 'Copia de seguridad',
      restore: 'Restauración de una copia de seguridad',
    },
    catalog: {
      export: 'Catálogo en PDF',
      labels: 'Cartelas en PDF',
    },
    artworks: {
      create: 'Registro de obra',
      update: 'Edición de obra',
      addPhoto: 'Foto de obra agregada',
      setPrimaryPhoto: 'Foto principal de obra elegida',
      removePhoto: 'Foto de obra quitada',
      recordConsent: 'Registro de consentimiento',
      revokeConsent: 'Revocación de consentimiento',
      addConditionReport: 'Informe de estado de conservación',
      moveCustody: 'Movimiento de custodia de obra',
      export: 'Exportación de obras',
    },
    movements: { ...paperChannelsEs, transferActa: 'Acta de traslado en PDF' },
    loans: paperChannelsEs,
    exhibitions: {
      create: 'Registro de exposición',
      update: 'Edición de exposición',
      addWorks: 'Obras agregadas a una exposición',
      updateWork: 'Edición de obra en una exposición',
      setSection: 'Sección de varias obras de una exposición',
      moveWork: 'Cambio de orden de obra en una exposición',
      removeWork: 'Obra retirada de una exposición',
      lend: 'Préstamo de obra',
      returnLoan: 'Devolución de préstamo',
      exportChecklist: 'Exportación de la lista de obras',
    },
    office: officeEs,
    /** Entries recorded before the office channels were named office.* (December 2026). */
    settings: officeEs,
    files: {
      showInFolder: 'Apertura de la carpeta de un archivo',
    },
    jobs: {
      cancel: 'Cancelación de una tarea',
    },
    import: {
      inspect: 'Lectura de un archivo para importar',
      dryRun: 'Ensayo de importación',
      run: 'Importación',
      template: 'Plantilla de importación guardada',
      chooseFolder: 'Elección de la carpeta de fotos de una importación',
    },
    lists: {
      saveView: 'Vista guardada de una lista',
      removeView: 'Vista de una lista eliminada',
      export: 'Exportación de una lista',
    },
    sites: {
      enrol: 'Alta de una sede',
      install: 'Instalación como sede',
      writePackage: 'Paquete de datos escrito para enviar',
      readPackage: 'Paquete de datos leído',
      resolveConflict: 'Conflicto de una sede resuelto',
    },
  },
};
