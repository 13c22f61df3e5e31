import { z } from 'zod';
import { RecordId } from '../marks';
import { Centimos, Id, IsoDate, optionalText, requiredOr, requiredText, orNull } from '../ipc';
import { PersonalDataReason } from '../privacy/schemas';
import {
  StageSchema,
  EventTypeSchema,
  PartnerTypeSchema,
  Version,
  optionalDate,
  Search,
  ActiveFilter,
  periodOrder,
} from './schema-helpers';
import { Upload } from './event-schemas';

// ── Partners, agreements, donations ─────────────────────────────────────────────

export const PartnerFields = z.object({
  name: requiredText(200, 3),
  type: PartnerTypeSchema,
  contactName: optionalText(160),
  contactRole: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .max(160)
    .email('programmes.errors.email')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- ]*$/, 'programmes.errors.phone')
    .nullish()
    .transform((v) => v || null),
  notes: optionalText(2000),
});
export const PartnerCreate = PartnerFields.strict();
export type PartnerCreate = z.input<typeof PartnerCreate>;
export const PartnerUpdate = PartnerFields.extend({
  id: RecordId,
  version: Version,
  active: z.boolean({ error: requiredOr('errors.invalid') }),
}).strict();

export const Partner = z.object({
  id: z.number().int(),
  name: z.string(),
  type: PartnerTypeSchema,
  contactName: z.string().nullable(),
  contactRole: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  agreements: z.number().int(),
  events: z.number().int(),
  donationsCentimos: z.number().int(),
  version: z.number().int(),
});
export type Partner = z.infer<typeof Partner>;

export const PartnerListQuery = z
  .object({ search: Search, type: PartnerTypeSchema.nullable().default(null), status: ActiveFilter })
  .strict();

/** A partner's logo (the catalog's cover and credits): the stored file and its thumbnail for the screens (a JPEG data: URL, also of an SVG). */
export const PartnerLogo = z.object({
  hash: z.string(),
  name: z.string(),
  mime: z.enum(['image/png', 'image/svg+xml']),
  thumbnail: z.string().nullable(),
});
export type PartnerLogo = z.infer<typeof PartnerLogo>;

/** A PNG or SVG file for a partner's logo (checked in main: programmes/partner-logo.ts). */
export const PartnerSetLogo = z.object({ id: RecordId, ...Upload }).strict();
export const PartnerRemoveLogo = z.object({ id: RecordId }).strict();

export const PartnerDetail = z.object({
  partner: Partner,
  logo: PartnerLogo.nullable(),
  events: z.array(
    z.object({ id: z.number().int(), title: z.string(), date: z.string(), type: EventTypeSchema, totalAudience: z.number().int() }),
  ),
  donations: z.array(
    z.object({
      id: z.number().int(),
      date: z.string(),
      description: z.string(),
      valueCentimos: z.number().int(),
      recordedBy: z.string(),
      agreement: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    }),
  ),
});
export type PartnerDetail = z.infer<typeof PartnerDetail>;

export const DonationCreate = z
  .object({
    partnerId: RecordId,
    date: IsoDate,
    description: requiredText(400, 3),
    valueCentimos: Centimos,
    /** The partner's agreement under which the donation was made, if any. */
    agreementId: orNull(Id),
  })
  .strict();

const AgreementFields = z.object({
  partnerId: Id,
  title: requiredText(200, 3),
  object: requiredText(4000, 3),
  documentNumber: optionalText(80),
  startDate: IsoDate,
  endDate: optionalDate,
  notes: optionalText(2000),
});
export const AgreementCreate = AgreementFields.strict().refine(periodOrder, {
  path: ['endDate'],
  message: 'programmes.errors.periodOrder',
});
export type AgreementCreate = z.input<typeof AgreementCreate>;
export const AgreementUpdate = AgreementFields.extend({ id: RecordId, version: Version })
  .strict()
  .refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });

export const Agreement = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string(),
  partnerType: PartnerTypeSchema,
  title: z.string(),
  object: z.string(),
  documentNumber: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  notes: z.string().nullable(),
  document: z.object({ hash: z.string(), name: z.string() }).nullable(),
  /** vigente | por_vencer (within AGREEMENT_ALERT_DAYS) | vencido | indefinido */
  state: z.enum(['vigente', 'por_vencer', 'vencido', 'indefinido']),
  daysLeft: z.number().int().nullable(),
  version: z.number().int(),
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementListQuery = z
  .object({
    partnerId: Id.nullable().default(null),
    state: z.enum(['vigente', 'por_vencer', 'vencido', 'indefinido']).nullable().default(null),
  })
  .strict();

export const AgreementDocument = z.object({ id: RecordId, ...Upload }).strict();

// ── Certificates ────────────────────────────────────────────────────────────────

export const CertificateCandidate = z.object({
  enrolmentId: z.number().int(),
  participantId: z.number().int(),
  code: z.string(),
  firstNames: z.string().nullable(),
  lastNames: z.string().nullable(),
  stage: StageSchema,
  minutes: z.number().int(),
  present: z.number().int(),
  sessions: z.number().int(),
});
export type CertificateCandidate = z.infer<typeof CertificateCandidate>;

export const CertificateRequest = z
  .object({
    workshopId: Id,
    /** Empty: every participant who completed the workshop. */
    participantIds: z.array(Id).max(500).default([]),
    date: IsoDate,
    /** Certificates carry names: why they leave the app (the personal-data export log). */
    reason: PersonalDataReason,
  })
  .strict();
