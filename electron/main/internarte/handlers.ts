import type { DomainChannel } from '../../../shared/channels';
import type { DomainHandlers } from '../ipc/context';
import { artworkHandlers } from './artworks';
import { catalogHandlers } from './catalog/handlers';
import { exhibitionHandlers } from './exhibitions';

export type InternarteChannel = DomainChannel<'internarte'>;

/**
 * InternArte: the artworks (with their consent, condition and custody ledgers) and the
 * exhibitions (with their checklists and loans), and their printed outputs: the catalog
 * and the wall labels (internarte/catalog/).
 */
export const internarteHandlers: DomainHandlers<InternarteChannel> = {
  ...artworkHandlers,
  ...exhibitionHandlers,
  ...catalogHandlers,
};
