/** The audit log viewer and the log of exports with personal data (administrador). */
export const auditChannels = ['audit.list', 'audit.facets', 'audit.export', 'audit.personalDataExports'] as const;
