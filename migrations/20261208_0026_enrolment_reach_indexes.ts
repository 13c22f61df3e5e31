import type { Knex } from 'knex';

/**
 * Indexes for the evaluation page's reach and ensemble figures (issue 17's bench goal): the
 * enrolments of each workshop, and of each ensemble, with their participant and dates, so the
 * participants reached per establishment and the ensembles' members are counted from the
 * groups of each establishment without reading the enrolments' rows. The same statements on
 * SQLite and PostgreSQL. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX enrolments_workshop_reach_index ON enrolments (workshop_id, participant_id, enrolled_on, ended_on)');
  await knex.raw('CREATE INDEX enrolments_ensemble_reach_index ON enrolments (ensemble_id, participant_id, enrolled_on, ended_on)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX enrolments_ensemble_reach_index');
  await knex.raw('DROP INDEX enrolments_workshop_reach_index');
}
