import type { internarteDomainChannels } from '../../../shared/internarte/channels';
import type { DomainHandlers } from '../ipc/context';
import { artworkHandlers } from './artworks';
import { exhibitionHandlers } from './exhibitions';

export type InternarteChannel = (typeof internarteDomainChannels)[number];

/**
 * InternArte: the artworks (with their consent, condition and custody ledgers) and the
 * exhibitions (with their checklists and loans). The printed outputs are the catalog
 * domain's (internarte/catalog/handlers.ts).
 */
export const internarteHandlers: DomainHandlers<InternarteChannel> = {
  ...artworkHandlers,
  ...exhibitionHandlers,
};
