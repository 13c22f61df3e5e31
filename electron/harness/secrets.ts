import crypto from 'node:crypto';
import type { Secrets } from '../main/platform';

/**
 * The stand-in for Electron's safeStorage in the browser harness and the tests: AES-256-GCM
 * with a key that lives only in this process's memory. What it seals is never plain text
 * on disk, and (like safeStorage) cannot be opened by another process.
 */
export function memorySecrets(): Secrets {
  const key = crypto.randomBytes(32);
  return {
    available: async () => true,
    async seal(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    async open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
