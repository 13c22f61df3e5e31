import crypto from 'node:crypto';
import { newIv, openFrame, readFrame, signedBy, writeFrame } from './framing';
import { privateKey, publicKey, type InstallationKeys, type PeerKeys } from './keys';

/**
 * A data package as a file (issue 20, item 3): signed by its sender (Ed25519) and encrypted
 * for its receiver (X25519 + HKDF-SHA-256 + AES-256-GCM), with node:crypto only.
 *
 *   "ARTEINPE-PAQUETE/1\n" · header length (uint32, big-endian) · header (JSON, UTF-8)
 *   · ciphertext · GCM tag (16 bytes) · Ed25519 signature (64 bytes)
 *
 * The header is readable without keys (who sent it, to whom, its number, what the sender has
 * received), so a wrong package is named before anything is opened; it is bound to the
 * ciphertext as GCM's additional data and covered by the signature. The signature is over the
 * SHA-256 of everything before it, so a large package can later be hashed as a stream. The
 * payload is gzipped before it is encrypted. A package that fails any check opens to nothing.
 */

const MAGIC = Buffer.from('ARTEINPE-PAQUETE/1\n', 'utf8');

export interface PackageHeader {
  format: 1;
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
export type PackageRefusal = 'not-a-package' | 'other-receiver' | 'unknown-sender' | 'altered';

export class PackageError extends Error {
  constructor(
    readonly reason: PackageRefusal,
    readonly header: PackageHeader | null,
  ) {
    super(reason);
  }
}

function keyFor(shared: Buffer, header: Pick<PackageHeader, 'from' | 'to' | 'epk'>): Buffer {
  const info = Buffer.from(`ArteINPE paquete 1 ${header.from} > ${header.to}`, 'utf8');
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(header.epk, 'base64'), info, 32));
}

/** Seals `payload` from `sender` for `receiver`. */
export function sealPackage(
  address: PackageAddress,
  payload: Buffer,
  sender: Pick<InstallationKeys, 'signPrivate'>,
  receiver: Pick<PeerKeys, 'boxPublic'>,
): Buffer {
  const eph = crypto.generateKeyPairSync('x25519');
  const header: PackageHeader = {
    format: 1,
    ...address,
    epk: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    iv: newIv(),
  };
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: publicKey(receiver.boxPublic) });
  return writeFrame(MAGIC, header, keyFor(shared, header), payload, sender.signPrivate);
}

/** The header of a package file, without keys; PackageError('not-a-package') when it is none. */
export function readPackageHeader(file: Buffer): PackageHeader {
  return split(file).header;
}

const isHeader = (h: Partial<PackageHeader> | null) =>
  h?.format === 1 &&
  [h.from, h.to, h.epk, h.iv, h.createdAt].every((f) => typeof f === 'string') &&
  Number.isSafeInteger(h.seq) &&
  Number.isSafeInteger(h.acks);

function split(file: Buffer) {
  const frame = readFrame<PackageHeader>(file, MAGIC, isHeader);
  if (!frame) throw new PackageError('not-a-package', null);
  return frame;
}

/**
 * Opens a package sent to `me`: the receiver first (a package for another installation is
 * refused unopened), then the sender among those known, its signature, and the decryption.
 */
export function openPackage(
  file: Buffer,
  me: { id: string } & Pick<InstallationKeys, 'boxPrivate'>,
  senderOf: (id: string) => PeerKeys | null,
): { header: PackageHeader; payload: Buffer } {
  const parts = split(file);
  const { header } = parts;
  if (header.to !== me.id) throw new PackageError('other-receiver', header);
  const sender = senderOf(header.from);
  if (!sender) throw new PackageError('unknown-sender', header);
  if (!signedBy(parts, sender.signPublic)) throw new PackageError('altered', header);
  try {
    const shared = crypto.diffieHellman({ privateKey: privateKey(me.boxPrivate), publicKey: publicKey(header.epk) });
    return { header, payload: openFrame(parts, keyFor(shared, header)) };
  } catch {
    throw new PackageError('altered', header);
  }
}
