import type { ConnectionProblem } from '../../../shared/office/schemas';
import { createServerKnex, type ServerConfig } from '../db/connection';
import { inspectServerSchema, MIN_SERVER_VERSION_NUM, serverVersion } from '../db/server';

export interface ProbeResult {
  problem: ConnectionProblem | null;
  serverVersion: string | null;
  /** The database holds nothing yet (a copy of this PC's data may go there). */
  empty: boolean | null;
  detail: string;
}

interface NetError {
  code?: string;
  message?: string;
}

/** What went wrong, in the words of the form: the server, the password, the database, TLS. */
export function classifyConnectionError(err: unknown): ConnectionProblem {
  const e = (typeof err === 'object' && err !== null ? err : {}) as NetError;
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '3D000') return 'noDatabase';
  if (/^(ERR_TLS|ERR_SSL)|CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || /does not support SSL|SSL|certificate/i.test(message)) return 'tls';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) return 'unreachable';
  if (/timeout|timed out|Connection terminated/i.test(message)) return 'unreachable';
  return 'other';
}

/**
 * "Probar conexión": connects with a pool of one, reads the server's version and what the
 * database holds, and changes nothing, locally or on the server.
 */
export async function probeServer(config: ServerConfig, timeoutMs = 5000): Promise<ProbeResult> {
  const db = createServerKnex(config, { poolMax: 1, connectTimeoutMs: timeoutMs, quiet: true });
  try {
    const version = await serverVersion(db);
    if (version.num < MIN_SERVER_VERSION_NUM) return { problem: 'tooOld', serverVersion: version.text, empty: null, detail: '' };
    const schema = await inspectServerSchema(db);
    if (schema.kind === 'foreign') return { problem: 'foreign', serverVersion: version.text, empty: false, detail: schema.tables.slice(0, 5).join(', ') };
    if (schema.kind === 'newer') return { problem: 'newer', serverVersion: version.text, empty: false, detail: '' };
    return { problem: null, serverVersion: version.text, empty: schema.kind === 'empty', detail: '' };
  } catch (err) {
    const problem = classifyConnectionError(err);
    return { problem, serverVersion: null, empty: null, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await db.destroy().catch(() => undefined);
  }
}
