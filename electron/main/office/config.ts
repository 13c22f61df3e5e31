import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseMode } from '../../../shared/office/schemas';
import type { ServerConfig } from '../db/connection';
import type { Platform } from '../platform';

/**
 * Which database this PC uses (Settings → Base de datos), in a small file beside the SQLite
 * database: it cannot live in a database, since it says which one to open. The server's
 * password is kept only sealed by the platform's secrets (safeStorage), never in plain text.
 */
export interface DatabaseChoice {
  mode: DatabaseMode;
  server: {
    host: string;
    port: number;
    database: string;
    user: string;
    ssl: boolean;
    /** The PEM text of the server's CA certificate (public, kept as text); null: the authorities this PC trusts. */
    caCert: string | null;
    /** The password sealed with Platform.secrets (base64); null: none kept. */
    passwordSealed: string | null;
  } | null;
}

export const CHOICE_FILE = 'base-de-datos.json';

export const choicePath = (paths: Platform['paths']) => path.join(path.dirname(paths.dbPath), CHOICE_FILE);

export function readChoice(paths: Platform['paths']): DatabaseChoice {
  try {
    const raw = JSON.parse(fs.readFileSync(choicePath(paths), 'utf8')) as Partial<DatabaseChoice>;
    const mode = raw.mode === 'server' && raw.server ? 'server' : 'local';
    // A file written before the CA setting existed has none.
    return { mode, server: raw.server ? { ...raw.server, caCert: raw.server.caCert ?? null } : null };
  } catch {
    return { mode: 'local', server: null };
  }
}

/** Written whole to a temporary file, then renamed: never half a file. */
export function writeChoice(paths: Platform['paths'], choice: DatabaseChoice): void {
  const file = choicePath(paths);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(choice, null, 2)}\n`, 'utf8');
  fs.renameSync(tmp, file);
}

/**
 * Whether the password kept for `saved` may be sent to `target`: only to the very server it
 * was saved for — the same host (ignoring case), port, database and user — and never over a
 * weaker connection than the one it was saved with (TLS turned off, or another CA). Anything
 * else (another host typed in the form, by mistake or not) needs the password typed again.
 */
export function savedPasswordFits(
  saved: DatabaseChoice['server'],
  target: { host: string; port: number; database: string; user: string; ssl: boolean; caCert?: string | null },
): boolean {
  if (!saved?.passwordSealed) return false;
  const sameServer =
    saved.host.toLowerCase() === target.host.toLowerCase() &&
    saved.port === target.port &&
    saved.database === target.database &&
    saved.user === target.user;
  // Saved without TLS: any connection is at least as protected. Saved with TLS: TLS, verified by the same authority.
  const noWeaker = !saved.ssl || (target.ssl && (saved.caCert ?? null) === (target.caCert ?? null));
  return sameServer && noWeaker;
}

/** The server this PC is set to use, with its password opened; null when none is set or it cannot be opened. */
export async function serverOfChoice(
  platform: Platform,
  choice: DatabaseChoice = readChoice(platform.paths),
): Promise<ServerConfig | null> {
  if (choice.mode !== 'server' || !choice.server) return null;
  const { passwordSealed, ...rest } = choice.server;
  let password = '';
  if (passwordSealed) {
    if (!platform.secrets) return null;
    password = await platform.secrets.open(passwordSealed);
  }
  return { ...rest, password };
}
