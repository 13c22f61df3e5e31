import type { Widen } from '../types';

/**
 * Personal data: what the app keeps about participants (persons deprived of liberty) and
 * why, who sees it, and the reason asked for every export that carries it. Spanish (Peru)
 * first, English beside it.
 */
export const privacyEs = {
  navTitle: 'Privacidad',
  title: 'Privacidad y datos personales',
  subtitle:
    'Los participantes son personas privadas de libertad: sus datos son los más sensibles de ArteINPE. La aplicación guarda lo mínimo necesario para el programa y registra cada salida de esos datos.',
  storedTitle: 'Qué guarda ArteINPE sobre cada participante',
  columns: { data: 'Dato', why: 'Para qué se guarda', who: 'Quién lo ve' },
  stored: {
    code: { data: 'Código interno del INPE', why: 'Identificar a la persona sin repetir su nombre en listas, asistencias e informes.' },
    names: { data: 'Nombres y apellidos', why: 'Reconocer a la persona en el taller, emitir constancias y certificados de participación.' },
    sex: { data: 'Sexo', why: 'Las cifras por población (varones y mujeres) que piden el INPE y la UNESCO.' },
    birthYear: {
      data: 'Año de nacimiento (no la fecha completa)',
      why: 'Las cifras por grupo de edad de los informes; el año basta para ello.',
    },
    establishment: {
      data: 'Establecimiento y situación (activo, trasladado, egresado, retirado)',
      why: 'Saber en qué establecimiento participa y por qué dejó un taller, con su historial de traslados.',
    },
    participation: {
      data: 'Inscripciones, asistencia, elencos e instrumentos a su cargo',
      why: 'El seguimiento del programa, las constancias y la custodia de los bienes patrimoniales.',
    },
    artworks: {
      data: 'Obras y lo que la persona autorizó (mostrar su nombre, su foto, venta)',
      why: 'Las exposiciones de InternArte respetan lo que cada artista consintió.',
    },
  },
  whoNames: 'Administrador y Programas',
  whoArtworks:
    'El nombre real del artista: Administrador y Exposiciones (que archivan el consentimiento firmado). Los demás roles, los catálogos, las cartelas y las exportaciones: solo como el artista lo autorizó.',
  notStoredTitle: 'Qué no guarda',
  notStored:
    'Ni documento de identidad, ni delito, ni situación jurídica, ni fecha completa de nacimiento, ni dirección, ni datos de familiares, ni datos de salud. No los registre en los campos de notas.',
  rolesTitle: 'Quién ve los nombres',
  roles:
    'Solo los roles Administrador y Programas abren los registros de participantes y ven sus nombres y códigos. Los demás roles ven cifras sin nombres (y, en sus propios módulos, ningún nombre de participante). Esto se comprueba en el proceso principal de la aplicación, no solo en la pantalla.',
  yourRoleYes: 'Su rol ({{role}}) puede ver los nombres y códigos de los participantes.',
  yourRoleNo: 'Su rol ({{role}}) no ve los nombres ni los códigos de los participantes.',
  exportsTitle: 'Exportaciones con datos personales',
  exports:
    'Todo archivo que sale de la aplicación con nombres o códigos de participantes (listas, certificados, el registro de auditoría) pide un motivo. Quién lo exportó, cuándo, qué y por qué queda en un registro que no se puede modificar ni borrar.',
  exportsLink: 'Ver el registro de exportaciones',
  auditTitle: 'Trazabilidad y copias',
  audit:
    'Cada cambio queda en el registro de auditoría con el usuario y la hora. Las copias de seguridad contienen estos datos: guarde las memorias USB con copias bajo llave.',
  reason: {
    title: 'Motivo de la exportación',
    intro:
      'Va a exportar {{what}}. Por tratarse de datos personales, indique para qué se necesita el archivo. Quedará registrado con su nombre y la hora.',
    label: 'Motivo',
    placeholder: 'Por ejemplo: informe trimestral solicitado por la Subdirección de Tratamiento (Oficio N.° 123-2026)',
    submit: 'Exportar',
  },
  errors: {
    noPersonalData: 'Su rol no puede ver ni exportar datos personales de los participantes.',
    reasonShort: 'Explique el motivo en al menos 10 caracteres.',
  },
};

export const privacyEn: Widen<typeof privacyEs> = {
  navTitle: 'Privacy',
  title: 'Privacy and personal data',
  subtitle:
    'Participants are persons deprived of liberty: their data is the most sensitive in ArteINPE. The application keeps the least the programme needs and logs every time that data leaves it.',
  storedTitle: 'What ArteINPE keeps about each participant',
  columns: { data: 'Data', why: 'Why it is kept', who: 'Who sees it' },
  stored: {
    code: { data: 'INPE internal code', why: 'To identify the person without repeating their name in lists, attendance and reports.' },
    names: { data: 'First and last names', why: 'To recognise the person in the workshop and issue participation certificates.' },
    sex: { data: 'Sex', why: 'The figures by population (men and women) INPE and UNESCO ask for.' },
    birthYear: { data: 'Year of birth (not the full date)', why: 'The figures by age group in the reports; the year is enough for that.' },
    establishment: {
      data: 'Establishment and status (active, transferred, released, withdrawn)',
      why: 'To know where the person takes part and why they left a workshop, with their transfer history.',
    },
    participation: {
      data: 'Enrolments, attendance, ensembles and instruments in their care',
      why: 'Following the programme, certificates and the custody of public assets.',
    },
    artworks: {
      data: 'Artworks and what the person allowed (showing their name, their photo, sale)',
      why: 'InternArte exhibitions respect what each artist consented to.',
    },
  },
  whoNames: 'Administrator and Programmes',
  whoArtworks:
    "The artist's real name: Administrator and Exhibitions (who file the signed consent). Other roles, catalogs, labels and exports: only as the artist allowed.",
  notStoredTitle: 'What it does not keep',
  notStored:
    'No identity document, offence, legal situation, full date of birth, address, family data or health data. Do not record them in the notes fields.',
  rolesTitle: 'Who sees the names',
  roles:
    'Only the Administrator and Programmes roles open participants’ records and see their names and codes. The other roles see figures without names (and, in their own modules, no participant’s name). This is checked in the application’s main process, not only on the screen.',
  yourRoleYes: 'Your role ({{role}}) may see participants’ names and codes.',
  yourRoleNo: 'Your role ({{role}}) does not see participants’ names or codes.',
  exportsTitle: 'Exports with personal data',
  exports:
    'Every file that leaves the application with participants’ names or codes (lists, certificates, the audit log) asks for a reason. Who exported it, when, what and why goes into a log that cannot be changed or deleted.',
  exportsLink: 'See the exports log',
  auditTitle: 'Traceability and backups',
  audit: 'Every change is in the audit log with the user and the time. Backups hold this data: keep USB sticks with backups under lock.',
  reason: {
    title: 'Reason for the export',
    intro:
      'You are about to export {{what}}. As it is personal data, say what the file is needed for. It will be logged with your name and the time.',
    label: 'Reason',
    placeholder: 'For example: quarterly report requested by the Treatment Directorate (Letter No. 123-2026)',
    submit: 'Export',
  },
  errors: {
    noPersonalData: 'Your role may not see or export participants’ personal data.',
    reasonShort: 'Explain the reason in at least 10 characters.',
  },
};
