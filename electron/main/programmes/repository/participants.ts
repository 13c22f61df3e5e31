import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type {
  Participant,
  ParticipantFilter,
  ParticipantHit,
  ParticipantMovement,
  participantSortColumns,
} from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str, toCount, stampedOf, recordedOf, numOr0 } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { visibleNames } from '../privacy';
import { openList } from './common';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';

type PFilter = { [K in keyof ParticipantFilter]-?: Exclude<ParticipantFilter[K], undefined> };

const participantSort: Record<(typeof participantSortColumns)[number], string> = {
  name: 'p.sort_key',
  code: 'p.code',
  establishment: 'e.name_key',
  status: 'p.status',
  birthYear: 'p.birth_year',
};

export const participantSearchText = (code: string, firstNames: string, lastNames: string) =>
  normalizeText(`${code} ${lastNames} ${firstNames}`);
export const participantSortKey = (firstNames: string, lastNames: string) => normalizeText(`${lastNames} ${firstNames}`);

function participantsQuery(db: Knex, session: Session, f: PFilter): Knex.QueryBuilder {
  const q = whereInScope(session, joinEstablishment(db('participants as p'), 'e', 'p.establishment_id'), 'p.establishment_id');
  whereWords(q, 'p.search_text', f.search);
  if (f.establishmentId !== null) q.where('p.establishment_id', f.establishmentId);
  if (f.status !== null) q.where('p.status', f.status);
  if (f.sex !== null) q.where('p.sex', f.sex);
  return q;
}

const participantColumns = (db: Knex) => [
  'p.*',
  'e.name as establishment_name',
  db.raw(`(SELECT COUNT(*) FROM enrolments n WHERE n.participant_id = p.id AND n.stage IN (${openList()})) AS open_n`),
];

export const toParticipant =
  (session: Session) =>
  (r: Row): Participant => ({
    id: Number(r.id),
    code: String(r.code),
    ...visibleNames(session, String(r.first_names), String(r.last_names)),
    sex: r.sex as Participant['sex'],
    birthYear: Number(r.birth_year),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    status: r.status as Participant['status'],
    openEnrolments: numOr0(r.open_n),
    ...stampedOf(r),
  });

export async function listParticipants(
  db: Knex,
  session: Session,
  f: PFilter & SortedPageAt<(typeof participantSortColumns)[number]>,
): Promise<Page<Participant>> {
  const countQ = whereInScope(session, db('participants as p'), 'p.establishment_id');
  whereWords(countQ, 'p.search_text', f.search);
  if (f.establishmentId !== null) countQ.where('p.establishment_id', f.establishmentId);
  if (f.status !== null) countQ.where('p.status', f.status);
  if (f.sex !== null) countQ.where('p.sex', f.sex);
  const [c] = (await countQ.count({ n: '*' })) as Row[];
  const rows = (await sortedPage(
    participantsQuery(db, session, f).select(participantColumns(db)),
    participantSort[f.sort],
    'p.id',
    f,
  )) as Row[];
  return { rows: rows.map(toParticipant(session)), total: toCount(c), page: f.page, pageSize: f.pageSize };
}

export async function allParticipants(db: Knex, session: Session, f: PFilter): Promise<Participant[]> {
  return ((await participantsQuery(db, session, f).select(participantColumns(db)).orderBy('p.sort_key')) as Row[]).map(
    toParticipant(session),
  );
}

export async function getParticipant(db: Knex, session: Session, id: number): Promise<Participant | null> {
  const r = (await joinEstablishment(db('participants as p'), 'e', 'p.establishment_id')
    .select(participantColumns(db))
    .where('p.id', id)
    .first()) as Row | undefined;
  return r ? toParticipant(session)(r) : null;
}

/** Type-ahead: code prefix first (an index seek), then every word anywhere in code and names. */
export async function searchParticipants(
  db: Knex,
  session: Session,
  q: { q: string; establishmentId: number | null; activeOnly: boolean; limit: number },
): Promise<ParticipantHit[]> {
  const scope = (b: Knex.QueryBuilder) => {
    whereInScope(session, b, 'p.establishment_id');
    if (q.establishmentId !== null) b.where('p.establishment_id', q.establishmentId);
    if (q.activeOnly) b.where('p.status', 'activo');
    return b;
  };
  const cols = ['p.id', 'p.code', 'p.first_names', 'p.last_names', 'p.establishment_id', 'p.status', 'e.name as establishment_name'];
  const base = () => scope(joinEstablishment(db('participants as p'), 'e', 'p.establishment_id'));
  const code = q.q.trim().toUpperCase();
  const byCode = /^[A-Z0-9-]+$/.test(code)
    ? ((await base()
        .where('p.code', '>=', code)
        .where('p.code', '<', `${code}\uffff`)
        .select(cols)
        .orderBy('p.code')
        .limit(q.limit)) as Row[])
    : [];
  const seen = new Set(byCode.map((r) => Number(r.id)));
  const rest =
    byCode.length < q.limit
      ? ((await whereWords(base(), 'p.search_text', q.q).select(cols).orderBy('p.sort_key').limit(q.limit)) as Row[]).filter(
          (r) => !seen.has(Number(r.id)),
        )
      : [];
  return [...byCode, ...rest].slice(0, q.limit).map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    ...visibleNames(session, String(r.first_names), String(r.last_names)),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    status: r.status as ParticipantHit['status'],
  }));
}

/** The id of the participant with this INPE code, or null. */
export async function participantIdByCode(db: Knex, code: string): Promise<number | null> {
  const r = (await db('participants').where({ code }).first('id')) as { id: number } | undefined;
  return r ? r.id : null;
}

/** The participants with these INPE codes (in capitals): id, code, establishment and version, for the import. */
export async function participantsByCodes(db: Knex, codes: string[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    out.push(
      ...((await db('participants')
        .whereIn('code', codes.slice(i, i + 500))
        .select('id', 'code', 'establishment_id')) as Row[]),
    );
  }
  return out;
}

/** A participant's version and the fields an import may update (names included: main only, never sent out). */
export async function participantVersion(
  db: Knex,
  id: number,
): Promise<{ version: number; code: string; sex: string; birthYear: number; firstNames: string; lastNames: string } | null> {
  const r = (await db('participants').where({ id }).first('version', 'code', 'sex', 'birth_year', 'first_names', 'last_names')) as
    Row | undefined;
  if (!r) return null;
  return {
    version: Number(r.version),
    code: String(r.code),
    sex: String(r.sex),
    birthYear: Number(r.birth_year),
    firstNames: String(r.first_names),
    lastNames: String(r.last_names),
  };
}

/** These participants' code, status and establishment (those that exist). */
export async function participantsByIds(db: Knex, ids: number[]): Promise<Row[]> {
  return (await db('participants').whereIn('id', ids).select('id', 'code', 'status', 'establishment_id')) as Row[];
}

export interface ParticipantValues {
  code: string;
  firstNames: string;
  lastNames: string;
  sex: string;
  birthYear: number;
}

const participantRow = (v: ParticipantValues) => ({
  code: v.code,
  first_names: v.firstNames,
  last_names: v.lastNames,
  sex: v.sex,
  birth_year: v.birthYear,
  search_text: participantSearchText(v.code, v.firstNames, v.lastNames),
  sort_key: participantSortKey(v.firstNames, v.lastNames),
});

export async function insertParticipant(
  db: Knex,
  v: ParticipantValues & { establishmentId: number },
  actor: Actor,
  now: string,
): Promise<number> {
  return insertId(db('participants'), {
    ...participantRow(v),
    establishment_id: v.establishmentId,
    status: 'activo',
    ...firstVersion(actor, now),
  });
}

/** Answers the rows changed: 0 when another user changed the participant first. */
export async function updateParticipant(
  db: Knex,
  id: number,
  version: number,
  v: ParticipantValues,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('participants'), id, version, participantRow(v), actor, now);
}

/** A custody change's new status and establishment; 0 rows when another user changed the participant first. */
export async function setCustody(
  db: Knex,
  id: number,
  version: number,
  status: string,
  establishmentId: number,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('participants'), id, version, { status, establishment_id: establishmentId }, actor, now);
}

// ── Custody movements (a ledger) ────────────────────────────────────────────────

export interface MovementValues {
  kind: string;
  date: string;
  fromEstablishmentId: number | null;
  toEstablishmentId: number | null;
  statusAfter: string;
  documentNumber: string | null;
  notes: string | null;
  enrolmentsEnded: number;
  /** At a release only (issue 17): read back only as aggregates (programmes/repository/for-evaluation.ts). */
  continuesPractice?: boolean | null;
  referralPartnerId?: number | null;
  referralNote?: string | null;
}

/** The first movement of a participant just registered: their "alta", active, in their establishment. */
export const altaMovement = (date: string, establishmentId: number): MovementValues => ({
  kind: 'alta',
  date,
  fromEstablishmentId: null,
  toEstablishmentId: establishmentId,
  statusAfter: 'activo',
  documentNumber: null,
  notes: null,
  enrolmentsEnded: 0,
});

/** Appends one movement to a participant's custody ledger. */
export async function appendMovement(db: Knex, participantId: number, m: MovementValues, actor: Actor, now: string): Promise<void> {
  await db('participant_movements').insert({
    participant_id: participantId,
    kind: m.kind,
    date: m.date,
    from_establishment_id: m.fromEstablishmentId,
    to_establishment_id: m.toEstablishmentId,
    status_after: m.statusAfter,
    document_number: m.documentNumber,
    notes: m.notes,
    enrolments_ended: m.enrolmentsEnded,
    continues_practice: m.continuesPractice ?? null,
    referral_partner_id: m.referralPartnerId ?? null,
    referral_note: m.referralNote ?? null,
    recorded_at: now,
    recorded_by: actor.name,
  });
}

export async function lastMovementDate(db: Knex, participantId: number): Promise<string | null> {
  const r = (await db('participant_movements').where({ participant_id: participantId }).max({ d: 'date' })) as Array<{ d: string | null }>;
  return r[0]?.d ?? null;
}

export async function movementsOf(db: Knex, participantId: number): Promise<ParticipantMovement[]> {
  const q = db('participant_movements as m');
  joinEstablishment(q, 'f', 'm.from_establishment_id', 'left');
  joinEstablishment(q, 't', 'm.to_establishment_id', 'left');
  const rows = (await q
    .where('m.participant_id', participantId)
    .orderBy('m.id', 'desc')
    .select('m.*', 'f.name as from_name', 't.name as to_name')) as Row[];
  return rows.map((r): ParticipantMovement => ({
    id: Number(r.id),
    kind: r.kind as ParticipantMovement['kind'],
    date: String(r.date),
    fromEstablishmentName: str(r.from_name),
    toEstablishmentName: str(r.to_name),
    statusAfter: r.status_after as ParticipantMovement['statusAfter'],
    documentNumber: str(r.document_number),
    notes: str(r.notes),
    enrolmentsEnded: Number(r.enrolments_ended),
    ...recordedOf(r),
  }));
}
