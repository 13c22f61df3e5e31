import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import {
  Centimos,
  choice,
  ExportFormat,
  Id,
  IsoDate,
  SortDirection,
  listPaging,
  optionalText,
  pageOf,
  requiredOr,
  requiredText,
  stamped,
  recorded,
  listFilter,
  orNull,
  base64File,
} from '../ipc';
import { PersonalDataReason } from '../privacy/schemas';
import { conditions, custodianTypes, families, fundings, movementKinds, statuses } from './rules';

export const FamilySchema = choice(families);
export const StatusSchema = choice(statuses);
export const ConditionSchema = choice(conditions);
export const FundingSchema = choice(fundings);
export const CustodianTypeSchema = choice(custodianTypes);

// ── Instrument types ────────────────────────────────────────────────────────────

export const InstrumentType = z.object({
  id: z.number().int(),
  name: z.string(),
  family: FamilySchema,
  active: z.boolean(),
  version: z.number().int(),
  instrumentCount: z.number().int(),
});
export type InstrumentType = z.infer<typeof InstrumentType>;

export const InstrumentTypeInput = z.object({ name: requiredText(100, 2), family: FamilySchema }).strict();
export const InstrumentTypeUpdate = InstrumentTypeInput.extend({
  id: RecordId,
  version: z.number().int().nonnegative(),
  active: z.boolean(),
}).strict();

// ── The register ────────────────────────────────────────────────────────────────

/**
 * The patrimonial code: free text by default (letters, digits, and - . / _), unique,
 * compared without regard to case; typed or scanned.
 */
export const PatrimonialCode = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9\-./_ ]*$/, 'errors.patrimonialCode')
  .transform((v) => v.toUpperCase());

/** The descriptive fields a clerk types; state fields come from movements only. */
export const InstrumentFields = z.object({
  code: PatrimonialCode,
  serialNumber: optionalText(80),
  typeId: Id,
  brand: optionalText(80),
  model: optionalText(80),
  acquisitionDate: orNull(IsoDate),
  costCentimos: Centimos,
  funding: FundingSchema,
  supplier: optionalText(160),
  supplierDocument: optionalText(80),
  notes: optionalText(2000),
  /** A donated instrument's funding source: the partner's donation it came from (issue 15). */
  donationId: orNull(Id),
});

/** Register a new instrument: its alta, and optionally its first assignment. */
export const InstrumentCreate = InstrumentFields.extend({
  condition: ConditionSchema,
  altaDate: IsoDate,
  establishmentId: orNull(EstablishmentId),
}).strict();
export type InstrumentCreate = z.input<typeof InstrumentCreate>;

export const InstrumentUpdate = InstrumentFields.extend({ id: RecordId, version: z.number().int().nonnegative() }).strict();
export type InstrumentUpdate = z.input<typeof InstrumentUpdate>;

export const Instrument = z.object({
  id: z.number().int(),
  code: z.string(),
  serialNumber: z.string().nullable(),
  typeId: z.number().int(),
  typeName: z.string(),
  family: FamilySchema,
  brand: z.string().nullable(),
  model: z.string().nullable(),
  acquisitionDate: z.string().nullable(),
  costCentimos: z.number().int(),
  funding: FundingSchema,
  supplier: z.string().nullable(),
  supplierDocument: z.string().nullable(),
  notes: z.string().nullable(),
  donationId: z.number().int().nullable(),
  status: StatusSchema,
  condition: ConditionSchema,
  establishmentId: z.number().int().nullable(),
  establishmentName: z.string().nullable(),
  transitToEstablishmentId: z.number().int().nullable(),
  transitToEstablishmentName: z.string().nullable(),
  custodianType: CustodianTypeSchema.nullable(),
  custodianName: z.string().nullable(),
  /** The holder's id in its register (teacher, ensemble, participant, staff); null while "sin vincular". */
  custodianId: z.number().int().nullable(),
  custodySince: z.string().nullable(),
  custodyDue: z.string().nullable(),
  movementCount: z.number().int(),
  ...stamped,
});
export type Instrument = z.infer<typeof Instrument>;

export const instrumentSortColumns = [
  'code',
  'type',
  'brand',
  'establishment',
  'status',
  'condition',
  'cost',
  'acquisitionDate',
  'updatedAt',
] as const;

/** "central" = the central warehouse (no establishment). */
export const LocationFilter = z.union([EstablishmentId, z.literal('central')]);

export const InstrumentFilter = listFilter({
  typeId: Id,
  family: FamilySchema,
  establishmentId: LocationFilter,
  status: StatusSchema,
  condition: ConditionSchema,
});
export type InstrumentFilter = z.input<typeof InstrumentFilter>;

export const InstrumentListQuery = InstrumentFilter.extend(listPaging(instrumentSortColumns, 'code')).strict();
export type InstrumentListQuery = z.input<typeof InstrumentListQuery>;

export const InstrumentPage = pageOf(Instrument);

export const InstrumentExport = z
  .object({
    filter: InstrumentFilter,
    format: ExportFormat,
    sort: z.enum(instrumentSortColumns).default('code'),
    direction: SortDirection.default('asc'),
    /** The register names custodians: why the file leaves the app (the personal-data export log). */
    reason: PersonalDataReason,
  })
  .strict();

// ── Movements ───────────────────────────────────────────────────────────────────

const base = { date: IsoDate, description: optionalText(1000) };

/** One movement as the clerk records it; the same for one instrument or a selection. */
export const MovementInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('asignacion'), toEstablishmentId: EstablishmentId, documentNumber: optionalText(80), ...base }).strict(),
    z
      .object({
        kind: z.literal('despacho'),
        toEstablishmentId: EstablishmentId,
        documentNumber: requiredText(80),
        person: requiredText(160),
        ...base,
      })
      .strict(),
    z.object({ kind: z.literal('recepcion'), person: requiredText(160), condition: ConditionSchema, ...base }).strict(),
    z
      .object({
        kind: z.literal('entrega'),
        custodianType: CustodianTypeSchema,
        /** Chosen from the people of the instrument's establishment (custody.candidates); main writes the name. */
        custodianId: z
          .number({ error: requiredOr('errors.choose') })
          .int()
          .positive('errors.choose'),
        /** The expected return (optional). */
        dueDate: IsoDate.nullish(),
        ...base,
      })
      .strict(),
    z.object({ kind: z.literal('devolucion'), condition: ConditionSchema.nullish(), ...base }).strict(),
    z.object({ kind: z.literal('envio_reparacion'), provider: requiredText(160), description: requiredText(1000), date: IsoDate }).strict(),
    z
      .object({
        kind: z.literal('retorno_reparacion'),
        costCentimos: Centimos,
        condition: ConditionSchema,
        documentNumber: optionalText(80),
        ...base,
      })
      .strict(),
    z.object({ kind: z.literal('cambio_estado'), condition: ConditionSchema, ...base }).strict(),
    z.object({ kind: z.literal('baja'), documentNumber: requiredText(80), description: requiredText(1000), date: IsoDate }).strict(),
    z.object({ kind: z.literal('extravio'), description: requiredText(1000), date: IsoDate, documentNumber: optionalText(80) }).strict(),
    z.object({ kind: z.literal('hallazgo'), toEstablishmentId: EstablishmentId, condition: ConditionSchema.nullish(), ...base }).strict(),
  ],
  { error: requiredOr('errors.choose') },
);
export type MovementInput = z.input<typeof MovementInput>;

export const MoveRequest = z
  .object({
    instrumentIds: z.array(Id).min(1, 'errors.required').max(5000),
    movement: MovementInput,
  })
  .strict();

export const MoveResult = z.object({ batchId: z.string(), count: z.number().int() });

export const Movement = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  kind: z.enum(movementKinds),
  date: z.string(),
  ...recorded,
  fromEstablishmentName: z.string().nullable(),
  toEstablishmentName: z.string().nullable(),
  custodianType: CustodianTypeSchema.nullable(),
  custodianName: z.string().nullable(),
  custodianId: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  condition: ConditionSchema.nullable(),
  documentNumber: z.string().nullable(),
  person: z.string().nullable(),
  provider: z.string().nullable(),
  costCentimos: z.number().int().nullable(),
  description: z.string().nullable(),
  batchId: z.string().nullable(),
  statusAfter: StatusSchema,
  establishmentAfterName: z.string().nullable(),
});
export type Movement = z.infer<typeof Movement>;

// ── Photos ──────────────────────────────────────────────────────────────────────

/** A file chosen in the renderer, sent as base64 (works in the window and in the browser harness alike). */
export const UploadedFile = z.object({
  fileName: z.string().trim().min(1, 'errors.required').max(255),
  dataBase64: base64File(28_000_000, 'errors.fileTooLargeUpload', 'errors.invalid'),
});

export const InstrumentPhoto = z.object({
  hash: z.string(),
  originalName: z.string(),
  isPrimary: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** A data: URL of the thumbnail (the page's CSP allows data: images). */
  thumbnail: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type InstrumentPhoto = z.infer<typeof InstrumentPhoto>;

export const AddPhoto = UploadedFile.extend({ id: RecordId }).strict();
export const PhotoRef = z.object({ id: RecordId, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();

// ── Inventory settings ──────────────────────────────────────────────────────────

export const InventorySettings = z
  .object({
    /** Empty: free text. See code-format.ts. */
    codeMask: z
      .string()
      .trim()
      .max(40)
      .regex(/^[A-Za-z0-9*\-./_ ]*$/, 'inventory.settings.maskInvalid')
      .default(''),
  })
  .strict();
export type InventorySettings = z.infer<typeof InventorySettings>;
