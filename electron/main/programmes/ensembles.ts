import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { openStages } from '../../../shared/programmes/rules';
import type { Ensemble } from '../../../shared/programmes/schemas';
import { AppError, notFound, stale } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import * as repo from './repository';
import { checkEstablishment } from './workshops';
import { requireEstablishment, whereInScope } from '../auth/access';
import { type Row, str, toBool } from '../db/rows';

type EnsembleHandlers = Pick<Handlers, 'ensembles.list' | 'ensembles.get' | 'ensembles.create' | 'ensembles.update'>;

const columns = (db: Knex) => [
  'g.*',
  'e.name as establishment_name',
  db.raw(`(SELECT COUNT(*) FROM enrolments n WHERE n.ensemble_id = g.id AND n.stage IN (${openStages.map((s) => `'${s}'`).join(', ')})) AS members`),
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
  members: Number(r.members ?? 0),
  version: Number(r.version),
});

export async function getEnsemble(db: Knex, id: number): Promise<Ensemble | null> {
  const r = (await db('ensembles as g').join('establishments as e', 'e.id', 'g.establishment_id').where('g.id', id).select(columns(db)).first()) as Row | undefined;
  return r ? toEnsemble(r) : null;
}

async function mustEnsemble(ctx: HandlerContext, id: number): Promise<Ensemble> {
  const g = await getEnsemble(ctx.db, id);
  if (!g) throw notFound();
  requireEstablishment(ctx, g.establishmentId);
  return g;
}

const rowOf = (v: { name: string; type: string; establishmentId: number; director: string | null; formedOn: string | null; notes: string | null }) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  type: v.type,
  establishment_id: v.establishmentId,
  director: v.director,
  formed_on: v.formedOn,
  notes: v.notes,
});

export const ensembleHandlers: EnsembleHandlers = {
  'ensembles.list': async ({ search, establishmentId, type, status }, ctx) => {
    const q = whereInScope(ctx.session, ctx.db('ensembles as g').join('establishments as e', 'e.id', 'g.establishment_id').select(columns(ctx.db)), 'g.establishment_id');
    repo.whereWords(q, 'g.name_key', search);
    if (establishmentId !== null) q.where('g.establishment_id', establishmentId);
    if (type !== null) q.where('g.type', type);
    if (status === 'active') q.where('g.active', true);
    if (status === 'inactive') q.where('g.active', false);
    return ((await q.orderBy('e.name_key').orderBy('g.name_key')) as Row[]).map(toEnsemble);
  },

  'ensembles.get': ({ id }, ctx) => mustEnsemble(ctx, id),

  'ensembles.create': async (input, ctx) => {
    await checkEstablishment(ctx, input.establishmentId);
    const [row] = (await ctx.db('ensembles')
      .insert({ ...rowOf(input), active: true, version: 1, ...repo.attributed(ctx.session.actor, ctx.now) })
      .returning('id')) as Array<{ id: number }>;
    const created = await mustEnsemble(ctx, row!.id);
    await ctx.audit({ entity: 'ensemble', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'ensembles.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustEnsemble(ctx, id);
    if (before.version !== version) throw stale();
    if (values.establishmentId !== before.establishmentId) {
      await checkEstablishment(ctx, values.establishmentId);
      if (before.members > 0) {
        throw new AppError('validation', 'errors.validation', {}, { establishmentId: { key: 'programmes.errors.workshopHasMembers' } });
      }
    }
    const n = await ctx.db('ensembles')
      .where({ id, version })
      .update({ ...rowOf(values), active, version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    if (n !== 1) throw stale();
    const after = await mustEnsemble(ctx, id);
    await ctx.audit({ entity: 'ensemble', entityId: id, action: 'update', before, after });
    return after;
  },
};
