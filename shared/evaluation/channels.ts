/** The evaluation page's channels: every chart's figures for a period and filters, their export to XLSX, and the follow-up after release. */
export const evaluationChannels = ['evaluation.summary', 'evaluation.export', 'evaluation.followUp'] as const;
