import type { Knex } from 'knex';
import { audienceGroups, totalAudience, type Audiences } from '../../../shared/programmes/rules';
import type { EventPhoto, ProgrammeEvent, Season } from '../../../shared/programmes/schemas';
import { storeAttachment, thumbnailDataUrl } from '../files/attachments';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import * as repo from './repository';
import { normalizeText } from '../../../shared/format';
import { requireEstablishment, whereInScope } from '../auth/access';
import { num, type Row, str } from '../db/rows';

type EventHandlers = Pick<
  Handlers,
  | 'seasons.list'
  | 'seasons.create'
  | 'seasons.update'
  | 'events.list'
  | 'events.get'
  | 'events.create'
  | 'events.update'
  | 'events.photos'
  | 'events.addPhoto'
  | 'events.removePhoto'
>;

const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export const audienceColumns = audienceGroups.map((g) => `audience_${g}`);
export const audiencesOf = (r: Row): Audiences =>
  Object.fromEntries(audienceGroups.map((g) => [g, Number(r[`audience_${g}`] ?? 0)])) as Audiences;
export const audienceSumSql = audienceColumns.map((c) => `e.${c}`).join(' + ');

// ── Seasons ─────────────────────────────────────────────────────────────────────

async function seasons(db: Knex, id?: number): Promise<Season[]> {
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

async function checkSeasonName(ctx: HandlerContext, name: string, selfId: number | null) {
  const other = (await ctx.db('seasons').whereRaw('LOWER(name) = LOWER(?)', [name]).first('id')) as { id: number } | undefined;
  if (other && other.id !== selfId) {
    throw new AppError('conflict', 'programmes.errors.duplicateSeason', { name }, { name: { key: 'programmes.errors.duplicateSeason', params: { name } } });
  }
}

// ── Events ──────────────────────────────────────────────────────────────────────

/**
 * A restricted user's events: those held at one of their establishments, or where one of
 * their establishments' ensembles performs (an external concert of their band).
 */
export const ensembleAtScope = (db: Knex) => (scope: number[]) =>
  db('event_ensembles as le').join('ensembles as ge', 'ge.id', 'le.ensemble_id').whereRaw('le.event_id = e.id').whereIn('ge.establishment_id', scope).select(db.raw('1'));

async function eventsWhere(ctx: HandlerContext, where: (q: Knex.QueryBuilder) => void, scoped = true): Promise<ProgrammeEvent[]> {
  const db = ctx.db;
  const q = db('events as e')
    .leftJoin('seasons as s', 's.id', 'e.season_id')
    .leftJoin('establishments as x', 'x.id', 'e.establishment_id')
    .select('e.*', 's.name as season_name', 'x.name as establishment_name', db.raw('(SELECT COUNT(*) FROM event_photos p WHERE p.event_id = e.id) AS photos_n'));
  where(q);
  if (scoped) whereInScope(ctx.session, q, 'e.establishment_id', ensembleAtScope(db));
  const rows = (await q.orderBy('e.date').orderBy('e.time').orderBy('e.id')) as Row[];
  const ids = rows.map((r) => Number(r.id));
  const partners = new Map<number, Array<{ id: number; name: string }>>();
  const ensembles = new Map<number, Array<{ id: number; name: string }>>();
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    for (const r of (await db('event_partners as l').join('partners as p', 'p.id', 'l.partner_id').whereIn('l.event_id', chunk).orderBy('p.name_key').select('l.event_id', 'p.id', 'p.name')) as Row[]) {
      const list = partners.get(Number(r.event_id)) ?? [];
      list.push({ id: Number(r.id), name: String(r.name) });
      partners.set(Number(r.event_id), list);
    }
    for (const r of (await db('event_ensembles as l').join('ensembles as g', 'g.id', 'l.ensemble_id').whereIn('l.event_id', chunk).orderBy('g.name_key').select('l.event_id', 'g.id', 'g.name')) as Row[]) {
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
      ensembles: ensembles.get(Number(r.id)) ?? [],
      audiences,
      totalAudience: totalAudience(audiences),
      notes: str(r.notes),
      photos: Number(r.photos_n),
      version: Number(r.version),
    };
  });
}

async function mustEvent(ctx: HandlerContext, id: number): Promise<ProgrammeEvent> {
  const [e] = await eventsWhere(ctx, (q) => q.where('e.id', id), false);
  if (!e) throw notFound();
  const ensembleEstablishments = e.ensembles.length
    ? ((await ctx.db('ensembles').whereIn('id', e.ensembles.map((g) => g.id)).pluck('establishment_id')) as number[])
    : [];
  requireEstablishment(ctx, e.establishmentId, ...ensembleEstablishments);
  return e;
}

interface EventValues {
  type: string;
  seasonId: number | null;
  title: string;
  date: string;
  time: string | null;
  venueKind: 'establecimiento' | 'externo';
  establishmentId: number | null;
  venueName: string | null;
  partnerIds: number[];
  ensembleIds: number[];
  audiences: Audiences;
  notes: string | null;
}

/** The references an event makes must exist; its date falls within its season. */
async function checkEvent(ctx: HandlerContext, v: EventValues): Promise<void> {
  if (v.seasonId !== null) {
    const s = (await ctx.db('seasons').where({ id: v.seasonId }).first()) as Row | undefined;
    if (!s) throw fieldError('seasonId', 'programmes.errors.unknownSeason');
    if (v.date < String(s.start_date) || v.date > String(s.end_date)) throw fieldError('date', 'programmes.errors.outsideSeason', { name: String(s.name) });
  }
  if (v.venueKind === 'establecimiento' && v.establishmentId !== null) {
    if (!(await ctx.db('establishments').where({ id: v.establishmentId }).first('id'))) throw fieldError('establishmentId', 'programmes.errors.unknownEstablishment');
  }
  const partners = [...new Set(v.partnerIds)];
  if (partners.length && ((await ctx.db('partners').whereIn('id', partners).pluck('id')) as number[]).length !== partners.length) {
    throw fieldError('partnerIds', 'programmes.errors.unknownPartner');
  }
  const ensembles = [...new Set(v.ensembleIds)];
  if (ensembles.length && ((await ctx.db('ensembles').whereIn('id', ensembles).pluck('id')) as number[]).length !== ensembles.length) {
    throw fieldError('ensembleIds', 'programmes.errors.unknownEnsemble');
  }
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
  notes: v.notes,
  ...Object.fromEntries(audienceGroups.map((g) => [`audience_${g}`, v.audiences[g]])),
});

async function setLinks(ctx: HandlerContext, id: number, v: EventValues) {
  await ctx.db('event_partners').where({ event_id: id }).delete();
  await ctx.db('event_ensembles').where({ event_id: id }).delete();
  const partners = [...new Set(v.partnerIds)];
  const ensembles = [...new Set(v.ensembleIds)];
  if (partners.length) await ctx.db('event_partners').insert(partners.map((p) => ({ event_id: id, partner_id: p })));
  if (ensembles.length) await ctx.db('event_ensembles').insert(ensembles.map((g) => ({ event_id: id, ensemble_id: g })));
}

async function photosOf(ctx: HandlerContext, eventId: number): Promise<EventPhoto[]> {
  const rows = (await ctx.db('event_photos as p')
    .join('attachments as a', 'a.hash', 'p.attachment_hash')
    .where('p.event_id', eventId)
    .orderBy('p.id')
    .select('p.*', 'a.original_name')) as Row[];
  return Promise.all(
    rows.map(async (r) => ({
      hash: String(r.attachment_hash),
      originalName: String(r.original_name),
      thumbnail: await thumbnailDataUrl(ctx.attachments, String(r.attachment_hash)),
      addedAt: String(r.added_at),
      addedBy: String(r.added_by),
    })),
  );
}

export const eventHandlers: EventHandlers = {
  'seasons.list': (_input, ctx) => seasons(ctx.db),

  'seasons.create': async ({ name, startDate, endDate }, ctx) => {
    await checkSeasonName(ctx, name, null);
    const [row] = (await ctx.db('seasons')
      .insert({ name, start_date: startDate, end_date: endDate, version: 1, ...repo.attributed(ctx.session.actor, ctx.now) })
      .returning('id')) as Array<{ id: number }>;
    const [created] = await seasons(ctx.db, row!.id);
    await ctx.audit({ entity: 'season', entityId: created!.id, action: 'create', after: created });
    return created!;
  },

  'seasons.update': async ({ id, version, name, startDate, endDate }, ctx) => {
    const [before] = await seasons(ctx.db, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await checkSeasonName(ctx, name, id);
    const outside = (await ctx.db('events').where({ season_id: id }).where((w) => w.where('date', '<', startDate).orWhere('date', '>', endDate)).count({ n: '*' })) as Row[];
    if (Number(outside[0]?.n ?? 0) > 0) throw fieldError('startDate', 'programmes.errors.seasonLeavesEvents', { count: Number(outside[0]?.n) });
    await ctx.db('seasons').where({ id, version }).update({ name, start_date: startDate, end_date: endDate, version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    const [after] = await seasons(ctx.db, id);
    await ctx.audit({ entity: 'season', entityId: id, action: 'update', before, after });
    return after!;
  },

  'events.list': ({ seasonId, from, to, type, search }, ctx) =>
    eventsWhere(ctx, (q) => {
      if (seasonId !== null) q.where('e.season_id', seasonId);
      if (from !== null) q.where('e.date', '>=', from);
      if (to !== null) q.where('e.date', '<=', to);
      if (type !== null) q.where('e.type', type);
      if (search) repo.whereWords(q, 'e.title_key', search);
    }),

  'events.get': ({ id }, ctx) => mustEvent(ctx, id),

  'events.create': async (input, ctx) => {
    await checkEvent(ctx, input);
    const [row] = (await ctx.db('events').insert({ ...eventRow(input), version: 1, ...repo.attributed(ctx.session.actor, ctx.now) }).returning('id')) as Array<{
      id: number;
    }>;
    await setLinks(ctx, row!.id, input);
    const created = await mustEvent(ctx, row!.id);
    await ctx.audit({ entity: 'event', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'events.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustEvent(ctx, id);
    if (before.version !== version) throw stale();
    await checkEvent(ctx, values);
    const n = await ctx.db('events')
      .where({ id, version })
      .update({ ...eventRow(values), version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    if (n !== 1) throw stale();
    await setLinks(ctx, id, values);
    const after = await mustEvent(ctx, id);
    await ctx.audit({ entity: 'event', entityId: id, action: 'update', before, after });
    return after;
  },

  'events.photos': async ({ id }, ctx) => {
    await mustEvent(ctx, id);
    return photosOf(ctx, id);
  },

  'events.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustEvent(ctx, id);
    const stored = await storeAttachment(
      ctx.db,
      ctx.attachments,
      { name: fileName, bytes: Buffer.from(dataBase64, 'base64') },
      { kind: 'image', maxBytes: MAX_PHOTO_BYTES },
      ctx.session.actor,
      ctx.now,
    );
    if (!(await ctx.db('event_photos').where({ event_id: id, attachment_hash: stored.hash }).first('id'))) {
      await ctx.db('event_photos').insert({ event_id: id, attachment_hash: stored.hash, added_at: ctx.now, added_by: ctx.session.actor.name });
    }
    await ctx.audit({ entity: 'event', entityId: id, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
    return photosOf(ctx, id);
  },

  'events.removePhoto': async ({ id, hash }, ctx) => {
    await mustEvent(ctx, id);
    const n = await ctx.db('event_photos').where({ event_id: id, attachment_hash: hash }).delete();
    if (n === 0) throw notFound();
    await ctx.audit({ entity: 'event', entityId: id, action: 'photo:remove', before: { hash } });
    return photosOf(ctx, id);
  },
};
