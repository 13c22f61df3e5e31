import type { PaperChannel } from '../../../shared/paper-channels';
import type { PaperKind } from '../../../shared/papers';
import { normalizeText } from '../../../shared/format';
import { requireEstablishment } from '../auth/access';
import { saveExport } from '../export/table';
import { paperHandlers, type PaperOwner } from '../files/papers';
import { AppError, orNotFound } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';
import { instrumentPlace, movementPlace, transferOf } from './repository';
import { transferActaHtml } from './transfer-acta';

/**
 * A movement's signed papers (a transfer's dispatch and receipt, a repair's invoice) and the
 * transfer acta (issue 16, item 4). A movement is the user's when it left from or went to one
 * of their establishments, or its instrument is at one of them.
 */

const paperOf: Partial<Record<string, PaperKind>> = {
  despacho: 'despacho',
  recepcion: 'recepcion',
  envio_reparacion: 'factura_reparacion',
  retorno_reparacion: 'factura_reparacion',
};

const movementPapers: PaperOwner<'movements'> = {
  prefix: 'movements',
  type: 'movement',
  entity: 'instrumentMovement',
  reach: async (ctx, id) => {
    const m = orNotFound(await movementPlace(ctx.db, id));
    const place = await instrumentPlace(ctx.db, m.instrumentId);
    requireEstablishment(ctx, m.fromEstablishmentId, m.toEstablishmentId, place?.establishmentId, place?.transitToEstablishmentId);
    const kind = paperOf[m.kind];
    if (!kind) throw new AppError('conflict', 'inventory.transfers.notAPaperMovement');
    return { kind, title: [m.documentNumber, m.date].filter(Boolean).join(' ') };
  },
};

export const transferHandlers: DomainHandlers<PaperChannel<'movements'> | 'movements.transferActa'> = {
  ...paperHandlers(movementPapers),

  'movements.transferActa': async ({ id }, ctx) => {
    orNotFound(await movementPlace(ctx.db, id));
    const transfer = await transferOf(ctx.db, id);
    if (!transfer) throw new AppError('conflict', 'inventory.transfers.notATransfer');
    requireEstablishment(ctx, transfer.fromEstablishmentId, transfer.toEstablishmentId);
    const slug = (x: string) =>
      normalizeText(x)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    return saveExport(ctx, {
      baseName: [
        ctx.t('inventory.transfers.actaFileName'),
        transfer.toName ? slug(transfer.toName) : null,
        transfer.documentNumber ? slug(transfer.documentNumber) : null,
      ]
        .filter(Boolean)
        .join('-'),
      extension: 'pdf',
      rows: transfer.lines.length,
      build: () =>
        ctx.platform.printPdf({
          html: transferActaHtml(transfer, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
          pageSize: 'A4',
        }),
    });
  },
};
