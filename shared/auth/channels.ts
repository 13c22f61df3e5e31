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

/** The administrator's user accounts. */
export const userChannels = ['users.list', 'users.create', 'users.update', 'users.setActive', 'users.resetPassword'] as const;

/** The audit log viewer and the log of exports with personal data (administrador). */
export const auditChannels = ['audit.list', 'audit.facets', 'audit.export', 'audit.personalDataExports'] as const;
