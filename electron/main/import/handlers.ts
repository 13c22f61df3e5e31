import type { Handlers } from '../ipc/dispatcher';
import { inspectUpload, startImportJob } from './engine';
import { importTargets } from './targets';

type ImportHandlers = Pick<Handlers, 'import.inspect' | 'import.dryRun' | 'import.run'>;

export const importHandlers: ImportHandlers = {
  'import.inspect': ({ target, fileName, dataBase64 }, ctx) =>
    inspectUpload(ctx, importTargets[target], target, fileName, dataBase64),
  'import.dryRun': async (input, ctx) => ({ jobId: startImportJob(ctx, importTargets, input, false) }),
  'import.run': async (input, ctx) => ({ jobId: startImportJob(ctx, importTargets, input, true) }),
};
