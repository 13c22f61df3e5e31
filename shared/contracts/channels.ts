export const teacherChannels = [
  'teachers.list',
  'teachers.get',
  'teachers.create',
  'teachers.update',
  'teachers.saveAuthorisation',
  'teachers.removeAuthorisation',
  'teachers.addDocument',
  'teachers.removeDocument',
  'teachers.documentCopy',
] as const;

export const contractChannels = [
  'contracts.list',
  'contracts.get',
  'contracts.create',
  'contracts.update',
  'contracts.activate',
  'contracts.terminate',
  'contracts.renew',
  'contracts.addDocument',
  'contracts.removeDocument',
  'contracts.documentCopy',
  'contracts.export',
  'contracts.summaryPdf',
  'contracts.alerts',
  'contracts.workshopOptions',
  'contracts.workshopReviews',
  'contracts.linkWorkshop',
  'contracts.dismissWorkshop',
] as const;

export const conformityChannels = [
  'conformities.list',
  'conformities.missing',
  'conformities.create',
  'conformities.update',
  'conformities.pay',
  'conformities.void',
  'conformities.delivered',
] as const;

export const budgetChannels = ['budget.years', 'budget.summary', 'budget.save', 'budget.export'] as const;
