/**
 * The channels of a record's signed papers (shared/papers.ts), by name only: the domains'
 * channel lists include them without loading any schema.
 */

/** The prefixes that file papers: movements, stocktakes (inventory), conformities (contracts), loans (internarte), participants (programmes). */
export const paperPrefixes = ['movements', 'stocktakes', 'conformities', 'loans', 'participants'] as const;
export type PaperPrefix = (typeof paperPrefixes)[number];

/** The four channels' names under a prefix. */
export const paperChannels = <P extends PaperPrefix>(p: P) =>
  [`${p}.papers`, `${p}.attachPaper`, `${p}.removePaper`, `${p}.paperCopy`] as const;

export type PaperChannel<P extends PaperPrefix = PaperPrefix> = ReturnType<typeof paperChannels<P>>[number];
