import { formatDate, parseDateInput } from '../../../shared/format';
import { translator } from '../i18n';
import { cellString } from '../import/read';
import type { Cell, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { programmeYear } from './demo-data';
import * as repo from './repository';

/**
 * Attendance from the teachers' sheets: a sheet per workshop, a row per participant (INPE
 * code or names, matched as the register matches names), a column per session whose
 * header is its date (an Excel date or dd/mm/aaaa text: day first, never swapped), and a
 * mark in each cell. The workshop is the one whose page the import was opened from
 * (ImportInspect.fixed) or a "Taller" column.
 *
 * Marks are mapped by the clerk: every distinct mark of the date columns is listed once in
 * the check (the `mark` field, fromColumns) with what it is read as, among the meanings
 * the register can record: Presente, Ausente, or Sin marca (the cell is left out, as an
 * empty one). The common ones are read on their own (A, P, 1, X, ✓, Sí → Presente; F, 0,
 * No → Ausente) and may be changed; any other (J, T, L…) waits for the clerk's choice,
 * offered with suggestions (J → Ausente or Sin marca). The register records present or
 * absent only, with no reason: a justified absence becomes what the clerk chooses, never
 * something chosen for them. Choices are remembered for the next sheet.
 *
 * As the attendance screen does, marks go on sessions already registered (with their
 * duration and teacher, which a sheet does not give): a date with no session in the
 * workshop is refused, asking the clerk to register it in "Sesiones" first. Dates outside
 * the workshop's period, in the future, or when the participant was not in the group are
 * refused too. A mark already recorded is replaced (importing the same sheet twice leaves
 * the same marks); each session's marks are audited once, as "Guardar asistencia" does.
 */

export interface AttendanceImportRow {
  workshopId: number;
  participantId: number;
  enrolmentId: number;
  stage: string;
  marks: Array<{ sessionId: number; date: string; present: boolean }>;
}

interface Ctx {
  workshops: Map<number, repo.ImportWorkshop>;
  workshopEntries: RegisterEntry[];
  participantEntries: RegisterEntry[];
  /** workshop → participant → their enrolment (the latest). */
  members: Map<number, Map<number, repo.ImportMember>>;
  sessions: Map<number, Map<string, number>>;
  marks: RegisterEntry[];
  env: ImportEnv;
}

const SESSION = 'session:';

/** What a mark may mean (the `mark` register's ids): the register records present or absent; "none" leaves the cell out. */
export const MARK = { present: 1, absent: 2, none: 3 } as const;

/** The mark register in the user's language: the words read on their own, and the ones only suggested. */
function markEntries(env: ImportEnv): RegisterEntry[] {
  const t = translator(env.locale);
  return [
    {
      id: MARK.present,
      label: t('import.attendance.marks.present'),
      names: ['A', 'Asistió', 'Asiste', 'Asistencia', 'P', 'Presente', '1', 'X', 'Sí', '✓', '✔', 'TRUE', 'Verdadero'],
      hints: ['T', 'Tardanza', 'Tarde', 'S'],
    },
    {
      id: MARK.absent,
      label: t('import.attendance.marks.absent'),
      names: ['F', 'Falta', 'Ausente', 'Inasistencia', '0', 'No', 'FALSE', 'Falso'],
      hints: ['J', 'FJ', 'Justificada', 'Falta justificada', 'I', 'N', 'L', 'Licencia', 'Permiso'],
    },
    {
      id: MARK.none,
      label: t('import.attendance.marks.none'),
      names: [],
      hints: ['J', 'FJ', 'Justificada', 'Falta justificada', '-', '—'],
    },
  ];
}

/** A header that is a session's date: an Excel date cell, dd/mm/aaaa (day first) or aaaa-mm-dd text. */
export function headerDate(header: string): string | null {
  const s = header.trim();
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(s)) return parseDateInput(new Date(s));
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) return parseDateInput(s);
  return null;
}

const BAND = 'Banda sinfónica — vientos y percusión — E.P. de Lurigancho';

/**
 * The template's example: two participants of the demonstration's band of Lurigancho on
 * its first two sessions (the 2nd and 9th of March of the year of its workshops), dated
 * from `today` so that they are never in the future.
 */
export function attendanceExample(today: string): { rows: Array<Record<string, Cell>>; columns: string[] } {
  const year = programmeYear(today);
  const [first, second] = [`02/03/${year}`, `09/03/${year}`];
  return {
    rows: [
      { participant: 'DEMO-000013', workshop: BAND, [first]: 'A', [second]: 'F' },
      { participant: 'DEMO-000015', workshop: BAND, [first]: 'A', [second]: 'A' },
    ],
    columns: [first, second],
  };
}
const today = () => new Date().toISOString().slice(0, 10);

export const attendanceTarget: ImportTarget<AttendanceImportRow, Ctx> = {
  entity: 'attendance',
  fields: importFields(
    {
      participant:
        'import.attendance.participant | participante, codigo, cod, codigo inpe, interno, interna, alumno, apellidos y nombres, nombres y apellidos, nombre, nombres | registro',
      workshop: 'import.attendance.workshop | taller, curso, actividad | registro',
      mark: 'import.attendance.mark |  | opcional',
    },
    // The marks of the date columns, each mapped by the clerk to what it means.
    { mark: { fromColumns: true, register: {} } },
  ),

  // Computed when the template is made: its dates are past ones.
  get example() {
    return attendanceExample(today()).rows;
  },
  get exampleColumns() {
    return attendanceExample(today()).columns;
  },
  columnKey: (header) => {
    const date = headerDate(header);
    return date === null ? null : `${SESSION}${date}`;
  },

  key: {
    field: 'participant',
    // Marks are not records with a code: every row adds or replaces marks.
    existing: async () => new Map(),
    exists: (code) => ({ key: 'import.errors.duplicateInFile', params: { code, rows: '' } }),
  },

  async prepare(db, env) {
    const list = await repo.workshopsForImport(db, env.scope);
    const ids = list.map((w) => w.id);
    const members = new Map<number, Map<number, repo.ImportMember>>();
    const people = new Map<number, RegisterEntry>();
    for (const m of await repo.membersForImport(db, ids)) {
      const group = members.get(m.workshopId) ?? new Map<number, repo.ImportMember>();
      group.set(m.participantId, m);
      members.set(m.workshopId, group);
      people.set(m.participantId, {
        id: m.participantId,
        label: `${m.code} — ${m.lastNames}, ${m.firstNames}`,
        names: [m.code, `${m.lastNames} ${m.firstNames}`, `${m.firstNames} ${m.lastNames}`],
      });
    }
    return {
      workshops: new Map(list.map((w) => [w.id, w])),
      workshopEntries: list.map((w) => ({
        id: w.id,
        label: `${w.name} — ${w.establishmentName}`,
        names: [w.name, `${w.name} ${w.establishmentName}`],
      })),
      participantEntries: [...people.values()],
      members,
      sessions: await repo.sessionsByDate(db, ids),
      marks: markEntries(env),
      env,
    };
  },

  register: (ctx, field) =>
    field === 'workshop' ? ctx.workshopEntries : field === 'participant' ? ctx.participantEntries : field === 'mark' ? ctx.marks : [],

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};
    const text = (k: string) => cellString(raw[k] ?? null);
    const wRef = refs.workshop;
    const pRef = refs.participant;
    if (wRef === null || wRef === undefined) errors.workshop = { key: 'errors.required' };
    if (pRef === null || pRef === undefined) errors.participant = { key: 'errors.required' };
    const w = wRef && 'id' in wRef ? ctx.workshops.get(wRef.id) : undefined;
    const member = w && pRef && 'id' in pRef ? ctx.members.get(w.id)?.get(pRef.id) : undefined;
    if (w && pRef && 'id' in pRef && !member) {
      errors.participant = { key: 'import.attendance.notInWorkshop', params: { value: text('participant'), workshop: w.name } };
    }

    const dates = Object.keys(raw).filter((k) => k.startsWith(SESSION));
    if (dates.length === 0) errors[''] = { key: 'import.attendance.noDates' };
    const today = ctx.env.now.slice(0, 10);
    const marks: AttendanceImportRow['marks'] = [];
    for (const key of dates) {
      // The engine lists a mark the clerk has yet to map; "Sin marca" leaves the cell out.
      const ref = refs[key];
      if (!ref || !('id' in ref) || ref.id === MARK.none || !w) continue;
      const present = ref.id === MARK.present;
      const date = key.slice(SESSION.length);
      const shown = { date: formatDate(date) };
      const sessionId = ctx.sessions.get(w.id)?.get(date);
      if (date > today) errors[key] = { key: 'import.attendance.future', params: shown };
      else if (date < w.startDate || (w.endDate !== null && date > w.endDate)) {
        errors[key] = {
          key: 'import.attendance.outsidePeriod',
          params: { ...shown, from: formatDate(w.startDate), to: formatDate(w.endDate) || '…' },
        };
      } else if (sessionId === undefined) errors[key] = { key: 'import.attendance.noSession', params: shown };
      else if (member && (date < member.enrolledOn || (member.endedOn !== null && date > member.endedOn))) {
        errors[key] = { key: 'import.attendance.notInGroupOn', params: shown };
      } else if (sessionId !== undefined) marks.push({ sessionId, date, present });
    }
    if (Object.keys(errors).length > 0 || !w || !member) return { errors };
    return {
      values: { workshopId: w.id, participantId: member.participantId, enrolmentId: member.enrolmentId, stage: member.stage, marks },
    };
  },

  async write(trx, rows, ctx, audit, _mode, progress) {
    const { actor, now } = ctx.env;
    // Session → its marks, in date order: a participant enrolled who came starts on the first.
    const bySession = new Map<number, { date: string; workshopId: number; marks: Array<{ row: AttendanceImportRow; present: boolean }> }>();
    for (const { values } of rows) {
      for (const m of values.marks) {
        const s = bySession.get(m.sessionId) ?? { date: m.date, workshopId: values.workshopId, marks: [] };
        s.marks.push({ row: values, present: m.present });
        bySession.set(m.sessionId, s);
      }
    }
    const sessions = [...bySession].sort(([a, x], [b, y]) => x.date.localeCompare(y.date) || a - b);
    const before = await repo.marksAt(
      trx,
      sessions.map(([id]) => id),
    );
    let created = 0;
    let updated = 0;
    const started = new Set<number>();
    const touchedBy = new Map<number, Set<number>>();
    for (const [k, [sessionId, s]] of sessions.entries()) {
      const marks = s.marks.map((m) => ({ participantId: m.row.participantId, present: m.present }));
      for (const m of marks) {
        const had = before.get(`${sessionId}:${m.participantId}`);
        if (had === undefined) created++;
        else if (had !== m.present) updated++;
      }
      await repo.saveMarks(trx, sessionId, marks);
      await repo.markSessionTaken(trx, sessionId, actor, now);
      const starting = s.marks.filter((m) => m.present && m.row.stage === 'inscrito' && !started.has(m.row.enrolmentId));
      for (const m of starting) started.add(m.row.enrolmentId);
      if (starting.length > 0) await repo.startEnrolments(trx, [...new Set(starting.map((m) => m.row.enrolmentId))], s.date, actor, now);
      const people = touchedBy.get(s.workshopId) ?? new Set<number>();
      for (const m of marks) people.add(m.participantId);
      touchedBy.set(s.workshopId, people);
      await audit({
        entity: 'session',
        entityId: sessionId,
        action: 'import:attendance',
        after: repo.marksAudit(marks),
      });
      progress(Math.floor((rows.length * (k + 1)) / sessions.length));
    }
    for (const [workshopId, people] of touchedBy) await repo.refreshAbsenceRuns(trx, workshopId, [...people]);
    progress(rows.length);
    return { created, updated };
  },
};
