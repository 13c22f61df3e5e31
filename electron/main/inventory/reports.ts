import type { InventorySummary } from '../../../shared/inventory/report-schemas';
import { conditions, families, type Status } from '../../../shared/inventory/rules';
import { AppError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { cellFormats, saveExport, tableBytes, tableWorkbook } from '../export/table';
import { requireEstablishment } from '../auth/access';
import { getEstablishment } from '../establishments/repository';
import { inventoryReportHtml, labelsHtml } from './documents';
import * as repo from './repository';
import { instrumentScope, movementScope, stockScope } from './scope';
import { custodianCell, participantNamesIn } from './custodians';
import { instrumentSheetColumns } from './sheet-columns';
import { exportWithReason } from '../privacy/personal-data';

type ReportChannel =
  | 'inventory.summary'
  | 'inventory.labels'
  | 'inventory.reportByEstablishment'
  | 'inventory.reportByCondition'
  | 'inventory.reportMovements';

/** Instruments still in the inventory (not written off, not lost). */
const live: Status[] = ['en_almacen', 'asignado', 'en_transito', 'en_reparacion'];

async function establishmentOf(ctx: HandlerContext, id: number) {
  const e = orNotFound(await getEstablishment(ctx.db, id));
  return { name: e.name, regionalOffice: e.regionalOfficeName };
}

export async function inventorySummary(ctx: HandlerContext): Promise<InventorySummary> {
  const db = ctx.db;
  const cells = await repo.countsByEstablishmentAndCondition(db, live, instrumentScope(ctx));
  const map = new Map<string, InventorySummary['byEstablishment'][number]>();
  for (const r of cells) {
    const key = String(r.establishmentId ?? 'central');
    const entry =
      map.get(key) ??
      ({
        establishmentId: r.establishmentId,
        name: r.name,
        total: 0,
        valueCentimos: 0,
        nuevo: 0,
        bueno: 0,
        regular: 0,
        malo: 0,
        inoperativo: 0,
      } as InventorySummary['byEstablishment'][number]);
    entry.total += r.count;
    entry.valueCentimos += r.valueCentimos;
    entry[r.condition] += r.count;
    map.set(key, entry);
  }
  const byEstablishment = [...map.values()].sort((a, b) => b.total - a.total);
  const statusCounts = await repo.countsByStatus(db, ['en_transito', 'en_reparacion'], instrumentScope(ctx));
  const low = await repo.stockRows(db, null, true, stockScope(ctx));
  return {
    totalInstruments: byEstablishment.reduce((a, e) => a + e.total, 0),
    totalValueCentimos: byEstablishment.reduce((a, e) => a + e.valueCentimos, 0),
    byEstablishment,
    inTransit: statusCounts.get('en_transito') ?? 0,
    inRepair: statusCounts.get('en_reparacion') ?? 0,
    lowStock: low.map((r) => ({
      itemName: r.itemName,
      establishmentName: r.establishmentName,
      stock: r.stock,
      minimum: r.minimum ?? 0,
      unit: r.unit,
    })),
  };
}

export const inventoryReportHandlers: DomainHandlers<ReportChannel> = {
  'inventory.summary': (_input, ctx) => inventorySummary(ctx),

  'inventory.labels': async ({ instrumentIds, symbology }, ctx) => {
    const instruments = await repo.getInstruments(ctx.db, [...new Set(instrumentIds)]);
    if (instruments.length !== new Set(instrumentIds).size) throw new AppError('not_found', 'inventory.errors.unknownInstrument');
    for (const i of instruments) requireEstablishment(ctx, i.establishmentId, i.transitToEstablishmentId);
    instruments.sort((a, b) => a.code.localeCompare(b.code));
    return saveExport(ctx, {
      baseName: ctx.t('inventory.reports.fileLabels'),
      extension: 'pdf',
      rows: instruments.length,
      build: () => ctx.platform.printPdf({ html: labelsHtml(instruments, symbology, ctx.t, ctx.session.locale), pageSize: 'A4' }),
    });
  },

  'inventory.reportByEstablishment': async ({ establishmentId, format, reason }, ctx) => {
    requireEstablishment(ctx, establishmentId);
    const establishment = await establishmentOf(ctx, establishmentId);
    const instruments = await repo.allInstruments(
      ctx.db,
      { search: '', typeId: null, family: null, establishmentId, status: null, condition: null },
      'code',
      'asc',
    );
    // The custodian column as the role may read it: a participant's name only with the personal-data permission.
    const inInventory = instruments
      .filter((i) => live.includes(i.status))
      .map((i) => ({ ...i, custodianName: custodianCell(ctx, i.custodianType, i.custodianName) }));
    const { t } = ctx;
    const base = `${t('inventory.reports.fileInventory')}-${establishment.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}`;
    // A report that names participants leaves the app only with a reason, and is logged (privacy/personal-data.ts).
    const named = participantNamesIn(ctx.session, inInventory);
    if (named > 0 && reason === undefined) {
      throw new AppError('validation', 'inventory.reports.reasonNeeded', {}, { reason: { key: 'inventory.reports.reasonNeeded' } });
    }
    const save = (opts: { extension: 'pdf' | 'xlsx'; build: () => Promise<Buffer> }) =>
      named > 0 && reason !== undefined
        ? exportWithReason(ctx, {
            ...opts,
            reason,
            what: t('inventory.reports.exportWhat', { name: establishment.name }),
            baseName: base,
            rows: inInventory.length,
          })
        : saveExport(ctx, { ...opts, baseName: base, rows: inInventory.length });
    if (format === 'pdf') {
      return save({
        extension: 'pdf',
        build: () =>
          ctx.platform.printPdf({
            html: inventoryReportHtml(establishment, inInventory, t, ctx.session.locale, ctx.now, ctx.session.actor.name),
            pageSize: 'A4',
          }),
      });
    }
    return save({
      extension: 'xlsx',
      build: async () => {
        const shared = instrumentSheetColumns(t);
        const wb = await tableWorkbook(
          establishment.name.slice(0, 31).replace(/[\\/*?:[\]]/g, ' '),
          [
            ...shared.identity,
            ...shared.state,
            // Already as the role may read it (inInventory above).
            { header: t('inventory.instruments.custodian'), width: 24, value: (i) => i.custodianName },
            ...shared.acquisition,
          ],
          inInventory,
        );
        // The totals the PDF shows, on a sheet of their own: by family (count, value) and by condition.
        const summary = wb.addWorksheet(t('inventory.reports.summarySheet'));
        summary.columns = [{ width: 28 }, { width: 12 }, { width: 16, style: { numFmt: cellFormats.money } }];
        summary.addRow([t('inventory.instruments.family'), t('inventory.reports.total'), t('inventory.instruments.cost')]).font = {
          bold: true,
        };
        for (const f of families) {
          const list = inInventory.filter((i) => i.family === f);
          if (list.length) summary.addRow([t(`inventory.families.${f}`), list.length, list.reduce((a, i) => a + i.costCentimos, 0) / 100]);
        }
        summary.addRow([]);
        summary.addRow([t('inventory.instruments.condition'), t('inventory.reports.total')]).font = { bold: true };
        for (const c of conditions) summary.addRow([t(`inventory.conditions.${c}`), inInventory.filter((i) => i.condition === c).length]);
        summary.addRow([]);
        summary.addRow([t('inventory.reports.total'), inInventory.length, inInventory.reduce((a, i) => a + i.costCentimos, 0) / 100]).font =
          {
            bold: true,
          };
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
    });
  },

  'inventory.reportByCondition': async (_input, ctx) => {
    const { t } = ctx;
    const summary = await inventorySummary(ctx);
    const rows = summary.byEstablishment.map((e) => ({ ...e, name: e.name ?? t('inventory.instruments.central') }));
    return saveExport(ctx, {
      baseName: t('inventory.reports.fileCondition'),
      extension: 'xlsx',
      rows: rows.length,
      build: () =>
        tableBytes(
          'xlsx',
          t('inventory.reports.byCondition').slice(0, 31),
          [
            { header: t('inventory.instruments.establishment'), width: 36, value: (r) => r.name },
            ...conditions.map((c) => ({ header: t(`inventory.conditions.${c}`), width: 12, value: (r: (typeof rows)[number]) => r[c] })),
            { header: t('inventory.reports.total'), width: 10, value: (r) => r.total },
            { header: t('inventory.instruments.value'), width: 16, kind: 'money', value: (r) => r.valueCentimos },
          ],
          rows,
        ),
    });
  },

  'inventory.reportMovements': async ({ from, to, establishmentId }, ctx) => {
    const { t } = ctx;
    const rows = await repo.movementsBetween(ctx.db, from, to, establishmentId, movementScope(ctx));
    return saveExport(ctx, {
      baseName: t('inventory.reports.fileMovements'),
      extension: 'xlsx',
      rows: rows.length,
      build: () =>
        tableBytes(
          'xlsx',
          t('inventory.reports.movements').slice(0, 31),
          [
            { header: t('inventory.movement.date'), width: 12, kind: 'date', value: (r) => r.date },
            { header: t('inventory.instruments.code'), width: 18, value: (r) => r.code },
            { header: t('inventory.instruments.type'), width: 20, value: (r) => r.typeName },
            { header: t('inventory.movement.kind'), width: 28, value: (r) => t(`inventory.kinds.${r.kind}`) },
            { header: t('inventory.movement.toEstablishment'), width: 30, value: (r) => r.toName },
            { header: t('inventory.instruments.establishment'), width: 30, value: (r) => r.fromName },
            { header: t('inventory.movement.documentNumber'), width: 16, value: (r) => r.documentNumber },
            { header: t('inventory.movement.description'), width: 40, value: (r) => r.description },
            { header: t('inventory.movement.recordedBy'), width: 22, value: (r) => r.recordedBy },
          ],
          rows,
        ),
    });
  },
};
