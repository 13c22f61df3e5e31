import { z } from 'zod';
import { RecordId } from '../marks';
import { ExportFormat, Id, IsoDate, pageSizes, requiredOr } from '../ipc';
import { permissions, roles } from './permissions';

export const Role = z.enum(roles, { error: requiredOr('errors.choose') });
export const Permission = z.enum(permissions);

/** How long a session may sit idle before it locks (minutes). */
export const IDLE_LOCK_MINUTES = 15;
/** Failed sign-ins in a row that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const ACCOUNT_LOCK_MINUTES = 5;

/** A user name: lower case letters, digits, dot, hyphen, underscore ("mflores", "ana.quispe"). */
export const Username = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .min(3)
  .max(40)
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'auth.errors.usernameChars'));

export const FullName = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .min(3)
  .max(120);

/** A new password: at least 8 characters, with letters and digits. */
export const NewPassword = z
  .string({ error: requiredOr('errors.invalid') })
  .min(1, 'errors.required')
  .min(8, 'auth.errors.passwordShort')
  .max(128)
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'auth.errors.passwordWeak');

/** A password as typed at sign-in (its rules are checked when it is set, not here). */
export const TypedPassword = z
  .string({ error: requiredOr('errors.invalid') })
  .min(1, 'errors.required')
  .max(128);

const confirmed = <T extends { password: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'auth.errors.confirmMismatch' });
};

/** First run: the administrator's account. */
export const SetupAdmin = z
  .object({
    username: Username,
    fullName: FullName,
    password: NewPassword,
    confirm: z.string({ error: requiredOr('errors.invalid') }).max(128),
  })
  .strict()
  .superRefine(confirmed);
export type SetupAdmin = z.input<typeof SetupAdmin>;

export const SignIn = z
  .object({
    username: z
      .string({ error: requiredOr('errors.invalid') })
      .trim()
      .min(1, 'errors.required')
      .max(40),
    password: TypedPassword,
  })
  .strict();
export type SignIn = z.input<typeof SignIn>;

export const Unlock = z.object({ password: TypedPassword }).strict();

export const ChangePassword = z
  .object({ currentPassword: TypedPassword, password: NewPassword, confirm: z.string({ error: requiredOr('errors.invalid') }).max(128) })
  .strict()
  .superRefine((v, ctx) => {
    confirmed(v, ctx);
    if (v.password === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['password'], message: 'auth.errors.samePassword' });
  });
export type ChangePassword = z.input<typeof ChangePassword>;

/** The signed-in user as the renderer sees it. establishmentIds empty: every establishment. */
export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  establishmentIds: z.array(z.number().int()),
  permissions: z.array(Permission),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const AuthStatus = z.object({
  /** No user exists yet: the first-run screen creates the administrator. */
  setupNeeded: z.boolean(),
  user: SessionUser.nullable(),
  /** Signed in, but the idle lock closed the session: the password opens it again. */
  locked: z.boolean(),
  idleMinutes: z.number().int().positive(),
  /** Signed out because an administrator (on this or another PC) deactivated the account: the sign-in screen says so. */
  ended: z.enum(['deactivated']).nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

// ─── Users (administrador) ───────────────────────────────────────────────────────────────

export const userStatuses = ['active', 'inactive', 'all'] as const;

export const UserListQuery = z
  .object({
    search: z.string({ error: 'errors.invalid' }).trim().max(100).optional(),
    role: Role.optional(),
    status: z.enum(userStatuses, { error: requiredOr('errors.choose') }).optional(),
  })
  .strict();
export type UserListQuery = z.input<typeof UserListQuery>;

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  establishmentIds: z.array(z.number().int()),
  establishmentNames: z.array(z.string()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  /** Locked after too many failed sign-ins until this time (UTC), or null. */
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type User = z.infer<typeof User>;

const EstablishmentIds = z.array(Id, { error: 'errors.invalid' }).max(100).default([]);

export const UserCreate = z
  .object({
    username: Username,
    fullName: FullName,
    role: Role,
    establishmentIds: EstablishmentIds,
    /** A first password the administrator hands over; the user must change it at first sign-in. */
    password: NewPassword,
    confirm: z.string({ error: requiredOr('errors.invalid') }).max(128),
  })
  .strict()
  .superRefine(confirmed);
export type UserCreate = z.input<typeof UserCreate>;

export const UserUpdate = z
  .object({ id: RecordId, version: Id, fullName: FullName, role: Role, establishmentIds: EstablishmentIds })
  .strict();
export type UserUpdate = z.input<typeof UserUpdate>;

export const UserSetActive = z.object({ id: RecordId, version: Id, active: z.boolean({ error: requiredOr('errors.invalid') }) }).strict();

export const UserResetPassword = z
  .object({ id: RecordId, version: Id, password: NewPassword, confirm: z.string({ error: requiredOr('errors.invalid') }).max(128) })
  .strict()
  .superRefine(confirmed);
export type UserResetPassword = z.input<typeof UserResetPassword>;

// ─── Personal data ───────────────────────────────────────────────────────────────────────

/**
 * Why a file with personal data leaves the application: asked in the renderer, logged in
 * main (personal_data_exports) with who, when and what. Add it to an export's input schema
 * as `reason: PersonalDataReason`.
 */
export const PersonalDataReason = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .min(10, 'privacy.errors.reasonShort')
  .max(300);

export const PersonalDataExport = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  channel: z.string(),
  what: z.string(),
  reason: z.string(),
  rows: z.number().int().nonnegative(),
  fileName: z.string(),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

export const PageQuery = z
  .object({
    page: z.number({ error: 'errors.invalid' }).int().positive().default(1),
    pageSize: z
      .number({ error: 'errors.invalid' })
      .int()
      .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
      .default(25),
  })
  .strict();

// ─── The audit log ───────────────────────────────────────────────────────────────────────

const FilterText = z.string({ error: 'errors.invalid' }).trim().max(100).optional();

export const AuditFilter = z
  .object({
    userId: FilterText,
    entity: FilterText,
    /** The record's id within its entity. */
    entityId: FilterText,
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'audit.errors.range', path: ['to'] });
export type AuditFilter = z.input<typeof AuditFilter>;

export const AuditListQuery = z
  .object({
    filter: AuditFilter.default({}),
    page: z.number({ error: 'errors.invalid' }).int().positive().default(1),
    pageSize: z
      .number({ error: 'errors.invalid' })
      .int()
      .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
      .default(25),
    direction: z.enum(['asc', 'desc'], { error: requiredOr('errors.choose') }).default('desc'),
  })
  .strict();
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  channel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  /** The record before and after, as the JSON text the log keeps. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFacets = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  entities: z.array(z.string()),
});

/** The log leaves the app for an auditor: it may hold participants' names, so it asks for a reason. */
export const AuditExport = z.object({ filter: AuditFilter.default({}), format: ExportFormat, reason: PersonalDataReason }).strict();
export type AuditExport = z.input<typeof AuditExport>;
