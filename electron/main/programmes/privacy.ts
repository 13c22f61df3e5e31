import type { Session } from '../ipc/context';
import { canSeePersonalData } from '../privacy/personal-data';

/**
 * The one place that decides whether a participant's names (persons deprived of liberty)
 * may leave the database: every list, record, grid, export and certificate that shows a
 * name asks here first; where the answer is no, only the INPE code is shown.
 * The answer is the session's 'personalData' permission (administrador, programas).
 */
export function canSeeNames(session: Session): boolean {
  return canSeePersonalData(session);
}

/** Names as they may be shown to this session: the names, or null for both (the code stands in). */
export function visibleNames(
  session: Session,
  firstNames: string,
  lastNames: string,
): { firstNames: string | null; lastNames: string | null } {
  return canSeeNames(session) ? { firstNames, lastNames } : { firstNames: null, lastNames: null };
}

/*
 * Files with participants' names (participants.export, certificates.issue) leave the app
 * only through exportWithReason / exportTableWithReason (privacy/personal-data.ts): the
 * user gives a reason and the export is logged.
 */
