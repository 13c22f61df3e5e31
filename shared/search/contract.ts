import { channel, type ChannelDef } from '../ipc';
import type { searchChannels } from './channels';
import { GlobalSearchQuery, GlobalSearchResult } from './schemas';

export const searchContract = {
  'search.global': channel('query', GlobalSearchQuery, GlobalSearchResult),
} satisfies { [K in (typeof searchChannels)[number]]: ChannelDef };
