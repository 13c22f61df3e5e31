import type { Knex } from 'knex';
import { ViewState, type SavedView, type ViewList } from '../../../shared/lists/schemas';
import type { Row } from '../db/rows';
import { compareSpanish } from '../../../shared/format';

/** The saved views' own table (migration 0021): a user's named filters of a list. */

/** The user's views of a list, by name; one whose state no longer reads is left out, never guessed. */
export async function viewsOf(db: Knex, userId: number, list: ViewList): Promise<SavedView[]> {
  const rows = (await db('saved_views').where({ user_id: userId, list }).select('id', 'name', 'state')) as Row[];
  const out: SavedView[] = [];
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(r.state));
    } catch {
      continue;
    }
    const state = ViewState.safeParse(parsed);
    if (state.success) out.push({ id: Number(r.id), name: String(r.name), state: state.data });
  }
  return out.sort((a, b) => compareSpanish(a.name, b.name));
}

export async function viewByName(db: Knex, userId: number, list: ViewList, name: string): Promise<{ id: number; state: string } | null> {
  const r = (await db('saved_views').where({ user_id: userId, list, name }).first('id', 'state')) as Row | undefined;
  return r ? { id: Number(r.id), state: String(r.state) } : null;
}

export async function insertView(db: Knex, userId: number, list: ViewList, name: string, state: ViewState, now: string): Promise<number> {
  const [row] = (await db('saved_views')
    .insert({ user_id: userId, list, name, state: JSON.stringify(state), created_at: now })
    .returning('id')) as Array<{ id: number } | number>;
  return typeof row === 'object' ? Number(row.id) : Number(row);
}

export async function replaceViewState(db: Knex, id: number, state: ViewState): Promise<void> {
  await db('saved_views')
    .where({ id })
    .update({ state: JSON.stringify(state) });
}

/** Removes a view of the user's; answers its name, or null when it is not theirs (or gone). */
export async function removeView(db: Knex, userId: number, list: ViewList, id: number): Promise<{ name: string; state: string } | null> {
  const r = (await db('saved_views').where({ id, user_id: userId, list }).first('name', 'state')) as Row | undefined;
  if (!r) return null;
  await db('saved_views').where({ id }).delete();
  return { name: String(r.name), state: String(r.state) };
}
