import type { Knex } from 'knex';
import type { InitiativeMember, InitiativeMemberKind } from '../../../../shared/programmes/initiative-schemas';
import { expenseInitiatives, expensesOfInitiative, expensesPerInitiative, moveExpenses } from '../../contracts/repository/for-programmes';
import { str, type Row, num } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import {
  exhibitionInitiatives,
  exhibitionsOfInitiative,
  exhibitionsPerInitiative,
  moveExhibitions,
} from '../../internarte/repository/for-programmes';

/**
 * The records an initiative groups (issue 17, item 1), by kind: the programme's own workshops,
 * ensembles and events here; exhibitions and expenses through their owners (internarte and
 * contracts' `repository/for-programmes.ts`). A record belongs to at most one initiative: each move names
 * the initiative it leaves (null: none), so a record already in another one is never taken.
 */
export interface MemberStore {
  /**
   * The records of an initiative; null: those of none (what may be linked). `scope`: the user's
   * establishments (null: national), for the registers kept per establishment.
   */
  of(db: Knex, initiativeId: number | null, scope?: number[] | null): Promise<InitiativeMember[]>;
  /** The initiative of each record (null: none); a record that does not exist (or may not be linked, or is out of `scope`) is absent. */
  initiatives(db: Knex, ids: readonly number[], scope?: number[] | null): Promise<Map<number, number | null>>;
  /** Moves the records from initiative `from` to `to` (either may be null); answers how many moved. */
  move(db: Knex, ids: readonly number[], from: number | null, to: number | null): Promise<number>;
  /** How many records each initiative has. */
  perInitiative(db: Knex): Promise<Map<number, number>>;
}

interface OwnTable {
  table: 'workshops' | 'ensembles' | 'events';
  /** The member's columns, over `t` joined with its establishment `e` (left). */
  select: (db: Knex) => Array<string | Knex.Raw>;
  order: string[];
}

const own: Record<'workshops' | 'ensembles' | 'events', OwnTable> = {
  workshops: {
    table: 'workshops',
    select: () => ['t.id', 't.name as label', 'e.name as detail', 't.start_date as date'],
    order: ['t.name_key', 't.id'],
  },
  ensembles: {
    table: 'ensembles',
    select: () => ['t.id', 't.name as label', 'e.name as detail', 't.formed_on as date'],
    order: ['t.name_key', 't.id'],
  },
  events: {
    table: 'events',
    select: (db) => ['t.id', 't.title as label', db.raw('COALESCE(e.name, t.venue_name) AS detail'), 't.date as date'],
    order: ['t.date', 't.id'],
  },
};

function ownStore({ table, select, order }: OwnTable): MemberStore {
  return {
    of: async (db, initiativeId, scope = null) => {
      const q = joinEstablishment(db(`${table} as t`), 'e', 't.establishment_id', 'left');
      if (scope) q.whereIn('t.establishment_id', scope);
      if (initiativeId === null) q.whereNull('t.initiative_id');
      else q.where('t.initiative_id', initiativeId);
      for (const column of order) q.orderBy(column);
      const rows = (await q.select(select(db))) as Row[];
      return rows.map((r) => ({
        id: Number(r.id),
        label: String(r.label),
        detail: str(r.detail),
        date: str(r.date),
        amountCentimos: null,
      }));
    },
    initiatives: async (db, ids, scope = null) => {
      const q = db(table).whereIn('id', [...ids]);
      if (scope) q.whereIn('establishment_id', scope);
      const rows = (await q.select('id', 'initiative_id')) as Row[];
      return new Map(rows.map((r) => [Number(r.id), num(r.initiative_id)]));
    },
    move: (db, ids, from, to) => {
      const q = db(table).whereIn('id', [...ids]);
      if (from === null) q.whereNull('initiative_id');
      else q.where({ initiative_id: from });
      return q.update({ initiative_id: to });
    },
    perInitiative: async (db) => {
      const rows = (await db(table)
        .whereNotNull('initiative_id')
        .groupBy('initiative_id')
        .select('initiative_id')
        .count({ n: '*' })) as Row[];
      return new Map(rows.map((r) => [Number(r.initiative_id), Number(r.n)]));
    },
  };
}

export const memberStores: Record<InitiativeMemberKind, MemberStore> = {
  workshops: ownStore(own.workshops),
  ensembles: ownStore(own.ensembles),
  events: ownStore(own.events),
  exhibitions: {
    of: exhibitionsOfInitiative,
    initiatives: exhibitionInitiatives,
    move: moveExhibitions,
    perInitiative: exhibitionsPerInitiative,
  },
  expenses: {
    of: expensesOfInitiative,
    initiatives: expenseInitiatives,
    move: moveExpenses,
    perInitiative: expensesPerInitiative,
  },
};
