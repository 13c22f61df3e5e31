import type { MovementKind } from '../../../../../shared/inventory/rules';
import { todayIso } from '../../../components/fields';
import { solesToCentimos } from '../../../components/money';
import { renameErrors } from '../../../forms';

/* The movement form's fields: which each movement asks for, and the payload its schema takes. */

export type ManualKind = Exclude<MovementKind, 'alta' | 'regularizacion'>;
export type Field =
  | 'toEstablishmentId'
  | 'documentNumber'
  | 'person'
  | 'condition'
  | 'custodianType'
  | 'custodianId'
  | 'dueDate'
  | 'provider'
  | 'cost'
  | 'description';

export interface MoveValues {
  kind: string | null;
  date: string | null;
  toEstablishmentId: string | null;
  documentNumber: string;
  person: string;
  condition: string | null;
  custodianType: string | null;
  /** The chosen custodian's id (custody.candidates), as text. */
  custodianId: string | null;
  dueDate: string | null;
  /** Whether the clerk typed the expected return (a proposal never replaces what they typed). */
  dueTyped: boolean;
  provider: string;
  cost: number | string;
  description: string;
}

export const emptyValues = (kind: string | null): MoveValues => ({
  kind,
  date: todayIso(),
  toEstablishmentId: null,
  documentNumber: '',
  person: '',
  condition: null,
  custodianType: null,
  custodianId: null,
  dueDate: null,
  dueTyped: false,
  provider: '',
  cost: '',
  description: '',
});

const m = 'inventory.movement.';
const conditionLabel = 'inventory.instruments.condition';

/** The fields each movement asks for (beyond its kind and date): [field, label key, required]. */
export const layout: Record<ManualKind, Array<[Field, string, boolean]>> = {
  asignacion: [
    ['toEstablishmentId', `${m}toEstablishment`, true],
    ['documentNumber', `${m}documentNumber`, false],
    ['description', `${m}description`, false],
  ],
  despacho: [
    ['toEstablishmentId', `${m}toEstablishment`, true],
    ['documentNumber', `${m}actaNumber`, true],
    ['person', `${m}sentBy`, true],
    ['description', `${m}description`, false],
  ],
  recepcion: [
    ['person', `${m}receivedBy`, true],
    ['condition', `${m}arrivalCondition`, true],
    ['description', `${m}description`, false],
  ],
  entrega: [
    ['custodianType', `${m}custodianType`, true],
    ['custodianId', `${m}custodian`, true],
    ['dueDate', `${m}dueDate`, false],
    ['description', `${m}description`, false],
  ],
  devolucion: [
    ['condition', conditionLabel, false],
    ['description', `${m}description`, false],
  ],
  envio_reparacion: [
    ['provider', `${m}provider`, true],
    ['description', `${m}description`, true],
  ],
  retorno_reparacion: [
    ['cost', `${m}repairCost`, true],
    ['condition', conditionLabel, true],
    ['documentNumber', `${m}documentNumber`, false],
    ['description', `${m}description`, false],
  ],
  cambio_estado: [
    ['condition', conditionLabel, true],
    ['description', `${m}description`, false],
  ],
  baja: [
    ['documentNumber', `${m}resolutionNumber`, true],
    ['description', `${m}reason`, true],
  ],
  extravio: [
    ['description', `${m}description`, true],
    ['documentNumber', `${m}documentNumber`, false],
  ],
  hallazgo: [
    ['toEstablishmentId', `${m}foundAt`, true],
    ['condition', conditionLabel, false],
    ['description', `${m}description`, false],
  ],
};

export const isManualKind = (k: string | null): k is ManualKind => k !== null && k in layout;

/** Exactly the payload the kind's schema takes (the schemas are strict: no extra keys). */
export function toMovement(v: MoveValues): unknown {
  const id = v.toEstablishmentId === null ? undefined : Number(v.toEstablishmentId);
  const base = { date: v.date ?? undefined, description: v.description };
  switch (v.kind) {
    case 'asignacion':
      return { kind: v.kind, ...base, toEstablishmentId: id, documentNumber: v.documentNumber };
    case 'despacho':
      return { kind: v.kind, ...base, toEstablishmentId: id, documentNumber: v.documentNumber, person: v.person };
    case 'recepcion':
      return { kind: v.kind, ...base, person: v.person, condition: v.condition ?? undefined };
    case 'entrega':
      return {
        kind: v.kind,
        ...base,
        custodianType: v.custodianType ?? undefined,
        custodianId: v.custodianId === null ? undefined : Number(v.custodianId),
        dueDate: v.dueDate,
      };
    case 'devolucion':
      return { kind: v.kind, ...base, condition: v.condition };
    case 'envio_reparacion':
      return { kind: v.kind, ...base, provider: v.provider };
    case 'retorno_reparacion':
      return {
        kind: v.kind,
        ...base,
        costCentimos: solesToCentimos(v.cost),
        condition: v.condition ?? undefined,
        documentNumber: v.documentNumber,
      };
    case 'cambio_estado':
      return { kind: v.kind, ...base, condition: v.condition ?? undefined };
    case 'baja':
      return { kind: v.kind, ...base, documentNumber: v.documentNumber };
    case 'extravio':
      return { kind: v.kind, ...base, documentNumber: v.documentNumber };
    case 'hallazgo':
      return { kind: v.kind, ...base, toEstablishmentId: id, condition: v.condition };
    default:
      return { kind: undefined };
  }
}

/** main answers validation errors of the movement under "movement.<field>". */
export const fromMain = (fields: Record<string, string>) =>
  renameErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^movement\./, ''), v])), { costCentimos: 'cost' });
