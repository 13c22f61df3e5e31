import type { z } from 'zod';
import { consentedArtist, NO_CONSENT, type ConsentState } from '../../../../shared/internarte/rules';
import type { ConsentNow, SmallPhoto } from '../../../../shared/internarte/schemas';
import { hasPermission } from '../../auth/access';
import { str, toBool, type Row } from '../../db/rows';
import { thumbnailDataUrl } from '../../files/attachments';
import type { AttachmentStore } from '../../files/store';
import type { Session } from '../../ipc/context';
import type { Translate } from '../../i18n';

/**
 * How InternArte's rows are read for one session: the artist's real name only for the roles
 * that see it, everyone else the artist as consent allows. No table is named here: these
 * read the rows the other repository files select.
 */

export interface ViewContext {
  session: Session;
  t: Translate;
  attachments: AttachmentStore;
}

/**
 * Whether this session may see artists' real names inside the app: the roles holding the
 * 'artists' permission (administrador, exposiciones: they handle the signed consent forms)
 * or 'personalData'. Everyone else sees each artist as the artist's consent allows.
 */
export const canSeeArtists = (session: Session): boolean => hasPermission(session, 'artists') || hasPermission(session, 'personalData');

/** The artist's real name, from the participant register or as typed in. */
export const realNameOf = (r: Row): string =>
  r.artist_participant_id !== null && r.artist_participant_id !== undefined
    ? `${String(r.p_first_names ?? '')} ${String(r.p_last_names ?? '')}`.trim()
    : String(r.artist_name ?? '');

/** The current consent of a row joined with its latest consent entry (prefix c_). */
export const consentOfRow = (r: Row): ConsentNow =>
  r.c_id === null || r.c_id === undefined
    ? { recorded: false, date: null, ...NO_CONSENT }
    : {
        recorded: true,
        date: str(r.c_date),
        naming: r.c_naming as ConsentNow['naming'],
        pseudonym: str(r.c_pseudonym),
        mayExhibit: toBool(r.c_may_exhibit),
        mayCatalog: toBool(r.c_may_catalog),
        mayPhotograph: toBool(r.c_may_photograph),
        maySell: toBool(r.c_may_sell),
      };

/** The artist as consent allows, with the word for "anonymous" where it names nobody. */
export const consentedLabel = (realName: string, consent: ConsentState, t: Translate): { label: string; anonymous: boolean } => {
  const named = consentedArtist(realName, consent);
  return named === null ? { label: t('internarte.anonymous'), anonymous: true } : { label: named, anonymous: false };
};

/** A photo of a row (a condition report's, a loan's) with its thumbnail, read from the attachment store. */
export const smallPhoto = async (attachments: AttachmentStore, r: Row): Promise<z.infer<typeof SmallPhoto>> => ({
  hash: String(r.attachment_hash),
  originalName: String(r.original_name),
  thumbnail: await thumbnailDataUrl(attachments, String(r.attachment_hash)),
});
