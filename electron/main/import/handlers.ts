import type { importChannels } from '../../../shared/import/channels';
import type { DomainHandlers } from '../ipc/context';
import { requireImportTarget } from '../auth/import-access';
import { chooseImportFolder, inspectUpload, startImportJob, uploadTarget } from './engine';
import { importTargets } from './targets';
import { templateBytes } from './template';
import { saveExport } from '../export/table';

type ImportChannel = (typeof importChannels)[number];

export const importHandlers: DomainHandlers<ImportChannel> = {
  'import.inspect': ({ target, fileName, dataBase64, fixed }, ctx) => {
    requireImportTarget(ctx, target);
    return inspectUpload(ctx, importTargets[target], target, fileName, dataBase64, fixed ?? {});
  },
  'import.dryRun': async (input, ctx) => {
    requireImportTarget(ctx, uploadTarget(ctx.session, input.uploadId));
    return { jobId: startImportJob(ctx, importTargets, input, false) };
  },
  'import.run': async (input, ctx) => {
    requireImportTarget(ctx, uploadTarget(ctx.session, input.uploadId));
    return { jobId: startImportJob(ctx, importTargets, input, true) };
  },
  'import.chooseFolder': ({ uploadId }, ctx) => {
    requireImportTarget(ctx, uploadTarget(ctx.session, uploadId));
    return chooseImportFolder(ctx, uploadId);
  },
  'import.template': ({ target, format }, ctx) => {
    requireImportTarget(ctx, target);
    return saveExport(ctx, {
      baseName: ctx.t('import.template.fileName', { target: ctx.t(`import.targets.${target}.sheet`) }),
      extension: format,
      rows: importTargets[target].example.length,
      build: () => templateBytes(importTargets[target], target, ctx.t, format),
    });
  },
};
