import type { Session } from '../ipc/dispatcher';
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
export function visibleNames(session: Session, firstNames: string, lastNames: string): { firstNames: string | null; lastNames: string | null } {
  return canSeeNames(session) ? { firstNames, lastNames } : { firstNames: null, lastNames: null };
}

export interface PersonalExport {
  /** What was exported: 'participants.export', 'certificates.issue'… */
  what: string;
  /** How many participants' names went into the file. */
  participants: number;
  /** The file written. */
  path: string;
}

/**
 * Records that a file with participants' names left the application.
 *
 * TODO(personalData): a no-op until the export-with-reason log of users and roles lands;
 * then ask for the reason and append it to that log.
 */
export async function logPersonalExport(_session: Session, _entry: PersonalExport): Promise<void> {
  // Intentionally empty for now: see the TODO above.
}
