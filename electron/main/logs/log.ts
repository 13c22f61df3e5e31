import os from 'node:os';
import path from 'node:path';
import electronLog from 'electron-log/node';

/**
 * The app's log: one rotating text file in the user's data folder (`registros/arteinpe.log`,
 * the previous one kept as `arteinpe.old.log`), for support. It tells what happened — start-up,
 * migrations, backups, errors with their stacks, slow channels — and never whom it happened to:
 * every line goes through redact(), which writes only the fields named in LOGGED_FIELDS and
 * scrubs their text of what could name a person or open a door (quoted values, DNI numbers,
 * e-mail addresses, passwords inside connection URLs). Plain Node: index.ts gives the folder.
 */

export const LOGS_DIR = 'registros';
export const LOG_FILE = 'arteinpe.log';
/** Stands for whatever was left out of a line. */
export const OMITTED = '[omitido]';

/** The only fields a line carries; any other is written as OMITTED, whatever its value. */
export const LOGGED_FIELDS: ReadonlySet<string> = new Set([
  'channel',
  'ms',
  'count',
  'version',
  'electron',
  'os',
  'mode',
  'migrations',
  'backup',
  'file',
  'code',
  'error',
  'source',
  'stack',
  'message',
]);

export type LogFields = Record<string, unknown>;

export interface AppLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The last errors written (their first line, redacted), oldest first: for the support information. */
  lastErrors(): string[];
  /** The folder of the log's files (null: a log that writes nowhere). */
  dir: string | null;
}

/** A log that writes nothing (tests, the bench, the harness unless given one). */
export const silentLog: AppLog = { info() {}, warn() {}, error() {}, lastErrors: () => [], dir: null };

const SCRUBS: Array<[RegExp, string]> = [
  // Passwords inside connection strings: postgres://user:secret@host → postgres://[omitido]@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${OMITTED}@`],
  [/[^\s@'"<>()]+@[^\s@'"<>()]+\.[a-z]{2,}/gi, OMITTED],
  // Values quoted in a message (knex puts a failed query's values in its error): 'Juan Pérez'
  [/'(?:[^'\\]|\\.)*'/g, `'${OMITTED}'`],
  [/"(?:[^"\\]|\\.)*"/g, `"${OMITTED}"`],
  // PostgreSQL's "Key (document)=(12345678) already exists."
  [/\)=\([^)]*\)/g, `)=(${OMITTED})`],
];
// DNI numbers and other long digit runs (a person's document, a phone number).
const LONG_DIGITS: [RegExp, string] = [/\b\d{8,}\b/g, OMITTED];
/** Names the app itself gives (a backup's folder, a migration: their dates have eight digits): no digit run is taken out. */
const APP_NAMES: ReadonlySet<string> = new Set(['backup', 'migrations', 'channel', 'version']);

/** Free text with what could identify a person or open a door taken out. */
export function scrub(text: string, opts: { appName?: boolean } = {}): string {
  // The Windows account's name in a path (C:\Users\<name>\…) of a stack or a file.
  const home = os.homedir();
  const homeless = home.length > 3 ? text.split(home).join('~') : text;
  return [...SCRUBS, ...(opts.appName ? [] : [LONG_DIGITS])].reduce((s, [re, by]) => s.replace(re, by), homeless);
}

const MAX_TEXT = 4000;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const head = `${err.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}: ${err.message}`;
    const stack = err.stack ?? '';
    // The stack's first line repeats the message: written once.
    const frames = stack.startsWith(`${err.name}`) ? stack.slice(stack.indexOf('\n') + 1) : stack;
    return `${head}${frames ? `\n${frames}` : ''}`;
  }
  return String(err);
}

function valueText(key: string, value: unknown): string {
  if (key === 'error') return scrub(clip(errorText(value)));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  const appName = APP_NAMES.has(key);
  if (Array.isArray(value)) return value.map((v) => scrub(clip(String(v)), { appName })).join(', ');
  return scrub(clip(typeof value === 'string' ? value : JSON.stringify(value)), { appName });
}

/** One line's text: the event and its permitted fields, each scrubbed; any other field as OMITTED. */
export function redact(event: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${LOGGED_FIELDS.has(key) ? valueText(key, value) : OMITTED}`);
  return [scrub(event), ...parts].join(' ');
}

const LAST_ERRORS = 10;

/** The log writing to `<dir>/arteinpe.log`, rotated to arteinpe.old.log past maxBytes (1 MB by default). */
export function createLog(dir: string, opts: { maxBytes?: number } = {}): AppLog {
  const file = path.join(dir, LOG_FILE);
  const logger = electronLog.create({ logId: `arteinpe:${file}` });
  logger.transports.console.level = false;
  logger.transports.file.level = 'info';
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = opts.maxBytes ?? 1024 * 1024;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  const errors: string[] = [];
  return {
    dir,
    info: (event, fields) => logger.info(redact(event, fields)),
    warn: (event, fields) => logger.warn(redact(event, fields)),
    error(event, fields) {
      const text = redact(event, fields);
      logger.error(text);
      errors.push(`${new Date().toISOString()} ${text.split('\n')[0]}`);
      if (errors.length > LAST_ERRORS) errors.shift();
    },
    lastErrors: () => [...errors],
  };
}
