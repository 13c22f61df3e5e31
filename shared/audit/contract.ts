import { channel, ExportResult, NoInput, pageOf, type ChannelDef } from '../ipc';
import { PersonalDataExport } from '../privacy/schemas';
import type { auditChannels } from './channels';
import { AuditEntry, AuditExport, AuditFacets, AuditListQuery, PageQuery } from './schemas';

export const auditContract = {
  'audit.list': channel('query', AuditListQuery, pageOf(AuditEntry)),
  'audit.facets': channel('query', NoInput, AuditFacets),
  'audit.export': channel('action', AuditExport, ExportResult),
  'audit.personalDataExports': channel('query', PageQuery, pageOf(PersonalDataExport)),
} satisfies { [K in (typeof auditChannels)[number]]: ChannelDef };
