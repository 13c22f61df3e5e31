import { z } from 'zod';
import { channel, NoInput, type ChannelDef } from '../ipc';
import type { authChannels } from './channels';
import { AuthStatus, ChangePassword, SessionUser, SetupAdmin, SignIn, Unlock } from './schemas';

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
