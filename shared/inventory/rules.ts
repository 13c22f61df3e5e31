import { daysBetween } from '../format';

/**
 * The instrument ledger's state machine: pure, shared by main (which enforces it) and the
 * renderer (which offers only the movements that apply). Current state is never typed:
 * it is what the movements, applied in order, leave.
 */

/** The musical instruments' families: the only ones an ensemble member's part may name. */
export const musicFamilies = [
  'cuerdas_frotadas',
  'cuerdas_pulsadas',
  'vientos_madera',
  'vientos_metal',
  'percusion',
  'teclados',
  'audio_accesorios',
] as const;
/**
 * The art equipment's families (issue 15, item 6): kilns, wheels, easels and tools of the
 * ceramics and plastic-arts workshops, registered, moved, counted and labelled as instruments are.
 * Bought with INPE's budget, they are executed on the materiales line (instruments on instrumentos).
 */
export const artFamilies = ['equipo_ceramica', 'equipo_artes_plasticas', 'herramientas_arte'] as const;
export const families = [...musicFamilies, ...artFamilies] as const;
export type Family = (typeof families)[number];
export type MusicFamily = (typeof musicFamilies)[number];
export const isArtFamily = (f: string): boolean => (artFamilies as readonly string[]).includes(f);

/** A consumable is for the music workshops (strings, reeds, drumheads) or the art workshops (clay, glazes, paints). */
export const consumableCategories = ['musica', 'arte'] as const;
export type ConsumableCategory = (typeof consumableCategories)[number];

export const statuses = ['en_almacen', 'asignado', 'en_transito', 'en_reparacion', 'de_baja', 'extraviado'] as const;
export type Status = (typeof statuses)[number];

export const conditions = ['nuevo', 'bueno', 'regular', 'malo', 'inoperativo'] as const;
export type Condition = (typeof conditions)[number];

export const fundings = ['presupuesto_inpe', 'donacion', 'aliado'] as const;
export type Funding = (typeof fundings)[number];

/** Who may hold an instrument: a teacher, an ensemble, a participant, or an INPE staff member (issue 15). */
export const custodianTypes = ['docente', 'elenco', 'participante', 'personal'] as const;
export type CustodianType = (typeof custodianTypes)[number];

export const movementKinds = [
  'alta',
  'asignacion',
  'despacho',
  'recepcion',
  'entrega',
  'devolucion',
  'envio_reparacion',
  'retorno_reparacion',
  'cambio_estado',
  'regularizacion',
  'baja',
  'extravio',
  'hallazgo',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/** Movements a clerk records by hand on an existing instrument (alta comes with the register). */
export const manualKinds = movementKinds.filter((k) => k !== 'alta' && k !== 'regularizacion');

export interface InstrumentState {
  status: Status;
  condition: Condition;
  /**
   * Where it is: null = almacén central. While en_transito: the origin; en_reparacion:
   * where it returns; extraviado/de_baja: where it was last.
   */
  establishmentId: number | null;
  /** The destination while en_transito, otherwise null. */
  transitTo: number | null;
  custodian: Custodian | null;
}

/**
 * Who holds an instrument: the person's or ensemble's id (null only for a custodian typed
 * before links existed and not linked yet), the name as recorded at the hand-over, since when,
 * and the expected return date when one was set.
 */
export interface Custodian {
  type: CustodianType;
  id: number | null;
  name: string;
  since: string | null;
  due: string | null;
}

/** The state columns an instrument record carries (cached from its movements). */
export interface RegisteredState {
  status: Status;
  condition: Condition;
  establishmentId: number | null;
  transitToEstablishmentId: number | null;
  custodianType: CustodianType | null;
  custodianName: string | null;
  custodianId: number | null;
  custodySince: string | null;
  custodyDue: string | null;
}

/** The state the rules read, from an instrument record (main's and the renderer's). */
export const stateOf = (i: RegisteredState): InstrumentState => ({
  status: i.status,
  condition: i.condition,
  establishmentId: i.establishmentId,
  transitTo: i.transitToEstablishmentId,
  custodian:
    i.custodianType && i.custodianName
      ? { type: i.custodianType, id: i.custodianId, name: i.custodianName, since: i.custodySince, due: i.custodyDue }
      : null,
});

/** What the state machine needs of a movement (the rest of its fields are only recorded). */
export type MovementEffect =
  | { kind: 'alta'; condition: Condition }
  | { kind: 'asignacion'; toEstablishmentId: number }
  | { kind: 'despacho'; toEstablishmentId: number }
  | { kind: 'recepcion'; condition: Condition }
  | { kind: 'entrega'; custodian: Custodian }
  | { kind: 'devolucion'; condition?: Condition | null }
  | { kind: 'envio_reparacion' }
  | { kind: 'retorno_reparacion'; condition: Condition }
  | { kind: 'cambio_estado'; condition: Condition }
  | { kind: 'regularizacion'; toEstablishmentId: number }
  | { kind: 'baja' }
  | { kind: 'extravio' }
  | { kind: 'hallazgo'; toEstablishmentId: number; condition?: Condition | null };

/** i18n key (under inventory.rules) of a refusal. */
export type RuleRefusal =
  | 'firstMustBeAlta'
  | 'altaOnlyOnce'
  | 'deBaja'
  | 'notInWarehouse'
  | 'notAssigned'
  | 'notInTransit'
  | 'inTransit'
  | 'sameEstablishment'
  | 'hasCustodian'
  | 'noCustodian'
  | 'notInRepair'
  | 'notLost'
  | 'cannotChangeCondition'
  | 'cannotRegularize';

export type Transition = { ok: true; state: InstrumentState } | { ok: false; refusal: RuleRefusal };

const refuse = (refusal: RuleRefusal): Transition => ({ ok: false, refusal });
const ok = (state: InstrumentState): Transition => ({ ok: true, state });

/** Applies one movement to a state (null: the instrument has no movement yet). */
export function applyMovement(s: InstrumentState | null, m: MovementEffect): Transition {
  if (s === null) {
    if (m.kind !== 'alta') return refuse('firstMustBeAlta');
    return ok({ status: 'en_almacen', condition: m.condition, establishmentId: null, transitTo: null, custodian: null });
  }
  if (m.kind === 'alta') return refuse('altaOnlyOnce');
  if (s.status === 'de_baja') return refuse('deBaja');

  switch (m.kind) {
    case 'asignacion':
      if (s.status !== 'en_almacen') return refuse('notInWarehouse');
      return ok({ ...s, status: 'asignado', establishmentId: m.toEstablishmentId });

    case 'despacho':
      if (s.status === 'en_transito') return refuse('inTransit');
      if (s.status !== 'asignado') return refuse('notAssigned');
      if (s.custodian) return refuse('hasCustodian');
      if (s.establishmentId === m.toEstablishmentId) return refuse('sameEstablishment');
      return ok({ ...s, status: 'en_transito', transitTo: m.toEstablishmentId });

    case 'recepcion':
      if (s.status !== 'en_transito' || s.transitTo === null) return refuse('notInTransit');
      return ok({ ...s, status: 'asignado', establishmentId: s.transitTo, transitTo: null, condition: m.condition });

    case 'entrega':
      if (s.status !== 'asignado') return refuse(s.status === 'en_transito' ? 'inTransit' : 'notAssigned');
      if (s.custodian) return refuse('hasCustodian');
      return ok({ ...s, custodian: m.custodian });

    case 'devolucion':
      if (!s.custodian) return refuse('noCustodian');
      return ok({ ...s, custodian: null, condition: m.condition ?? s.condition });

    case 'envio_reparacion':
      if (s.status === 'en_transito') return refuse('inTransit');
      if (s.status !== 'asignado' && s.status !== 'en_almacen') return refuse('notAssigned');
      if (s.custodian) return refuse('hasCustodian');
      return ok({ ...s, status: 'en_reparacion' });

    case 'retorno_reparacion':
      if (s.status !== 'en_reparacion') return refuse('notInRepair');
      return ok({ ...s, status: s.establishmentId === null ? 'en_almacen' : 'asignado', condition: m.condition });

    case 'cambio_estado':
      if (s.status !== 'asignado' && s.status !== 'en_almacen' && s.status !== 'en_reparacion') return refuse('cannotChangeCondition');
      return ok({ ...s, condition: m.condition });

    case 'regularizacion':
      // A stocktake found it at an establishment other than the one on record.
      if (s.status === 'en_transito' || s.status === 'en_reparacion') return refuse('cannotRegularize');
      return ok({ ...s, status: 'asignado', establishmentId: m.toEstablishmentId, transitTo: null, custodian: null });

    case 'baja':
      if (s.status === 'en_transito') return refuse('inTransit');
      if (s.custodian) return refuse('hasCustodian');
      return ok({ ...s, status: 'de_baja', transitTo: null });

    case 'extravio':
      if (s.status !== 'asignado' && s.status !== 'en_almacen' && s.status !== 'en_transito') return refuse('notAssigned');
      return ok({ ...s, status: 'extraviado', transitTo: null, custodian: null });

    case 'hallazgo':
      if (s.status !== 'extraviado') return refuse('notLost');
      return ok({ ...s, status: 'asignado', establishmentId: m.toEstablishmentId, condition: m.condition ?? s.condition });
  }
}

/**
 * The one place an instrument is, as an inventory would count it. Exactly one, always:
 * the property tests check that no sequence of allowed movements breaks this.
 */
export type Location =
  | { at: 'almacen' }
  | { at: 'establecimiento'; establishmentId: number }
  | { at: 'transito'; from: number; to: number }
  | { at: 'reparacion' }
  | { at: 'ninguno'; reason: 'de_baja' | 'extraviado' };

export function locationOf(s: InstrumentState): Location | null {
  switch (s.status) {
    case 'en_almacen':
      return s.establishmentId === null && s.transitTo === null ? { at: 'almacen' } : null;
    case 'asignado':
      return s.establishmentId !== null && s.transitTo === null ? { at: 'establecimiento', establishmentId: s.establishmentId } : null;
    case 'en_transito':
      return s.establishmentId !== null && s.transitTo !== null && s.establishmentId !== s.transitTo
        ? { at: 'transito', from: s.establishmentId, to: s.transitTo }
        : null;
    case 'en_reparacion':
      return s.transitTo === null ? { at: 'reparacion' } : null;
    case 'de_baja':
    case 'extraviado':
      return s.transitTo === null && s.custodian === null ? { at: 'ninguno', reason: s.status } : null;
  }
}

/** The movements that apply to a state, for the renderer's menus. */
export function allowedKinds(s: InstrumentState): MovementKind[] {
  const probe: Record<MovementKind, MovementEffect> = {
    alta: { kind: 'alta', condition: 'bueno' },
    asignacion: { kind: 'asignacion', toEstablishmentId: -1 },
    despacho: { kind: 'despacho', toEstablishmentId: -1 },
    recepcion: { kind: 'recepcion', condition: 'bueno' },
    entrega: { kind: 'entrega', custodian: { type: 'docente', id: -1, name: 'x', since: null, due: null } },
    devolucion: { kind: 'devolucion' },
    envio_reparacion: { kind: 'envio_reparacion' },
    retorno_reparacion: { kind: 'retorno_reparacion', condition: 'bueno' },
    cambio_estado: { kind: 'cambio_estado', condition: 'bueno' },
    regularizacion: { kind: 'regularizacion', toEstablishmentId: -1 },
    baja: { kind: 'baja' },
    extravio: { kind: 'extravio' },
    hallazgo: { kind: 'hallazgo', toEstablishmentId: -1 },
  };
  return manualKinds.filter((k) => applyMovement(s, probe[k]).ok);
}

/** Whole days a hand-over is past its expected return on `today` (ISO dates); 0 when not overdue or without a date. */
export const daysOverdue = (due: string | null, today: string): number => (due === null || due >= today ? 0 : daysBetween(due, today));
