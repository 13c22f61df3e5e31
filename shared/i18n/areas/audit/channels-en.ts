import { paperChannelsEn } from '../common/papers';
import type { Widen } from '../../types';
import type { auditChannelsEs } from './channels';

/** Audit texts in English, part of shared/i18n/areas/audit.ts: channels. */
/** Office mode: the database and the attachments' place. */
const officeEn = {
  saveDatabase: 'Database settings',
  saveAttachmentsFolder: 'Attachments folder',
  testDatabase: 'Database connection test',
  copyToServer: 'Data copied to the office server',
};

export const auditChannelsEn: Widen<typeof auditChannelsEs> = {
  /** What each operation (IPC channel) did, for the audit log's «Operación» column. */
  channels: {
    app: {
      setLocale: 'Language change',
    },
    demo: {
      load: 'Demonstration data loaded',
    },
    staff: {
      create: 'INPE staff member registered',
      update: 'INPE staff member edited',
    },
    population: {
      record: 'Population count recorded',
    },
    notifications: {
      setMuted: 'Kind of reminder muted or heard again',
    },
    custody: {
      follow: 'Instrument transferred with the participant',
      link: 'Unlinked custodian linked',
      dismiss: 'Unlinked custodian dismissed',
    },
    establishments: {
      create: 'Establishment created',
      update: 'Establishment edited',
      setActive: 'Establishment activated or deactivated',
      delete: 'Establishment deleted',
      export: 'Establishments exported',
    },
    instrumentTypes: {
      create: 'Instrument type created',
      update: 'Instrument type edited',
    },
    instruments: {
      create: 'Instrument registered',
      update: 'Instrument edited',
      move: 'Instrument movement',
      addPhoto: 'Instrument photo added',
      setPrimaryPhoto: 'Instrument main photo chosen',
      removePhoto: 'Instrument photo removed',
      export: 'Instrument register exported',
    },
    inventory: {
      setSettings: 'Inventory settings',
      labels: 'Instrument labels',
      reportByEstablishment: 'Inventory report by establishment',
      reportByCondition: 'Instruments by condition report',
      reportMovements: 'Instrument movements report',
    },
    stocktakes: {
      ...paperChannelsEn,
      open: 'Stocktake opened',
      count: 'Stocktake count',
      uncount: 'Stocktake count undone',
      close: 'Stocktake closed',
      acta: 'Stocktake record',
    },
    consumables: {
      createItem: 'Consumable item created',
      move: 'Consumables received or delivered',
      setMinimum: 'Consumable minimum set',
    },
    teachers: {
      create: 'Teacher registered',
      update: 'Teacher edited',
      saveAuthorisation: 'Teacher entry authorisation',
      removeAuthorisation: 'Teacher entry authorisation removed',
      addDocument: 'Teacher document added',
      removeDocument: 'Teacher document removed',
      documentCopy: 'Copy of a teacher document',
    },
    contracts: {
      create: 'Contract created',
      update: 'Contract edited',
      activate: 'Contract put in force',
      terminate: 'Contract terminated',
      renew: 'Contract renewed',
      addDocument: 'Contract document added',
      removeDocument: 'Contract document removed',
      documentCopy: 'Copy of a contract document',
      export: 'Contracts exported',
      summaryPdf: 'Contract summary (PDF)',
      linkWorkshop: 'Unlinked contract workshop linked',
      dismissWorkshop: 'Unlinked contract workshop dismissed',
    },
    conformities: {
      ...paperChannelsEn,
      create: 'Service sign-off recorded',
      update: 'Service sign-off edited',
      pay: 'Service sign-off paid',
      void: 'Service sign-off voided',
    },
    budget: {
      save: 'Budget saved',
      export: 'Budget execution exported',
      recordExpense: 'Budget expense recorded',
      voidExpense: 'Budget expense voided',
      modify: 'Budget modification recorded',
    },
    workshops: {
      create: 'Workshop created',
      update: 'Workshop edited',
      linkTeacher: 'Unlinked workshop teacher linked',
      dismissTeacher: 'Unlinked workshop teacher dismissed',
      export: 'Workshops exported',
    },
    sessions: {
      create: 'Workshop session created',
      update: 'Workshop session edited',
    },
    participants: {
      ...paperChannelsEn,
      create: 'Participant registered',
      update: 'Participant edited',
      custodyChange: 'Participant custody change',
      export: 'Participants exported',
    },
    enrolments: {
      create: 'Participants enrolled',
      setStage: 'Enrolment stage changed',
    },
    attendance: {
      save: 'Attendance recorded',
    },
    ensembles: {
      create: 'Ensemble created',
      update: 'Ensemble edited',
      linkPart: 'Unlinked part linked',
      dismissPart: 'Unlinked part dismissed',
    },
    seasons: {
      create: 'Season created',
      update: 'Season edited',
    },
    events: {
      create: 'Event created',
      update: 'Event edited',
      addPhoto: 'Event photo added',
      removePhoto: 'Event photo removed',
    },
    partners: {
      create: 'Partner created',
      update: 'Partner edited',
      addDonation: 'Donation recorded',
      setLogo: 'Partner logo uploaded',
      removeLogo: 'Partner logo removed',
    },
    agreements: {
      create: 'Agreement created',
      update: 'Agreement edited',
      attachDocument: 'Agreement document attached',
      saveDocument: 'Copy of an agreement',
    },
    initiatives: {
      create: 'Initiative created',
      update: 'Initiative edited',
      assign: 'Records linked to an initiative',
      unassign: 'Record removed from an initiative',
    },
    certificates: {
      issue: 'Participation certificates issued',
    },
    programmeReports: {
      annual: 'Annual programme report',
      unescoExport: 'UNESCO report',
      saveUnescoTexts: "Texts of the year's UNESCO entry",
    },
    evaluation: {
      export: 'Programme evaluation export',
      print: 'Programme evaluation printed to PDF',
    },
    auth: {
      setupAdmin: 'Administrator account created',
      changePassword: 'Own password changed',
      signIn: 'Sign-in',
      signOut: 'Sign-out',
      lock: 'Session locked',
      unlock: 'Session unlocked',
    },
    users: {
      create: 'User created',
      update: 'User edited',
      setActive: 'User enabled or disabled',
      resetPassword: 'Password reset',
    },
    audit: {
      export: 'Audit log exported',
    },
    backups: {
      create: 'Backup',
      restore: 'Backup restored',
    },
    catalog: {
      export: 'Catalog (PDF)',
      labels: 'Wall labels (PDF)',
    },
    artworks: {
      create: 'Artwork registered',
      update: 'Artwork edited',
      addPhoto: 'Artwork photo added',
      setPrimaryPhoto: 'Artwork main photo chosen',
      removePhoto: 'Artwork photo removed',
      recordConsent: 'Consent recorded',
      revokeConsent: 'Consent revoked',
      addConditionReport: 'Condition report',
      moveCustody: 'Artwork custody movement',
      export: 'Artworks exported',
    },
    movements: { ...paperChannelsEn, transferActa: 'Transfer record as PDF' },
    loans: paperChannelsEn,
    exhibitions: {
      create: 'Exhibition created',
      update: 'Exhibition edited',
      addWorks: 'Works added to an exhibition',
      updateWork: 'Exhibition work edited',
      setSection: 'Section of several exhibition works set',
      moveWork: 'Exhibition work reordered',
      removeWork: 'Work removed from an exhibition',
      lend: 'Artwork lent',
      returnLoan: 'Loan returned',
      exportChecklist: 'Checklist exported',
    },
    office: officeEn,
    /** Entries recorded before the office channels were named office.* (December 2026). */
    settings: officeEn,
    files: {
      showInFolder: 'File folder opened',
    },
    jobs: {
      cancel: 'Task cancelled',
    },
    import: {
      inspect: 'File read for import',
      dryRun: 'Import dry run',
      run: 'Import',
      template: 'Import template saved',
      chooseFolder: 'Photo folder chosen for an import',
    },
    lists: {
      saveView: 'List view saved',
      removeView: 'List view deleted',
      export: 'List exported',
    },
    sites: {
      enrol: 'Site enrolled',
      install: 'Installed as a site',
      writePackage: 'Data package written to send',
      readPackage: 'Data package read',
      resolveConflict: "A site's conflict resolved",
    },
  },
};
