import crypto from 'node:crypto';
import { AppError, fieldError } from '../ipc/errors';
import { newIv, openFrame, readFrame, signedBy, writeFrame } from './framing';
import { keyFromSecret, type InstallationKeys, type PeerKeys } from './keys';

/**
 * The enrolment package as a file (issue 20, docs/SITES.md decision 1): what the centre saves for
 * a new site and the prison's PC installs from.
 *
 *   "ARTEINPE-ALTA/1\n" · header length (uint32, big-endian) · header (JSON, UTF-8)
 *   · ciphertext · GCM tag (16 bytes) · Ed25519 signature (64 bytes)
 *
 * The header, readable without the passphrase, names the site, its establishment and the centre
 * (with the centre's public keys, whose fingerprints both screens show). The payload — the site's
 * key pairs, private ones included, and the establishment's reference data, participants' names
 * and users' password hashes among them — is gzipped and encrypted with AES-256-GCM under a key
 * derived with scrypt from a one-time passphrase the clerk reads out or types at the site (never
 * in the file), the header as additional data. The centre signs the SHA-256 of everything before
 * the signature: a damaged or changed file is named as such before the passphrase is tried, so a
 * failed decryption means a wrong passphrase. The signing key is the one the header names, so the
 * signature alone does not prove the sender: the fingerprint compared on both screens does, and
 * without the passphrase nobody can read the file or make one the site would open.
 */

const MAGIC = Buffer.from('ARTEINPE-ALTA/1\n', 'utf8');
/** Easy to read out and type: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export interface EnrolmentHeader {
  format: 1;
  site: { id: string; name: string };
  centre: PeerKeys;
  createdAt: string;
  salt: string;
  iv: string;
}

export interface EnrolmentPayload {
  /** The site's own key pairs. */
  keys: InstallationKeys;
  /** The establishment's gid. */
  establishment: string;
  /** Reference data: rows by table, in the order they are inserted, keyed by gid, foreign keys as gids. */
  snapshot: Record<string, Array<Record<string, unknown>>>;
}

/** A new one-time passphrase: 6 groups of 4 easy characters (about 111 bits). */
export function newPassphrase(): string {
  const chars = Array.from({ length: 24 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}

/** The passphrase as typed, without spaces, dashes or case. */
const normalised = (passphrase: string) => passphrase.toUpperCase().replace(/[^A-Z0-9]/g, '');

const keyOf = (passphrase: string, salt: Buffer) => keyFromSecret(normalised(passphrase), salt);

export function sealEnrolment(
  address: Pick<EnrolmentHeader, 'site' | 'centre' | 'createdAt'>,
  payload: EnrolmentPayload,
  passphrase: string,
  centreSignPrivate: string,
): Buffer {
  const salt = crypto.randomBytes(16);
  const header: EnrolmentHeader = { format: 1, ...address, salt: salt.toString('base64'), iv: newIv() };
  return writeFrame(MAGIC, header, keyOf(passphrase, salt), Buffer.from(JSON.stringify(payload), 'utf8'), centreSignPrivate);
}

const notAnEnrolment = () => new AppError('conflict', 'sites.errors.notAnEnrolment');

const isHeader = (h: Partial<EnrolmentHeader> | null) =>
  h?.format === 1 && [h.site?.id, h.site?.name, h.centre?.id, h.centre?.signPublic, h.salt, h.iv].every((s) => typeof s === 'string');

function split(file: Buffer) {
  const frame = readFrame<EnrolmentHeader>(file, MAGIC, isHeader);
  if (!frame) throw notAnEnrolment();
  return frame;
}

/** The header of an enrolment file, without the passphrase (what the screen shows before asking for it). */
export const readEnrolmentHeader = (file: Buffer): EnrolmentHeader => split(file).header;

/**
 * Opens an enrolment file: refused when it is none, when any byte changed (signature), and when
 * the passphrase is wrong (decryption), each with its Spanish message.
 */
export function openEnrolment(file: Buffer, passphrase: string): { header: EnrolmentHeader; payload: EnrolmentPayload } {
  const frame = split(file);
  const { header } = frame;
  if (!signedBy(frame, header.centre.signPublic)) throw new AppError('conflict', 'sites.errors.enrolmentAltered');
  let plain: Buffer;
  try {
    plain = openFrame(frame, keyOf(passphrase, Buffer.from(header.salt, 'base64')));
  } catch {
    throw fieldError('passphrase', 'sites.errors.wrongPassphrase');
  }
  return { header, payload: JSON.parse(plain.toString('utf8')) as EnrolmentPayload };
}
