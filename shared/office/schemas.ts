import { z } from 'zod';
import { requiredOr } from '../ipc';

/**
 * Settings → Base de datos (issue 8): "Este equipo" (the embedded SQLite file, the
 * default) or "Servidor de la oficina" (PostgreSQL shared by several PCs).
 */
export const databaseModes = ['local', 'server'] as const;
export const DatabaseMode = z.enum(databaseModes);
export type DatabaseMode = z.infer<typeof DatabaseMode>;

/** A CA certificate file is a few kilobytes; a bundle of a few certificates stays far below this. */
export const MAX_CA_PEM = 64 * 1024;

/** One or more PEM certificates (BEGIN/END CERTIFICATE with base64 between), nothing else but blank space. */
export function looksLikePemCertificate(text: string): boolean {
  const block = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g;
  const blocks = text.match(block);
  return !!blocks && text.replace(block, '').trim() === '';
}

const hostPattern = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

export const ServerFields = {
  host: z
    .string({ error: requiredOr('errors.invalid') })
    .trim()
    .min(1, 'errors.required')
    .max(253)
    .regex(hostPattern, 'office.errors.host'),
  port: z
    .number({ error: requiredOr('office.errors.port') })
    .int('office.errors.port')
    .min(1, 'office.errors.port')
    .max(65535, 'office.errors.port'),
  database: z
    .string({ error: requiredOr('errors.invalid') })
    .trim()
    .min(1, 'errors.required')
    .max(63)
    .regex(/^[A-Za-z_][A-Za-z0-9_$-]*$/, 'office.errors.identifier'),
  user: z
    .string({ error: requiredOr('errors.invalid') })
    .trim()
    .min(1, 'errors.required')
    .max(63)
    .regex(/^[A-Za-z_][A-Za-z0-9_$.@-]*$/, 'office.errors.identifier'),
  /**
   * Empty: the saved password, but only for the very server it was saved for (same host,
   * port, database and user, and no weaker TLS): the form never receives it back.
   */
  password: z.string({ error: 'errors.invalid' }).max(200).default(''),
  /** TLS to the server, verified: on unless the administrator turns it off. */
  ssl: z.boolean({ error: 'errors.invalid' }).default(true),
  /**
   * The certificate of the authority (CA) that signed the server's certificate, as the PEM
   * text of the file the administrator chose; null: the authorities this PC trusts.
   */
  caCert: z
    .string({ error: 'errors.invalid' })
    .max(MAX_CA_PEM, 'office.errors.caCert')
    .refine(looksLikePemCertificate, 'office.errors.caCert')
    .nullable()
    .default(null),
};

export const ServerSettingsInput = z.object(ServerFields).strict();
export type ServerSettingsInput = z.input<typeof ServerSettingsInput>;

export const DatabaseSettings = z.object({
  /** What this PC is set to use (takes effect at the next start of the data layer). */
  mode: DatabaseMode,
  /** What the running app uses now. */
  active: DatabaseMode,
  server: z
    .object({
      host: z.string(),
      port: z.number().int(),
      database: z.string(),
      user: z.string(),
      ssl: z.boolean(),
      /** The CA certificate kept for this server (PEM text: a public certificate, not a secret). */
      caCert: z.string().nullable(),
      /** Who the kept CA certificate names (its subject), to show instead of the PEM text. */
      caCertSubject: z.string().nullable(),
      hasPassword: z.boolean(),
    })
    .nullable(),
  /** The server's schema is newer than this app: writes are refused until it is updated. */
  readOnly: z.boolean(),
  /** Whether this machine can keep a password protected (Electron's safeStorage). */
  secretsAvailable: z.boolean(),
});
export type DatabaseSettings = z.infer<typeof DatabaseSettings>;

/** What "Probar conexión" found: ok, or the one problem, named. */
export const connectionProblems = [
  'unreachable',
  'auth',
  /** The password field was empty and the saved one belongs to another server: it is not sent. */
  'passwordNeeded',
  'noDatabase',
  'tooOld',
  'foreign',
  'newer',
  /** TLS is on and the server does not accept encrypted connections. */
  'tlsUnsupported',
  /** The server's certificate is not signed by a trusted authority (nor the CA chosen). */
  'tlsUntrusted',
  /** The server's certificate is for another name than the host typed. */
  'tlsName',
  /** The server's certificate has expired or is not valid yet. */
  'tlsExpired',
  /** Any other TLS failure. */
  'tls',
  'other',
] as const;
export type ConnectionProblem = (typeof connectionProblems)[number];

export const ConnectionTest = z.object({
  ok: z.boolean(),
  problem: z.enum(connectionProblems).nullable(),
  /** One sentence in the user's language. */
  message: z.string(),
  serverVersion: z.string().nullable(),
  /** For a database of ours: whether it is empty (a copy of this PC's data may go there). */
  empty: z.boolean().nullable(),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

export const DatabaseSave = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }).strict(),
  z.object({ mode: z.literal('server'), ...ServerFields }).strict(),
]);
export type DatabaseSave = z.input<typeof DatabaseSave>;

export const DatabaseSaved = z.object({ mode: DatabaseMode, restartRequired: z.boolean() });

/** "Llevar mis datos al servidor": the server named, and the user's confirmation. */
export const CopyToServer = z.object({ ...ServerFields, confirm: z.literal(true, { error: 'office.errors.confirmCopy' }) }).strict();
export type CopyToServer = z.input<typeof CopyToServer>;

export const CopyReport = z.object({
  ok: z.boolean(),
  /** One sentence in the user's language: what was copied and checked, or why nothing was. */
  message: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() })),
  totalRows: z.number().int().nonnegative(),
});
export type CopyReport = z.infer<typeof CopyReport>;

/**
 * Office mode: where the attachments of the whole office live (one value on the server,
 * not per PC): the server's database (the default) or a shared folder every PC reaches,
 * typically a Windows share such as \\servidor\arteinpe\adjuntos.
 */
export const AttachmentsFolderSettings = z.object({
  /** False on "Este equipo": the attachments live in the folder beside this PC's database. */
  available: z.boolean(),
  place: z.enum(['database', 'folder']),
  folder: z.string().nullable(),
  /** How many attachments the office keeps (moved when the place changes). */
  count: z.number().int(),
  /** The host of the office's database server this PC uses (to warn when the shared folder is elsewhere, shared/office/hosts.ts). */
  serverHost: z.string().nullable(),
});
export type AttachmentsFolderSettings = z.infer<typeof AttachmentsFolderSettings>;

export const AttachmentsFolderSave = z
  .object({
    /** The shared folder; null goes back to the server's database. */
    folder: z
      .string({ error: requiredOr('errors.invalid') })
      .trim()
      .min(1, 'errors.required')
      .max(400)
      .refine((f) => !/[\0<>"|?*]/.test(f.replace(/^\\\\\?\\/, '')), 'office.attachments.errors.badPath')
      .nullable(),
  })
  .strict();
export type AttachmentsFolderSave = z.input<typeof AttachmentsFolderSave>;
