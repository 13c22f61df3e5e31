import type { Widen } from '../types';
import { sitesConflictsEn, sitesConflictsEs } from './sites/conflicts';
import { sitesExchangeScreensEn, sitesExchangeScreensEs } from './sites/exchange-screens';
import { sitesTransferEn, sitesTransferEs } from './sites/transfer';

/** Offline prison sites (issue 20): Spanish (Peru) first, English beside it. */
export const sitesEs = {
  ...sitesTransferEs,
  ...sitesExchangeScreensEs,
  ...sitesConflictsEs,
  /** Why a package file is refused (electron/main/sites/sealed.ts PackageRefusal). */
  package: {
    'not-a-package': 'El archivo no es un paquete de datos de ArteINPE. No se cambió nada.',
    'older-format':
      'Este paquete se hizo con una versión anterior de ArteINPE, que esta ya no lee. Pida a quien lo envió que actualice ArteINPE y envíe un paquete nuevo: llevará también todo lo que llevaba este. No se cambió nada.',
    'newer-format':
      'Este paquete se hizo con una versión más reciente de ArteINPE: actualice ArteINPE en esta PC para leerlo. No se cambió nada.',
    'other-receiver': 'Este paquete es para otra instalación ({{to}}), no para esta. No se cambió nada.',
    'unknown-sender': 'Este paquete viene de una instalación que esta no conoce ({{from}}). No se cambió nada.',
    altered: 'El paquete está dañado o fue modificado después de enviarse. No se cambió nada.',
  },
  /** The enrolment of a site and its installation (sites/enrol.ts, sites/install.ts). */
  errors: {
    unknownEstablishment: 'El establecimiento no existe.',
    inactiveEstablishment: 'El establecimiento {{name}} está inactivo: actívelo antes de darlo de alta como sede.',
    alreadyEnrolled: 'El establecimiento {{name}} ya fue dado de alta como sede. No se cambió nada.',
    notCentral: 'Esta instalación es una sede: solo la oficina central da de alta sedes.',
    notAnEnrolment: 'El archivo no es un paquete de alta de sede de ArteINPE. No se cambió nada.',
    enrolmentAltered: 'El paquete de alta está dañado o fue modificado. Pida a la oficina central uno nuevo. No se cambió nada.',
    wrongPassphrase: 'La clave de alta no es correcta. Revísela con la oficina central e inténtelo otra vez. No se cambió nada.',
    notFresh: 'Esta base de datos ya tiene datos: una sede solo se instala en una instalación nueva. No se cambió nada.',
    noSecrets: 'Esta PC no puede guardar claves protegidas por el sistema operativo: no se puede instalar la sede aquí.',
    keysUnreadable: 'No se pudieron abrir las claves de esta instalación. Consulte a soporte técnico.',
    noSecretsCentre:
      'Esta PC no puede guardar claves protegidas por el sistema operativo: no se pueden dar de alta sedes desde aquí. No se cambió nada.',
    noServerSecret:
      'Esta PC no tiene la contraseña del servidor de la oficina, con la que se protegen las claves de la oficina central: no se pueden dar de alta sedes. No se cambió nada.',
    fileTooLarge: 'El archivo es demasiado grande para ser un paquete de alta de sede. No se cambió nada.',
    siteOnServer:
      'Una sede se instala en una PC con su propia base de datos («Este equipo»), no en el servidor de la oficina. No se cambió nada.',
    centreOnly:
      'En una sede esto es de solo lectura: lo decide la oficina central, y llega a esta sede con su próximo paquete. No se cambió nada.',
  },
  /** The exchange of data packages (sites/outbox.ts, sites/apply.ts). */
  exchange: {
    missing:
      'Falta el paquete {{seq}} de {{name}}. Los cambios de este paquete se aplicaron igual: cada paquete trae todo lo que aún no se confirmó.',
    alreadyRead: 'El paquete {{seq}} de {{name}} ya se había leído. No se cambió nada.',
    noSites: 'Esta instalación no intercambia paquetes: no es una sede ni ha dado de alta ninguna sede.',
    unknownPeer: 'Esta instalación no conoce esa sede. No se cambió nada.',
    refusals: {
      instrument: 'El instrumento está «{{status}}» en la oficina central: su movimiento no se registró.',
      participant: 'El participante está «{{status}}» en la oficina central: su cambio de situación no se registró.',
      artwork: 'La obra está «{{status}}» en la oficina central: su cambio de ubicación no se registró.',
      missing: 'Falta un registro del que depende ({{what}}): no se registró.',
      inUse: 'No se borró: otros registros dependen de él.',
      centreOnly: 'Esto lo decide la oficina central, no la sede: no se registró.',
      outside: 'Es de otro establecimiento, no de esta sede: no se registró.',
    },
  },
  centreName: 'Oficina central',
  /** The save dialog's file type for an enrolment package. */
  enrolmentFilter: 'Paquete de alta de sede de ArteINPE',
  /** The page «Sedes» (renderer/src/features/sites). */
  navTitle: 'Sedes',
  page: {
    title: 'Sedes',
    subtitle: 'Los establecimientos que trabajan sin conexión en su propia PC e intercambian paquetes de datos con la oficina central.',
    subtitleSite: 'Esta PC es la sede de un establecimiento: trabaja sin conexión e intercambia paquetes de datos con la oficina central.',
    role: 'Esta instalación',
    roles: { central: 'Oficina central', sede: 'Sede' },
    fingerprint: 'Huella de esta instalación',
    noFingerprintYet: 'Se crea al dar de alta la primera sede.',
    establishment: 'Establecimiento de esta sede',
    centre: 'Su oficina central',
    centreFingerprint: 'Huella de la oficina central',
    fingerprintHint: 'Una huella identifica una instalación: compárela, carácter por carácter, con la que muestra la otra PC.',
    enrol: 'Dar de alta una sede',
    columns: {
      establishment: 'Establecimiento',
      signFingerprint: 'Huella de la sede',
      boxFingerprint: 'Huella de cifrado',
      enrolled: 'Alta',
      packages: 'Paquetes',
    },
    enrolledOn: '{{date}} por {{by}}',
    packages: 'Enviados: {{sent}} · Recibidos: {{received}}',
    empty: 'Aún no hay sedes',
    emptyText: 'Dé de alta un establecimiento para que trabaje sin conexión en su propia PC.',
  },
  enrol: {
    title: 'Dar de alta una sede',
    intro:
      'Elija el establecimiento. ArteINPE le pedirá dónde guardar el paquete de alta (.arteinpe-alta) y le mostrará una sola vez la clave que lo abre.',
    establishment: 'Establecimiento',
    establishmentHint: 'Establecimientos activos que aún no son sede.',
    noneLeft: 'Todos los establecimientos activos ya son sedes.',
    required: 'Elija el establecimiento.',
    submit: 'Guardar el paquete de alta…',
    done: 'Se dio de alta la sede {{name}}.',
  },
  /** Shown once, after the enrolment: the passphrase is kept nowhere. */
  passphrase: {
    title: 'Clave de alta de {{name}}',
    once: 'Anote esta clave ahora: no se guarda en ninguna parte y no se podrá mostrar otra vez.',
    label: 'Clave de alta',
    copy: 'Copiar la clave',
    copied: 'Clave copiada',
    siteFingerprint: 'Huella de la sede',
    centreFingerprint: 'Huella de la oficina central',
    stepsTitle: 'Qué hacer ahora',
    stepFile: 'Lleve el archivo {{file}} a la PC del establecimiento en una memoria USB.',
    stepPassphrase: 'Dicte la clave por teléfono al encargado del establecimiento o entréguesela en papel, nunca junto con la memoria USB.',
    stepInstall: 'En esa PC, la primera vez que se abre ArteINPE, el encargado elige «Instalar como sede», el archivo y la clave.',
    stepCompare: 'Al terminar, la huella de la oficina central que muestra esa PC debe ser igual a la de aquí.',
    carries:
      'El paquete lleva: cuentas de usuario, {{users}} · participantes activos, {{participants}} · instrumentos, {{instruments}} · talleres, {{workshops}}.',
    noAccounts:
      'El paquete no lleva ninguna cuenta de usuario de este establecimiento: en la sede habrá que crear un administrador después de instalarla.',
    done: 'Ya la anoté',
    confirmTitle: '¿Ya anotó la clave?',
    confirmText: 'Al cerrar esta ventana la clave no se podrá ver otra vez. Sin ella no se puede instalar la sede.',
    confirmClose: 'Sí, cerrar',
    back: 'Volver a la clave',
  },
  /** The first run's «Instalar como sede» (renderer/src/features/auth/InstallSiteScreen.tsx). */
  install: {
    title: 'Instalar como sede',
    intro:
      'Use el paquete de alta (.arteinpe-alta) que preparó la oficina central para este establecimiento y la clave que le dieron por teléfono o en papel.',
    file: 'Paquete de alta',
    filePlaceholder: 'Elija el archivo .arteinpe-alta',
    fileRequired: 'Elija el archivo del paquete de alta.',
    passphrase: 'Clave de alta',
    passphraseHint: 'Seis grupos de cuatro caracteres, en mayúsculas o minúsculas, con o sin guiones o espacios.',
    submit: 'Instalar la sede',
    back: 'Volver a crear el administrador',
  },
};

export const sitesEn: Widen<typeof sitesEs> = {
  ...sitesTransferEn,
  ...sitesExchangeScreensEn,
  ...sitesConflictsEn,
  package: {
    'not-a-package': 'The file is not an ArteINPE data package. Nothing was changed.',
    'older-format':
      'This package was made by an earlier version of ArteINPE, which this one no longer reads. Ask its sender to update ArteINPE and send a new package: it will also carry everything this one carried. Nothing was changed.',
    'newer-format': 'This package was made by a newer version of ArteINPE: update ArteINPE on this PC to read it. Nothing was changed.',
    'other-receiver': 'This package is for another installation ({{to}}), not this one. Nothing was changed.',
    'unknown-sender': 'This package comes from an installation this one does not know ({{from}}). Nothing was changed.',
    altered: 'The package is damaged or was changed after it was sent. Nothing was changed.',
  },
  errors: {
    unknownEstablishment: 'The establishment does not exist.',
    inactiveEstablishment: 'The establishment {{name}} is inactive: activate it before enrolling it as a site.',
    alreadyEnrolled: 'The establishment {{name}} is already enrolled as a site. Nothing was changed.',
    notCentral: 'This installation is a site: only the central office enrols sites.',
    notAnEnrolment: 'The file is not an ArteINPE site enrolment package. Nothing was changed.',
    enrolmentAltered: 'The enrolment package is damaged or was changed. Ask the central office for a new one. Nothing was changed.',
    wrongPassphrase: 'The enrolment passphrase is not correct. Check it with the central office and try again. Nothing was changed.',
    notFresh: 'This database already holds data: a site is installed only on a new installation. Nothing was changed.',
    noSecrets: 'This PC cannot keep keys protected by the operating system: the site cannot be installed here.',
    keysUnreadable: 'The keys of this installation could not be opened. Contact technical support.',
    noSecretsCentre: 'This PC cannot keep keys protected by the operating system: sites cannot be enrolled from here. Nothing was changed.',
    noServerSecret:
      "This PC does not have the office server's password, which protects the central office's keys: sites cannot be enrolled. Nothing was changed.",
    fileTooLarge: 'The file is too large to be a site enrolment package. Nothing was changed.',
    siteOnServer: "A site is installed on a PC with its own database ('This PC'), not on the office's server. Nothing was changed.",
    centreOnly:
      'At a site this is read-only: the central office decides it, and it reaches this site with its next package. Nothing was changed.',
  },
  exchange: {
    missing:
      'Package {{seq}} from {{name}} is missing. The changes of this package were applied anyway: each package carries everything not yet acknowledged.',
    alreadyRead: 'Package {{seq}} from {{name}} had already been read. Nothing was changed.',
    noSites: 'This installation does not exchange packages: it is not a site and has enrolled no site.',
    unknownPeer: 'This installation does not know that site. Nothing was changed.',
    refusals: {
      instrument: 'The instrument is «{{status}}» at the central office: its movement was not recorded.',
      participant: 'The participant is «{{status}}» at the central office: the change of status was not recorded.',
      artwork: 'The work is «{{status}}» at the central office: its change of custody was not recorded.',
      missing: 'A record it depends on is missing ({{what}}): it was not recorded.',
      inUse: 'Not deleted: other records depend on it.',
      centreOnly: 'The central office decides this, not the site: it was not recorded.',
      outside: 'It belongs to another establishment, not to this site: it was not recorded.',
    },
  },
  centreName: 'Central office',
  enrolmentFilter: 'ArteINPE site enrolment package',
  navTitle: 'Sites',
  page: {
    title: 'Sites',
    subtitle: 'The establishments that work offline on their own PC and exchange data packages with the central office.',
    subtitleSite: "This PC is an establishment's site: it works offline and exchanges data packages with the central office.",
    role: 'This installation',
    roles: { central: 'Central office', sede: 'Site' },
    fingerprint: "This installation's fingerprint",
    noFingerprintYet: 'It is made when the first site is enrolled.',
    establishment: "This site's establishment",
    centre: 'Its central office',
    centreFingerprint: "The central office's fingerprint",
    fingerprintHint: 'A fingerprint identifies an installation: compare it, character by character, with the one the other PC shows.',
    enrol: 'Enrol a site',
    columns: {
      establishment: 'Establishment',
      signFingerprint: "Site's fingerprint",
      boxFingerprint: 'Encryption fingerprint',
      enrolled: 'Enrolled',
      packages: 'Packages',
    },
    enrolledOn: '{{date}} by {{by}}',
    packages: 'Sent: {{sent}} · Received: {{received}}',
    empty: 'No sites yet',
    emptyText: 'Enrol an establishment so that it works offline on its own PC.',
  },
  enrol: {
    title: 'Enrol a site',
    intro:
      'Choose the establishment. ArteINPE will ask where to save the enrolment package (.arteinpe-alta) and show the passphrase that opens it, once.',
    establishment: 'Establishment',
    establishmentHint: 'Active establishments that are not a site yet.',
    noneLeft: 'Every active establishment is already a site.',
    required: 'Choose the establishment.',
    submit: 'Save the enrolment package…',
    done: 'The site {{name}} was enrolled.',
  },
  passphrase: {
    title: 'Enrolment passphrase of {{name}}',
    once: 'Write this passphrase down now: it is kept nowhere and cannot be shown again.',
    label: 'Enrolment passphrase',
    copy: 'Copy the passphrase',
    copied: 'Passphrase copied',
    siteFingerprint: "The site's fingerprint",
    centreFingerprint: "The central office's fingerprint",
    stepsTitle: 'What to do now',
    stepFile: "Carry the file {{file}} to the establishment's PC on a USB stick.",
    stepPassphrase: "Read the passphrase to the establishment's clerk by phone or hand it over on paper, never with the USB stick.",
    stepInstall: 'On that PC, the first time ArteINPE opens, the clerk chooses «Install as a site», the file and the passphrase.',
    stepCompare: "Once done, the central office's fingerprint that PC shows must be the same as here.",
    carries:
      'The package carries: user accounts, {{users}} · active participants, {{participants}} · instruments, {{instruments}} · workshops, {{workshops}}.',
    noAccounts:
      'The package carries no user account of this establishment: an administrator will have to be created at the site after installing it.',
    done: 'I wrote it down',
    confirmTitle: 'Did you write the passphrase down?',
    confirmText: 'Once this window is closed the passphrase cannot be shown again. Without it the site cannot be installed.',
    confirmClose: 'Yes, close',
    back: 'Back to the passphrase',
  },
  install: {
    title: 'Install as a site',
    intro:
      'Use the enrolment package (.arteinpe-alta) the central office prepared for this establishment and the passphrase you were given by phone or on paper.',
    file: 'Enrolment package',
    filePlaceholder: 'Choose the .arteinpe-alta file',
    fileRequired: 'Choose the enrolment package file.',
    passphrase: 'Enrolment passphrase',
    passphraseHint: 'Six groups of four characters, in upper or lower case, with or without dashes or spaces.',
    submit: 'Install the site',
    back: 'Back to creating the administrator',
  },
};
