import { limaToday } from '../../../shared/contracts/rules';
import type { dashboardChannels } from '../../../shared/dashboard/channels';
import { establishmentScope, sessionMayCall } from '../auth/access';
import { establishmentFigures } from '../establishments/repository';
import { dashboardCharts } from '../evaluation/for-dashboard';
import type { DomainHandlers } from '../ipc/context';

/** The home page's figures: the establishments in the programme, by regional office and population; and its small charts. */
export const dashboardHandlers: DomainHandlers<(typeof dashboardChannels)[number]> = {
  'dashboard.summary': async (_input, ctx) => establishmentFigures(ctx.db),

  // Each chart only for a role that reads its module (as its own page would answer), within the user's establishments.
  'dashboard.charts': async (_input, ctx) =>
    dashboardCharts(
      ctx.db,
      {
        instruments: sessionMayCall(ctx.session, 'instruments.list'),
        attendance: sessionMayCall(ctx.session, 'attendance.get'),
        budget: sessionMayCall(ctx.session, 'budget.summary'),
        scope: establishmentScope(ctx.session),
      },
      limaToday(ctx.now),
    ),
};
