import { z } from 'zod';
import { RecordId } from '../marks';
import { Id, requiredOr, choice } from '../ipc';
import { FullName, NewPassword, Role, Username, confirmed } from '../auth/schemas';

/** The administrator's user accounts. */
export const userStatuses = ['active', 'inactive', 'all'] as const;

export const UserListQuery = z
  .object({
    search: z.string({ error: 'errors.invalid' }).trim().max(100).optional(),
    role: Role.optional(),
    status: choice(userStatuses).optional(),
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
