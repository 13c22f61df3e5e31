import type { Handlers } from '../ipc/context';
import { requireImportTarget } from '../auth/import-access';
import { inspectUpload, startImportJob, uploadTarget } from './engine';
import { importTargets } from './targets';

type ImportHandlers = Pick<Handlers, 'import.inspect' | 'import.dryRun' | 'import.run'>;

export const importHandlers: ImportHandlers = {
  'import.inspect': ({ target, fileName, dataBase64 }, ctx) => {
    requireImportTarget(ctx, target);
    return inspectUpload(ctx, importTargets[target], target, fileName, dataBase64);
  },
  'import.dryRun': async (input, ctx) => {
    requireImportTarget(ctx, uploadTarget(ctx.session, input.uploadId));
    return { jobId: startImportJob(ctx, importTargets, input, false) };
  },
  'import.run': async (input, ctx) => {
    requireImportTarget(ctx, uploadTarget(ctx.session, input.uploadId));
    return { jobId: startImportJob(ctx, importTargets, input, true) };
  },
};
