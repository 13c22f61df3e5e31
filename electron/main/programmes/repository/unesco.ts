import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { InitiativeFigures } from '../../../../shared/programmes/initiative-schemas';
import { culturalDomains, unescoGoals, type CulturalDomain, type UnescoGoal } from '../../../../shared/programmes/rules';
import type { UnescoTexts } from '../../../../shared/programmes/schemas';
import { type Row, toBool } from '../../db/rows';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { initiativeFigures } from './initiatives';

// ── The UNESCO entry's texts per year and its activities (issue 17, item 5) ─────

/** A JSON list of codes as stored, keeping only the codes the form lists (in the form's order). */
function codes<T extends string>(text: unknown, allowed: readonly T[]): T[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text ?? '[]'));
  } catch {
    parsed = [];
  }
  const set = new Set(Array.isArray(parsed) ? parsed.map(String) : []);
  return allowed.filter((c) => set.has(c));
}

/** The year's texts; a year never saved answers empty texts with version null. */
export async function unescoTexts(db: Knex, year: number): Promise<UnescoTexts> {
  const r = (await db('unesco_entries').where({ year }).first()) as Row | undefined;
  if (!r) return { year, mainFeatures: '', evaluated: null, conclusions: '', goals: [], domains: [], version: null };
  return {
    year,
    mainFeatures: String(r.main_features),
    evaluated: r.evaluated == null ? null : toBool(r.evaluated),
    conclusions: String(r.conclusions),
    goals: codes<UnescoGoal>(r.goals, unescoGoals),
    domains: codes<CulturalDomain>(r.domains, culturalDomains),
    version: Number(r.version),
  };
}

export interface UnescoTextValues {
  year: number;
  mainFeatures: string;
  evaluated: boolean | null;
  conclusions: string;
  goals: UnescoGoal[];
  domains: CulturalDomain[];
}

/**
 * Writes the year's texts over the version the user saw (null: none yet); answers false when
 * another user saved first (or created the year's row meanwhile).
 */
export async function saveUnescoTexts(db: Knex, v: UnescoTextValues, version: number | null, actor: Actor, now: string): Promise<boolean> {
  const columns = {
    main_features: v.mainFeatures,
    evaluated: v.evaluated,
    conclusions: v.conclusions,
    goals: JSON.stringify(unescoGoals.filter((g) => v.goals.includes(g))),
    domains: JSON.stringify(culturalDomains.filter((d) => v.domains.includes(d))),
  };
  const existing = (await db('unesco_entries').where({ year: v.year }).first('id', 'version')) as Row | undefined;
  if (!existing) {
    if (version !== null) return false;
    await insertId(db('unesco_entries'), { year: v.year, ...columns, ...firstVersion(actor, now) });
    return true;
  }
  if (version === null) return false;
  return (await updateVersion(db('unesco_entries'), Number(existing.id), version, columns, actor, now)) === 1;
}

/** The initiatives running in `year` (by their years), by name, each with its figures for the year. */
export async function initiativesOfYear(
  db: Knex,
  year: number,
): Promise<Array<{ name: string; description: string; figures: InitiativeFigures }>> {
  if (!(await db.schema.hasTable('initiatives'))) return [];
  const rows = (await db('initiatives')
    .where('start_year', '<=', year)
    .where((w) => w.whereNull('end_year').orWhere('end_year', '>=', year))
    .orderBy('start_year')
    .orderBy('name_key')
    .select('id', 'name', 'description')) as Row[];
  const out = [];
  for (const r of rows) {
    out.push({ name: String(r.name), description: String(r.description), figures: await initiativeFigures(db, Number(r.id), year) });
  }
  return out;
}
