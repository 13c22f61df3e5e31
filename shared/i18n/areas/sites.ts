import type { Widen } from '../types';

/** Offline prison sites (issue 20): Spanish (Peru) first, English beside it. */
export const sitesEs = {
  /** Why a package file is refused (electron/main/sites/sealed.ts PackageRefusal). */
  package: {
    'not-a-package': 'El archivo no es un paquete de datos de ArteINPE. No se cambió nada.',
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
  centreName: 'Oficina central',
  /** The save dialog's file type for an enrolment package. */
  enrolmentFilter: 'Paquete de alta de sede de ArteINPE',
};

export const sitesEn: Widen<typeof sitesEs> = {
  package: {
    'not-a-package': 'The file is not an ArteINPE data package. Nothing was changed.',
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
    centreOnly: 'At a site this is read-only: the central office decides it, and it reaches this site with its next package. Nothing was changed.',
  },
  centreName: 'Central office',
  enrolmentFilter: 'ArteINPE site enrolment package',
};
