import path from 'node:path';
import type { catalogChannels } from '../../../../shared/internarte/channels';
import type { CatalogExportDone } from '../../../../shared/internarte/catalog-schemas';
import { normalizeText } from '../../../../shared/format';
import { saveExport } from '../../export/table';
import { translator } from '../../i18n';
import type { DomainHandlers } from '../../ipc/context';
import { AppError } from '../../ipc/errors';
import { catalogData } from '../outputs';
import { labelsHtml } from './labels';
import { catalogPreviewHtml, makeCatalogPdf } from './make';
import { MIN_PRINT_PPI, preflight } from './preflight';

export type CatalogChannel = (typeof catalogChannels)[number];

/**
 * The exhibition's printed outputs. Every one reads the exhibition through catalogData
 * (internarte/outputs.ts: consent applied in main, at the moment of reading) and prints
 * exactly that; nothing here looks consent up or adds to it. The catalog job reads the
 * data again once the save dialog has answered, so a consent revoked while the dialog
 * was open is already applied.
 */

/** "InternArte: otra forma de libertad" → "internarte-otra-forma-de-libertad" (for the file name). */
export const fileSlug = (title: string) =>
  normalizeText(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '') || 'exposicion';

const noWorks = () => new AppError('conflict', 'internarte.catalog.errors.noWorks');

export const catalogHandlers: DomainHandlers<CatalogChannel> = {
  'catalog.preview': async ({ exhibitionId, pageSize, layout, lang }, ctx) => {
    const data = await catalogData(ctx.db, ctx.attachments, exhibitionId, 'catalog', lang);
    const { html, worksShown } = await catalogPreviewHtml(data, pageSize, layout, translator(lang));
    return {
      html,
      worksShown,
      worksTotal: data.works.length,
      worksWithoutImage: data.works.filter((w) => w.image === null).length,
      consentAsOf: data.consentAsOf,
    };
  },

  'catalog.preflight': async ({ exhibitionId, pageSize, layout, lang }, ctx) => {
    const data = await catalogData(ctx.db, ctx.attachments, exhibitionId, 'catalog', lang);
    return { findings: preflight(data, pageSize, layout), minPpi: MIN_PRINT_PPI, consentAsOf: data.consentAsOf };
  },

  'catalog.export': async ({ exhibitionId, pageSize, layout, lang, printShop }, ctx) => {
    const { db, platform, session, attachments } = ctx;
    const first = await catalogData(db, attachments, exhibitionId, 'catalog', lang);
    if (first.works.length === 0) throw noWorks();
    const target = await platform.chooseSavePath({
      defaultName: `catalogo-${fileSlug(first.exhibition.title)}-${ctx.now.slice(0, 10)}.pdf`,
      filterName: ctx.t('export.pdfFilter'),
      extensions: ['pdf'],
    });
    if (!target) return { status: 'cancelled' };
    const jobId = ctx.jobs.start('catalog.export', async (job): Promise<CatalogExportDone> => {
      const data = await catalogData(db, attachments, exhibitionId, 'catalog', lang);
      if (data.works.length === 0) throw noWorks();
      const made = await makeCatalogPdf({ data, pageSize, layout, target, t: translator(lang), platform, job, printShop });
      session.writtenFiles.add(path.resolve(made.path));
      return { status: 'saved', ...made };
    });
    return { status: 'started', jobId, path: target };
  },

  'catalog.labels': async ({ exhibitionId, lang }, ctx) => {
    const first = await catalogData(ctx.db, ctx.attachments, exhibitionId, 'labels', lang);
    if (first.works.length === 0) throw noWorks();
    let rows = first.works.length;
    const saved = await saveExport(ctx, {
      baseName: `cartelas-${fileSlug(first.exhibition.title)}`,
      extension: 'pdf',
      rows,
      // Read again once the dialog has answered: a consent revoked meanwhile already applies.
      build: async () => {
        const data = await catalogData(ctx.db, ctx.attachments, exhibitionId, 'labels', lang);
        if (data.works.length === 0) throw noWorks();
        rows = data.works.length;
        return ctx.platform.printPdf({ html: labelsHtml(data, translator(lang)), pageSize: 'A4' });
      },
    });
    return saved.status === 'saved' ? { ...saved, rows } : saved;
  },
};
