/**
 * The programmes' vocabulary and pure rules, shared by main (which enforces them) and the
 * renderer (which offers only what applies): attendance figures, custody changes, stages.
 */

export const programmes = ['inpe_orquestando', 'ceramica', 'artes_plasticas', 'artes_escenicas', 'otro'] as const;
export type Programme = (typeof programmes)[number];

export const sexes = ['masculino', 'femenino'] as const;
export type Sex = (typeof sexes)[number];

export const participantStatuses = ['activo', 'trasladado', 'egresado', 'retirado'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

export const stages = ['inscrito', 'activo', 'completado', 'retirado'] as const;
export type Stage = (typeof stages)[number];
/** Stages that still count as "in the group": they take attendance and end on a custody change. */
export const openStages: readonly Stage[] = ['inscrito', 'activo'];

/** The stage changes a coordinator may record by hand. */
export const stageTransitions: Record<Stage, readonly Stage[]> = {
  inscrito: ['activo', 'retirado'],
  activo: ['completado', 'retirado'],
  completado: [],
  retirado: [],
};

export const ensembleTypes = ['banda_sinfonica', 'coro_polifonico', 'ensamble_percusion', 'orquesta_sinfonica', 'otro'] as const;
export type EnsembleType = (typeof ensembleTypes)[number];

/** The voices a choir member may sing (an ensemble member's part when it is not an instrument); labels: programmes.voices.*. */
export const voices = ['soprano', 'mezzosoprano', 'contralto', 'tenor', 'baritono', 'bajo'] as const;
export type Voice = (typeof voices)[number];

export const eventTypes = [
  'recital',
  'concierto_educativo',
  'puesta_en_escena',
  'inauguracion_exposicion',
  'festival',
  'presentacion_externa',
] as const;
export type EventType = (typeof eventTypes)[number];

export const venueKinds = ['establecimiento', 'externo'] as const;

export const audienceGroups = ['internos', 'familiares', 'personal', 'externo', 'autoridades'] as const;
export type AudienceGroup = (typeof audienceGroups)[number];
export type Audiences = Record<AudienceGroup, number>;
export const totalAudience = (a: Audiences): number => audienceGroups.reduce((n, g) => n + a[g], 0);

export const partnerTypes = ['sector_publico', 'privado', 'sociedad_civil', 'cooperacion_internacional'] as const;
export type PartnerType = (typeof partnerTypes)[number];

/** Custody changes: a transfer, a release, leaving the programme, or coming back to it. */
export const custodyKinds = ['traslado', 'egreso', 'retiro', 'reincorporacion'] as const;
export type CustodyKind = (typeof custodyKinds)[number];

export const statusAfterCustody: Record<CustodyKind, ParticipantStatus> = {
  traslado: 'trasladado',
  egreso: 'egresado',
  retiro: 'retirado',
  reincorporacion: 'activo',
};

/** The custody changes that apply to a participant in a given status. */
export function allowedCustody(status: ParticipantStatus): CustodyKind[] {
  switch (status) {
    case 'activo':
      return ['traslado', 'egreso', 'retiro'];
    case 'trasladado':
      return ['reincorporacion', 'traslado', 'egreso', 'retiro'];
    case 'retirado':
      return ['reincorporacion', 'traslado', 'egreso'];
    case 'egresado':
      // One released and registered again later (the same INPE code) comes back here: a re-entry (issue 17).
      return ['reincorporacion'];
  }
}

/** A custody change that ends the participant's open enrolments (all but a return to the programme). */
export const endsEnrolments = (kind: CustodyKind): boolean => kind !== 'reincorporacion';

/** Days until an agreement ends for it to show among the expiry alerts. */
export const AGREEMENT_ALERT_DAYS = 60;

/** Consecutive absences from which the attendance grid flags a participant. */
export const ABSENCE_ALERT = 3;

// ── Attendance figures ─────────────────────────────────────────────────────────

export interface SessionTaken {
  id: number;
  date: string;
  minutes: number;
}

export interface AttendanceFigures {
  /** Sessions with attendance taken while the participant was in the group. */
  sessions: number;
  present: number;
  /** present / sessions, 0..1; null when no session counts yet. */
  rate: number | null;
  /** Absences in a row, counted back from the latest session that counts. */
  consecutiveAbsences: number;
  /** Minutes of the sessions the participant attended. */
  minutes: number;
}

/**
 * One participant's attendance in one group: only sessions with attendance taken count,
 * from the day the participant enrolled to the day the enrolment ended (if it did). A
 * session without a mark for the participant counts as an absence.
 */
export function attendanceFigures(
  sessions: readonly SessionTaken[],
  presentIn: ReadonlySet<number>,
  window: { from: string; to: string | null },
): AttendanceFigures {
  const counted = sessions
    .filter((s) => s.date >= window.from && (window.to === null || s.date <= window.to))
    .slice()
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  let present = 0;
  let minutes = 0;
  let run = 0;
  for (const s of counted) {
    if (presentIn.has(s.id)) {
      present++;
      minutes += s.minutes;
      run = 0;
    } else run++;
  }
  return {
    sessions: counted.length,
    present,
    rate: counted.length === 0 ? null : present / counted.length,
    consecutiveAbsences: run,
    minutes,
  };
}

/** Hours as the certificates and reports write them: one decimal at most. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** A participant's display name, or only the code where names may not be shown. */
export const participantLabel = (p: { code: string; firstNames: string | null; lastNames: string | null }): string =>
  p.firstNames && p.lastNames ? `${p.lastNames}, ${p.firstNames}` : p.code;

// ── The UNESCO 2005 Convention entry (issue 17, item 5) ─────────────────────────

/**
 * The goals of the 2005 Convention as its quadrennial periodic report form lists them: 1 support
 * sustainable systems of governance for culture; 2 achieve a balanced flow of cultural goods and
 * services and increase the mobility of artists; 3 integrate culture in sustainable development
 * frameworks; 4 promote human rights and fundamental freedoms.
 */
export const unescoGoals = ['goal1', 'goal2', 'goal3', 'goal4'] as const;
export type UnescoGoal = (typeof unescoGoals)[number];

/** The cultural domains of the periodic report form (crafts as the office reports ceramics). */
export const culturalDomains = [
  'music',
  'performingArts',
  'visualArts',
  'crafts',
  'cinema',
  'design',
  'mediaArts',
  'publishing',
  'multidomain',
] as const;
export type CulturalDomain = (typeof culturalDomains)[number];
