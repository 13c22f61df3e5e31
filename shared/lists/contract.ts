import { z } from 'zod';
import { channel, ExportResult, type ChannelDef } from '../ipc';
import type { listChannels } from './channels';
import { ListExport, SavedView, ViewRemove, ViewSave, ViewsQuery } from './schemas';

/** A user's saved views of a list, by name (each answers the list's views as they are after it), and a list's export. */
export const listContract = {
  'lists.views': channel('query', ViewsQuery, z.array(SavedView)),
  'lists.saveView': channel('write', ViewSave, z.array(SavedView)),
  'lists.removeView': channel('write', ViewRemove, z.array(SavedView)),
  'lists.export': channel('action', ListExport, ExportResult),
} satisfies { [K in (typeof listChannels)[number]]: ChannelDef };
