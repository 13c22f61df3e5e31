import type { DomainChannel } from '../../../shared/channels';
import { establishmentScope } from '../auth/access';
import { saveExport } from '../export/table';
import type { DomainHandlers } from '../ipc/context';
import { evaluationWorkbook, exportedRows } from './export';
import { evaluationFollowUp } from './follow-up';
import { evaluationPdfHtml } from './print';
import { evaluationSummary, resolveScope } from './summary';

/**
 * The evaluation page (issue 17): every chart's figures, within the establishments the user
 * works with, and their tables as XLSX through the save step every export shares. Aggregates
 * only, with small cells of persons hidden: the read-only role reads them as everyone does.
 */
export const evaluationHandlers: DomainHandlers<DomainChannel<'evaluation'>> = {
  'evaluation.summary': (filters, ctx) => evaluationSummary(ctx.reports, filters, establishmentScope(ctx.session)),

  'evaluation.followUp': (filters, ctx) => evaluationFollowUp(ctx.db, filters, establishmentScope(ctx.session), ctx.now.slice(0, 10)),

  'evaluation.export': async ({ chart, ...filters }, ctx) => {
    const summary = await evaluationSummary(ctx.reports, filters, establishmentScope(ctx.session));
    const what = chart === 'all' ? ctx.t('evaluation.title') : ctx.t(`evaluation.charts.${chart}`);
    const slug = what
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return saveExport(ctx, {
      baseName: `${ctx.t('evaluation.exportName')}-${chart === 'all' ? '' : `${slug}-`}${filters.from}-${filters.to}`,
      extension: 'xlsx',
      rows: exportedRows(summary, chart, ctx.t),
      build: async () => (await evaluationWorkbook(summary, chart, ctx.t)).bytes,
    });
  },

  'evaluation.print': async (filters, ctx) => {
    const userScope = establishmentScope(ctx.session);
    const summary = await evaluationSummary(ctx.reports, filters, userScope);
    const { establishments } = await resolveScope(ctx.db, filters, userScope);
    const named = async <T extends { id: number; name: string }>(id: number | null | undefined, list: () => Promise<T[]>) =>
      id === null || id === undefined ? null : ((await list()).find((x) => x.id === id)?.name ?? String(id));
    const words = {
      from: filters.from,
      to: filters.to,
      establishment: await named(filters.establishmentId, async () => establishments),
      regionalOffice: await named(filters.regionalOfficeId, () => ctx.read('regionalOffices.list', {})),
      initiative: await named(filters.initiativeId, () => ctx.read('initiatives.options', {})),
      discipline: filters.discipline ?? null,
      sex: filters.sex ? ctx.t(`programmes.sexes.${filters.sex}`) : null,
    };
    return saveExport(ctx, {
      baseName: `${ctx.t('evaluation.print.fileName')}-${filters.from}-${filters.to}`,
      extension: 'pdf',
      rows: summary.reach.rows.length,
      build: () =>
        ctx.platform.printPdf({
          html: evaluationPdfHtml(summary, words, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
          pageSize: 'A4',
          landscape: true,
        }),
    });
  },
};
