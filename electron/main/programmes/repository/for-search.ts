import type { Knex } from 'knex';
import type { SearchFound } from '../../../../shared/search/schemas';
import { formatDate, normalizeText } from '../../../../shared/format';
import { whereInScope } from '../../auth/access';
import type { Row } from '../../db/rows';
import { firstMatches } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { canSeeNames } from '../privacy';
import { ensembleAtScope } from './events';

/**
 * What the programmes offer the global search (search/handlers.ts): participants,
 * ensembles, workshops, events, partners and agreements, each as the session may see it.
 */

/**
 * Participants. With the personal-data permission: by code (a code's beginning, an index
 * seek) or by any words of the names, shown with their names. Without it: only by the
 * whole code, shown as the code alone — a name typed finds nobody.
 */
export async function searchParticipants(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const names = canSeeNames(session);
  const base = () =>
    whereInScope(
      session,
      joinEstablishment(db('participants as p'), 'e', 'p.establishment_id').select(
        'p.id',
        'p.code',
        'p.first_names',
        'p.last_names',
        'e.name as establishment_name',
      ),
      'p.establishment_id',
    );
  const code = text.trim().toUpperCase();
  const codeLike = /^[A-Z0-9-]+$/.test(code) && /\d/.test(code);
  let found: { rows: Row[]; more: boolean } = { rows: [], more: false };
  if (!names) {
    found.rows = codeLike ? ((await base().where('p.code', code)) as Row[]) : [];
  } else {
    if (codeLike) {
      const rows = (await base()
        .where('p.code', '>=', code)
        .where('p.code', '<', `${code}\uffff`)
        .orderBy('p.code')
        .limit(limit + 1)) as Row[];
      found = { rows: rows.slice(0, limit), more: rows.length > limit };
    }
    if (found.rows.length === 0)
      found = await firstMatches<Row>(db, base(), 'p.search_text', text, limit, { table: 'participants_search', id: 'p.id' });
  }
  return {
    hits: found.rows.map((r) => ({
      kind: 'participant' as const,
      id: Number(r.id),
      title: names ? `${String(r.last_names)}, ${String(r.first_names)}` : String(r.code),
      detail: names ? `${String(r.code)} · ${String(r.establishment_name)}` : String(r.establishment_name),
    })),
    more: found.more,
  };
}

/** Ensembles by name, in the session's establishments. */
export async function searchEnsembles(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = joinEstablishment(db('ensembles as g'), 'e', 'g.establishment_id').select('g.id', 'g.name', 'e.name as establishment_name');
  whereInScope(session, q, 'g.establishment_id');
  const { rows, more } = await firstMatches<Row>(db, q, 'g.name_key', text, limit);
  return {
    hits: rows.map((r) => ({ kind: 'ensemble' as const, id: Number(r.id), title: String(r.name), detail: String(r.establishment_name) })),
    more,
  };
}

/** Workshops by name, in the session's establishments. */
export async function searchWorkshops(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id').select('w.id', 'w.name', 'e.name as establishment_name');
  whereInScope(session, q, 'w.establishment_id');
  const { rows, more } = await firstMatches<Row>(db, q, 'w.name_key', text, limit, { table: 'workshops_search', id: 'w.id' });
  return {
    hits: rows.map((r) => ({ kind: 'workshop' as const, id: Number(r.id), title: String(r.name), detail: String(r.establishment_name) })),
    more,
  };
}

/** Events by title: a restricted user's are those at their establishments or where their ensembles perform (as events.list). */
export async function searchEvents(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = db('events as e').select('e.id', 'e.title', 'e.date');
  whereInScope(session, q, 'e.establishment_id', ensembleAtScope(db));
  const { rows, more } = await firstMatches<Row>(db, q, 'e.title_key', text, limit);
  return {
    hits: rows.map((r) => ({ kind: 'event' as const, id: Number(r.id), title: String(r.title), detail: formatDate(String(r.date)) })),
    more,
  };
}

/** Partners by name (the partners' register is not divided by establishment). */
export async function searchPartners(db: Knex, text: string, limit: number): Promise<SearchFound> {
  const { rows, more } = await firstMatches<Row>(db, db('partners as a').select('a.id', 'a.name'), 'a.name_key', text, limit);
  return { hits: rows.map((r) => ({ kind: 'partner' as const, id: Number(r.id), title: String(r.name), detail: null })), more };
}

/**
 * Agreements by title or document number, with their partner. Agreements carry no search
 * key and are few (one per signed agreement with a partner): they are compared here,
 * without accents, after reading their titles.
 */
export async function searchAgreements(db: Knex, text: string, limit: number): Promise<SearchFound> {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const rows = (await db('agreements as g')
    .join('partners as a', 'a.id', 'g.partner_id')
    .select('g.id', 'g.title', 'g.document_number', 'a.name as partner_name')
    .orderBy('g.id')) as Row[];
  const matching = rows.filter((r) => {
    const key = normalizeText(`${String(r.title)} ${String(r.document_number ?? '')}`);
    return words.every((w) => key.includes(w));
  });
  return {
    hits: matching
      .slice(0, limit)
      .map((r) => ({ kind: 'agreement' as const, id: Number(r.id), title: String(r.title), detail: String(r.partner_name) })),
    more: matching.length > limit,
  };
}
