import { audienceGroups, ABSENCE_ALERT, openStages, type Audiences } from '../../../shared/programmes/rules';
import type { ProgrammeSummary } from '../../../shared/programmes/schemas';
import { saveExport } from '../export/table';
import type { HandlerContext, Handlers } from '../ipc/context';
import { annualReportHtml, annualReportXlsx, unescoEntry, unescoHtml } from './documents';
import { audiencesOf, ensembleAtScope } from './events';
import { whereInScope } from '../auth/access';
import { programmeFigures } from './figures';
import { agreementsWhere } from './partners';
import type { Row } from '../db/rows';

type ReportHandlers = Pick<
  Handlers,
  'programmeReports.summary' | 'programmeReports.figures' | 'programmeReports.unesco' | 'programmeReports.annual' | 'programmeReports.unescoExport'
>;

const limaToday = (now: string) => new Date(Date.parse(now) - 5 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * Instruments in the hands of participants who are no longer in the programme: the
 * custodian names of the inventory's 'participante' custody, matched to INPE codes.
 * null when this installation has no inventory.
 */
async function instrumentsToRecover(ctx: HandlerContext): Promise<number | null> {
  if (!(await ctx.db.schema.hasTable('instruments'))) return null;
  const held = (await whereInScope(ctx.session, ctx.db('instruments as i'), 'i.establishment_id', 'i.transit_to_establishment_id')
    .where({ custodian_type: 'participante' })
    .select('custodian_name')) as Row[];
  if (held.length === 0) return 0;
  const tokensOf = (name: string) => name.toUpperCase().split(/[^A-Z0-9-]+/).filter((x) => x.length >= 3);
  const tokens = [...new Set(held.flatMap((r) => tokensOf(String(r.custodian_name ?? ''))))];
  const gone = new Set<string>();
  for (let i = 0; i < tokens.length; i += 500) {
    for (const c of (await ctx.db('participants').whereIn('code', tokens.slice(i, i + 500)).whereNot('status', 'activo').pluck('code')) as string[]) gone.add(c);
  }
  return held.filter((r) => tokensOf(String(r.custodian_name ?? '')).some((x) => gone.has(x))).length;
}

export async function programmeSummary(ctx: HandlerContext): Promise<ProgrammeSummary> {
  const db = ctx.db;
  const today = limaToday(ctx.now);
  // Grouped on the participants' covering index alone; the (few) names are read after.
  // A user restricted to some establishments sees their figures (auth/access.ts whereInScope).
  const bySex = (await whereInScope(ctx.session, db('participants'), 'establishment_id')
    .where('status', 'activo')
    .groupBy('establishment_id', 'sex')
    .select('establishment_id', 'sex')
    .count({ n: '*' })) as Row[];
  const names = new Map(
    ((await db('establishments').whereIn('id', [...new Set(bySex.map((r) => Number(r.establishment_id)))]).select('id', 'name')) as Row[]).map((e) => [Number(e.id), String(e.name)]),
  );
  const map = new Map<number, ProgrammeSummary['byEstablishment'][number]>();
  for (const r of bySex) {
    const id = Number(r.establishment_id);
    const e = map.get(id) ?? { establishmentId: id, name: names.get(id) ?? '', men: 0, women: 0 };
    if (r.sex === 'masculino') e.men += Number(r.n);
    else e.women += Number(r.n);
    map.set(id, e);
  }
  const byEstablishment = [...map.values()].sort((a, b) => b.men + b.women - (a.men + a.women) || a.name.localeCompare(b.name));
  const [w] = (await whereInScope(ctx.session, db('workshops'), 'establishment_id')
    .where({ active: true }).where((q) => q.whereNull('end_date').orWhere('end_date', '>=', today)).count({ n: '*' })) as Row[];
  const [g] = (await whereInScope(ctx.session, db('ensembles'), 'establishment_id')
    .where({ active: true }).count({ n: '*' })) as Row[];
  const current =
    ((await db('seasons').where('start_date', '<=', today).where('end_date', '>=', today).orderBy('start_date', 'desc').first()) as Row | undefined) ??
    ((await db('seasons').where('start_date', '<=', today).orderBy('start_date', 'desc').first()) as Row | undefined) ??
    ((await db('seasons').orderBy('start_date').first()) as Row | undefined);
  const audience = Object.fromEntries(audienceGroups.map((x) => [x, 0])) as Audiences;
  let season: ProgrammeSummary['season'] = null;
  if (current) {
    const events = (await whereInScope(ctx.session, db('events as e'), 'e.establishment_id', ensembleAtScope(db))
      .where({ season_id: current.id })
      .select('e.*')) as Row[];
    for (const e of events) {
      const a = audiencesOf(e);
      for (const k of audienceGroups) audience[k] += a[k];
    }
    season = {
      id: Number(current.id),
      name: String(current.name),
      events: events.length,
      audience: audienceGroups.reduce((s, k) => s + audience[k], 0),
      upcoming: events.filter((e) => String(e.date) >= today).length,
    };
  }
  const expiring = (await agreementsWhere(ctx, (q) => q.whereNotNull('a.end_date').where('a.end_date', '>=', today))).filter((a) => a.state === 'por_vencer');
  const [absences] = (await whereInScope(
    ctx.session,
    db('enrolments as n'),
    (scope) => db('workshops as w').whereRaw('w.id = n.workshop_id').whereIn('w.establishment_id', scope).select(db.raw('1')),
    (scope) => db('ensembles as g').whereRaw('g.id = n.ensemble_id').whereIn('g.establishment_id', scope).select(db.raw('1')),
  )
    .whereIn('n.stage', [...openStages]).where('n.absence_run', '>=', ABSENCE_ALERT).count({ n: '*' })) as Row[];
  return {
    participants: byEstablishment.reduce((s, e) => s + e.men + e.women, 0),
    byEstablishment,
    activeWorkshops: Number(w?.n ?? 0),
    activeEnsembles: Number(g?.n ?? 0),
    season,
    audienceByGroup: audience,
    alerts: {
      agreementsExpiring: expiring.map((a) => ({ id: a.id, title: a.title, partnerName: a.partnerName, endDate: a.endDate!, daysLeft: a.daysLeft ?? 0 })),
      absenceAlerts: Number(absences?.n ?? 0),
      instrumentsWithParticipants: await instrumentsToRecover(ctx),
    },
  };
}

export const programmeReportHandlers: ReportHandlers = {
  'programmeReports.summary': (_input, ctx) => programmeSummary(ctx),

  'programmeReports.figures': ({ from, to }, ctx) => programmeFigures(ctx.db, from, to),

  'programmeReports.unesco': async ({ from, to }, ctx) => unescoEntry(await programmeFigures(ctx.db, from, to), ctx.t, ctx.session.locale),

  'programmeReports.annual': async ({ from, to, format }, ctx) => {
    const f = await programmeFigures(ctx.db, from, to);
    const base = `${ctx.t('programmes.export.annual')}-${from}-${to}`;
    return saveExport(ctx, {
      baseName: base,
      extension: format,
      rows: f.participants.total,
      build: async () =>
        format === 'xlsx'
          ? annualReportXlsx(f, ctx.t)
          : ctx.platform.printPdf({ html: annualReportHtml(f, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name), pageSize: 'A4' }),
    });
  },

  'programmeReports.unescoExport': async ({ from, to, format }, ctx) => {
    const entry = unescoEntry(await programmeFigures(ctx.db, from, to), ctx.t, ctx.session.locale);
    const base = `${ctx.t('programmes.export.unesco')}-${from}-${to}`;
    return saveExport(ctx, {
      baseName: base,
      extension: format,
      rows: entry.figures.participants.total,
      build: async () => {
        if (format === 'pdf') return ctx.platform.printPdf({ html: unescoHtml(entry, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name), pageSize: 'A4' });
        return annualReportXlsx(entry.figures, ctx.t);
      },
    });
  },
};
