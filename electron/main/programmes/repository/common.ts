import type { Actor } from '../../../../shared/app/schemas';
import { openStages } from '../../../../shared/programmes/rules';

/** Who created and last changed a row, and when: every row a user writes is attributed. */
export const attributed = (actor: Actor, now: string) => ({
  created_at: now,
  created_by: actor.name,
  updated_at: now,
  updated_by: actor.name,
});
export const touched = (actor: Actor, now: string) => ({ updated_at: now, updated_by: actor.name });

/** The open stages as an SQL list (the contract's constants, never user input). */
export const openList = () => openStages.map((s) => `'${s}'`).join(', ');

/** Today in Lima (UTC−5, no daylight saving) from a UTC timestamp. */
export const limaToday = (now: string) => new Date(Date.parse(now) - 5 * 3600 * 1000).toISOString().slice(0, 10);
