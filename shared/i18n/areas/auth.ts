import type { Widen } from '../types';

/** Signing in, the first-run administrator, the idle lock, one's own password, roles: Spanish (Peru) first, English beside it. */
export const authEs = {
  nav: { group: 'Administración' },
  forbiddenPage: {
    title: 'Sin permiso para esta página',
    text: 'Su rol no incluye esta parte de ArteINPE. Si la necesita para su trabajo, pida al administrador que revise su usuario.',
  },
  roles: {
    administrador: 'Administrador',
    inventario: 'Inventario',
    contratos: 'Contratos',
    exposiciones: 'Exposiciones',
    programas: 'Programas',
    consulta: 'Consulta',
  },
  roleHints: {
    administrador: 'Todo: usuarios, auditoría, copias de seguridad, establecimientos y todos los módulos.',
    inventario: 'Instrumentos, tipos, inventario físico, consumibles y reportes de inventario.',
    contratos: 'Docentes, órdenes de servicio y contratos, conformidades y presupuesto.',
    exposiciones: 'Obras, exposiciones y catálogo de InternArte.',
    programas:
      'Talleres, sesiones, participantes, asistencia, elencos, eventos, aliados y certificados. Ve los nombres de los participantes.',
    consulta: 'Solo lectura de los módulos, sin nombres de participantes.',
  },
  username: 'Usuario',
  usernameHint: 'Letras minúsculas, números, punto o guion (por ejemplo, mflores).',
  fullName: 'Nombre completo',
  password: 'Contraseña',
  passwordHint: 'Al menos 8 caracteres, con letras y números.',
  confirm: 'Repita la contraseña',
  currentPassword: 'Contraseña actual',
  newPassword: 'Nueva contraseña',
  signIn: {
    title: 'Ingresar',
    intro: 'Escriba su usuario y su contraseña.',
    submit: 'Ingresar',
    restored:
      'Se restauró la copia de seguridad {{name}} (del {{date}}). Los usuarios y las contraseñas son los de esa copia: ingrese de nuevo.',
    forgot: '¿Olvidó su contraseña? Pida al administrador que la restablezca.',
    installed:
      'Se instaló la sede {{site}}. Compare la huella de la oficina central, {{fingerprint}}, con la que le dieron. Ingrese con su usuario de la sede.',
  },
  setup: {
    title: 'Bienvenido a ArteINPE',
    intro:
      'Es la primera vez que se abre ArteINPE en esta PC. Cree la cuenta del administrador: podrá crear después las cuentas del resto del equipo, cada una con su rol.',
    submit: 'Crear administrador e ingresar',
    keepSafe: 'Guarde esta contraseña en un lugar seguro: sin ella nadie podrá administrar los usuarios ni restaurar copias.',
    siteIntro: '¿Esta PC es la de un establecimiento que trabajará sin conexión? Instálela con el paquete de alta de la oficina central.',
    installSite: 'Instalar como sede',
    installedNoAccounts:
      'Se instaló la sede {{site}}. Compare la huella de la oficina central, {{fingerprint}}, con la que le dieron. El paquete no traía cuentas de usuario: cree el administrador de la sede.',
  },
  lock: {
    title: 'Sesión bloqueada',
    intro:
      '{{name}}, la sesión está bloqueada (se bloquea sola tras {{minutes}} minutos sin actividad). Escriba su contraseña para continuar.',
    submit: 'Desbloquear',
    otherUser: 'Ingresar con otro usuario',
  },
  change: {
    title: 'Cambiar mi contraseña',
    forcedTitle: 'Cambie su contraseña',
    forced: 'El administrador le asignó una contraseña temporal. Elija una propia para continuar.',
    submit: 'Cambiar contraseña',
    done: 'Su contraseña se cambió.',
  },
  menu: {
    label: 'Menú del usuario',
    role: 'Rol: {{role}}',
    changePassword: 'Cambiar mi contraseña',
    lock: 'Bloquear la sesión',
    signOut: 'Cerrar sesión',
    restricted_one: 'Solo {{count}} establecimiento',
    restricted_other: 'Solo {{count}} establecimientos',
  },
  errors: {
    signedOut: 'Su sesión terminó. Ingrese de nuevo.',
    locked: 'La sesión está bloqueada. Escriba su contraseña para continuar.',
    mustChangePassword: 'Cambie primero su contraseña temporal.',
    establishmentNotAllowed: 'Su usuario no trabaja con ese establecimiento.',
    usernameChars: 'Use letras minúsculas sin tildes, números, punto, guion o guion bajo, empezando por una letra o un número.',
    passwordShort: 'La contraseña debe tener al menos 8 caracteres.',
    passwordWeak: 'La contraseña debe tener letras y números.',
    confirmMismatch: 'Las dos contraseñas no coinciden.',
    samePassword: 'La nueva contraseña debe ser distinta de la actual.',
    badCredentials:
      'El usuario o la contraseña no son correctos. Tras {{max}} intentos fallidos seguidos, la cuenta se bloquea por {{minutes}} minutos.',
    accountLocked:
      'La cuenta se bloqueó por varios intentos fallidos. Vuelva a intentar en {{minutes}} minutos o pida al administrador que restablezca su contraseña.',
    disabled: 'Su cuenta está desactivada. Comuníquese con el administrador.',
    alreadySetUp: 'El administrador ya fue creado. Ingrese con su usuario.',
    wrongPassword: 'La contraseña actual no es correcta.',
    deactivated: 'Un administrador desactivó su cuenta y su sesión se cerró. Si la necesita, comuníquese con el administrador.',
  },
  /** The browser harness (npm run start:browser): its refusals, before any sign-in. */
  harness: {
    title: 'ArteINPE (navegador)',
    wrongHost:
      'Esta dirección no corresponde a ArteINPE en esta PC. Abra la dirección completa que mostró la consola al iniciar, que empieza por {{url}}',
    noToken:
      'Falta la clave de acceso de esta ventana. Abra ArteINPE con la dirección completa que mostró la consola al iniciar (termina en «?token=…»); la clave cambia cada vez que se inicia.',
    foreignOrigin: 'Solicitud rechazada: viene de otra página web, no de ArteINPE.',
    notJson: 'Solicitud rechazada: ArteINPE solo acepta datos en formato JSON.',
    method: 'Solicitud rechazada: método no admitido.',
    notFound: 'No se encontró esta página.',
  },
};

export const authEn: Widen<typeof authEs> = {
  nav: { group: 'Administration' },
  forbiddenPage: {
    title: 'No permission for this page',
    text: 'Your role does not include this part of ArteINPE. If your work needs it, ask the administrator to review your user.',
  },
  roles: {
    administrador: 'Administrator',
    inventario: 'Inventory',
    contratos: 'Contracts',
    exposiciones: 'Exhibitions',
    programas: 'Programmes',
    consulta: 'Read only',
  },
  roleHints: {
    administrador: 'Everything: users, audit, backups, establishments and every module.',
    inventario: 'Instruments, types, stocktakes, consumables and inventory reports.',
    contratos: 'Teachers, service orders and contracts, sign-offs and budget.',
    exposiciones: 'Artworks, exhibitions and the InternArte catalog.',
    programas: 'Workshops, sessions, participants, attendance, ensembles, events, partners and certificates. Sees participants’ names.',
    consulta: 'Reads the modules, without participants’ names.',
  },
  username: 'User name',
  usernameHint: 'Lower-case letters, digits, dot or hyphen (for example, mflores).',
  fullName: 'Full name',
  password: 'Password',
  passwordHint: 'At least 8 characters, with letters and digits.',
  confirm: 'Repeat the password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  signIn: {
    title: 'Sign in',
    intro: 'Type your user name and password.',
    submit: 'Sign in',
    restored: 'Backup {{name}} (of {{date}}) was restored. Users and passwords are those of that backup: sign in again.',
    forgot: 'Forgot your password? Ask the administrator to reset it.',
    installed:
      "The site {{site}} was installed. Compare the central office's fingerprint, {{fingerprint}}, with the one you were given. Sign in with your site user.",
  },
  setup: {
    title: 'Welcome to ArteINPE',
    intro:
      'ArteINPE is opening on this PC for the first time. Create the administrator’s account: it can then create the rest of the team’s accounts, each with its role.',
    submit: 'Create administrator and sign in',
    keepSafe: 'Keep this password safe: without it nobody can manage users or restore backups.',
    siteIntro: "Is this PC an establishment's, to work offline? Install it with the central office's enrolment package.",
    installSite: 'Install as a site',
    installedNoAccounts:
      "The site {{site}} was installed. Compare the central office's fingerprint, {{fingerprint}}, with the one you were given. The package carried no user accounts: create the site's administrator.",
  },
  lock: {
    title: 'Session locked',
    intro:
      '{{name}}, the session is locked (it locks by itself after {{minutes}} minutes without activity). Type your password to continue.',
    submit: 'Unlock',
    otherUser: 'Sign in as another user',
  },
  change: {
    title: 'Change my password',
    forcedTitle: 'Change your password',
    forced: 'The administrator gave you a temporary password. Choose your own to continue.',
    submit: 'Change password',
    done: 'Your password was changed.',
  },
  menu: {
    label: 'User menu',
    role: 'Role: {{role}}',
    changePassword: 'Change my password',
    lock: 'Lock the session',
    signOut: 'Sign out',
    restricted_one: 'Only {{count}} establishment',
    restricted_other: 'Only {{count}} establishments',
  },
  errors: {
    signedOut: 'Your session ended. Sign in again.',
    locked: 'The session is locked. Type your password to continue.',
    mustChangePassword: 'Change your temporary password first.',
    establishmentNotAllowed: 'Your user does not work with that establishment.',
    usernameChars: 'Use lower-case letters without accents, digits, dot, hyphen or underscore, starting with a letter or a digit.',
    passwordShort: 'The password must have at least 8 characters.',
    passwordWeak: 'The password must have letters and digits.',
    confirmMismatch: 'The two passwords do not match.',
    samePassword: 'The new password must differ from the current one.',
    badCredentials:
      'The user name or the password is not correct. After {{max}} failed attempts in a row, the account is locked for {{minutes}} minutes.',
    accountLocked:
      'The account was locked after several failed attempts. Try again in {{minutes}} minutes or ask the administrator to reset your password.',
    disabled: 'Your account is disabled. Contact the administrator.',
    alreadySetUp: 'The administrator already exists. Sign in with your user.',
    wrongPassword: 'The current password is not correct.',
    deactivated: 'An administrator deactivated your account and your session ended. If you need it, contact the administrator.',
  },
  harness: {
    title: 'ArteINPE (browser)',
    wrongHost: 'This address is not ArteINPE on this PC. Open the full address the console showed at start, which begins with {{url}}',
    noToken:
      'This window lacks its access key. Open ArteINPE with the full address the console showed at start (it ends in “?token=…”); the key changes at every start.',
    foreignOrigin: 'Request refused: it comes from another web page, not from ArteINPE.',
    notJson: 'Request refused: ArteINPE only accepts data in JSON format.',
    method: 'Request refused: method not allowed.',
    notFound: 'This page was not found.',
  },
};
