import type { Knex } from 'knex';
import type { ChannelParsedInput } from '../../../shared/contract';
import { formatDate, formatDateTime, normalizeText } from '../../../shared/format';
import type { ConflictField, SiteConflict, SiteConflictResolved, SiteConflicts } from '../../../shared/sites/schemas';
import type { Row } from '../db/rows';
import type { Translate } from '../i18n';
import type { HandlerContext } from '../ipc/context';
import { AppError, fieldError } from '../ipc/errors';
import { instrumentSearchText } from '../inventory/repository/instruments';
import { participantSearchText, participantSortKey } from '../programmes/repository/participants';
import { tableLabel } from './apply';
import { installationRole } from './installation';
import { whereOf } from './batch';
import { BOOKKEEPING, decodeRow, encodeRow, GidMap, REFS, parentTable, sameValue } from './rows';
import { TRAVELLING } from './travelling';

/**
 * The conflicts list at the centre and its resolution (issue 20, docs/SITES.md decision 8). A
 * register row changed at the centre and at a site since they last met is kept as the centre's
 * while sites/apply.ts writes both versions to `site_conflicts`; here the administrador sees the
 * fields that differ, side by side, and keeps the centre's version, the site's, or a combination
 * field by field. The decision is an ordinary write of the row (one audited transaction): the
 * capture triggers log it, so the next return package carries the decided row to the site, over
 * the site's version (the centre marked it seen when the conflict was found: the site applies it
 * as not changed there since). Even when the centre's own values are kept, the row is written
 * (its version bumped, or a column set to its own value) so that the decision travels. A site
 * that changed the row again after the conflicting version keeps its own, and its next package
 * makes a new conflict here.
 */

/** Columns never shown nor chosen: ids, each installation's bookkeeping and what is derived from other columns. */
const HIDDEN = new Set([
  'id',
  'gid',
  ...BOOKKEEPING,
  'updated_at',
  'updated_by',
  'search_text',
  'sort_key',
  'name_key',
  'movement_count',
  'absence_run',
  'attendance_at',
  'attendance_by',
]);

/** Columns stored as 0/1 on SQLite that mean yes or no. */
const BOOLEANS = new Set(['present', 'active', 'enrolments_ended']);

/** How many resolved conflicts the list shows (the last ones). */
const RESOLVED_SHOWN = 50;

/** The columns derived from others, written again from the decided values. */
function derived(table: string, row: Row): Row {
  const s = (c: string) => (row[c] === null || row[c] === undefined ? '' : String(row[c]));
  if (table === 'participants')
    return {
      search_text: participantSearchText(s('code'), s('first_names'), s('last_names')),
      sort_key: participantSortKey(s('first_names'), s('last_names')),
    };
  if (table === 'instruments')
    return {
      search_text: instrumentSearchText({
        code: s('code'),
        serialNumber: s('serial_number') || null,
        brand: s('brand') || null,
        model: s('model') || null,
      }),
    };
  if ('name_key' in row && 'name' in row) return { name_key: normalizeText(s('name')) };
  return {};
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** The columns of a parents' key (a mark by its session and participant): what the row is, not what may differ. */
const keyColumns = (table: string): string[] => {
  const k = TRAVELLING[table];
  return k?.kind === 'parents' ? k.parents.map((p) => p.column) : [];
};

/** The columns that differ between two travelling versions of a row: those shown, and the hidden ones (bookkeeping, derived). */
function differing(table: string, centre: Row, site: Row): { shown: string[]; hidden: string[] } {
  const keys = new Set(keyColumns(table));
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const c of new Set([...Object.keys(centre), ...Object.keys(site)])) {
    if (keys.has(c) || sameValue(centre[c], site[c])) continue;
    (HIDDEN.has(c) ? hidden : shown).push(c);
  }
  return { shown, hidden };
}

/** The local row a conflict is about (by its gid, or by its parents' keys), or null when it is gone. */
async function localRow(db: Knex, map: GidMap, table: string, key: string, incoming: Row): Promise<{ row: Row; where: Row } | null> {
  const k = TRAVELLING[table];
  if (!k) return null;
  let decoded: Row = {};
  if (k.kind === 'parents') {
    const { row, missing } = await decodeRow(map, table, incoming);
    if (missing) return null;
    decoded = row;
  }
  const where = whereOf(table, key, decoded);
  const row = (await db(table).where(where).first()) as Row | undefined;
  return row ? { row, where } : null;
}

/** A local row in the reader's words: a participant's names and code, an instrument's code, a workshop's name, a session's date… */
async function describe(db: Knex, map: GidMap, table: string, row: Row): Promise<string> {
  const s = (c: string) => (isEmpty(row[c]) ? '' : String(row[c]));
  if ('first_names' in row) {
    const names = `${s('first_names')} ${s('last_names')}`.trim();
    return row.code ? `${names} (${s('code')})` : names;
  }
  if (table === 'instruments') return [s('code'), s('brand'), s('model')].filter(Boolean).join(' · ');
  if ('name' in row) return s('name');
  if (table === 'workshop_sessions') {
    const workshop = row.workshop_id
      ? ((await db('workshops').where({ id: row.workshop_id }).first('name')) as Row | undefined)
      : undefined;
    return [workshop ? String(workshop.name) : '', formatDate(s('date'))].filter(Boolean).join(' · ');
  }
  const k = TRAVELLING[table];
  if (k?.kind === 'parents') {
    const parts: string[] = [];
    for (const p of k.parents) {
      if (p.table === 'attachments' || isEmpty(row[p.column])) continue;
      const parent = (await db(p.table).where({ id: row[p.column] }).first()) as Row | undefined;
      if (parent) parts.push(await describe(db, map, p.table, parent));
    }
    return parts.filter(Boolean).join(' · ');
  }
  if ('code' in row) return s('code');
  if ('date' in row) return formatDate(s('date'));
  return '';
}

/** A referenced row (by its gid) in the reader's words, or null when it is not here. */
async function describeGid(db: Knex, map: GidMap, table: string, gid: string): Promise<string | null> {
  const row = (await db(table).where({ gid }).first()) as Row | undefined;
  return row ? describe(db, map, table, row) : null;
}

/** A travelling value as display text: a reference by its row's name, dates as dd/mm/aaaa, yes or no. */
async function display(db: Knex, map: GidMap, t: Translate, table: string, column: string, value: unknown, row: Row): Promise<string> {
  if (isEmpty(value)) return t('sites.conflicts.empty');
  const refs = REFS[table] ?? {};
  if (column in refs) {
    const parent = parentTable(refs, column, row);
    if (parent === 'attachments') return t('sites.conflicts.attachment');
    if (parent) return (await describeGid(db, map, parent, String(value))) ?? t('sites.conflicts.unknownRecord');
  }
  if (typeof value === 'boolean' || BOOLEANS.has(column))
    return t(value === true || Number(value) === 1 ? 'sites.conflicts.yes' : 'sites.conflicts.no');
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(text);
  return t(`sites.conflicts.values.${column}.${text}`, { defaultValue: text });
}

/** A column's name in the reader's words. */
const columnLabel = (column: string, t: Translate) => t(`sites.conflicts.columns.${column}`, { defaultValue: column });

const parse = (json: unknown): Row => (json === null || json === undefined ? {} : (JSON.parse(String(json)) as Row));

/** The centre's version now (its current row, encoded as it travels) and the site's, of a conflict's row. */
async function versionsOf(db: Knex, map: GidMap, c: Row) {
  const table = String(c.table_name);
  const site = parse(c.incoming_json);
  const found = await localRow(db, map, table, String(c.row_key), site);
  const centre = found ? await encodeRow(map, table, found.row) : parse(c.local_json);
  return { table, site, centre, found };
}

const refuseAtSite = async (db: Knex) => {
  if ((await installationRole(db)) === 'sede') throw new AppError('conflict', 'sites.conflicts.notCentral');
};

async function conflictOf(db: Knex, map: GidMap, t: Translate, c: Row, open: boolean): Promise<SiteConflict> {
  // An open conflict shows the centre's row as it is now (what «Oficina central» keeps); a resolved one, both versions as found.
  const { table, site, centre, found } = open
    ? await versionsOf(db, map, c)
    : { table: String(c.table_name), site: parse(c.incoming_json), centre: parse(c.local_json), found: null };
  const { shown } = differing(table, centre, site);
  const fields: ConflictField[] = [];
  for (const column of shown)
    fields.push({
      column,
      label: columnLabel(column, t),
      centre: await display(db, map, t, table, column, centre[column], centre),
      site: await display(db, map, t, table, column, site[column], site),
    });
  let record = found ? await describe(db, map, table, found.row) : '';
  if (!record) {
    const k = TRAVELLING[table];
    record = k?.kind === 'gid' ? ((await describeGid(db, map, table, String(c.row_key))) ?? '') : '';
  }
  const choice = c.choice === null || c.choice === undefined ? null : (String(c.choice) as SiteConflict['choice']);
  return {
    id: Number(c.id),
    siteId: Number(c.site_id),
    establishmentName: String(c.establishment_name),
    what: tableLabel(table, t),
    record,
    detectedAt: String(c.detected_at),
    packageSeq: Number(c.package_seq),
    fields,
    resolvedAt: c.resolved_at === null || c.resolved_at === undefined ? null : String(c.resolved_at),
    resolvedBy: c.resolved_by === null || c.resolved_by === undefined ? null : String(c.resolved_by),
    choice,
  };
}

const withSite = (db: Knex) =>
  db('site_conflicts as c')
    .join('sites as s', 's.id', 'c.site_id')
    .join('establishments as e', 'e.id', 's.establishment_id')
    .select('c.*', 'e.name as establishment_name');

/**
 * sites.conflicts: the open conflicts (one per row and site: a later package's conflict of the
 * same row stands for the earlier ones) and the last resolved ones, newest first.
 */
export async function listConflicts(db: Knex, t: Translate): Promise<SiteConflicts> {
  await refuseAtSite(db);
  const map = new GidMap(db);
  const openRows = (await withSite(db).whereNull('c.resolved_at').orderBy('c.id', 'desc')) as Row[];
  const seen = new Set<string>();
  const open: SiteConflict[] = [];
  for (const c of openRows) {
    const k = `${String(c.site_id)}\u0000${String(c.table_name)}\u0000${String(c.row_key)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    open.push(await conflictOf(db, map, t, c, true));
  }
  open.reverse();
  const resolvedRows = (await withSite(db)
    .whereNotNull('c.resolved_at')
    .orderBy('c.resolved_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(RESOLVED_SHOWN)) as Row[];
  const resolved: SiteConflict[] = [];
  for (const c of resolvedRows) resolved.push(await conflictOf(db, map, t, c, false));
  return { open, resolved };
}

/** Open conflicts per site (the «Sedes» page's badge). */
export async function openConflictCounts(db: Knex): Promise<Map<number, number>> {
  const rows = (await db('site_conflicts').whereNull('resolved_at').groupBy('site_id', 'table_name', 'row_key').select('site_id')) as Row[];
  const out = new Map<number, number>();
  for (const r of rows) out.set(Number(r.site_id), (out.get(Number(r.site_id)) ?? 0) + 1);
  return out;
}

/**
 * sites.resolveConflict, inside the channel's audited transaction: the conflict is claimed first
 * (resolved_at set only while still open: a clerk who resolved it meanwhile wins, and this one is
 * told so), then the decided values are written to the centre's row — always written, so that
 * the change capture logs it and the decision travels to the site.
 */
export async function resolveConflict(
  { conflictId, choice, fields = {} }: ChannelParsedInput<'sites.resolveConflict'>,
  ctx: HandlerContext,
): Promise<SiteConflictResolved> {
  const db = ctx.db;
  await refuseAtSite(db);
  const c = (await withSite(db).where('c.id', conflictId).first()) as Row | undefined;
  if (!c) throw new AppError('not_found', 'sites.conflicts.unknown');
  if (c.resolved_at !== null && c.resolved_at !== undefined)
    throw new AppError('conflict', 'sites.conflicts.alreadyResolved', {
      by: String(c.resolved_by ?? ''),
      at: formatDateTime(String(c.resolved_at)),
    });
  const map = new GidMap(db);
  const { table, site, centre, found } = await versionsOf(db, map, c);
  if (!found) throw new AppError('conflict', 'sites.conflicts.rowGone');
  const { shown } = differing(table, centre, site);
  const named = Object.keys(fields);
  if (choice !== 'combinado' && named.length) throw fieldError('fields', 'sites.conflicts.fieldsOnlyCombined');
  if (choice === 'combinado') {
    if (!named.length) throw fieldError('fields', 'sites.conflicts.pickFields');
    for (const column of named)
      if (!shown.includes(column))
        throw fieldError(`fields.${column}`, 'sites.conflicts.notDiffering', { field: columnLabel(column, ctx.t) });
  }
  const sideOf = (column: string): 'centro' | 'sede' => (choice === 'combinado' ? (fields[column] ?? 'centro') : choice);

  // Claimed while still open (a concurrent resolution of the same conflict waits for this row and then finds it closed).
  const claimed = await db('site_conflicts')
    .where({ id: conflictId })
    .whereNull('resolved_at')
    .update({ resolved_at: ctx.now, resolved_by: ctx.session.actor.name, choice });
  if (claimed === 0) {
    const now = (await db('site_conflicts').where({ id: conflictId }).first('resolved_by', 'resolved_at')) as Row;
    throw new AppError('conflict', 'sites.conflicts.alreadyResolved', {
      by: String(now.resolved_by ?? ''),
      at: formatDateTime(String(now.resolved_at ?? '')),
    });
  }
  // Earlier open conflicts of the same row (from earlier packages) are settled by this decision too.
  await db('site_conflicts')
    .where({ site_id: c.site_id, table_name: table, row_key: c.row_key })
    .whereNull('resolved_at')
    .update({ resolved_at: ctx.now, resolved_by: ctx.session.actor.name, choice });

  // The site's values of the fields it keeps, and (for the whole site's version) what is derived from them.
  const fromSite: Row = {};
  for (const column of shown) if (sideOf(column) === 'sede') fromSite[column] = site[column] ?? null;
  if ('custodian_id' in fromSite) fromSite.custodian_type = 'custodian_type' in fromSite ? fromSite.custodian_type : site.custodian_type;
  const { row: decoded, missing } = await decodeRow(map, table, fromSite);
  if (missing) throw new AppError('conflict', 'sites.conflicts.missingParent', { what: tableLabel(missing.split(':')[0]!, ctx.t) });
  const changes: Row = { ...decoded };
  delete changes.updated_at;
  delete changes.updated_by;
  const merged = { ...found.row, ...changes };
  for (const [column, value] of Object.entries(derived(table, merged))) if (column in found.row) changes[column] = value;
  if ('version' in found.row) changes.version = Number(found.row.version) + 1;
  if ('updated_at' in found.row) changes.updated_at = ctx.now;
  if ('updated_by' in found.row) changes.updated_by = ctx.session.actor.name;
  if (Object.keys(changes).length === 0) {
    // Nothing to write (a mark whose centre's value is kept): written to its own value all the same, so that it travels.
    const column = Object.keys(found.row).find((k) => !(k in found.where) && k !== 'id' && k !== 'gid');
    if (column) changes[column] = found.row[column];
  }
  await db(table).where(found.where).update(changes);

  const values = (side: Row) => Object.fromEntries(shown.map((column) => [column, side[column] ?? null]));
  await ctx.audit({
    entity: 'siteConflict',
    entityId: conflictId,
    action: 'resolve',
    before: { centre: values(centre), site: values(site) },
    after: {
      site: String(c.establishment_name),
      table,
      key: String(c.row_key),
      choice,
      kept: Object.fromEntries(shown.map((column) => [column, sideOf(column)])),
    },
  });
  return { id: conflictId, choice, resolvedAt: ctx.now, establishmentName: String(c.establishment_name) };
}
