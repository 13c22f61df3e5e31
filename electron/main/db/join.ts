import type { Knex } from 'knex';

export type JoinKind = 'inner' | 'left';

/**
 * Joins `table` as `alias` on `alias.<key> = column`: what each domain's join helpers
 * (`joinEstablishment`, `joinAttachment`, `joinParticipant`…) build on, so that another
 * domain's query reaches a table only through the owner's function that names it.
 */
export const joinAs = <Q extends Knex.QueryBuilder>(q: Q, how: JoinKind, table: string, alias: string, column: string, key = 'id'): Q =>
  (how === 'left'
    ? q.leftJoin(`${table} as ${alias}`, `${alias}.${key}`, column)
    : q.join(`${table} as ${alias}`, `${alias}.${key}`, column)) as Q;
