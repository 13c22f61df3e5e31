import { whereInScope } from '../auth/access';
import type { HandlerContext } from '../ipc/context';
import type { Narrow } from './repository';

/**
 * A restricted user's share of the inventory (auth/access.ts): each query of the repository
 * is narrowed to the user's establishments on the columns that place its rows.
 */

/** Instruments at (or on their way to) one of the user's establishments. */
export const instrumentScope =
  (ctx: HandlerContext): Narrow =>
  (q) => {
    whereInScope(ctx.session, q, 'i.establishment_id', 'i.transit_to_establishment_id');
  };

/** Movements from or to one of the user's establishments. */
export const movementScope =
  (ctx: HandlerContext): Narrow =>
  (q) => {
    whereInScope(ctx.session, q, 'm.from_establishment_id', 'm.to_establishment_id');
  };

/** Stocktakes of the user's establishments. */
export const stocktakeScope =
  (ctx: HandlerContext): Narrow =>
  (q) => {
    whereInScope(ctx.session, q, 's.establishment_id');
  };

/** The consumables' stock of the user's establishments. */
export const stockScope =
  (ctx: HandlerContext): Narrow =>
  (q) => {
    whereInScope(ctx.session, q, 'p.establishment_id');
  };
