import type { Widen } from '../types';
import { auditLabelsEn, auditLabelsEs } from './audit/labels';
import { auditChannelsEs } from './audit/channels';
import { auditChannelsEn } from './audit/channels-en';
import { auditExportButtonEn, auditExportButtonEs } from './audit/export-button';

/** The audit log viewer and the log of exports with personal data: Spanish (Peru) first, English beside it. */
export const auditEs = {
  ...auditLabelsEs,
  ...auditChannelsEs,
  ...auditExportButtonEs,
};

export const auditEn: Widen<typeof auditEs> = {
  ...auditLabelsEn,
  ...auditChannelsEn,
  ...auditExportButtonEn,
};
