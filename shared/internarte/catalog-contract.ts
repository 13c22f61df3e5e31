import { channel, ExportResult, type ChannelDef } from '../ipc';
import type { catalogChannels } from './channels';
import { CatalogExportStarted, CatalogOptions, CatalogPreflight, CatalogPreview, LabelsRequest } from './catalog-schemas';

/**
 * The exhibition's printed outputs. Main reads the exhibition with consent applied
 * (internarte/outputs.ts) and prints only that: whatever the renderer asks, a work,
 * a name or a photo that consent withholds is not in the catalog nor on a label.
 * catalog.export asks where to save, then starts a job (progress per prepared image,
 * cancel leaves no file) whose result is a CatalogExportDone.
 */
export const catalogContract = {
  'catalog.preview': channel('query', CatalogOptions, CatalogPreview),
  /** What a print shop would reject (low-resolution images, long captions, works without a photo, missing English texts). */
  'catalog.preflight': channel('query', CatalogOptions, CatalogPreflight),
  'catalog.export': channel('action', CatalogOptions, CatalogExportStarted),
  'catalog.labels': channel('action', LabelsRequest, ExportResult),
} satisfies { [K in (typeof catalogChannels)[number]]: ChannelDef };
