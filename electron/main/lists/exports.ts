import type { ChannelOutput } from '../../../shared/contract';
import type { ExportList } from '../../../shared/lists/schemas';
import type { Translate } from '../i18n';
import type { Column } from '../export/table';

/**
 * The lists exported through lists.export: each one's columns, in the order and with the
 * headers its page shows (the same texts), and its file name. The rows are the list
 * channel's own answer for this user (HandlerContext.read), so roles, establishment scope
 * and consent apply as on screen. `people`: the file names persons (custodians, participants
 * who hold instruments), so it is asked why and logged like every personal-data export.
 */

type RowOf<L extends ExportList> =
  ChannelOutput<L> extends { rows: Array<infer R> } ? R : ChannelOutput<L> extends Array<infer R> ? R : never;

export interface ListExportSource<L extends ExportList> {
  /** The i18n key of the file and sheet name. */
  title: string;
  people?: boolean;
  /** The list pages in main (its query takes page and pageSize). */
  paged?: boolean;
  columns(t: Translate): Column<RowOf<L>>[];
}

const yesNo = (t: Translate, v: boolean) => t(v ? 'common.yes' : 'common.no');
const text = <R>(header: string, value: (r: R) => string | number | null, width = 22): Column<R> => ({ header, width, value });
const date = <R>(header: string, value: (r: R) => string | null): Column<R> => ({ header, width: 12, kind: 'date', value });
const money = <R>(header: string, value: (r: R) => number | null): Column<R> => ({ header, width: 14, kind: 'money', value });

export const listExports: { [L in ExportList]: ListExportSource<L> } = {
  'staff.list': {
    title: 'establishments.staff.title',
    columns: (t) => [
      text(t('establishments.staff.fullName'), (r) => r.fullName, 32),
      text(t('establishments.staff.role'), (r) => r.role, 28),
      text(t('establishments.staff.establishment'), (r) => r.establishmentName, 30),
      text(t('common.status'), (r) => t(r.active ? 'common.active' : 'common.inactive'), 10),
    ],
  },
  'teachers.list': {
    title: 'contracts.teachers.title',
    paged: true,
    columns: (t) => [
      text(t('contracts.teachers.name'), (r) => r.fullName, 32),
      text(t('contracts.teachers.dni'), (r) => r.dni, 11),
      text(t('contracts.teachers.ruc'), (r) => r.ruc, 13),
      text(t('contracts.teachers.disciplines'), (r) => r.disciplines.map((d) => t(`contracts.disciplines.${d}`)).join(', '), 28),
      text(t('contracts.teachers.specialties'), (r) => r.specialties.join(', '), 28),
      text(t('contracts.teachers.phone'), (r) => r.phone, 14),
      text(t('contracts.teachers.email'), (r) => r.email, 26),
      text(t('contracts.teachers.contractsInForce'), (r) => r.contractsInForce, 10),
      text(t('contracts.teachers.active'), (r) => yesNo(t, r.active), 8),
    ],
  },
  'conformities.list': {
    title: 'contracts.conformities.navTitle',
    paged: true,
    columns: (t) => [
      text(t('contracts.conformities.period'), (r) => r.period, 10),
      text(t('contracts.conformities.contract'), (r) => r.contractNumber, 18),
      text(t('contracts.conformities.teacher'), (r) => r.teacherName, 30),
      date(t('contracts.conformities.conformityDate'), (r) => r.conformityDate),
      text(t('contracts.conformities.receiptNumber'), (r) => r.receiptNumber, 14),
      money(t('contracts.conformities.gross'), (r) => r.grossCentimos),
      money(t('contracts.conformities.retention'), (r) => r.retentionCentimos),
      money(t('contracts.conformities.net'), (r) => r.netCentimos),
      date(t('contracts.conformities.paymentDate'), (r) => r.paymentDate),
      text(t('contracts.conformities.status'), (r) => t(`contracts.conformityStatuses.${r.status}`), 16),
    ],
  },
  'exhibitions.list': {
    title: 'internarte.exhibitions.title',
    paged: true,
    columns: (t) => [
      text(t('internarte.exhibitions.fields.title'), (r) => r.title, 36),
      text(t('internarte.exhibitions.fields.venue'), (r) => r.venue, 32),
      date(t('internarte.exhibitions.fields.startsOn'), (r) => r.startsOn),
      date(t('internarte.exhibitions.fields.endsOn'), (r) => r.endsOn),
      text(t('internarte.exhibitions.fields.curatorsShort'), (r) => r.curators.join(', '), 30),
      text(t('internarte.exhibitions.fields.partners'), (r) => r.partners.map((p) => p.name).join(', '), 30),
      text(t('internarte.exhibitions.fields.works'), (r) => r.workCount, 8),
      text(t('internarte.exhibitions.fields.openLoans'), (r) => r.openLoans, 10),
    ],
  },
  'users.list': {
    title: 'users.title',
    columns: (t) => [
      text(t('auth.username'), (r) => r.username, 18),
      text(t('auth.fullName'), (r) => r.fullName, 30),
      text(t('users.role'), (r) => t(`auth.roles.${r.role}`), 18),
      text(
        t('users.establishments'),
        (r) => (r.establishmentNames.length > 0 ? r.establishmentNames.join(', ') : t('users.allEstablishments')),
        30,
      ),
      text(t('users.status'), (r) => t(r.active ? 'users.active' : 'users.inactive'), 12),
      { header: t('users.lastSignIn'), width: 17, kind: 'dateTime', value: (r) => r.lastSignInAt },
    ],
  },
  'partners.list': {
    title: 'programmes.partners.tabPartners',
    columns: (t) => [
      text(t('programmes.partners.name'), (r) => r.name, 34),
      text(t('programmes.partners.type'), (r) => t(`programmes.partnerTypes.${r.type}`), 22),
      text(t('programmes.partners.contactName'), (r) => r.contactName, 26),
      text(t('programmes.partners.contactRole'), (r) => r.contactRole, 20),
      text(t('programmes.partners.contactEmail'), (r) => r.contactEmail, 26),
      text(t('programmes.partners.contactPhone'), (r) => r.contactPhone, 14),
      text(t('programmes.partners.agreements'), (r) => r.agreements, 10),
      text(t('programmes.partners.events'), (r) => r.events, 8),
      money(t('programmes.partners.donations'), (r) => r.donationsCentimos),
    ],
  },
  'agreements.list': {
    title: 'programmes.partners.tabAgreements',
    columns: (t) => [
      text(t('programmes.agreements.partner'), (r) => r.partnerName, 30),
      text(t('programmes.agreements.titleField'), (r) => r.title, 34),
      text(t('programmes.agreements.documentNumber'), (r) => r.documentNumber, 16),
      date(t('programmes.agreements.startDate'), (r) => r.startDate),
      date(t('programmes.agreements.endDate'), (r) => r.endDate),
      text(t('programmes.agreements.state'), (r) => t(`programmes.agreementStates.${r.state}`), 18),
    ],
  },
  'events.list': {
    title: 'programmes.events.title',
    columns: (t) => [
      date(t('programmes.events.date'), (r) => r.date),
      text(t('programmes.events.time'), (r) => r.time, 8),
      text(t('programmes.events.titleField'), (r) => r.title, 34),
      text(t('programmes.events.type'), (r) => t(`programmes.eventTypes.${r.type}`), 20),
      text(t('programmes.events.where'), (r) => r.venueName ?? r.establishmentName, 30),
      text(t('programmes.events.partners'), (r) => r.partners.map((p) => p.name).join(', '), 26),
      text(t('programmes.events.ensembles'), (r) => r.ensembles.map((e) => e.name).join(', '), 26),
      text(t('programmes.events.audienceTotal'), (r) => r.totalAudience, 10),
    ],
  },
  'ensembles.list': {
    title: 'programmes.ensembles.title',
    columns: (t) => [
      text(t('programmes.ensembles.name'), (r) => r.name, 30),
      text(t('programmes.ensembles.type'), (r) => t(`programmes.ensembleTypes.${r.type}`), 20),
      text(t('programmes.common.establishment'), (r) => r.establishmentName, 30),
      text(t('programmes.ensembles.director'), (r) => r.director, 26),
      date(t('programmes.ensembles.formedOn'), (r) => r.formedOn),
      text(t('programmes.ensembles.members'), (r) => r.members, 10),
    ],
  },
  'stocktakes.list': {
    title: 'inventory.stocktake.title',
    columns: (t) => [
      text(t('inventory.stocktake.establishment'), (r) => r.establishmentName, 30),
      text(t('common.status'), (r) => t(`inventory.stocktake.${r.status === 'abierto' ? 'open' : 'closed'}`), 10),
      { header: t('inventory.stocktake.openedAt'), width: 17, kind: 'dateTime', value: (r) => r.openedAt },
      text(t('inventory.stocktake.openedBy'), (r) => r.openedBy, 22),
      text(t('inventory.stocktake.counted'), (r) => r.counted, 10),
      { header: t('inventory.stocktake.closedAt'), width: 17, kind: 'dateTime', value: (r) => r.closedAt },
      text(t('inventory.stocktake.actaNumber'), (r) => r.actaNumber, 16),
    ],
  },
  'custody.overdue': {
    title: 'inventory.custody.overdue.title',
    paged: true,
    people: true,
    columns: (t) => [
      text(t('inventory.custody.overdue.code'), (r) => r.code, 14),
      text(t('inventory.custody.overdue.type'), (r) => r.typeName, 18),
      text(t('inventory.custody.overdue.establishment'), (r) => r.establishmentName, 30),
      text(t('inventory.custody.overdue.custodian'), (r) => `${r.custodianName} (${t(`inventory.custodianTypes.${r.custodianType}`)})`, 34),
      date(t('inventory.custody.overdue.since'), (r) => r.since),
      date(t('inventory.custody.overdue.due'), (r) => r.due),
      text(t('inventory.custody.overdue.daysLate'), (r) => r.daysOverdue, 10),
    ],
  },
  'custody.recoveries': {
    title: 'inventory.custody.recoveries.title',
    people: true,
    columns: (t) => [
      text(t('inventory.custody.recoveries.instrument'), (r) => `${r.code} · ${r.typeName}`, 24),
      text(t('inventory.custody.recoveries.establishment'), (r) => r.establishmentName, 30),
      text(t('inventory.custody.recoveries.participant'), (r) => r.participantLabel, 30),
      text(t('inventory.custody.recoveries.reason'), (r) => t(`inventory.custody.reasons.${r.reason}`), 24),
      date(t('inventory.custody.recoveries.openedOn'), (r) => r.openedOn),
      text(t('inventory.custody.recoveries.daysOpen'), (r) => r.daysOpen, 10),
      text(t('inventory.custody.recoveries.destination'), (r) => r.participantEstablishmentName, 30),
      text(t('inventory.custody.recoveries.closedBy'), (r) => (r.closedBy ? t(`inventory.custody.closings.${r.closedBy}`) : null), 20),
    ],
  },
  'consumables.stock': {
    title: 'inventory.consumables.title',
    columns: (t) => [
      text(t('inventory.consumables.item'), (r) => r.itemName, 32),
      text(t('inventory.consumables.category'), (r) => t(`inventory.consumableCategories.${r.category}`), 18),
      text(t('inventory.consumables.unit'), (r) => r.unit, 12),
      text(t('inventory.consumables.establishment'), (r) => r.establishmentName, 30),
      text(t('inventory.consumables.stock'), (r) => r.stock, 12),
      text(t('inventory.consumables.minimum'), (r) => r.minimum, 10),
      text(t('inventory.consumables.low'), (r) => yesNo(t, r.low), 10),
    ],
  },
  'regionalOffices.list': {
    title: 'establishments.regionalOffices.title',
    columns: (t) => [
      text(t('establishments.regionalOffices.code'), (r) => r.code, 8),
      text(t('establishments.regionalOffices.name'), (r) => r.name, 24),
      text(t('establishments.regionalOffices.seat'), (r) => r.seat, 18),
      text(t('establishments.regionalOffices.establishments'), (r) => r.establishmentCount, 14),
      text(t('establishments.regionalOffices.inProgramme'), (r) => r.inProgrammeCount, 14),
    ],
  },
  'instrumentTypes.list': {
    title: 'inventory.types.title',
    columns: (t) => [
      text(t('inventory.types.name'), (r) => r.name, 28),
      text(t('inventory.types.family'), (r) => t(`inventory.families.${r.family}`), 18),
      text(t('inventory.types.instruments'), (r) => r.instrumentCount, 12),
      text(t('common.status'), (r) => t(r.active ? 'common.active' : 'common.inactive'), 10),
    ],
  },
  'budget.expenses': {
    title: 'contracts.expenses.title',
    columns: (t) => [
      date(t('contracts.expenses.date'), (r) => r.date),
      text(t('contracts.expenses.line'), (r) => t(`contracts.budgetLines.${r.line}`), 18),
      text(t('contracts.expenses.supplierName'), (r) => r.supplierName, 30),
      text(t('contracts.expenses.supplierRuc'), (r) => r.supplierRuc, 13),
      text(t('contracts.expenses.documentType'), (r) => t(`contracts.expenseDocumentTypes.${r.documentType}`), 18),
      text(t('contracts.expenses.documentNumber'), (r) => r.documentNumber, 16),
      money(t('contracts.expenses.amount'), (r) => r.amountCentimos),
      text(t('contracts.expenses.description'), (r) => r.description, 36),
      text(t('contracts.expenses.link'), (r) => (r.link ? `${t(`contracts.expenseLinkKinds.${r.link.kind}`)}: ${r.link.name}` : null), 30),
      text(t('contracts.expenses.voided'), (r) => (r.voided ? `${t('contracts.expenses.voided')}: ${r.voidReason ?? ''}` : null), 24),
    ],
  },
};
