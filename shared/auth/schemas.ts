import { z } from 'zod';
import { requiredOr, choice } from '../ipc';
import { permissions, roles } from './permissions';

export const Role = choice(roles);
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

/** The password and its confirmation agree (setting one's own or another's). */
export const confirmed = <T extends { password: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
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
  /**
   * Signed in at a prison site (issue 20): establishmentIds is that prison, and what the central
   * office decides is read-only (shared/sites/site-writes.ts).
   */
  atSite: z.boolean(),
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
