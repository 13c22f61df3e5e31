import type { CertificateCandidate } from '../../../shared/programmes/schemas';
import { fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { certificatesHtml, type CertificateData } from './certificate-document';
import { canSeeNames } from './privacy';
import { exportWithReason } from '../privacy/personal-data';
import { mustWorkshop } from './workshops';
import * as repo from './repository';

type CertificateChannel = 'certificates.candidates' | 'certificates.issue';

/** Everyone enrolled in the workshop with the hours their attendance adds up to; completed ones may get a certificate. */
async function candidates(ctx: HandlerContext, workshopId: number): Promise<CertificateCandidate[]> {
  await mustWorkshop(ctx, workshopId);
  const list = await repo.listEnrolments(ctx.db, ctx.session, { workshopId });
  return list.map((e) => ({
    enrolmentId: e.id,
    participantId: e.participantId,
    code: e.participantCode,
    firstNames: e.firstNames,
    lastNames: e.lastNames,
    stage: e.stage,
    minutes: e.minutes ?? 0,
    present: e.present ?? 0,
    sessions: e.sessions ?? 0,
  }));
}

export const certificateHandlers: DomainHandlers<CertificateChannel> = {
  'certificates.candidates': ({ id }, ctx) => candidates(ctx, id),

  'certificates.issue': async ({ workshopId, participantIds, date, reason }, ctx) => {
    const w = await mustWorkshop(ctx, workshopId, 'workshopId');
    const all = await candidates(ctx, workshopId);
    const completed = all.filter((c) => c.stage === 'completado');
    let chosen = completed;
    if (participantIds.length > 0) {
      const wanted = new Set(participantIds);
      chosen = completed.filter((c) => wanted.has(c.participantId));
      if (chosen.length !== wanted.size) {
        throw fieldError('participantIds', 'programmes.errors.notCompleted');
      }
    }
    if (chosen.length === 0) throw fieldError('participantIds', 'programmes.errors.noneCompleted');
    const names = canSeeNames(ctx.session);
    const items: CertificateData[] = chosen.map((c) => ({
      name: names && c.firstNames && c.lastNames ? `${c.firstNames} ${c.lastNames}` : c.code,
      code: c.code,
      minutes: c.minutes,
      workshopName: w.name,
      programme: w.programme,
      establishmentName: w.establishmentName,
      startDate: w.startDate,
      endDate: w.endDate,
    }));
    const base =
      chosen.length === 1
        ? `${ctx.t('programmes.export.certificate')}-${chosen[0]!.code}`
        : `${ctx.t('programmes.export.certificates')}-${w.name
            .replace(/[^\p{L}\p{N}]+/gu, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}`;
    return exportWithReason(ctx, {
      reason,
      what: ctx.t('programmes.export.certificatesWhat', { workshop: w.name, establishment: w.establishmentName }),
      baseName: base,
      extension: 'pdf',
      rows: items.length,
      build: () =>
        ctx.platform.printPdf({ html: certificatesHtml(items, date, ctx.t, ctx.session.locale), pageSize: 'A4', landscape: true }),
    });
  },
};
