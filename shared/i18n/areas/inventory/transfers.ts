import type { Widen } from '../../types';

/** A transfer's acta and the papers filed with a movement (issue 16, item 4), part of shared/i18n/areas/inventory.ts. */
export const inventoryTransfersEs = {
  transfers: {
    acta: 'Acta de traslado (PDF)',
    actaTitle: 'Acta de traslado de instrumentos musicales',
    actaFileName: 'acta-traslado',
    from: 'Establecimiento de origen',
    to: 'Establecimiento de destino',
    dispatchedOn: 'Fecha de despacho',
    dispatchedBy: 'Despachado por',
    documentNumber: 'Documento',
    description: 'Observaciones',
    dispatch: 'Despacho',
    receipt: 'Recepción',
    receivedOn: 'Recibido el',
    receivedBy: 'Recibido por',
    pending: 'Pendiente de recepción',
    count: 'Instrumentos trasladados',
    signDispatcher: 'Entrega (establecimiento de origen)',
    signCarrier: 'Traslada',
    signReceiver: 'Recibe (establecimiento de destino)',
    papers: 'Documentos del movimiento',
    notAPaperMovement: 'Solo se adjuntan documentos a un despacho, una recepción o una reparación.',
    notATransfer: 'El acta de traslado se imprime desde un despacho o una recepción.',
  },
};

export const inventoryTransfersEn: Widen<typeof inventoryTransfersEs> = {
  transfers: {
    acta: 'Transfer record (PDF)',
    actaTitle: 'Transfer record of musical instruments',
    actaFileName: 'transfer-record',
    from: 'Sending establishment',
    to: 'Receiving establishment',
    dispatchedOn: 'Dispatched on',
    dispatchedBy: 'Dispatched by',
    documentNumber: 'Document',
    description: 'Remarks',
    dispatch: 'Dispatch',
    receipt: 'Receipt',
    receivedOn: 'Received on',
    receivedBy: 'Received by',
    pending: 'Not yet received',
    count: 'Instruments transferred',
    signDispatcher: 'Handed over (sending establishment)',
    signCarrier: 'Carried by',
    signReceiver: 'Received (receiving establishment)',
    papers: 'Papers of the movement',
    notAPaperMovement: 'Papers are filed only with a dispatch, a receipt or a repair.',
    notATransfer: 'The transfer record is printed from a dispatch or a receipt.',
  },
};
