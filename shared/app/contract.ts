import { z } from 'zod';
import { channel, NoInput, type ChannelDef } from '../ipc';
import type { appChannels } from './channels';
import { AppInfo, DemoLoaded, ReportError, SetLocale, ShowInFolder } from './schemas';

export const appContract = {
  'app.info': channel('query', NoInput, AppInfo),
  'app.setLocale': channel('write', SetLocale, SetLocale),
  'demo.load': channel('write', NoInput, DemoLoaded),
  'files.showInFolder': channel('action', ShowInFolder, z.object({ shown: z.boolean() })),
  // Writes only to the log (no data, no audit entry): a query, allowed before signing in.
  'app.reportError': channel('query', ReportError, z.object({ logged: z.boolean() })),
} satisfies { [K in (typeof appChannels)[number]]: ChannelDef };
