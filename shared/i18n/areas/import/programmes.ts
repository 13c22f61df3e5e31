import type { Widen } from '../../types';

/**
 * The import's texts for the programmes' targets (participants, attendance): part of
 * shared/i18n/areas/import.ts (import.targets.participants, import.targets.attendance and
 * import.attendance), Spanish (Peru) first.
 */
export const importAttendanceEs = {
  participant: 'Participante',
  workshop: 'Taller',
  button: 'Importar asistencia',
  hint: 'Una fila por participante (código INPE o apellidos y nombres) y una columna por sesión con su fecha (dd/mm/aaaa) como título. Las marcas pueden ser las que use el docente: al revisar, cada marca distinta se lista una vez y usted indica qué significa (presente, ausente o sin marca); A, P, 1, X = presente y F, 0 = ausente se proponen solas. El registro guarda presente o ausente, sin motivo: una J (falta justificada) se registra como usted elija. Una celda vacía queda sin marcar. Las sesiones deben estar registradas en «Sesiones».',
  notInWorkshop: '«{{value}}» no está inscrito en el taller {{workshop}}.',
  noDates: 'El archivo no tiene columnas de sesiones: cada sesión es una columna con su fecha (dd/mm/aaaa) como título.',
  mark: 'Marcas de asistencia',
  marks: {
    present: 'Presente',
    absent: 'Ausente',
    none: 'Sin marca (no se registra)',
  },
  future: 'El {{date}} aún no llega: no se puede registrar asistencia de una fecha futura.',
  outsidePeriod: 'El {{date}} está fuera del periodo del taller ({{from}} – {{to}}).',
  noSession: 'No hay una sesión del {{date}} en este taller. Regístrela en «Sesiones» (con su duración) y vuelva a importar.',
  notInGroupOn: 'El participante no estaba en el grupo el {{date}}.',
};

export const importAttendanceEn: Widen<typeof importAttendanceEs> = {
  participant: 'Participant',
  workshop: 'Workshop',
  button: 'Import attendance',
  hint: 'One row per participant (INPE code or full name) and one column per session headed by its date (dd/mm/yyyy). The marks may be whatever the teacher uses: when checking, each distinct mark is listed once and you say what it means (present, absent or no mark); A, P, 1, X = present and F, 0 = absent are proposed on their own. The register keeps present or absent, with no reason: a J (excused absence) is recorded as you choose. An empty cell stays unmarked. The sessions must be registered under "Sessions".',
  notInWorkshop: '"{{value}}" is not enrolled in the workshop {{workshop}}.',
  noDates: 'The file has no session columns: each session is a column headed by its date (dd/mm/yyyy).',
  mark: 'Attendance marks',
  marks: {
    present: 'Present',
    absent: 'Absent',
    none: 'No mark (not recorded)',
  },
  future: '{{date}} has not come yet: attendance cannot be recorded for a future date.',
  outsidePeriod: "{{date}} is outside the workshop's period ({{from}} – {{to}}).",
  noSession: 'There is no session on {{date}} in this workshop. Register it under "Sessions" (with its duration) and import again.',
  notInGroupOn: 'The participant was not in the group on {{date}}.',
};

export const importProgrammesTargetsEs = {
  participants: {
    title: 'Importar participantes',
    sheet: 'Participantes',
    done_one: 'Se importó {{count}} participante ({{created}} nuevo, {{updated}} actualizado).',
    done_other: 'Se importaron {{count}} participantes: {{created}} nuevos, {{updated}} actualizados.',
  },
  attendance: {
    title: 'Importar asistencia',
    sheet: 'Asistencia',
    done_one: 'Se importó la asistencia de {{count}} participante ({{created}} marcas nuevas, {{updated}} corregidas).',
    done_other: 'Se importó la asistencia de {{count}} participantes ({{created}} marcas nuevas, {{updated}} corregidas).',
  },
};

export const importProgrammesTargetsEn: Widen<typeof importProgrammesTargetsEs> = {
  participants: {
    title: 'Import participants',
    sheet: 'Participants',
    done_one: '{{count}} participant imported ({{created}} new, {{updated}} updated).',
    done_other: '{{count}} participants imported: {{created}} new, {{updated}} updated.',
  },
  attendance: {
    title: 'Import attendance',
    sheet: 'Attendance',
    done_one: 'Attendance of {{count}} participant imported ({{created}} new marks, {{updated}} corrected).',
    done_other: 'Attendance of {{count}} participants imported ({{created}} new marks, {{updated}} corrected).',
  },
};
