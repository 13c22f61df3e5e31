import type { Widen } from '../../types';

/** A record's signed papers (shared/papers.ts, components/PapersPanel.tsx): shared vocabulary under common.papers. */
export const papersEs = {
  title: 'Documentos firmados',
  attach: 'Adjuntar',
  kind: 'Tipo',
  hint: 'PDF escaneado o foto (JPEG, PNG, WebP, TIFF o GIF), hasta 20 MB.',
  none: 'Aún no se adjuntó ningún documento.',
  saveCopy: 'Guardar una copia',
  remove: 'Quitar',
  addedBy: 'Adjuntado por {{user}} el {{date}}',
  kinds: {
    despacho: 'Guía o acta de despacho',
    recepcion: 'Acta de recepción',
    factura_reparacion: 'Factura de la reparación',
    acta_inventario: 'Acta de inventario firmada',
    recibo_honorarios: 'Recibo por honorarios',
    convenio_prestamo: 'Convenio de préstamo',
    consentimiento: 'Consentimiento informado firmado',
  },
};

export const papersEn: Widen<typeof papersEs> = {
  title: 'Signed papers',
  attach: 'Attach',
  kind: 'Kind',
  hint: 'Scanned PDF or photo (JPEG, PNG, WebP, TIFF or GIF), up to 20 MB.',
  none: 'No paper attached yet.',
  saveCopy: 'Save a copy',
  remove: 'Remove',
  addedBy: 'Attached by {{user}} on {{date}}',
  kinds: {
    despacho: 'Dispatch note or record',
    recepcion: 'Receipt record',
    factura_reparacion: 'Repair invoice',
    acta_inventario: 'Signed stocktake record',
    recibo_honorarios: 'Fee receipt (recibo por honorarios)',
    convenio_prestamo: 'Loan agreement',
    consentimiento: 'Signed consent form',
  },
};

/** The audit log's operation of each prefix's paper channels (shared/i18n/areas/audit/channels.ts). */
export const paperChannelsEs = {
  attachPaper: 'Adjunto de un documento firmado',
  removePaper: 'Documento firmado quitado',
  paperCopy: 'Copia de un documento firmado',
};

export const paperChannelsEn: Widen<typeof paperChannelsEs> = {
  attachPaper: 'Signed paper attached',
  removePaper: 'Signed paper removed',
  paperCopy: 'Copy of a signed paper',
};
