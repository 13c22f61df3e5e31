import { channel, ExportResult, type ChannelDef } from '../ipc';
import { JobStarted } from '../jobs/schemas';
import type { importChannels } from './channels';
import { ImportFolderRequest, ImportFolderResult, ImportInspect, ImportInspection, ImportRequest, ImportTemplateRequest } from './schemas';

/**
 * import.inspect reads a file and keeps it in memory under an uploadId;
 * import.dryRun starts a job whose result is an ImportReport and writes nothing;
 * import.run starts a job that writes every row in one transaction (result ImportResult)
 * or, when any row has an error, writes nothing and fails with the ImportReport;
 * import.template saves the target's example file (import/template.ts in main);
 * import.chooseFolder asks (main's dialog) for the folder of the photos an upload's rows name.
 */
export const importContract = {
  'import.inspect': channel('action', ImportInspect, ImportInspection),
  'import.dryRun': channel('action', ImportRequest, JobStarted),
  'import.run': channel('action', ImportRequest, JobStarted),
  'import.template': channel('action', ImportTemplateRequest, ExportResult),
  'import.chooseFolder': channel('action', ImportFolderRequest, ImportFolderResult),
} satisfies { [K in (typeof importChannels)[number]]: ChannelDef };
