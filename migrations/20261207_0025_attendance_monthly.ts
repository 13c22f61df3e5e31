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

/**
 * The same roll-ups on PostgreSQL, kept by statement triggers: one per INSERT, DELETE or UPDATE
 * of marks (their transition tables), which recompute from the marks only the rows those marks
 * touch (workshop, month, participant; then the workshop's month and the month's people). A row
 * trigger per mark cost about 1 ms a mark (the demonstration's 16,280 marks: +15 s).
 */
const touched = `(SELECT DISTINCT s.workshop_id AS w, substr(s.date, 1, 7) AS m, x.p
  FROM unnest(p_sessions, p_participants) AS x(sid, p) JOIN workshop_sessions s ON s.id = x.sid)`;
const inMonth = (month: string) => `s.date BETWEEN ${month} || '-01' AND ${month} || '-31'`;
const pgFunctions = `
CREATE FUNCTION attendance_rollup_refresh(p_sessions integer[], p_participants integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attendance_monthly am USING ${touched} k WHERE am.workshop_id = k.w AND am.month = k.m AND am.participant_id = k.p;
  INSERT INTO attendance_monthly (workshop_id, month, participant_id, marks, present, minutes)
    SELECT k.w, k.m, k.p, COUNT(*), SUM(CASE WHEN a.present THEN 1 ELSE 0 END), SUM(CASE WHEN a.present THEN s.duration_minutes ELSE 0 END)
    FROM ${touched} k JOIN workshop_sessions s ON s.workshop_id = k.w AND ${inMonth('k.m')}
      JOIN attendance a ON a.session_id = s.id AND a.participant_id = k.p
    GROUP BY k.w, k.m, k.p;
  DELETE FROM attendance_workshop_monthly t USING (SELECT DISTINCT w, m FROM ${touched} k0) k WHERE t.workshop_id = k.w AND t.month = k.m;
  INSERT INTO attendance_workshop_monthly (workshop_id, month, sessions, marks, present, minutes)
    SELECT k.w, k.m,
      (SELECT COUNT(DISTINCT a.session_id) FROM workshop_sessions s JOIN attendance a ON a.session_id = s.id WHERE s.workshop_id = k.w AND ${inMonth('k.m')}),
      SUM(am.marks), SUM(am.present), SUM(am.minutes)
    FROM (SELECT DISTINCT w, m FROM ${touched} k0) k JOIN attendance_monthly am ON am.workshop_id = k.w AND am.month = k.m
    GROUP BY k.w, k.m;
  DELETE FROM attendance_month_people WHERE month IN (SELECT m FROM ${touched} k);
  INSERT INTO attendance_month_people (month, people, present_people)
    SELECT am.month, COUNT(DISTINCT am.participant_id), COUNT(DISTINCT CASE WHEN am.present > 0 THEN am.participant_id END)
    FROM attendance_monthly am WHERE am.month IN (SELECT m FROM ${touched} k)
    GROUP BY am.month;
END $$;
CREATE FUNCTION attendance_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM attendance_rollup_refresh(ARRAY(SELECT session_id FROM new_marks), ARRAY(SELECT participant_id FROM new_marks));
  RETURN NULL;
END $$;
CREATE FUNCTION attendance_rollup_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM attendance_rollup_refresh(ARRAY(SELECT session_id FROM old_marks), ARRAY(SELECT participant_id FROM old_marks));
  RETURN NULL;
END $$;
CREATE FUNCTION attendance_rekey_guard_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.session_id <> OLD.session_id OR NEW.participant_id <> OLD.participant_id THEN
    RAISE EXCEPTION 'attendance marks are not moved: delete and insert';
  END IF;
  RETURN NEW;
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
CREATE TRIGGER attendance_rekey_guard BEFORE UPDATE ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_rekey_guard_row();
CREATE TRIGGER attendance_rollup_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_marks
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_rollup_inserted();
CREATE TRIGGER attendance_rollup_update AFTER UPDATE ON attendance REFERENCING NEW TABLE AS new_marks
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_rollup_inserted();
CREATE TRIGGER attendance_rollup_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_marks
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_rollup_deleted();
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
    for (const trigger of ['attendance_rollup_delete', 'attendance_rollup_update', 'attendance_rollup_insert', 'attendance_rekey_guard'])
      await knex.raw(`DROP TRIGGER ${trigger} ON attendance`);
    await knex.raw('DROP TRIGGER workshop_sessions_rollup_guard ON workshop_sessions');
    for (const fn of [
      'workshop_sessions_rollup_guard_row()',
      'attendance_rekey_guard_row()',
      'attendance_rollup_deleted()',
      'attendance_rollup_inserted()',
    ])
      await knex.raw(`DROP FUNCTION ${fn}`);
    await knex.raw('DROP FUNCTION attendance_rollup_refresh(integer[], integer[])');
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
