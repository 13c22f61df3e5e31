import type { Knex } from 'knex';
import { type Row, str, toBool } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';

/** What the attendance import reads at once: the workshops a user may import into, their groups and sessions. */

export interface ImportWorkshop {
  id: number;
  name: string;
  establishmentName: string;
  startDate: string;
  endDate: string | null;
}

/** The workshops of these establishments (null: all), active or not: a past term's sheet is imported too. */
export async function workshopsForImport(db: Knex, scope: number[] | null): Promise<ImportWorkshop[]> {
  const q = joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id').select(
    'w.id',
    'w.name',
    'e.name as establishment_name',
    'w.start_date',
    'w.end_date',
  );
  if (scope !== null) q.whereIn('w.establishment_id', scope);
  return ((await q.orderBy('w.name_key')) as Row[]).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    establishmentName: String(r.establishment_name),
    startDate: String(r.start_date),
    endDate: str(r.end_date),
  }));
}

export interface ImportMember {
  workshopId: number;
  participantId: number;
  enrolmentId: number;
  stage: string;
  enrolledOn: string;
  endedOn: string | null;
  code: string;
  firstNames: string;
  lastNames: string;
}

/** Everyone ever enrolled in these workshops, with their code and names (to read a sheet's participant column). */
export async function membersForImport(db: Knex, workshopIds: number[]): Promise<ImportMember[]> {
  const out: ImportMember[] = [];
  for (let i = 0; i < workshopIds.length; i += 500) {
    const rows = (await db('enrolments as n')
      .join('participants as p', 'p.id', 'n.participant_id')
      .whereIn('n.workshop_id', workshopIds.slice(i, i + 500))
      .select(
        'n.workshop_id',
        'n.participant_id',
        'n.id',
        'n.stage',
        'n.enrolled_on',
        'n.ended_on',
        'p.code',
        'p.first_names',
        'p.last_names',
      )
      .orderBy('n.id')) as Row[];
    for (const r of rows) {
      out.push({
        workshopId: Number(r.workshop_id),
        participantId: Number(r.participant_id),
        enrolmentId: Number(r.id),
        stage: String(r.stage),
        enrolledOn: String(r.enrolled_on),
        endedOn: str(r.ended_on),
        code: String(r.code),
        firstNames: String(r.first_names),
        lastNames: String(r.last_names),
      });
    }
  }
  return out;
}

/** The sessions of these workshops: workshop → date → session id (the first registered that day). */
export async function sessionsByDate(db: Knex, workshopIds: number[]): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  for (let i = 0; i < workshopIds.length; i += 500) {
    const rows = (await db('workshop_sessions')
      .whereIn('workshop_id', workshopIds.slice(i, i + 500))
      .select('id', 'workshop_id', 'date')
      .orderBy('id')) as Row[];
    for (const r of rows) {
      const byDate = out.get(Number(r.workshop_id)) ?? new Map<string, number>();
      if (!byDate.has(String(r.date))) byDate.set(String(r.date), Number(r.id));
      out.set(Number(r.workshop_id), byDate);
    }
  }
  return out;
}

/** The marks already recorded for these sessions: `session:participant` → present. */
export async function marksAt(db: Knex, sessionIds: number[]): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  for (let i = 0; i < sessionIds.length; i += 500) {
    const rows = (await db('attendance')
      .whereIn('session_id', sessionIds.slice(i, i + 500))
      .select('session_id', 'participant_id', 'present')) as Row[];
    for (const r of rows) out.set(`${Number(r.session_id)}:${Number(r.participant_id)}`, toBool(r.present));
  }
  return out;
}
