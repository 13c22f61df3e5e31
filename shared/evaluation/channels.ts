/** The evaluation page's channels: every chart's figures for a period and filters, their export to XLSX, the follow-up after release, and the page printed to PDF. */
export const evaluationChannels = ['evaluation.summary', 'evaluation.export', 'evaluation.followUp', 'evaluation.print'] as const;
