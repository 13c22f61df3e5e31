import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { Ensemble } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str, toBool, numOr0 } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { openList } from './common';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

const columns = (db: Knex) => [
  'g.*',
  'e.name as establishment_name',
  db.raw(`(SELECT COUNT(*) FROM enrolments n WHERE n.ensemble_id = g.id AND n.stage IN (${openList()})) AS members`),
];

const toEnsemble = (r: Row): Ensemble => ({
  id: Number(r.id),
  name: String(r.name),
  type: r.type as Ensemble['type'],
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  director: str(r.director),
  formedOn: str(r.formed_on),
  active: toBool(r.active),
  notes: str(r.notes),
  members: numOr0(r.members),
  version: Number(r.version),
});

export async function getEnsemble(db: Knex, id: number): Promise<Ensemble | null> {
  const r = (await joinEstablishment(db('ensembles as g'), 'e', 'g.establishment_id').where('g.id', id).select(columns(db)).first()) as
    Row | undefined;
  return r ? toEnsemble(r) : null;
}

export async function listEnsembles(db: Knex, session: Session, f: ChannelParsedInput<'ensembles.list'>): Promise<Ensemble[]> {
  const q = whereInScope(
    session,
    joinEstablishment(db('ensembles as g'), 'e', 'g.establishment_id').select(columns(db)),
    'g.establishment_id',
  );
  whereWords(q, 'g.name_key', f.search);
  if (f.establishmentId !== null) q.where('g.establishment_id', f.establishmentId);
  if (f.type !== null) q.where('g.type', f.type);
  if (f.status === 'active') q.where('g.active', true);
  if (f.status === 'inactive') q.where('g.active', false);
  return ((await q.orderBy('e.name_key').orderBy('g.name_key')) as Row[]).map(toEnsemble);
}

/** The establishments of these ensembles (one per ensemble found). */
export async function ensembleEstablishmentIds(db: Knex, ids: number[]): Promise<number[]> {
  return ids.length ? ((await db('ensembles').whereIn('id', ids).pluck('establishment_id')) as number[]) : [];
}

export interface EnsembleValues {
  name: string;
  type: string;
  establishmentId: number;
  director: string | null;
  formedOn: string | null;
  notes: string | null;
}

const rowOf = (v: EnsembleValues) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  type: v.type,
  establishment_id: v.establishmentId,
  director: v.director,
  formed_on: v.formedOn,
  notes: v.notes,
});

export async function insertEnsemble(db: Knex, v: EnsembleValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('ensembles'), { ...rowOf(v), active: true, ...firstVersion(actor, now) });
}

/** Answers the rows changed: 0 when another user changed the ensemble first. */
export async function updateEnsemble(
  db: Knex,
  id: number,
  version: number,
  v: EnsembleValues,
  active: boolean,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('ensembles'), id, version, { ...rowOf(v), active }, actor, now);
}
