import { z } from 'zod';
import { choice } from '../ipc';

export const locales = ['es-PE', 'en'] as const;
export const LocaleSchema = choice(locales);

export const Actor = z.object({ id: z.string(), name: z.string() });
export type Actor = z.infer<typeof Actor>;

export const AppInfo = z.object({
  version: z.string(),
  locale: LocaleSchema,
  dataPath: z.string(),
  /** True once the demonstration dataset has been loaded into this database. */
  demo: z.boolean(),
  /** True while the database holds no establishment: the app then offers the demonstration data. */
  empty: z.boolean(),
  user: Actor,
  /** Where the app runs: the Electron window, or the browser harness on a machine without Electron. */
  shell: z.enum(['electron', 'browser']),
  /** Office mode: the server's schema is newer than this app; every write is refused until it is updated. */
  readOnly: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SetLocale = z.object({ locale: LocaleSchema }).strict();

export const DemoLoaded = z.object({
  establishments: z.number().int().nonnegative(),
  instruments: z.number().int().nonnegative(),
  /** The ceramics and plastic-arts equipment (kilns, wheels, easels), counted apart from the instruments. */
  artEquipment: z.number().int().nonnegative(),
  movements: z.number().int().nonnegative(),
});

export const ShowInFolder = z.object({ path: z.string().min(1).max(4096) }).strict();

/**
 * An unexpected error in the window (renderer/src/app/ErrorBoundary.tsx, its 'error' and
 * 'unhandledrejection' listeners), written to main's log (logs/log.ts, redacted): its
 * message and stack only, each of bounded length.
 */
export const ReportError = z
  .object({
    source: z.enum(['render', 'error', 'rejection']),
    message: z.string().max(2000),
    stack: z.string().max(8000),
  })
  .strict();
