import type { Knex } from 'knex';

/**
 * Workshops' teachers by id (issue 15, item 4).
 *
 * - `workshop_teachers`: the teacher records who give a workshop (its `teachers` text stays as
 *   it was typed, readable).
 * - `workshop_sessions.teacher_id`: the teacher who led a session (none for sessions recorded
 *   before).
 * - `workshop_teacher_reviews`: teacher names this migration could not link ("sin vincular"),
 *   for a clerk to link or dismiss.
 *
 * The data already entered is carried over here, with its own matching (a migration never
 * imports code that may change after it lands). A workshop's typed teachers are split into
 * names (on ",", ";", "/", " y ", " e " outside parentheses, unless the whole text is already
 * one teacher's name, as "Ramos Huamán, Julio César" is); for matching only, titles
 * ("Prof.", "Mtra.", "Lic."…) and parenthesised notes are left out, and the rest is folded
 * (accents, case, spaces). A name that is exactly one teacher's first and last names, in
 * either order, links that teacher to the workshop; any other is a 'pendiente' review with
 * the name as it was typed. The workshop's text stays as it was.
 *
 * A session already recorded gets the teacher who led it only when the workshop's text named
 * exactly one teacher and that name was linked (with two names, or one left for review, who
 * led each session is not known: it stays empty). Frozen once landed.
 */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type Row = Record<string, unknown>;

/** The names in a workshop's typed teachers, each as typed (trimmed), split outside parentheses. */
function splitTeacherNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    if ((c === ')' || c === ']') && depth > 0) depth--;
    if (depth === 0) {
      if (c === ',' || c === ';' || c === '/' || c === '\n') {
        names.push(current);
        current = '';
        continue;
      }
      const word = / (y|e) /i.exec(text.slice(i, i + 3));
      if (word) {
        names.push(current);
        current = '';
        i += 2;
        continue;
      }
    }
    current += c;
  }
  names.push(current);
  return names.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => /\p{L}/u.test(n));
}

const TITLE =
  /^(?:prof(?:esora?|a)?|mtr[oa]|maestr[oa]|lic(?:enciad[oa])?|dra?|doctora?|ing|arq|sra?|srta|don|dona|docente|tec|bach)\b\.?\s*/i;

/** The name as compared: without titles and parenthesised notes, folded. */
function teacherNameKey(name: string): string {
  let rest = name
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(TITLE, '').trim();
  }
  return fold(rest);
}

async function carryOver(knex: Knex): Promise<void> {
  const now = new Date().toISOString();
  const teachers = new Map<string, number[]>();
  for (const r of (await knex('teachers').select('id', 'first_names', 'last_names')) as Row[]) {
    const first = String(r.first_names);
    const last = String(r.last_names);
    for (const k of new Set([fold(`${first} ${last}`), fold(`${last} ${first}`)])) {
      teachers.set(k, [...(teachers.get(k) ?? []), Number(r.id)]);
    }
  }
  const workshops = (await knex('workshops').whereNotNull('teachers').orderBy('id').select('id', 'teachers')) as Row[];
  const links: Row[] = [];
  const reviews: Row[] = [];
  const soleTeacher = new Map<number, number>();
  for (const w of workshops) {
    const workshopId = Number(w.id);
    const text = String(w.teachers);
    // "Ramos Huamán, Julio César": the whole text may be one teacher's name, commas and all.
    const whole = teachers.get(teacherNameKey(text)) ?? [];
    const names = whole.length === 1 ? [text.trim()] : splitTeacherNames(text);
    const linked = new Set<number>();
    let unlinked = 0;
    for (const name of names) {
      const ids = teachers.get(teacherNameKey(name)) ?? [];
      if (ids.length === 1) {
        linked.add(ids[0]!);
        continue;
      }
      unlinked++;
      reviews.push({ workshop_id: workshopId, original_text: name.slice(0, 400), status: 'pendiente', created_at: now });
    }
    for (const teacherId of linked) links.push({ workshop_id: workshopId, teacher_id: teacherId });
    if (names.length === 1 && linked.size === 1 && unlinked === 0) soleTeacher.set(workshopId, [...linked][0]!);
  }
  for (let i = 0; i < links.length; i += 200) await knex('workshop_teachers').insert(links.slice(i, i + 200));
  for (let i = 0; i < reviews.length; i += 200) await knex('workshop_teacher_reviews').insert(reviews.slice(i, i + 200));
  for (const [workshopId, teacherId] of soleTeacher) {
    await knex('workshop_sessions').where({ workshop_id: workshopId }).whereNull('teacher_id').update({ teacher_id: teacherId });
  }
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('workshop_teachers', (t) => {
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('CASCADE');
    t.integer('teacher_id').notNullable().references('id').inTable('teachers').onDelete('RESTRICT');
    t.primary(['workshop_id', 'teacher_id']);
    t.index(['teacher_id']);
  });

  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('workshop_sessions', (t) => {
      t.integer('teacher_id').nullable().references('id').inTable('teachers').onDelete('RESTRICT');
    });
  } else {
    // knex adds a foreign key on SQLite by rebuilding the table, which attendance's rows refuse
    // (foreign keys are on): SQLite adds a nullable column with its reference in place.
    await knex.raw('ALTER TABLE workshop_sessions ADD COLUMN teacher_id integer NULL REFERENCES teachers(id) ON DELETE RESTRICT');
  }
  await knex.schema.alterTable('workshop_sessions', (t) => {
    t.index(['teacher_id', 'date']);
  });

  await knex.schema.createTable('workshop_teacher_reviews', (t) => {
    t.increments('id').primary();
    t.integer('workshop_id').notNullable().references('id').inTable('workshops').onDelete('CASCADE');
    /** One teacher's name as it was typed in the workshop's teachers, kept as it is. */
    t.string('original_text', 400).notNullable();
    t.string('status', 20).notNullable(); // pendiente | vinculado | descartado
    t.integer('teacher_id').nullable().references('id').inTable('teachers').onDelete('RESTRICT');
    t.string('created_at', 30).notNullable();
    t.string('resolved_at', 30).nullable();
    t.string('resolved_by', 200).nullable();
    t.index(['status']);
    t.index(['workshop_id']);
  });

  await carryOver(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('workshop_teacher_reviews');
  await knex.schema.alterTable('workshop_sessions', (t) => {
    t.dropIndex(['teacher_id', 'date']);
    t.dropForeign(['teacher_id']);
    t.dropColumn('teacher_id');
  });
  await knex.schema.dropTable('workshop_teachers');
}
