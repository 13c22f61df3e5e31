import { z } from 'zod';
import { channel, ExportResult, NoInput, pageOf, type ChannelDef } from '../ipc';
import type { auditChannels, authChannels, userChannels } from './channels';
import {
  AuditEntry,
  AuditExport,
  AuditFacets,
  AuditListQuery,
  AuthStatus,
  ChangePassword,
  PageQuery,
  PersonalDataExport,
  SessionUser,
  SetupAdmin,
  SignIn,
  Unlock,
  User,
  UserCreate,
  UserListQuery,
  UserResetPassword,
  UserSetActive,
  UserUpdate,
} from './schemas';

/**
 * auth.signIn and auth.unlock are actions: a failed attempt is recorded (five in a row
 * lock the account for five minutes) even though the call is refused.
 */
export const authContract = {
  'auth.status': channel('query', NoInput, AuthStatus),
  'auth.setupAdmin': channel('write', SetupAdmin, SessionUser),
  'auth.signIn': channel('action', SignIn, SessionUser),
  'auth.signOut': channel('action', NoInput, z.object({ signedOut: z.literal(true) })),
  'auth.lock': channel('action', NoInput, z.object({ locked: z.literal(true) })),
  'auth.unlock': channel('action', Unlock, SessionUser),
  'auth.changePassword': channel('write', ChangePassword, SessionUser),
} satisfies { [K in (typeof authChannels)[number]]: ChannelDef };

export const userContract = {
  'users.list': channel('query', UserListQuery, z.array(User)),
  'users.create': channel('write', UserCreate, User),
  'users.update': channel('write', UserUpdate, User),
  'users.setActive': channel('write', UserSetActive, User),
  'users.resetPassword': channel('write', UserResetPassword, User),
} satisfies { [K in (typeof userChannels)[number]]: ChannelDef };

export const auditContract = {
  'audit.list': channel('query', AuditListQuery, pageOf(AuditEntry)),
  'audit.facets': channel('query', NoInput, AuditFacets),
  'audit.export': channel('action', AuditExport, ExportResult),
  'audit.personalDataExports': channel('query', PageQuery, pageOf(PersonalDataExport)),
} satisfies { [K in (typeof auditChannels)[number]]: ChannelDef };
