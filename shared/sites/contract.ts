import { z } from 'zod';
import { channel, NoInput, type ChannelDef } from '../ipc';
import type { siteChannels } from './channels';
import { EnrolledSite, SiteEnrol, SiteEnrolled, SiteInstall, SiteInstalled, SiteStatus } from './schemas';

/**
 * Prison sites (issue 20, docs/SITES.md). sites.status: this installation's role, for everyone
 * signed in. At the centre, the administrador lists the sites and enrols one: sites.enrol asks
 * where to save the package first (a cancel enrols nothing), then records the site and writes the
 * file in one transaction (a file that cannot be written leaves nothing recorded) and answers the
 * one-time passphrase. sites.install is the first run's «Instalar como sede», before any account
 * exists: only on a new database.
 */
export const siteContract = {
  'sites.status': channel('query', NoInput, SiteStatus),
  'sites.list': channel('query', NoInput, z.array(EnrolledSite)),
  /** An action: the save dialog comes before the transaction (sites/handlers.ts), which it then runs itself with its audit entry. */
  'sites.enrol': channel('action', SiteEnrol, SiteEnrolled),
  'sites.install': channel('write', SiteInstall, SiteInstalled),
} satisfies { [K in (typeof siteChannels)[number]]: ChannelDef };
