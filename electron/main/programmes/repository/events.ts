import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { normalizeText } from '../../../../shared/format';
import { audienceGroups, totalAudience, type Audiences } from '../../../../shared/programmes/rules';
import type { ProgrammeEvent, Season } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { num, type Row, str } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import { joinAttachment } from '../../files/repository/attachments';
import type { Session } from '../../ipc/context';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

export const audienceColumns = audienceGroups.map((g) => `audience_${g}`);
export const audiencesOf = (r: Row): Audiences =>
  Object.fromEntries(audienceGroups.map((g) => [g, Number(r[`audience_${g}`] ?? 0)])) as Audiences;
export const audienceSumSql = audienceColumns.map((c) => `e.${c}`).join(' + ');

// ── Seasons ─────────────────────────────────────────────────────────────────────

export async function seasons(db: Knex, id?: number): Promise<Season[]> {
  const q = db('seasons as s')
    .select(
      's.*',
      db.raw('(SELECT COUNT(*) FROM events e WHERE e.season_id = s.id) AS events_n'),
      db.raw(`(SELECT COALESCE(SUM(${audienceSumSql}), 0) FROM events e WHERE e.season_id = s.id) AS audience_n`),
    )
    .orderBy('s.start_date', 'desc');
  if (id !== undefined) q.where('s.id', id);
  return ((await q) as Row[]).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    startDate: String(r.start_date),
    endDate: String(r.end_date),
    events: Number(r.events_n),
    audience: Number(r.audience_n),
    version: Number(r.version),
  }));
}

/** The season with this name (any case), or null. */
export async function seasonIdByName(db: Knex, name: string): Promise<number | null> {
  const other = (await db('seasons').whereRaw('LOWER(name) = LOWER(?)', [name]).first('id')) as { id: number } | undefined;
  return other ? other.id : null;
}

/** A season's name and dates as stored, or undefined. */
export async function seasonRow(db: Knex, id: number): Promise<Row | undefined> {
  return (await db('seasons').where({ id }).first()) as Row | undefined;
}

/** The current season on `today`: the one in course, else the last begun, else the first. */
export async function currentSeason(db: Knex, today: string): Promise<Row | undefined> {
  return (
    ((await db('seasons').where('start_date', '<=', today).where('end_date', '>=', today).orderBy('start_date', 'desc').first()) as
      Row | undefined) ??
    ((await db('seasons').where('start_date', '<=', today).orderBy('start_date', 'desc').first()) as Row | undefined) ??
    ((await db('seasons').orderBy('start_date').first()) as Row | undefined)
  );
}

/** How many of a season's events fall outside new dates. */
export async function eventsOutside(db: Knex, seasonId: number, startDate: string, endDate: string): Promise<number> {
  const outside = (await db('events')
    .where({ season_id: seasonId })
    .where((w) => w.where('date', '<', startDate).orWhere('date', '>', endDate))
    .count({ n: '*' })) as Row[];
  return Number(outside[0]?.n ?? 0);
}

export async function insertSeason(
  db: Knex,
  v: { name: string; startDate: string; endDate: string },
  actor: Actor,
  now: string,
): Promise<number> {
  return insertId(db('seasons'), { name: v.name, start_date: v.startDate, end_date: v.endDate, ...firstVersion(actor, now) });
}

export async function updateSeason(
  db: Knex,
  id: number,
  version: number,
  v: { name: string; startDate: string; endDate: string },
  actor: Actor,
  now: string,
): Promise<void> {
  await updateVersion(db('seasons'), id, version, { name: v.name, start_date: v.startDate, end_date: v.endDate }, actor, now);
}

// ── Events ──────────────────────────────────────────────────────────────────────

/**
 * A restricted user's events: those held at one of their establishments, or where one of
 * their establishments' ensembles performs (an external concert of their band).
 */
export const ensembleAtScope = (db: Knex) => (scope: number[]) =>
  db('event_ensembles as le')
    .join('ensembles as ge', 'ge.id', 'le.ensemble_id')
    .whereRaw('le.event_id = e.id')
    .whereIn('ge.establishment_id', scope)
    .select(db.raw('1'));

async function eventsWhere(db: Knex, session: Session | null, where: (q: Knex.QueryBuilder) => void): Promise<ProgrammeEvent[]> {
  const q = db('events as e').leftJoin('seasons as s', 's.id', 'e.season_id').leftJoin('agreements as ag', 'ag.id', 'e.agreement_id');
  joinEstablishment(q, 'x', 'e.establishment_id', 'left').select(
    'e.*',
    's.name as season_name',
    'ag.title as agreement_title',
    'x.name as establishment_name',
    db.raw('(SELECT COUNT(*) FROM event_photos p WHERE p.event_id = e.id) AS photos_n'),
  );
  where(q);
  if (session) whereInScope(session, q, 'e.establishment_id', ensembleAtScope(db));
  const rows = (await q.orderBy('e.date').orderBy('e.time').orderBy('e.id')) as Row[];
  const ids = rows.map((r) => Number(r.id));
  const partners = new Map<number, Array<{ id: number; name: string }>>();
  const ensembles = new Map<number, Array<{ id: number; name: string }>>();
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    for (const r of (await db('event_partners as l')
      .join('partners as p', 'p.id', 'l.partner_id')
      .whereIn('l.event_id', chunk)
      .orderBy('p.name_key')
      .select('l.event_id', 'p.id', 'p.name')) as Row[]) {
      const list = partners.get(Number(r.event_id)) ?? [];
      list.push({ id: Number(r.id), name: String(r.name) });
      partners.set(Number(r.event_id), list);
    }
    for (const r of (await db('event_ensembles as l')
      .join('ensembles as g', 'g.id', 'l.ensemble_id')
      .whereIn('l.event_id', chunk)
      .orderBy('g.name_key')
      .select('l.event_id', 'g.id', 'g.name')) as Row[]) {
      const list = ensembles.get(Number(r.event_id)) ?? [];
      list.push({ id: Number(r.id), name: String(r.name) });
      ensembles.set(Number(r.event_id), list);
    }
  }
  return rows.map((r) => {
    const audiences = audiencesOf(r);
    return {
      id: Number(r.id),
      type: r.type as ProgrammeEvent['type'],
      seasonId: num(r.season_id),
      seasonName: str(r.season_name),
      title: String(r.title),
      date: String(r.date),
      time: str(r.time),
      venueKind: r.venue_kind as ProgrammeEvent['venueKind'],
      establishmentId: num(r.establishment_id),
      establishmentName: str(r.establishment_name),
      venueName: str(r.venue_name),
      partners: partners.get(Number(r.id)) ?? [],
      agreement: r.agreement_id == null ? null : { id: Number(r.agreement_id), title: String(r.agreement_title) },
      ensembles: ensembles.get(Number(r.id)) ?? [],
      audiences,
      totalAudience: totalAudience(audiences),
      notes: str(r.notes),
      photos: Number(r.photos_n),
      version: Number(r.version),
    };
  });
}

/** The events a session may see, by season, dates, type and words of the title. */
export function listEvents(db: Knex, session: Session, f: ChannelParsedInput<'events.list'>): Promise<ProgrammeEvent[]> {
  return eventsWhere(db, session, (q) => {
    if (f.seasonId !== null) q.where('e.season_id', f.seasonId);
    if (f.from !== null) q.where('e.date', '>=', f.from);
    if (f.to !== null) q.where('e.date', '<=', f.to);
    if (f.type !== null) q.where('e.type', f.type);
    if (f.search) whereWords(q, 'e.title_key', f.search);
  });
}

/** One event whatever the session's establishments (the caller checks them). */
export async function getEvent(db: Knex, id: number): Promise<ProgrammeEvent | null> {
  const [e] = await eventsWhere(db, null, (q) => q.where('e.id', id));
  return e ?? null;
}

/** A season's events a session may see, as stored (their audiences and dates). */
export async function seasonEventRows(db: Knex, session: Session, seasonId: number): Promise<Row[]> {
  return (await whereInScope(session, db('events as e'), 'e.establishment_id', ensembleAtScope(db))
    .where({ season_id: seasonId })
    .select('e.*')) as Row[];
}

/** Which of these ids are partners / ensembles that exist. */
export async function existingIds(db: Knex, kind: 'partners' | 'ensembles', ids: number[]): Promise<number[]> {
  return (await db(kind === 'partners' ? 'partners' : 'ensembles')
    .whereIn('id', ids)
    .pluck('id')) as number[];
}

/** Which of these ids are partners that exist. */
export const existingPartnerIds = (db: Knex, ids: number[]): Promise<number[]> => existingIds(db, 'partners', ids);

/** Which of these ids are ensembles that exist. */
export const existingEnsembleIds = (db: Knex, ids: number[]): Promise<number[]> => existingIds(db, 'ensembles', ids);

export interface EventValues {
  type: string;
  seasonId: number | null;
  title: string;
  date: string;
  time: string | null;
  venueKind: 'establecimiento' | 'externo';
  establishmentId: number | null;
  venueName: string | null;
  partnerIds: number[];
  agreementId: number | null;
  ensembleIds: number[];
  audiences: Audiences;
  notes: string | null;
}

const eventRow = (v: EventValues) => ({
  type: v.type,
  season_id: v.seasonId,
  title: v.title,
  title_key: normalizeText(v.title),
  date: v.date,
  time: v.time,
  venue_kind: v.venueKind,
  establishment_id: v.venueKind === 'establecimiento' ? v.establishmentId : null,
  venue_name: v.venueName,
  agreement_id: v.agreementId,
  notes: v.notes,
  ...Object.fromEntries(audienceGroups.map((g) => [`audience_${g}`, v.audiences[g]])),
});

/** An event's partners and ensembles, replaced by these. */
async function setLinks(db: Knex, id: number, v: EventValues) {
  await db('event_partners').where({ event_id: id }).delete();
  await db('event_ensembles').where({ event_id: id }).delete();
  const partners = [...new Set(v.partnerIds)];
  const ensembles = [...new Set(v.ensembleIds)];
  if (partners.length) await db('event_partners').insert(partners.map((p) => ({ event_id: id, partner_id: p })));
  if (ensembles.length) await db('event_ensembles').insert(ensembles.map((g) => ({ event_id: id, ensemble_id: g })));
}

export async function insertEvent(db: Knex, v: EventValues, actor: Actor, now: string): Promise<number> {
  const id = await insertId(db('events'), { ...eventRow(v), ...firstVersion(actor, now) });
  await setLinks(db, id, v);
  return id;
}

/** Answers the rows changed: 0 when another user changed the event first (its links are then left alone). */
export async function updateEvent(db: Knex, id: number, version: number, v: EventValues, actor: Actor, now: string): Promise<number> {
  const n = await updateVersion(db('events'), id, version, eventRow(v), actor, now);
  if (n === 1) await setLinks(db, id, v);
  return n;
}

// ── Photos ──────────────────────────────────────────────────────────────────────

/** An event's photos (attachment hash, original name, when and by whom added). */
export async function eventPhotoRows(db: Knex, eventId: number): Promise<Row[]> {
  return (await joinAttachment(db('event_photos as p'), 'a', 'p.attachment_hash')
    .where('p.event_id', eventId)
    .orderBy('p.id')
    .select('p.*', 'a.original_name')) as Row[];
}

/** Adds a photo to an event unless it is there already. */
export async function addEventPhoto(db: Knex, eventId: number, hash: string, actor: Actor, now: string): Promise<void> {
  if (!(await db('event_photos').where({ event_id: eventId, attachment_hash: hash }).first('id'))) {
    await db('event_photos').insert({ event_id: eventId, attachment_hash: hash, added_at: now, added_by: actor.name });
  }
}

/** Answers how many were removed (0: the event had no such photo). */
export async function removeEventPhoto(db: Knex, eventId: number, hash: string): Promise<number> {
  return db('event_photos').where({ event_id: eventId, attachment_hash: hash }).delete();
}
