import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { num, type Row } from '../db/rows';
import type { Actor } from '../../../shared/app/schemas';
import { AppError } from '../ipc/errors';
import type { Secrets } from '../platform';
import { keyFromSecret, newInstallationKeys, type InstallationKeys, type PeerKeys } from './keys';
import { insertInstallation, installationRecord } from './repository/installation';

/**
 * This installation's role and identity (issue 20, docs/SITES.md decision 1; the installation table,
 * migration 20261211_0029_site_roles). Without a row an installation is `central` (every database
 * before the sites): the centre's row, with its keys, is written when it enrols its first site.
 *
 * Private keys are kept sealed (`installation.private_keys`), one of two ways (`key_seal`):
 * - `secrets`: the operating system's protected storage of this PC (the platform's `secrets`,
 *   Electron's safeStorage, as the office password is): a SQLite installation, a centre on one PC
 *   or a prison's site. A copy of the file (a backup, a stolen disk) does not open them.
 * - `server`: a centre on the office's PostgreSQL server, where every office PC must be able to
 *   send packages, so one PC's seal will not do: AES-256-GCM under a key derived with scrypt from
 *   the server's connection secret (the password every office PC already keeps sealed). This
 *   protects the keys in a dump or a backup of the server's database read without that password;
 *   it does not protect them from anyone who has the password (an office PC's user, the server's
 *   administrator), who could read the data itself anyway.
 */

export type Role = 'central' | 'sede';

export type KeySeal = { kind: 'secrets'; secrets: Secrets } | { kind: 'server'; secret: string };

export interface Installation {
  role: Role;
  id: string;
  name: string;
  signPublic: string;
  boxPublic: string;
  /** A sede's establishment (local id); null at the centre. */
  establishmentId: number | null;
  /** A sede's centre; null at the centre. */
  centre: PeerKeys | null;
}

const toInstallation = (r: Row): Installation => ({
  role: r.role as Role,
  id: String(r.installation_id),
  name: String(r.name),
  signPublic: String(r.sign_public),
  boxPublic: String(r.box_public),
  establishmentId: num(r.establishment_id),
  centre:
    r.centre_id === null
      ? null
      : {
          id: String(r.centre_id),
          name: String(r.centre_name),
          signPublic: String(r.centre_sign_public),
          boxPublic: String(r.centre_box_public),
        },
});

/** This installation's row, or null (a central office that has not enrolled a site yet). */
export async function readInstallation(db: Knex): Promise<Installation | null> {
  const row = await installationRecord(db);
  return row ? toInstallation(row) : null;
}

/** This installation's role, for the rest of the app: `central` when there is no row. */
export async function installationRole(db: Knex): Promise<Role> {
  return (await readInstallation(db))?.role ?? 'central';
}

/** The establishment a sede's users are limited to (local id); null at the centre (no limit from the role). */
export async function siteScope(db: Knex): Promise<number | null> {
  const found = await readInstallation(db);
  return found?.role === 'sede' ? found.establishmentId : null;
}

/** The private keys, sealed as `seal` says (a string to keep in `installation.private_keys`). */
export async function sealPrivateKeys(keys: Pick<InstallationKeys, 'signPrivate' | 'boxPrivate'>, seal: KeySeal): Promise<string> {
  const plain = JSON.stringify({ signPrivate: keys.signPrivate, boxPrivate: keys.boxPrivate });
  if (seal.kind === 'secrets') return seal.secrets.seal(plain);
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFromSecret(seal.secret, salt), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', salt, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join('.');
}

/** This installation's own keys, the private ones opened with `seal`. */
export async function installationKeys(db: Knex, seal: KeySeal): Promise<InstallationKeys> {
  const row = await installationRecord(db);
  if (!row) throw new AppError('conflict', 'sites.errors.keysUnreadable');
  let plain: string;
  try {
    if (seal.kind === 'secrets') plain = await seal.secrets.open(String(row.private_keys));
    else {
      const [, salt, iv, tag, body] = String(row.private_keys)
        .split('.')
        .map((p) => Buffer.from(p, 'base64'));
      const decipher = crypto.createDecipheriv('aes-256-gcm', keyFromSecret(seal.secret, salt!), iv!);
      decipher.setAuthTag(tag!);
      plain = Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    }
  } catch {
    throw new AppError('conflict', 'sites.errors.keysUnreadable');
  }
  const opened = JSON.parse(plain) as Pick<InstallationKeys, 'signPrivate' | 'boxPrivate'>;
  return { signPublic: String(row.sign_public), boxPublic: String(row.box_public), ...opened };
}

/** The columns of a new installation row (its id, 1, included). */
export async function installationRow(
  fields: { role: Role; id: string; name: string; keys: InstallationKeys; seal: KeySeal; establishmentId?: number; centre?: PeerKeys },
  actor: Actor,
  now: string,
): Promise<Row> {
  return {
    id: 1,
    role: fields.role,
    installation_id: fields.id,
    name: fields.name,
    sign_public: fields.keys.signPublic,
    box_public: fields.keys.boxPublic,
    private_keys: await sealPrivateKeys(fields.keys, fields.seal),
    key_seal: fields.seal.kind,
    establishment_id: fields.establishmentId ?? null,
    centre_id: fields.centre?.id ?? null,
    centre_name: fields.centre?.name ?? null,
    centre_sign_public: fields.centre?.signPublic ?? null,
    centre_box_public: fields.centre?.boxPublic ?? null,
    created_at: now,
    created_by: actor.name,
  };
}

/**
 * The centre's identity with its keys, inside the enrolment's transaction: written the first time
 * (the first site), read afterwards. A sede is refused: only the centre enrols.
 */
export async function centreIdentity(
  trx: Knex.Transaction,
  seal: KeySeal,
  name: string,
  actor: Actor,
  now: string,
): Promise<{ peer: PeerKeys; keys: InstallationKeys }> {
  const found = await readInstallation(trx);
  if (found?.role === 'sede') throw new AppError('conflict', 'sites.errors.notCentral');
  if (!found) {
    const keys = newInstallationKeys();
    const id = crypto.randomUUID();
    await insertInstallation(trx, await installationRow({ role: 'central', id, name, keys, seal }, actor, now));
    return { peer: { id, name, signPublic: keys.signPublic, boxPublic: keys.boxPublic }, keys };
  }
  const keys = await installationKeys(trx, seal);
  return { peer: { id: found.id, name: found.name, signPublic: found.signPublic, boxPublic: found.boxPublic }, keys };
}
