export const establishmentChannels = [
  'regionalOffices.list',
  'establishments.list',
  'establishments.get',
  'establishments.create',
  'establishments.update',
  'establishments.setActive',
  'establishments.delete',
  'establishments.export',
  'staff.list',
  'staff.create',
  'staff.update',
] as const;
