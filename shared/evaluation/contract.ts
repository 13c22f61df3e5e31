import { channel, ExportResult, type ChannelDef } from '../ipc';
import type { evaluationChannels } from './channels';
import { EvaluationExport, EvaluationFilters, EvaluationFollowUp, EvaluationSummary } from './schemas';

/** The evaluation page: every chart for a period and filters (aggregates only), and one chart's table (or all) as XLSX. */
export const evaluationContract = {
  'evaluation.summary': channel('query', EvaluationFilters, EvaluationSummary),
  'evaluation.export': channel('action', EvaluationExport, ExportResult),
  /** Follow-up after release (issue 17, item 3): counts and rates per period of release, small cells hidden. */
  'evaluation.followUp': channel('query', EvaluationFilters, EvaluationFollowUp),
  /** The page printed to PDF: every chart (drawn in main from the summary) with its table, for the same filters. */
  'evaluation.print': channel('action', EvaluationFilters, ExportResult),
} satisfies { [K in (typeof evaluationChannels)[number]]: ChannelDef };
