import type { Translate } from '../i18n';
import type { PackageRefusal } from './outbox';

/** What reading a package did (sites/apply.ts), and how it is told to the clerk. */

export interface ApplyReport {
  from: string;
  fromName: string;
  seq: number;
  alreadyRead: boolean;
  /** Package numbers from the sender never read before this one. */
  missing: number[];
  applied: Record<string, number>;
  skipped: number;
  conflicts: Array<{ table: string; key: string }>;
  refused: Array<{ table: string; key: string; reason: string }>;
  /** At a site: what the centre refused of earlier packages. */
  returnedRefusals: PackageRefusal[];
}

/** What a report tells the clerk, in the given language: the read-twice notice, each missing package, each refusal. */
export function reportLines(report: ApplyReport, t: Translate): string[] {
  if (report.alreadyRead) return [t('sites.exchange.alreadyRead', { seq: report.seq, name: report.fromName })];
  return [
    ...report.missing.map((seq) => t('sites.exchange.missing', { seq, name: report.fromName })),
    ...[...report.refused, ...report.returnedRefusals].map((r) => refusalText(r.reason, t)),
  ];
}

/** What a record is, by its table, in the reader's words. */
export const tableLabel = (table: string, t: Translate): string =>
  t(`sites.transfer.tables.${table}`, { defaultValue: t('sites.transfer.tables.other') });

/** The state each state machine's refusal names, in the reader's words (state-machines.ts). */
const stateLabels: Record<string, string> = {
  instrument: 'inventory.statuses',
  participant: 'programmes.participantStatuses',
  artwork: 'internarte.custodyStatuses',
};

/**
 * Why a received record was refused (`instrument:<status>`, `participant:<status>`,
 * `artwork:<custody>`, `missing:<table>`, `centreOnly`, `outside`, `inUse`), in the reader's words.
 */
export function refusalText(reason: string, t: Translate): string {
  const [kind = '', detail = ''] = reason.split(/:(.*)/s);
  if (kind in stateLabels) return t(`sites.exchange.refusals.${kind}`, { status: t(`${stateLabels[kind]}.${detail}`) });
  if (kind === 'missing') return t('sites.exchange.refusals.missing', { what: tableLabel(detail, t) });
  if (kind === 'centreOnly' || kind === 'outside') return t(`sites.exchange.refusals.${kind}`);
  return t('sites.exchange.refusals.inUse');
}
