import type { Knex } from 'knex';
import type { ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { centreOnlyAtSite } from '../../../shared/sites/site-writes';
import { AppError } from '../ipc/errors';
import { installationRole } from './installation';

/**
 * What a site may not do (issue 20 item 2): a write that is the central office's decision
 * (shared/sites/site-writes.ts) is refused at a sede, before its handler runs, with nothing
 * changed. The installation's role is read only for such a call, so the centre and every read pay
 * nothing for it.
 */
export async function siteRefusal(db: Knex, channel: ChannelName, input: unknown): Promise<AppError | null> {
  if (!centreOnlyAtSite(channel, contract[channel].kind, input)) return null;
  return (await installationRole(db)) === 'sede' ? new AppError('forbidden', 'sites.errors.centreOnly') : null;
}
