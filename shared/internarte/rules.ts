/**
 * InternArte's pure rules, shared by main (which enforces them) and the renderer (which
 * offers only what applies): the code lists, the custody state machine of an artwork, and
 * how consent names an artist. Current state is never typed: custody is what the ledger's
 * entries, applied in order, leave; consent is the latest entry of its ledger.
 */

export const techniques = [
  'ceramica_alta_temperatura',
  'escultura',
  'pintura_oleo',
  'acrilico',
  'dibujo',
  'grabado',
  'textil',
  'tallado',
  'retablo',
  'otra',
] as const;
export type Technique = (typeof techniques)[number];

export const saleStatuses = ['no_a_la_venta', 'disponible', 'reservada', 'vendida'] as const;
export type SaleStatus = (typeof saleStatuses)[number];

export const namingModes = ['nombre_completo', 'iniciales', 'seudonimo', 'anonimo'] as const;
export type NamingMode = (typeof namingModes)[number];

export const conditionGrades = ['bueno', 'regular', 'malo'] as const;
export type ConditionGrade = (typeof conditionGrades)[number];

export const sectionModes = ['ninguna', 'establecimiento', 'tecnica', 'libre'] as const;
export type SectionMode = (typeof sectionModes)[number];

// ── Custody ─────────────────────────────────────────────────────────────────────

export const custodyStatuses = ['en_taller', 'en_transito', 'en_sala', 'prestada', 'vendida', 'devuelta_al_autor'] as const;
export type CustodyStatus = (typeof custodyStatuses)[number];

/** Where the work's story ends: nothing follows. */
export const finalStatuses: readonly CustodyStatus[] = ['vendida', 'devuelta_al_autor'];

/**
 * One entry of the custody ledger as the state machine sees it. `loan`: the entry is the
 * lending or the return of an exhibition loan (only a loan puts a work in "prestada" and
 * only its return takes it out).
 */
export interface CustodyEffect {
  to: CustodyStatus;
  loan?: 'lend' | 'return';
}

/** i18n key (under internarte.custodyRules) of a refusal. */
export type CustodyRefusal =
  'firstMustBeTaller' | 'final' | 'sameStatus' | 'lendOnlyByLoan' | 'onLoan' | 'notOnLoan' | 'returnToTaller' | 'cannotLend';

export type CustodyTransition = { ok: true; status: CustodyStatus } | { ok: false; refusal: CustodyRefusal };

const refuse = (refusal: CustodyRefusal): CustodyTransition => ({ ok: false, refusal });

/** Applies one custody entry to the current status (null: the work has no entry yet). */
export function applyCustody(s: CustodyStatus | null, e: CustodyEffect): CustodyTransition {
  if (s === null) return e.to === 'en_taller' && !e.loan ? { ok: true, status: 'en_taller' } : refuse('firstMustBeTaller');
  if (finalStatuses.includes(s)) return refuse('final');
  if (e.loan === 'lend') {
    if (e.to !== 'prestada') return refuse('cannotLend');
    if (s === 'prestada') return refuse('onLoan');
    return { ok: true, status: 'prestada' };
  }
  if (e.loan === 'return') {
    if (s !== 'prestada') return refuse('notOnLoan');
    if (e.to !== 'en_taller') return refuse('returnToTaller');
    return { ok: true, status: 'en_taller' };
  }
  if (e.to === 'prestada') return refuse('lendOnlyByLoan');
  if (s === 'prestada') return refuse('onLoan');
  if (s === e.to) return refuse('sameStatus');
  return { ok: true, status: e.to };
}

/** The statuses a clerk may record by hand from this one (loans have their own actions). */
export function allowedCustody(s: CustodyStatus): CustodyStatus[] {
  return custodyStatuses.filter((to) => applyCustody(s, { to }).ok);
}

/** Whether a loan may take the work out now. */
export const mayLend = (s: CustodyStatus): boolean => applyCustody(s, { to: 'prestada', loan: 'lend' }).ok;

// ── Consent ─────────────────────────────────────────────────────────────────────

/** What an artist allowed for one work: the latest entry of its consent ledger. */
export interface ConsentState {
  naming: NamingMode;
  pseudonym: string | null;
  mayExhibit: boolean;
  mayCatalog: boolean;
  mayPhotograph: boolean;
  maySell: boolean;
}

/** No consent recorded (or all revoked): nothing is allowed and nobody is named. */
export const NO_CONSENT: ConsentState = {
  naming: 'anonimo',
  pseudonym: null,
  mayExhibit: false,
  mayCatalog: false,
  mayPhotograph: false,
  maySell: false,
};

/** Whether a consent entry grants anything at all (then a signed document is required). */
export const grantsAnything = (c: ConsentState): boolean =>
  c.naming !== 'anonimo' || c.mayExhibit || c.mayCatalog || c.mayPhotograph || c.maySell;

/**
 * Initials of a name: the first letter of each word, each followed by a dot
 * ("José Luis Quispe Mamani" → "J. L. Q. M."). Particles (de, del, la…) are left out.
 */
export function initialsOf(name: string): string {
  const particles = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von']);
  return name
    .trim()
    .split(/[\s-]+/)
    .filter((w) => w && !particles.has(w.toLocaleLowerCase('es')))
    .map((w) => `${Array.from(w)[0]!.toLocaleUpperCase('es')}.`)
    .join(' ');
}

/**
 * The artist as consent allows: the name, its initials, the pseudonym, or null for
 * anonymous (the caller prints its word for "anonymous"). The real name goes in and only
 * what consent allows comes out.
 */
export function consentedArtist(realName: string, c: ConsentState): string | null {
  switch (c.naming) {
    case 'nombre_completo':
      return realName.trim() || null;
    case 'iniciales':
      return initialsOf(realName) || null;
    case 'seudonimo':
      return c.pseudonym?.trim() || null;
    case 'anonimo':
      return null;
  }
}

// ── Dimensions ──────────────────────────────────────────────────────────────────

/** Centimetres with at most one decimal (as typed) → integer millimetres. */
export const cmToMm = (cm: number): number => Math.round(cm * 10);
/** Millimetres → centimetres (one decimal). */
export const mmToCm = (mm: number): number => mm / 10;
