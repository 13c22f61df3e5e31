import type { DomainChannel } from '../../../shared/channels';
import type { DomainHandlers } from '../ipc/context';

/**
 * Privacy answers no channel of its own: the channels that export personal data (a list's export,
 * a participant's file…) ask for the reason and log the export through personal-data.ts.
 */
export const privacyHandlers: DomainHandlers<DomainChannel<'privacy'>> = {};
