import type { ChannelKind } from '../ipc';

/**
 * Who may call which channel: ONE pure table, used by main (the dispatcher's permission
 * step, whatever the renderer shows) and by the renderer (to hide what a role cannot use).
 *
 * Channels are classified by their prefix ("instruments.", "teachers."…) and their kind
 * (query / write / action, from the contract), never one by one, so that a module's new
 * channels are covered by its prefix. A channel that matches no rule is callable only by
 * the administrador, and the unit test tests/unit/shared/permissions.test.ts fails until
 * its prefix is classified here: a new module must add its prefix to `modulePrefixes`.
 */

export const roles = ['administrador', 'inventario', 'contratos', 'exposiciones', 'programas', 'consulta'] as const;
export type Role = (typeof roles)[number];

/**
 * Permissions beyond channels. personalData: participants' (persons deprived of liberty)
 * names and codes, and exports that contain them. artists: the real names of the artists
 * of InternArte's works (persons deprived of liberty), inside the app; the exposiciones
 * role needs them to handle the signed consent forms, other roles see each artist only as
 * the artist's consent allows (full name, initials, pseudonym or anonymous). A role with
 * personalData sees them too.
 */
export const permissions = ['personalData', 'artists'] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrador: ['personalData', 'artists'],
  inventario: [],
  contratos: [],
  exposiciones: ['artists'],
  programas: ['personalData'],
  consulta: [],
};

export const roleHas = (role: Role, permission: Permission): boolean => rolePermissions[role].includes(permission);

/** The modules each working role owns, by channel prefix. */
export const modulePrefixes: Record<Exclude<Role, 'administrador' | 'consulta'>, readonly string[]> = {
  inventario: ['instrumentTypes', 'instruments', 'stocktakes', 'consumables', 'inventory', 'custody', 'staff', 'movements'],
  contratos: ['teachers', 'contracts', 'conformities', 'budget', 'teaching'],
  exposiciones: ['artworks', 'exhibitions', 'catalog', 'loans'],
  programas: [
    'workshops',
    'sessions',
    'participants',
    'enrolments',
    'attendance',
    'ensembles',
    'events',
    'seasons',
    'partners',
    'agreements',
    'initiatives',
    'certificates',
    'programmeReports',
    'custody',
    'teaching',
    'population',
    'evaluation',
  ],
};

/**
 * How a channel may be reached:
 *  public    before signing in (the sign-in screen, the first-run administrator);
 *  locked    by a signed-in session that the idle lock closed (to unlock it);
 *  signedIn  by everyone signed in;
 *  roles     by these roles (and the administrador);
 *  import    by a role that may write the import's target module (checked again in
 *            the import handlers against the actual target: see mayImport);
 *  admin     by the administrador only.
 */
export type Access =
  | { type: 'public' }
  | { type: 'locked' }
  | { type: 'signedIn' }
  | { type: 'roles'; roles: readonly Role[] }
  | { type: 'import' }
  | { type: 'admin' };

const prefixOf = (channel: string) => channel.slice(0, Math.max(0, channel.indexOf('.')));

/**
 * Channels reachable before signing in. sites.install is the first run's «Instalar como sede»:
 * it answers only on a new database, before any account exists (electron/main/sites/install.ts).
 */
export const publicChannels: readonly string[] = [
  'app.info',
  'app.reportError',
  'auth.status',
  'auth.setupAdmin',
  'auth.signIn',
  'sites.install',
];

/** Prefixes that only the administrador uses (users, the audit log, backups, office mode, demo data, enrolling prison sites). */
export const adminPrefixes: readonly string[] = ['users', 'audit', 'backups', 'office', 'demo', 'sites'];

/** Channels every signed-in user may call, whatever their prefix's rule: this installation's role (a site's screens follow it). */
export const everyoneChannels: readonly string[] = ['sites.status'];

/**
 * Sending and reading the data packages of a prison site (issue 20): the clerks who record what
 * happens there carry it, not only the administrador; the read-only role does not.
 */
export const exchangeChannels: readonly string[] = ['sites.writePackage', 'sites.readPackage'];
const exchangeRoles: readonly Role[] = ['inventario', 'contratos', 'exposiciones', 'programas'];

/** Prefixes every signed-in user may call, whatever the kind. */
export const everyonePrefixes: readonly string[] = ['app', 'dashboard', 'files', 'jobs', 'auth', 'search', 'notifications', 'lists'];

/** Reference lists everyone reads; writing them is the administrador's. */
export const referencePrefixes: readonly string[] = ['regionalOffices', 'establishments'];

/**
 * Participants' records (persons deprived of liberty): every channel needs the
 * personalData permission, whatever its kind, so the read-only role does not open them.
 * Other modules that show a participant's name mask it for roles without the permission
 * (electron/main/privacy/personal-data.ts, canSeePersonalData).
 */
export const personalDataPrefixes: readonly string[] = ['participants'];

const moduleRoles = (prefix: string): Role[] =>
  (Object.entries(modulePrefixes) as Array<[Role, readonly string[]]>).filter(([, ps]) => ps.includes(prefix)).map(([r]) => r);

/** The rule a channel falls under, or null when no rule names it (then only the administrador may call it). */
export function classify(channel: string, kind: ChannelKind): Access | null {
  if (publicChannels.includes(channel)) return { type: 'public' };
  if (channel === 'auth.unlock') return { type: 'locked' };
  if (everyoneChannels.includes(channel)) return { type: 'signedIn' };
  if (exchangeChannels.includes(channel)) return { type: 'roles', roles: exchangeRoles };
  const prefix = prefixOf(channel);
  if (adminPrefixes.includes(prefix)) return { type: 'admin' };
  if (everyonePrefixes.includes(prefix)) return { type: 'signedIn' };
  if (referencePrefixes.includes(prefix)) return kind === 'write' ? { type: 'admin' } : { type: 'signedIn' };
  if (prefix === 'import') return { type: 'import' };
  const owners = moduleRoles(prefix);
  if (owners.length === 0) return null;
  if (personalDataPrefixes.includes(prefix)) return { type: 'roles', roles: owners.filter((r) => roleHas(r, 'personalData')) };
  return { type: 'roles', roles: kind === 'query' ? [...owners, 'consulta'] : owners };
}

/**
 * The module an import target writes, as a channel prefix: by default the target's own
 * name ('instruments' → instruments.*); a target named otherwise is listed here.
 */
export const importTargetModules: Record<string, string> = {};
export const importTargetModule = (target: string): string => importTargetModules[target] ?? target;

/**
 * Whether `role` may export a list through lists.export (shared/lists/schemas.ts): the rule
 * of that module's own export, an action (the read-only role exports nothing of a module).
 */
export function mayExportList(role: Role, list: string): boolean {
  return mayCall(role, `${prefixOf(list)}.export`, 'action', []);
}

/** Whether `role` may write what an import of `target` writes (the rule of that module's write channels). */
export function mayImport(role: Role, target: string): boolean {
  return mayCall(role, `${importTargetModule(target)}.import`, 'write', []);
}

/**
 * Whether `role` may call `channel` (of this kind). importTargets: the contract's import
 * targets (shared/import/schemas.ts); the import channels are open to a role that may
 * write at least one of them.
 */
export function mayCall(role: Role, channel: string, kind: ChannelKind, importTargets: readonly string[]): boolean {
  if (role === 'administrador') return true;
  const access = classify(channel, kind);
  if (!access) return false;
  switch (access.type) {
    case 'public':
    case 'locked':
    case 'signedIn':
      return true;
    case 'roles':
      return access.roles.includes(role);
    case 'import':
      return importTargets.some((t) => mayImport(role, t));
    case 'admin':
      return false;
  }
}
