import type { Knex } from 'knex';

/** The page a list query asks for (from 1) and how many rows a page holds. */
export interface PageAt {
  page: number;
  pageSize: number;
}

/** What a list's repository takes besides the filter: the sort column and direction, and the page. */
export type SortedPageAt<S extends string> = PageAt & { sort: S; direction: 'asc' | 'desc' };

/** Limits a query to one page of its rows. */
export const onePage = (q: Knex.QueryBuilder, { page, pageSize }: PageAt): Knex.QueryBuilder =>
  q.limit(pageSize).offset((page - 1) * pageSize);

/**
 * One page of a sorted list: by the `sort` column, then by the row's `id` column in the same
 * direction, so that rows with equal keys keep one order from page to page.
 */
export const sortedPage = (q: Knex.QueryBuilder, sort: string, id: string, at: PageAt & { direction: 'asc' | 'desc' }): Knex.QueryBuilder =>
  onePage(q.orderBy(sort, at.direction).orderBy(id, at.direction), at);
