import { z } from 'zod';
import { base64File, FileName, requiredOr } from '../ipc';
import { EstablishmentId, RecordId } from '../marks';

/** Prison sites (issue 20, docs/SITES.md decision 1): the channels' shapes. */

export const siteRoles = ['central', 'sede'] as const;

/** A key as people compare it: its fingerprint, e.g. 3F2A-91C0-… (electron/main/sites/keys.ts). */
const Fingerprint = z.string();

/** What the rows of an enrolment package hold, by table (participants, instruments, workshops…). */
const Counts = z.record(z.string(), z.number().int().nonnegative());

/** This installation: the centre (no row until it enrols its first site) or a prison's site. */
export const SiteStatus = z.object({
  role: z.enum(siteRoles),
  /** This installation's name and its signing key's fingerprint; null: a centre that has not enrolled a site yet. */
  name: z.string().nullable(),
  fingerprint: Fingerprint.nullable(),
  /** A site's establishment (the one its users work with); null at the centre. */
  establishment: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** A site's centre, to compare its fingerprint; null at the centre. */
  centre: z.object({ name: z.string(), fingerprint: Fingerprint }).nullable(),
});
export type SiteStatus = z.infer<typeof SiteStatus>;

/** A site enrolled at the centre, with the counters of its packages. */
export const EnrolledSite = z.object({
  id: z.number().int(),
  establishmentId: z.number().int(),
  /** The establishment's name now (the site keeps the one it was enrolled with as `name`). */
  establishmentName: z.string(),
  name: z.string(),
  installationId: z.string(),
  signFingerprint: Fingerprint,
  boxFingerprint: Fingerprint,
  enrolledAt: z.string(),
  enrolledBy: z.string(),
  /** The last package number sent to it and read from it, and the last change it acknowledged. */
  lastSentSeq: z.number().int().nonnegative(),
  lastReceivedSeq: z.number().int().nonnegative(),
  ackedChangeId: z.number().int().nonnegative(),
  /** Records changed here and at the site since they last met, waiting for the clerk's choice (sites.conflicts). */
  openConflicts: z.number().int().nonnegative(),
});
export type EnrolledSite = z.infer<typeof EnrolledSite>;

export const SiteEnrol = z.object({ establishmentId: EstablishmentId }).strict();

/**
 * The enrolment: the file saved where the clerk chose, and the one-time passphrase to show once
 * (never kept, never logged) with both fingerprints to compare on the site's screen.
 */
export const SiteEnrolled = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    path: z.string(),
    passphrase: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    centreFingerprint: Fingerprint,
    siteFingerprint: Fingerprint,
    counts: Counts,
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SiteEnrolled = z.infer<typeof SiteEnrolled>;

/** The largest enrolment package accepted (bytes): a prison's reference data is far smaller. */
export const MAX_ENROLMENT_BYTES = 20 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_ENROLMENT_BYTES / 3) * 4;

/** «Instalar como sede»: the package chosen in the renderer (File API, base64) and its passphrase as typed. */
export const SiteInstall = z
  .object({
    fileName: FileName,
    dataBase64: base64File(MAX_BASE64, 'sites.errors.fileTooLarge', 'sites.errors.notAnEnrolment'),
    /** Typed in any case, with spaces or dashes (sites/enrolment-file.ts); a wrong one is refused beside this field. */
    passphrase: z
      .string({ error: requiredOr('errors.invalid') })
      .trim()
      .min(1, 'errors.required')
      .max(100),
  })
  .strict();
export type SiteInstall = z.input<typeof SiteInstall>;

export const SiteInstalled = z.object({
  siteId: z.string(),
  siteName: z.string(),
  establishmentId: z.number().int(),
  centreName: z.string(),
  centreFingerprint: Fingerprint,
  counts: Counts,
});
export type SiteInstalled = z.infer<typeof SiteInstalled>;

/** The file type of a data package in the save and open dialogs (sites/sealed.ts). */
export const PACKAGE_EXTENSION = 'arteinpe-paquete';

/**
 * «Enviar a la oficina central» (at a site: no site named) or a return package to a site (at the
 * centre: the enrolled site's id, as sites.list answers it).
 */
export const SiteSend = z.object({ siteId: RecordId.optional() }).strict();
export type SiteSend = z.input<typeof SiteSend>;

export const SiteSent = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    path: z.string(),
    /** The package's number among those sent to this receiver, and who it is for. */
    seq: z.number().int().positive(),
    to: z.string(),
    /** Records (new or changed, or deleted) and photos or documents it carries. */
    entries: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SiteSent = z.infer<typeof SiteSent>;

/** What reading a package did, in the reader's words (sites/apply.ts ApplyReport). */
export const SiteReceived = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    fromName: z.string(),
    seq: z.number().int().positive(),
    /** Read before: nothing changed this time. */
    alreadyRead: z.boolean(),
    /** Earlier packages of the sender never read here («falta el paquete 14 de …»), each as a sentence. */
    missing: z.array(z.string()),
    applied: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    /** Records changed on both sides, now in the conflicts list (at the centre). */
    conflicts: z.number().int().nonnegative(),
    /** What this installation refused, and why (a movement its state here does not allow…). */
    refused: z.array(z.object({ what: z.string(), reason: z.string() })),
    /** At a site: what the centre refused of what it sent before, and why. */
    returned: z.array(z.object({ what: z.string(), reason: z.string() })),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SiteReceived = z.infer<typeof SiteReceived>;

/** Which version of a record changed on both sides the clerk keeps (site_conflicts.choice). */
export const conflictChoices = ['centro', 'sede', 'combinado'] as const;
export const conflictSides = ['centro', 'sede'] as const;

/** One field that differs between the centre's and the site's version, as display text. */
export const ConflictField = z.object({
  column: z.string(),
  label: z.string(),
  centre: z.string(),
  site: z.string(),
});
export type ConflictField = z.infer<typeof ConflictField>;

/** A record changed at the centre and at a site since they last met (sites/conflicts.ts). */
export const SiteConflict = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  establishmentName: z.string(),
  /** What the record is (Participante, Instrumento…) and which one, in the reader's words. */
  what: z.string(),
  record: z.string(),
  detectedAt: z.string(),
  packageSeq: z.number().int(),
  fields: z.array(ConflictField),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  choice: z.enum(conflictChoices).nullable(),
});
export type SiteConflict = z.infer<typeof SiteConflict>;

/** The open conflicts and the last resolved ones. */
export const SiteConflicts = z.object({ open: z.array(SiteConflict), resolved: z.array(SiteConflict) });
export type SiteConflicts = z.infer<typeof SiteConflicts>;

/**
 * The clerk's decision: the centre's version, the site's, or a combination — for each field that
 * differs, `fields` names the side kept (a field not named keeps the centre's).
 */
export const SiteResolveConflict = z
  .object({
    conflictId: RecordId,
    choice: z.enum(conflictChoices, { error: 'sites.conflicts.choiceRequired' }),
    fields: z.record(z.string().min(1).max(64), z.enum(conflictSides, { error: 'sites.conflicts.sideRequired' })).optional(),
  })
  .strict();
export type SiteResolveConflict = z.input<typeof SiteResolveConflict>;

export const SiteConflictResolved = z.object({
  id: z.number().int(),
  choice: z.enum(conflictChoices),
  resolvedAt: z.string(),
  establishmentName: z.string(),
});
export type SiteConflictResolved = z.infer<typeof SiteConflictResolved>;
