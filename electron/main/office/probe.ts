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

/** Node's codes for a certificate that does not chain to a trusted authority (nor to the CA chosen). */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
]);

/** TLS failures by what the administrator must do about them; null: not a TLS failure. */
export function tlsProblem(code: string, message: string): ConnectionProblem | null {
  // pg, after its SSLRequest: the server answered "N" (ssl = off on the server).
  if (/does not support SSL/i.test(message)) return 'tlsUnsupported';
  if (UNTRUSTED.has(code)) return 'tlsUntrusted';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'tlsName';
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'tlsExpired';
  if (/^(ERR_TLS|ERR_SSL|ERR_OSSL)|CERT/.test(code) || /\bSSL\b|\bTLS\b|certificate/i.test(message)) return 'tls';
  return null;
}

/** What went wrong, in the words of the form: the server, the password, the database, TLS. */
export function classifyConnectionError(err: unknown): ConnectionProblem {
  const e = (typeof err === 'object' && err !== null ? err : {}) as NetError;
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '3D000') return 'noDatabase';
  const tls = tlsProblem(code, message);
  if (tls) return tls;
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code))
    return 'unreachable';
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
    if (schema.kind === 'foreign')
      return { problem: 'foreign', serverVersion: version.text, empty: false, detail: schema.tables.slice(0, 5).join(', ') };
    if (schema.kind === 'newer') return { problem: 'newer', serverVersion: version.text, empty: false, detail: '' };
    return { problem: null, serverVersion: version.text, empty: schema.kind === 'empty', detail: '' };
  } catch (err) {
    const problem = classifyConnectionError(err);
    return { problem, serverVersion: null, empty: null, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await db.destroy().catch(() => undefined);
  }
}
