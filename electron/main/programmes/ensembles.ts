import type { Ensemble } from '../../../shared/programmes/schemas';
import { stale, orNotFound, fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import * as repo from './repository';
import { checkEstablishment } from './workshops';
import { requireEstablishment } from '../auth/access';

type EnsembleChannel = 'ensembles.list' | 'ensembles.get' | 'ensembles.create' | 'ensembles.update';

async function mustEnsemble(ctx: HandlerContext, id: number): Promise<Ensemble> {
  const g = orNotFound(await repo.getEnsemble(ctx.db, id));
  requireEstablishment(ctx, g.establishmentId);
  return g;
}

export const ensembleHandlers: DomainHandlers<EnsembleChannel> = {
  'ensembles.list': (q, ctx) => repo.listEnsembles(ctx.db, ctx.session, q),

  'ensembles.get': ({ id }, ctx) => mustEnsemble(ctx, id),

  'ensembles.create': async (input, ctx) => {
    await checkEstablishment(ctx, input.establishmentId);
    const created = await mustEnsemble(ctx, await repo.insertEnsemble(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'ensemble', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'ensembles.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustEnsemble(ctx, id);
    if (before.version !== version) throw stale();
    if (values.establishmentId !== before.establishmentId) {
      await checkEstablishment(ctx, values.establishmentId);
      if (before.members > 0) {
        throw fieldError('establishmentId', 'programmes.errors.workshopHasMembers');
      }
    }
    const n = await repo.updateEnsemble(ctx.db, id, version, values, active, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustEnsemble(ctx, id);
    await ctx.audit({ entity: 'ensemble', entityId: id, action: 'update', before, after });
    return after;
  },
};
