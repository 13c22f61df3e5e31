/**
 * The names of every IPC channel, and nothing else: the preload and the browser harness
 * build window.api from this list without loading the schemas. contract.ts must define
 * exactly these (the compiler checks it).
 */
export const channelNames = [
  'app.info',
  'app.setLocale',
  'demo.load',
  'dashboard.summary',
  'files.showInFolder',
  'regionalOffices.list',
  'establishments.list',
  'establishments.get',
  'establishments.create',
  'establishments.update',
  'establishments.setActive',
  'establishments.delete',
  'establishments.export',
] as const;

export type ChannelName = (typeof channelNames)[number];
