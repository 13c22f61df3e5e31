import type { Widen } from '../../types';

/** Audit texts, part of shared/i18n/areas/audit.ts: exportButton, empty, emptyExports, export, errors. */
export const auditExportButtonEs = {
  exportButton: 'Exportar para auditoría (Excel)',
  empty: 'No hay cambios con estos filtros.',
  emptyExports: 'Todavía no se exportaron archivos con datos personales.',
  export: {
    what_one: 'Registro de auditoría ({{count}} cambio)',
    what_other: 'Registro de auditoría ({{count}} cambios)',
    baseName: 'auditoria',
    sheet: 'Auditoría',
    reasonWhat: 'el registro de auditoría (puede contener nombres de participantes)',
  },
  errors: {
    range: 'La fecha «hasta» debe ser igual o posterior a «desde».',
  },
};

export const auditExportButtonEn: Widen<typeof auditExportButtonEs> = {
  exportButton: 'Export for the auditors (Excel)',
  empty: 'No changes match these filters.',
  emptyExports: 'No file with personal data has been exported yet.',
  export: {
    what_one: 'Audit log ({{count}} change)',
    what_other: 'Audit log ({{count}} changes)',
    baseName: 'audit',
    sheet: 'Audit',
    reasonWhat: 'the audit log (it may contain participants’ names)',
  },
  errors: {
    range: 'The “to” date must be on or after the “from” date.',
  },
};
