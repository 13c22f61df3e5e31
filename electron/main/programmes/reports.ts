import { audienceGroups, type Audiences } from '../../../shared/programmes/rules';
import type { ProgrammeSummary } from '../../../shared/programmes/schemas';
import { saveExport } from '../export/table';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { establishmentScope } from '../auth/access';
import { budgetExecution } from '../contracts/repository/for-programmes';
import { annualReportChartsHtml } from '../evaluation/for-programmes';
import { stale } from '../ipc/errors';
import { annualReportHtml, annualReportXlsx } from './documents';
import * as repo from './repository';
import { generatedLine, unescoDocx, unescoEntry, unescoHtml, unescoText, unescoXlsx } from './unesco-document';

type ReportChannel =
  | 'programmeReports.summary'
  | 'programmeReports.figures'
  | 'programmeReports.unesco'
  | 'programmeReports.annual'
  | 'programmeReports.unescoExport'
  | 'programmeReports.unescoTexts'
  | 'programmeReports.saveUnescoTexts';

/** The UNESCO entry of a period: its figures, the initiatives of its year, the budget executed and the year's texts. */
async function unescoOf(ctx: HandlerContext, from: string, to: string) {
  const year = Number(to.slice(0, 4));
  return unescoEntry(
    {
      figures: await repo.programmeFigures(ctx.db, from, to),
      texts: await repo.unescoTexts(ctx.db, year),
      initiatives: await repo.initiativesOfYear(ctx.db, year),
      execution: await budgetExecution(ctx.db, from, to),
    },
    ctx.t,
    ctx.session.locale,
  );
}

/** The programme's home page: participants, groups, the season, alerts (within the session's establishments). */
export async function programmeSummary(ctx: HandlerContext): Promise<ProgrammeSummary> {
  const db = ctx.db;
  const today = repo.limaToday(ctx.now);
  const map = new Map<number, ProgrammeSummary['byEstablishment'][number]>();
  for (const r of await repo.activeParticipantsBySex(db, ctx.session)) {
    const e = map.get(r.establishmentId) ?? { establishmentId: r.establishmentId, name: r.name, men: 0, women: 0 };
    if (r.sex === 'masculino') e.men += r.n;
    else e.women += r.n;
    map.set(r.establishmentId, e);
  }
  const byEstablishment = [...map.values()].sort((a, b) => b.men + b.women - (a.men + a.women) || a.name.localeCompare(b.name));
  const groups = await repo.activeGroups(db, ctx.session, today);
  const current = await repo.currentSeason(db, today);
  const audience = Object.fromEntries(audienceGroups.map((x) => [x, 0])) as Audiences;
  let season: ProgrammeSummary['season'] = null;
  if (current) {
    const events = await repo.seasonEventRows(db, ctx.session, Number(current.id));
    for (const e of events) {
      const a = repo.audiencesOf(e);
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
  const expiring = (await repo.agreementsEndingFrom(db, today)).filter((a) => a.state === 'por_vencer');
  return {
    participants: byEstablishment.reduce((s, e) => s + e.men + e.women, 0),
    byEstablishment,
    activeWorkshops: groups.workshops,
    activeEnsembles: groups.ensembles,
    season,
    audienceByGroup: audience,
    alerts: {
      agreementsExpiring: expiring.map((a) => ({
        id: a.id,
        title: a.title,
        partnerName: a.partnerName,
        endDate: a.endDate!,
        daysLeft: a.daysLeft ?? 0,
      })),
      absenceAlerts: await repo.absenceAlerts(db, ctx.session),
      instrumentsWithParticipants: await repo.instrumentsToRecover(db, ctx.session),
    },
  };
}

export const programmeReportHandlers: DomainHandlers<ReportChannel> = {
  'programmeReports.summary': (_input, ctx) => programmeSummary(ctx),

  'programmeReports.figures': ({ from, to }, ctx) => repo.programmeFigures(ctx.db, from, to),

  'programmeReports.unesco': ({ from, to }, ctx) => unescoOf(ctx, from, to),

  'programmeReports.annual': async ({ from, to, format }, ctx) => {
    const f = await repo.programmeFigures(ctx.db, from, to);
    const base = `${ctx.t('programmes.export.annual')}-${from}-${to}`;
    return saveExport(ctx, {
      baseName: base,
      extension: format,
      rows: f.participants.total,
      build: async () => {
        if (format === 'xlsx') return annualReportXlsx(f, ctx.t);
        // The evaluation page's charts of the same period, drawn by the same code as its PDF.
        const charts = await annualReportChartsHtml(ctx.db, { from, to }, establishmentScope(ctx.session), ctx.t, ctx.session.locale);
        return ctx.platform.printPdf({
          html: annualReportHtml(f, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name, charts),
          pageSize: 'A4',
        });
      },
    });
  },

  'programmeReports.unescoExport': async ({ from, to, format }, ctx) => {
    const entry = await unescoOf(ctx, from, to);
    const base = `${ctx.t('programmes.export.unesco')}-${from}-${to}`;
    return saveExport(ctx, {
      baseName: base,
      extension: format,
      rows: entry.figures.participants.total,
      build: async () => {
        if (format === 'pdf')
          return ctx.platform.printPdf({
            html: unescoHtml(entry, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
            pageSize: 'A4',
          });
        if (format === 'docx') return unescoDocx(entry, ctx.t, generatedLine(ctx.t, ctx.now, ctx.session.actor.name));
        if (format === 'txt') return Buffer.from(unescoText(entry, ctx.t), 'utf8');
        return unescoXlsx(entry, ctx.t);
      },
    });
  },

  'programmeReports.unescoTexts': ({ year }, ctx) => repo.unescoTexts(ctx.db, year),

  'programmeReports.saveUnescoTexts': async ({ version, ...values }, ctx) => {
    const before = await repo.unescoTexts(ctx.db, values.year);
    if (before.version !== version) throw stale();
    if (!(await repo.saveUnescoTexts(ctx.db, values, version, ctx.session.actor, ctx.now))) throw stale();
    const after = await repo.unescoTexts(ctx.db, values.year);
    await ctx.audit({ entity: 'unescoEntry', entityId: values.year, action: version === null ? 'create' : 'update', before, after });
    return after;
  },
};
