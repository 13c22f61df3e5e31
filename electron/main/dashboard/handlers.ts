import type { dashboardChannels } from '../../../shared/dashboard/channels';
import { establishmentFigures } from '../establishments/repository';
import type { DomainHandlers } from '../ipc/context';

/** The home page's figures: the establishments in the programme, by regional office and population. */
export const dashboardHandlers: DomainHandlers<(typeof dashboardChannels)[number]> = {
  'dashboard.summary': async (_input, ctx) => establishmentFigures(ctx.db),
};
