import crypto from 'node:crypto';

/**
 * The keys of an installation (the central office or a prison's site), for the data packages
 * they exchange (issue 20): an Ed25519 pair that signs what this installation sends, and an
 * X25519 pair that opens what is sent to it. Public keys travel in the enrolment package;
 * private keys never leave the installation. Kept as base64 DER (SPKI / PKCS #8).
 */
export interface InstallationKeys {
  signPublic: string;
  signPrivate: string;
  boxPublic: string;
  boxPrivate: string;
}

/** What an installation knows of another: who it is and its two public keys. */
export interface PeerKeys {
  /** The installation's id ("central", or the site's id). */
  id: string;
  /** How messages name it ("E.P. Huancayo", "Oficina central"). */
  name: string;
  signPublic: string;
  boxPublic: string;
}

const der = (key: crypto.KeyObject, type: 'spki' | 'pkcs8') => key.export({ type, format: 'der' }).toString('base64');

export function newInstallationKeys(): InstallationKeys {
  const sign = crypto.generateKeyPairSync('ed25519');
  const box = crypto.generateKeyPairSync('x25519');
  return {
    signPublic: der(sign.publicKey, 'spki'),
    signPrivate: der(sign.privateKey, 'pkcs8'),
    boxPublic: der(box.publicKey, 'spki'),
    boxPrivate: der(box.privateKey, 'pkcs8'),
  };
}

export const publicKey = (b64: string) => crypto.createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
export const privateKey = (b64: string) => crypto.createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

/** A short fingerprint of a public key, for a person to compare on both screens ("3F2A-91C0-…"). */
export function fingerprint(b64: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** scrypt's cost for a key derived from a secret a person or a PC holds (a passphrase, the office server's password). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A 256-bit AES key derived with scrypt from `secret` and `salt`. */
export const keyFromSecret = (secret: string, salt: Buffer): Buffer => crypto.scryptSync(Buffer.from(secret, 'utf8'), salt, 32, SCRYPT);
