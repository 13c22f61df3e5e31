import type { Knex } from 'knex';

/**
 * Monthly attendance roll-ups for the evaluation page (issue 17's bench goal): derived data, kept
 * in step with `attendance` by triggers, so every writer (the sheet, the import, the demo data, a
 * raw insert) updates them in its own transaction.
 *
 * - `attendance_monthly`: one row per workshop, month (YYYY-MM of the session's date) and
 *   participant marked: marks, present marks and minutes present (session minutes × present).
 * - `attendance_workshop_monthly`: one row per workshop and month: sessions with at least one
 *   mark, marks, present marks, minutes present.
 * - `attendance_month_people`: one row per month: participants marked, and present at least once,
 *   in any workshop (each person once).
 *
 * Indexes for the page's other figures: enrolments by participant with their dates, stage and
 * group (`enrolments_evaluation_index`); the (stage, absence_run) index grown by the dates, so the
 * stages are counted from it alone; instruments by establishment, condition and status; sessions
 * by date with their workshop.
 *
 * A mark is never moved to another session or participant by an UPDATE (a trigger refuses it:
 * delete and insert instead), nor is a session with marks moved to another day, workshop or
 * length (refused too: its writer takes its marks out and writes them again around the change).
 * Backfilled from the marks already there. Frozen once landed.
 */

const sqliteTriggers = [
  `CREATE TRIGGER attendance_rollup_insert AFTER INSERT ON attendance BEGIN
    INSERT INTO attendance_monthly (workshop_id, month, participant_id, marks, present, minutes)
      SELECT s.workshop_id, substr(s.date, 1, 7), NEW.participant_id, 1,
        CASE WHEN NEW.present THEN 1 ELSE 0 END, CASE WHEN NEW.present THEN s.duration_minutes ELSE 0 END
      FROM workshop_sessions s WHERE s.id = NEW.session_id
      ON CONFLICT (workshop_id, month, participant_id) DO UPDATE SET marks = marks + excluded.marks,
        present = present + excluded.present, minutes = minutes + excluded.minutes;
    INSERT INTO attendance_workshop_monthly (workshop_id, month, sessions, marks, present, minutes)
      SELECT s.workshop_id, substr(s.date, 1, 7), 0, 1,
        CASE WHEN NEW.present THEN 1 ELSE 0 END, CASE WHEN NEW.present THEN s.duration_minutes ELSE 0 END
      FROM workshop_sessions s WHERE s.id = NEW.session_id
      ON CONFLICT (workshop_id, month) DO UPDATE SET marks = marks + excluded.marks,
        present = present + excluded.present, minutes = minutes + excluded.minutes;
    UPDATE attendance_workshop_monthly SET sessions = sessions + 1
      WHERE (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = NEW.session_id)
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = NEW.session_id AND a.participant_id <> NEW.participant_id);
  END`,
  `CREATE TRIGGER attendance_rollup_delete AFTER DELETE ON attendance BEGIN
    UPDATE attendance_monthly SET marks = marks - 1, present = present - (CASE WHEN OLD.present THEN 1 ELSE 0 END),
        minutes = minutes - (SELECT CASE WHEN OLD.present THEN s.duration_minutes ELSE 0 END FROM workshop_sessions s WHERE s.id = OLD.session_id)
      WHERE (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = OLD.session_id)
        AND participant_id = OLD.participant_id;
    DELETE FROM attendance_monthly WHERE marks = 0 AND participant_id = OLD.participant_id
      AND (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = OLD.session_id);
    UPDATE attendance_workshop_monthly SET marks = marks - 1, present = present - (CASE WHEN OLD.present THEN 1 ELSE 0 END),
        minutes = minutes - (SELECT CASE WHEN OLD.present THEN s.duration_minutes ELSE 0 END FROM workshop_sessions s WHERE s.id = OLD.session_id),
        sessions = sessions - (CASE WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = OLD.session_id) THEN 0 ELSE 1 END)
      WHERE (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = OLD.session_id);
    DELETE FROM attendance_workshop_monthly WHERE marks = 0
      AND (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = OLD.session_id);
  END`,
  `CREATE TRIGGER attendance_rollup_present AFTER UPDATE OF present ON attendance
    WHEN (CASE WHEN OLD.present THEN 1 ELSE 0 END) <> (CASE WHEN NEW.present THEN 1 ELSE 0 END) BEGIN
    UPDATE attendance_monthly SET present = present + (CASE WHEN NEW.present THEN 1 ELSE -1 END),
        minutes = minutes + (SELECT CASE WHEN NEW.present THEN s.duration_minutes ELSE -s.duration_minutes END FROM workshop_sessions s WHERE s.id = NEW.session_id)
      WHERE (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = NEW.session_id)
        AND participant_id = NEW.participant_id;
    UPDATE attendance_workshop_monthly SET present = present + (CASE WHEN NEW.present THEN 1 ELSE -1 END),
        minutes = minutes + (SELECT CASE WHEN NEW.present THEN s.duration_minutes ELSE -s.duration_minutes END FROM workshop_sessions s WHERE s.id = NEW.session_id)
      WHERE (workshop_id, month) = (SELECT s.workshop_id, substr(s.date, 1, 7) FROM workshop_sessions s WHERE s.id = NEW.session_id);
  END`,
  `CREATE TRIGGER attendance_rollup_rekey BEFORE UPDATE OF session_id, participant_id ON attendance
    WHEN NEW.session_id <> OLD.session_id OR NEW.participant_id <> OLD.participant_id BEGIN
    SELECT RAISE(ABORT, 'attendance marks are not moved: delete and insert');
  END`,
  `CREATE TRIGGER workshop_sessions_rollup_guard BEFORE UPDATE OF date, duration_minutes, workshop_id ON workshop_sessions
    WHEN (NEW.date <> OLD.date OR NEW.duration_minutes <> OLD.duration_minutes OR NEW.workshop_id <> OLD.workshop_id)
      AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = OLD.id) BEGIN
    SELECT RAISE(ABORT, 'a session with marks is moved by writing its marks again');
  END`,
  `CREATE TRIGGER attendance_monthly_people_insert AFTER INSERT ON attendance_monthly BEGIN
    INSERT INTO attendance_month_people (month, people, present_people) VALUES (NEW.month,
      CASE WHEN EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = NEW.month AND m.participant_id = NEW.participant_id AND m.workshop_id <> NEW.workshop_id) THEN 0 ELSE 1 END,
      CASE WHEN NEW.present > 0 AND NOT EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = NEW.month AND m.participant_id = NEW.participant_id AND m.workshop_id <> NEW.workshop_id AND m.present > 0) THEN 1 ELSE 0 END)
      ON CONFLICT (month) DO UPDATE SET people = people + excluded.people, present_people = present_people + excluded.present_people;
  END`,
  `CREATE TRIGGER attendance_monthly_people_delete AFTER DELETE ON attendance_monthly BEGIN
    UPDATE attendance_month_people SET
      people = people - (CASE WHEN EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = OLD.month AND m.participant_id = OLD.participant_id) THEN 0 ELSE 1 END),
      present_people = present_people - (CASE WHEN OLD.present > 0 AND NOT EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = OLD.month AND m.participant_id = OLD.participant_id AND m.present > 0) THEN 1 ELSE 0 END)
      WHERE month = OLD.month;
    DELETE FROM attendance_month_people WHERE month = OLD.month AND people = 0;
  END`,
  `CREATE TRIGGER attendance_monthly_people_present AFTER UPDATE OF present ON attendance_monthly
    WHEN (OLD.present > 0) <> (NEW.present > 0) BEGIN
    UPDATE attendance_month_people SET present_people = present_people + (CASE WHEN NEW.present > 0 THEN 1 ELSE -1 END)
      WHERE month = NEW.month AND NOT EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = NEW.month
        AND m.participant_id = NEW.participant_id AND m.workshop_id <> NEW.workshop_id AND m.present > 0);
  END`,
];

/** The same rules on PostgreSQL, as functions. Row triggers there run at the end of the statement, so sessions are recounted, not counted. */
const pgFunctions = `
CREATE FUNCTION attendance_rollup_apply(p_session integer, p_participant integer, p_present boolean, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE w integer; m text; d integer;
BEGIN
  SELECT s.workshop_id, substr(s.date, 1, 7), s.duration_minutes INTO w, m, d FROM workshop_sessions s WHERE s.id = p_session;
  INSERT INTO attendance_monthly (workshop_id, month, participant_id, marks, present, minutes)
    VALUES (w, m, p_participant, p_sign, CASE WHEN p_present THEN p_sign ELSE 0 END, CASE WHEN p_present THEN p_sign * d ELSE 0 END)
    ON CONFLICT (workshop_id, month, participant_id) DO UPDATE SET marks = attendance_monthly.marks + excluded.marks,
      present = attendance_monthly.present + excluded.present, minutes = attendance_monthly.minutes + excluded.minutes;
  DELETE FROM attendance_monthly WHERE workshop_id = w AND month = m AND participant_id = p_participant AND marks = 0;
  INSERT INTO attendance_workshop_monthly (workshop_id, month, sessions, marks, present, minutes)
    VALUES (w, m, 0, p_sign, CASE WHEN p_present THEN p_sign ELSE 0 END, CASE WHEN p_present THEN p_sign * d ELSE 0 END)
    ON CONFLICT (workshop_id, month) DO UPDATE SET marks = attendance_workshop_monthly.marks + excluded.marks,
      present = attendance_workshop_monthly.present + excluded.present, minutes = attendance_workshop_monthly.minutes + excluded.minutes;
  UPDATE attendance_workshop_monthly SET sessions = (SELECT COUNT(*) FROM workshop_sessions s WHERE s.workshop_id = w
      AND substr(s.date, 1, 7) = m AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id))
    WHERE workshop_id = w AND month = m;
  DELETE FROM attendance_workshop_monthly WHERE workshop_id = w AND month = m AND marks = 0;
END $$;
CREATE FUNCTION attendance_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.session_id <> OLD.session_id OR NEW.participant_id <> OLD.participant_id) THEN
    RAISE EXCEPTION 'attendance marks are not moved: delete and insert';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.present = OLD.present THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM attendance_rollup_apply(OLD.session_id, OLD.participant_id, OLD.present, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM attendance_rollup_apply(NEW.session_id, NEW.participant_id, NEW.present, 1); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION attendance_monthly_people_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r attendance_monthly; others boolean; others_present boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  SELECT EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = r.month AND m.participant_id = r.participant_id AND m.workshop_id <> r.workshop_id),
    EXISTS (SELECT 1 FROM attendance_monthly m WHERE m.month = r.month AND m.participant_id = r.participant_id AND m.workshop_id <> r.workshop_id AND m.present > 0)
    INTO others, others_present;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO attendance_month_people (month, people, present_people)
      VALUES (r.month, CASE WHEN others THEN 0 ELSE 1 END, CASE WHEN r.present > 0 AND NOT others_present THEN 1 ELSE 0 END)
      ON CONFLICT (month) DO UPDATE SET people = attendance_month_people.people + excluded.people,
        present_people = attendance_month_people.present_people + excluded.present_people;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE attendance_month_people SET people = people - CASE WHEN others THEN 0 ELSE 1 END,
      present_people = present_people - CASE WHEN r.present > 0 AND NOT others_present THEN 1 ELSE 0 END WHERE month = r.month;
    DELETE FROM attendance_month_people WHERE month = r.month AND people = 0;
  ELSIF (OLD.present > 0) <> (NEW.present > 0) AND NOT others_present THEN
    UPDATE attendance_month_people SET present_people = present_people + CASE WHEN NEW.present > 0 THEN 1 ELSE -1 END WHERE month = r.month;
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION workshop_sessions_rollup_guard_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.date <> OLD.date OR NEW.duration_minutes <> OLD.duration_minutes OR NEW.workshop_id <> OLD.workshop_id)
    AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = OLD.id) THEN
    RAISE EXCEPTION 'a session with marks is moved by writing its marks again';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER workshop_sessions_rollup_guard BEFORE UPDATE ON workshop_sessions FOR EACH ROW EXECUTE FUNCTION workshop_sessions_rollup_guard_row();
CREATE TRIGGER attendance_rollup AFTER INSERT OR DELETE OR UPDATE ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_rollup_row();
CREATE TRIGGER attendance_monthly_people AFTER INSERT OR DELETE OR UPDATE ON attendance_monthly FOR EACH ROW EXECUTE FUNCTION attendance_monthly_people_row();
`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attendance_monthly', (t) => {
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.string('month', 7).notNullable();
    t.integer('participant_id').notNullable().references('id').inTable('participants').onDelete('RESTRICT');
    t.integer('marks').notNullable();
    t.integer('present').notNullable();
    t.integer('minutes').notNullable();
    t.primary(['workshop_id', 'month', 'participant_id']);
    t.index(['month', 'participant_id', 'present']);
  });
  await knex.schema.createTable('attendance_workshop_monthly', (t) => {
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('RESTRICT');
    t.string('month', 7).notNullable();
    t.integer('sessions').notNullable();
    t.integer('marks').notNullable();
    t.integer('present').notNullable();
    t.integer('minutes').notNullable();
    t.primary(['workshop_id', 'month']);
    t.index(['month']);
  });
  await knex.schema.createTable('attendance_month_people', (t) => {
    t.string('month', 7).notNullable().primary();
    t.integer('people').notNullable();
    t.integer('present_people').notNullable();
  });
  const present = 'CASE WHEN a.present THEN 1 ELSE 0 END';
  await knex.raw(`INSERT INTO attendance_monthly (workshop_id, month, participant_id, marks, present, minutes)
    SELECT s.workshop_id, substr(s.date, 1, 7), a.participant_id, COUNT(*), SUM(${present}), SUM(${present} * s.duration_minutes)
    FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id
    GROUP BY s.workshop_id, substr(s.date, 1, 7), a.participant_id`);
  await knex.raw(`INSERT INTO attendance_workshop_monthly (workshop_id, month, sessions, marks, present, minutes)
    SELECT s.workshop_id, substr(s.date, 1, 7), COUNT(DISTINCT s.id), COUNT(*), SUM(${present}), SUM(${present} * s.duration_minutes)
    FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id
    GROUP BY s.workshop_id, substr(s.date, 1, 7)`);
  await knex.raw(`INSERT INTO attendance_month_people (month, people, present_people)
    SELECT month, COUNT(*), SUM(CASE WHEN present > 0 THEN 1 ELSE 0 END)
    FROM (SELECT month, participant_id, MAX(present) AS present FROM attendance_monthly GROUP BY month, participant_id) p
    GROUP BY month`);
  if (knex.client.config.client === 'pg') await knex.raw(pgFunctions);
  else for (const sql of sqliteTriggers) await knex.raw(sql);
  await knex.raw(
    'CREATE INDEX enrolments_evaluation_index ON enrolments (participant_id, enrolled_on, ended_on, stage, workshop_id, ensemble_id)',
  );
  await knex.raw('DROP INDEX enrolments_stage_absence_run_index');
  await knex.raw('CREATE INDEX enrolments_stage_absence_run_dates_index ON enrolments (stage, absence_run, ended_on, enrolled_on)');
  await knex.raw('CREATE INDEX instruments_evaluation_index ON instruments (establishment_id, condition, status)');
  await knex.raw('CREATE INDEX workshop_sessions_date_workshop_id_index ON workshop_sessions (date, workshop_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX workshop_sessions_date_workshop_id_index');
  await knex.raw('DROP INDEX instruments_evaluation_index');
  await knex.raw('DROP INDEX enrolments_stage_absence_run_dates_index');
  await knex.raw('CREATE INDEX enrolments_stage_absence_run_index ON enrolments (stage, absence_run)');
  await knex.raw('DROP INDEX enrolments_evaluation_index');
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER attendance_monthly_people ON attendance_monthly');
    await knex.raw('DROP TRIGGER attendance_rollup ON attendance');
    await knex.raw('DROP TRIGGER workshop_sessions_rollup_guard ON workshop_sessions');
    await knex.raw('DROP FUNCTION workshop_sessions_rollup_guard_row()');
    await knex.raw('DROP FUNCTION attendance_monthly_people_row()');
    await knex.raw('DROP FUNCTION attendance_rollup_row()');
    await knex.raw('DROP FUNCTION attendance_rollup_apply(integer, integer, boolean, integer)');
  } else {
    for (const name of [
      'attendance_rollup_insert',
      'attendance_rollup_delete',
      'attendance_rollup_present',
      'attendance_rollup_rekey',
      'workshop_sessions_rollup_guard',
    ])
      await knex.raw(`DROP TRIGGER ${name}`);
  }
  await knex.schema.dropTable('attendance_month_people');
  await knex.schema.dropTable('attendance_workshop_monthly');
  await knex.schema.dropTable('attendance_monthly');
}
