/**
 * The inventory's repository: the only code that names its tables (instruments, their types,
 * movements and photos, stocktakes and consumables). Handlers and other domains call these
 * functions; joins to establishments go through establishments/repository/.
 */
export * from './instruments';
export * from './movements';
export * from './types';
export * from './stocktakes';
export * from './consumables';
export * from './summary';
export * from './custody';
export * from './recoveries';
export * from './transfers';
