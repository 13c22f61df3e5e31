/** Signing in and out, the idle lock, one's own password. */
export const authChannels = [
  'auth.status',
  'auth.setupAdmin',
  'auth.signIn',
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
] as const;
