import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { newIv, openFrame, readFrame, signedBy, writeFrame } from './framing';
import { privateKey, publicKey, type InstallationKeys, type PeerKeys } from './keys';

/**
 * A data package as a file (issue 20, item 3): signed by its sender (Ed25519) and encrypted
 * for its receiver (X25519 + HKDF-SHA-256 + AES-256-GCM), with node:crypto only.
 *
 *   "ARTEINPE-PAQUETE/2\n" · header length (uint32, big-endian) · header (JSON, UTF-8)
 *   · ciphertext · GCM tag (16 bytes) · Ed25519 signature (64 bytes)
 *
 * The header is readable without keys (who sent it, to whom, its number, what the sender has
 * received), so a wrong package is named before anything is opened; it is bound to the
 * ciphertext as GCM's additional data and covered by the signature. The signature is over the
 * SHA-256 of everything before it, so a large package can later be hashed as a stream. A package
 * that fails any check opens to nothing.
 *
 * What is encrypted (format 2): the payload (JSON) gzipped, then the segments — an attachment's
 * bytes and thumbnail, carried raw (a JPEG or a PDF does not compress; as base64 inside the gzipped
 * JSON of format 1 they cost a third more to carry and most of the time to write and read):
 *
 *   gzipped payload length (uint32) · gzipped payload · segment count (uint32)
 *   · each segment's length (uint32) · the segments, one after the other
 *
 * A package of format 1 (ArteINPE before the segments) is refused with its own message: its
 * sender's next package carries again everything it carried (decision 6).
 */

const FAMILY = 'ARTEINPE-PAQUETE/';
const FORMAT = 2;
const MAGIC = Buffer.from(`${FAMILY}${FORMAT}\n`, 'utf8');

export interface PackageHeader {
  format: typeof FORMAT;
  /** The sender's installation id. */
  from: string;
  /** The receiver's installation id. */
  to: string;
  /** This package's number among those the sender sent to this receiver (1, 2, 3…). */
  seq: number;
  /** The highest package number the sender had read from the receiver when it wrote this one. */
  acks: number;
  /** When it was written (UTC ISO). */
  createdAt: string;
  /** The sender's one-off X25519 public key (base64 DER) and the GCM nonce (base64). */
  epk: string;
  iv: string;
}

export type PackageAddress = Pick<PackageHeader, 'from' | 'to' | 'seq' | 'acks' | 'createdAt'>;

/** Why a file cannot be opened: each has its Spanish message in the sites texts. */
export type PackageRefusal = 'not-a-package' | 'older-format' | 'newer-format' | 'other-receiver' | 'unknown-sender' | 'altered';

export class PackageError extends Error {
  constructor(
    readonly reason: PackageRefusal,
    readonly header: PackageHeader | null,
  ) {
    super(reason);
  }
}

function keyFor(shared: Buffer, header: Pick<PackageHeader, 'from' | 'to' | 'epk'>): Buffer {
  const info = Buffer.from(`ArteINPE paquete ${FORMAT} ${header.from} > ${header.to}`, 'utf8');
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(header.epk, 'base64'), info, 32));
}

const uint32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** Seals `payload` (gzipped) and `segments` (raw: attachments' bytes) from `sender` for `receiver`. */
export function sealPackage(
  address: PackageAddress,
  payload: Buffer,
  sender: Pick<InstallationKeys, 'signPrivate'>,
  receiver: Pick<PeerKeys, 'boxPublic'>,
  segments: readonly Buffer[] = [],
): Buffer {
  const eph = crypto.generateKeyPairSync('x25519');
  const header: PackageHeader = {
    format: FORMAT,
    ...address,
    epk: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    iv: newIv(),
  };
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: publicKey(receiver.boxPublic) });
  const zipped = zlib.gzipSync(payload);
  const index = Buffer.alloc(4 * (segments.length + 1));
  index.writeUInt32BE(segments.length);
  segments.forEach((s, i) => index.writeUInt32BE(s.length, 4 * (i + 1)));
  return writeFrame(MAGIC, header, keyFor(shared, header), [uint32(zipped.length), zipped, index, ...segments], sender.signPrivate, {
    gzip: false,
  });
}

/** The payload and the segments of a decrypted package; throws when the layout does not hold (the sender's fault: altered). */
function unpack(plain: Buffer): { payload: Buffer; segments: Buffer[] } {
  let at = 0;
  const take = (n: number) => {
    if (at + n > plain.length) throw new RangeError('package cut short');
    const part = plain.subarray(at, at + n);
    at += n;
    return part;
  };
  const payload = zlib.gunzipSync(take(take(4).readUInt32BE()));
  const count = take(4).readUInt32BE();
  const lengths = take(4 * count);
  const segments: Buffer[] = [];
  for (let i = 0; i < count; i++) segments.push(take(lengths.readUInt32BE(4 * i)));
  if (at !== plain.length) throw new RangeError('package too long');
  return { payload, segments };
}

/** The header of a package file, without keys; PackageError('not-a-package') when it is none. */
export function readPackageHeader(file: Buffer): PackageHeader {
  return split(file).header;
}

const isHeader = (h: Partial<PackageHeader> | null) =>
  h?.format === FORMAT &&
  [h.from, h.to, h.epk, h.iv, h.createdAt].every((f) => typeof f === 'string') &&
  Number.isSafeInteger(h.seq) &&
  Number.isSafeInteger(h.acks);

/** A package of another format: its version, from its first line ("ARTEINPE-PAQUETE/1"), or null when it is none. */
function otherFormat(file: Buffer): number | null {
  const line = file.subarray(0, 40).toString('latin1');
  const m = new RegExp(`^${FAMILY}(\\d{1,6})\\n`).exec(line);
  return m && Number(m[1]) !== FORMAT ? Number(m[1]) : null;
}

function split(file: Buffer) {
  const frame = readFrame<PackageHeader>(file, MAGIC, isHeader);
  if (frame) return frame;
  const other = otherFormat(file);
  if (other !== null) throw new PackageError(other < FORMAT ? 'older-format' : 'newer-format', null);
  throw new PackageError('not-a-package', null);
}

/**
 * Opens a package sent to `me`: the receiver first (a package for another installation is
 * refused unopened), then the sender among those known, its signature, and the decryption.
 */
export function openPackage(
  file: Buffer,
  me: { id: string } & Pick<InstallationKeys, 'boxPrivate'>,
  senderOf: (id: string) => PeerKeys | null,
): { header: PackageHeader; payload: Buffer; segments: Buffer[] } {
  const parts = split(file);
  const { header } = parts;
  if (header.to !== me.id) throw new PackageError('other-receiver', header);
  const sender = senderOf(header.from);
  if (!sender) throw new PackageError('unknown-sender', header);
  if (!signedBy(parts, sender.signPublic)) throw new PackageError('altered', header);
  try {
    const shared = crypto.diffieHellman({ privateKey: privateKey(me.boxPrivate), publicKey: publicKey(header.epk) });
    return { header, ...unpack(openFrame(parts, keyFor(shared, header), { gunzip: false })) };
  } catch {
    throw new PackageError('altered', header);
  }
}
