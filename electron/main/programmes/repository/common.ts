import { openStages } from '../../../../shared/programmes/rules';

/** The open stages as an SQL list (the contract's constants, never user input). */
export const openList = () => openStages.map((s) => `'${s}'`).join(', ');

/** Today in Lima (UTC−5, no daylight saving) from a UTC timestamp. */
export const limaToday = (now: string) => new Date(Date.parse(now) - 5 * 3600 * 1000).toISOString().slice(0, 10);
