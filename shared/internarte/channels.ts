import { paperChannels } from '../paper-channels';

export const artworkChannels = [
  'artworks.list',
  'artworks.get',
  'artworks.create',
  'artworks.update',
  'artworks.options',
  'artworks.artistOptions',
  'artworks.photos',
  'artworks.addPhoto',
  'artworks.setPrimaryPhoto',
  'artworks.removePhoto',
  'artworks.consents',
  'artworks.recordConsent',
  'artworks.revokeConsent',
  'artworks.conditionReports',
  'artworks.addConditionReport',
  'artworks.custody',
  'artworks.moveCustody',
  'artworks.exhibitions',
  'artworks.loans',
  'artworks.summary',
  'artworks.export',
] as const;

export const exhibitionChannels = [
  'exhibitions.list',
  'exhibitions.get',
  'exhibitions.create',
  'exhibitions.update',
  'exhibitions.options',
  'exhibitions.byPartner',
  'exhibitions.checklist',
  'exhibitions.addWorks',
  'exhibitions.updateWork',
  'exhibitions.setSection',
  'exhibitions.moveWork',
  'exhibitions.removeWork',
  'exhibitions.loans',
  'exhibitions.lend',
  'exhibitions.returnLoan',
  'exhibitions.exportChecklist',
  ...paperChannels('loans'),
] as const;

/** The exhibition's printed outputs: the catalog (preview, PDF as a job) and the wall labels. */
export const catalogChannels = ['catalog.preview', 'catalog.preflight', 'catalog.export', 'catalog.labels'] as const;
