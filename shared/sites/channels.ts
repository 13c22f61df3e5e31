/** Prison sites working offline (issue 20, docs/SITES.md): this installation's role, the centre's sites, enrolling and installing one. */
export const siteChannels = [
  'sites.status',
  'sites.list',
  'sites.enrol',
  'sites.install',
  'sites.writePackage',
  'sites.readPackage',
  'sites.conflicts',
  'sites.resolveConflict',
] as const;
