import type { CustodianType } from '../../../shared/inventory/rules';
import type { Instrument, Movement } from '../../../shared/inventory/schemas';
import type { Translate } from '../i18n';
import type { Session } from '../ipc/context';
import { canSeePersonalData } from '../privacy/personal-data';

/**
 * The one place that decides how an instrument's custodian leaves main. A participant (a
 * person deprived of liberty) holding an instrument is named — name and INPE code, both in
 * the custodian's name — only to roles with the personal-data permission; every other role
 * reads "Nombre reservado" with the custodian type kept (so the screen still knows the
 * instrument is held and offers its return). Teachers and ensembles are shown as recorded.
 *
 * Used by every output that carries a custodian: instruments.list/get/history and the
 * writes that answer an instrument, instruments.export, the inventory report by
 * establishment (PDF and XLSX) and the refusals of a movement. The stored ledger is never
 * touched: only what is answered or written to a file.
 */

interface Viewer {
  session: Session;
  t: Translate;
}

/** Whether this custodian's name is withheld from the viewer. */
export const custodianWithheld = (session: Session, type: CustodianType | null | undefined): boolean =>
  type === 'participante' && !canSeePersonalData(session);

/** The custodian's name as the viewer may read it (null when there is no custodian). */
export function shownCustodianName(v: Viewer, type: CustodianType | null, name: string | null): string | null {
  if (name === null) return null;
  return custodianWithheld(v.session, type) ? v.t('inventory.custodian.withheld') : name;
}

/** The custodian as one cell of a file (export, report): the name, or "Nombre reservado (Participante)". */
export function custodianCell(v: Viewer, type: CustodianType | null, name: string | null): string | null {
  if (name === null) return null;
  return custodianWithheld(v.session, type) ? `${v.t('inventory.custodian.withheld')} (${v.t(`inventory.custodianTypes.${type}`)})` : name;
}

/** An instrument as the viewer may see it. */
export const shownInstrument = (v: Viewer, i: Instrument): Instrument =>
  custodianWithheld(v.session, i.custodianType) ? { ...i, custodianName: shownCustodianName(v, i.custodianType, i.custodianName) } : i;

/** A movement of the history as the viewer may see it. */
export const shownMovement = (v: Viewer, m: Movement): Movement =>
  custodianWithheld(v.session, m.custodianType) ? { ...m, custodianName: shownCustodianName(v, m.custodianType, m.custodianName) } : m;

/** How many of these instruments a file would name a participant for (0 when the viewer's role sees no names). */
export const participantNamesIn = (session: Session, instruments: Instrument[]): number =>
  canSeePersonalData(session) ? instruments.filter((i) => i.custodianType === 'participante' && i.custodianName !== null).length : 0;
