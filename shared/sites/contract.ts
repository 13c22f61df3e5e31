import { z } from 'zod';
import { channel, NoInput, type ChannelDef } from '../ipc';
import type { siteChannels } from './channels';
import {
  EnrolledSite,
  SiteConflictResolved,
  SiteConflicts,
  SiteEnrol,
  SiteEnrolled,
  SiteInstall,
  SiteInstalled,
  SiteReceived,
  SiteResolveConflict,
  SiteSend,
  SiteSent,
  SiteStatus,
} from './schemas';

/**
 * Prison sites (issue 20, docs/SITES.md). sites.status: this installation's role, for everyone
 * signed in. At the centre, the administrador lists the sites and enrols one: sites.enrol asks
 * where to save the package first (a cancel enrols nothing), then records the site and writes the
 * file in one transaction (a file that cannot be written leaves nothing recorded) and answers the
 * one-time passphrase. sites.install is the first run's «Instalar como sede», before any account
 * exists: only on a new database. sites.writePackage writes the next data package for the centre (at a
 * site) or for a site (at the centre); sites.readPackage reads one (docs/SITES.md decisions 3, 6–8).
 */
export const siteContract = {
  'sites.status': channel('query', NoInput, SiteStatus),
  'sites.list': channel('query', NoInput, z.array(EnrolledSite)),
  /** An action: the save dialog comes before the transaction (sites/handlers.ts), which it then runs itself with its audit entry. */
  'sites.enrol': channel('action', SiteEnrol, SiteEnrolled),
  'sites.install': channel('write', SiteInstall, SiteInstalled),
  /**
   * The exchange of data packages (a USB stick or a shared folder): actions, because the save or
   * open dialog comes before the transaction, which each then runs with its audit entry — a
   * cancel changes nothing, and no transaction waits on the clerk.
   */
  'sites.writePackage': channel('action', SiteSend, SiteSent),
  'sites.readPackage': channel('action', NoInput, SiteReceived),
  /**
   * At the centre (the administrador): the records changed here and at a site since they last met,
   * with both versions (sites/conflicts.ts); sites.resolveConflict keeps one or a combination, in
   * one audited transaction, and the decision travels to the site with its next package.
   */
  'sites.conflicts': channel('query', NoInput, SiteConflicts),
  'sites.resolveConflict': channel('write', SiteResolveConflict, SiteConflictResolved),
} satisfies { [K in (typeof siteChannels)[number]]: ChannelDef };
