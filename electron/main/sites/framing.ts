import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { privateKey, publicKey } from './keys';

/**
 * The framing the two files of the sites share, the data package (sealed.ts) and the enrolment
 * package (enrolment-file.ts):
 *
 *   magic line · header length (uint32, big-endian) · header (JSON, UTF-8)
 *   · ciphertext · GCM tag (16 bytes) · Ed25519 signature (64 bytes)
 *
 * The payload is gzipped (or, for a data package, laid out by sealed.ts), then encrypted with
 * AES-256-GCM under the key each file derives its own way, the header bytes as additional data;
 * the signature is over the SHA-256 of everything before it (so a large file can later be hashed
 * as a stream).
 */

const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;
const IV_BYTES = 12;

/** A new GCM nonce, base64 (what a header carries). */
export const newIv = () => crypto.randomBytes(IV_BYTES).toString('base64');

const sha256 = (...parts: Buffer[]) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/**
 * Writes a file: `header` (with its `iv`) in clear, `payload` gzipped and encrypted under `key`,
 * signed with `signPrivate`. `gzip: false` encrypts the parts as they are, one after the other (a
 * data package gzips its own JSON and carries photos raw: a JPEG does not compress).
 */
export function writeFrame(
  magic: Buffer,
  header: { iv: string },
  key: Buffer,
  payload: Buffer | readonly Buffer[],
  signPrivate: string,
  opts: { gzip?: boolean } = {},
): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  cipher.setAAD(headerBytes);
  const parts = Buffer.isBuffer(payload) ? [payload] : payload;
  const plain = opts.gzip === false ? parts : [zlib.gzipSync(parts.length === 1 ? parts[0]! : Buffer.concat(parts))];
  const ciphertext = [...plain.map((p) => cipher.update(p)), cipher.final()];
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const body = [magic, length, headerBytes, ...ciphertext, cipher.getAuthTag()];
  return Buffer.concat([...body, crypto.sign(null, sha256(...body), privateKey(signPrivate))]);
}

export interface Frame<H> {
  header: H;
  headerBytes: Buffer;
  signed: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
  signature: Buffer;
}

/**
 * The parts of a file, or null when it is not one of this kind: another magic line, cut short,
 * a header that is not JSON or that `isHeader` refuses.
 */
export function readFrame<H>(file: Buffer, magic: Buffer, isHeader: (h: Partial<H> | null) => boolean): Frame<H> | null {
  if (file.length < magic.length + 4 || !file.subarray(0, magic.length).equals(magic)) return null;
  const length = file.readUInt32BE(magic.length);
  const start = magic.length + 4;
  if (file.length < start + length + TAG_BYTES + SIGNATURE_BYTES) return null;
  const headerBytes = file.subarray(start, start + length);
  let header: Partial<H> | null;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Partial<H> | null;
  } catch {
    return null;
  }
  if (!isHeader(header)) return null;
  const signatureAt = file.length - SIGNATURE_BYTES;
  return {
    header: header as H,
    headerBytes,
    signed: file.subarray(0, signatureAt),
    ciphertext: file.subarray(start + length, signatureAt - TAG_BYTES),
    tag: file.subarray(signatureAt - TAG_BYTES, signatureAt),
    signature: file.subarray(signatureAt),
  };
}

/** Whether `signPublic` signed the frame; false too when the key is none. */
export function signedBy(frame: Frame<unknown>, signPublic: string): boolean {
  try {
    return crypto.verify(null, sha256(frame.signed), publicKey(signPublic), frame.signature);
  } catch {
    return false;
  }
}

/**
 * The frame's payload, decrypted under `key` and unzipped (`gunzip: false`: as it was written);
 * throws when the key is wrong or a byte changed.
 */
export function openFrame(frame: Frame<{ iv: string }>, key: Buffer, opts: { gunzip?: boolean } = {}): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(frame.header.iv, 'base64'));
  decipher.setAAD(frame.headerBytes);
  decipher.setAuthTag(frame.tag);
  const body = decipher.update(frame.ciphertext);
  const last = decipher.final(); // empty for GCM: no copy of a package's tens of megabytes
  const plain = last.length ? Buffer.concat([body, last]) : body;
  return opts.gunzip === false ? plain : zlib.gunzipSync(plain);
}
