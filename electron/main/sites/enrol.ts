import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { appendAudit, type AuditEntry } from '../audit/audit';
import { isUniqueViolation } from '../db/dialect';
import { AppError } from '../ipc/errors';
import { newPassphrase, sealEnrolment } from './enrolment-file';
import { centreIdentity, type KeySeal } from './installation';
import { fingerprint, newInstallationKeys } from './keys';
import { establishmentOf, readSnapshot, snapshotCounts } from './reference';
import { startCapture } from './repository/capture';
import { lastChangeId } from './repository/changes';
import { insertSite, isEnrolled } from './repository/sites';

/**
 * The centre enrols a site (issue 20, docs/SITES.md decision 1): in one transaction it records the
 * site for an establishment (the site's key pairs are made here and leave only inside the
 * package), starts change capture (from now on every change has somebody to go to), writes one
 * audit entry, and answers the enrolment package — the site's identity and keys, the centre's
 * public keys, the establishment's reference data (sites/reference.ts) — sealed under a one-time
 * passphrase it answers too, to be shown once and read out or typed at the site.
 */

export interface EnrolInput {
  establishmentId: number;
  actor: Actor;
  /** How the centre's own private keys are kept (sites/installation.ts). */
  seal: KeySeal;
  /** The centre's name, the first time (its installation row): «Oficina central». */
  centreName: string;
  now?: string;
}

export interface Enrolment {
  /** The enrolment package's bytes, to save as a file. */
  file: Buffer;
  /** The one-time passphrase: shown once, never kept. */
  passphrase: string;
  siteId: string;
  siteName: string;
  /** The fingerprints to compare on both screens. */
  centreFingerprint: string;
  siteFingerprint: string;
  counts: Record<string, number>;
}

export const ENROL_CHANNEL = 'sites.enrol';

/** The establishment to enrol, or the refusal: unknown, inactive or already a site. */
export async function enrollable(db: Knex, establishmentId: number): Promise<{ name: string; gid: string }> {
  const est = await establishmentOf(db, establishmentId);
  if (!est) throw new AppError('not_found', 'sites.errors.unknownEstablishment');
  if (!est.active) throw new AppError('conflict', 'sites.errors.inactiveEstablishment', { name: est.name });
  if (await isEnrolled(db, establishmentId)) throw new AppError('conflict', 'sites.errors.alreadyEnrolled', { name: est.name });
  return est;
}

/**
 * `audit`: the running write's (ipc/audited-write.ts, the sites.enrol channel), when `db` is its
 * transaction; without it the entry is appended here, attributed to `input.actor`.
 */
export async function enrolSite(db: Knex, input: EnrolInput, audit?: (entry: AuditEntry) => Promise<void>): Promise<Enrolment> {
  const now = input.now ?? new Date().toISOString();
  try {
    return await db.transaction(async (trx) => {
      const est = await enrollable(trx, input.establishmentId);
      const centre = await centreIdentity(trx, input.seal, input.centreName, input.actor, now);
      const keys = newInstallationKeys();
      const siteId = crypto.randomUUID();
      // What the enrolment package shows the site: the centre's changes up to now (its first return package starts after them).
      const enrolledChange = await lastChangeId(trx);
      const site = {
        establishment_id: input.establishmentId,
        installation_id: siteId,
        name: est.name,
        sign_public: keys.signPublic,
        box_public: keys.boxPublic,
        sign_fingerprint: fingerprint(keys.signPublic),
        box_fingerprint: fingerprint(keys.boxPublic),
        enrolled_at: now,
        enrolled_by: input.actor.name,
        enrolled_change_id: enrolledChange,
        acked_change_id: enrolledChange,
      };
      const rowId = await insertSite(trx, site);
      await startCapture(trx);
      const snapshot = await readSnapshot(trx, input.establishmentId);
      const counts = snapshotCounts(snapshot);
      // Never the passphrase: it is shown once and kept nowhere.
      const entry: AuditEntry = {
        entity: 'site',
        entityId: rowId,
        action: 'create',
        after: { establishment: est.name, installationId: siteId, signFingerprint: site.sign_fingerprint, counts },
      };
      await (audit ? audit(entry) : appendAudit(trx, input.actor, ENROL_CHANNEL, now, entry));
      const passphrase = newPassphrase();
      const file = sealEnrolment(
        { site: { id: siteId, name: est.name }, centre: centre.peer, createdAt: now },
        { keys, establishment: est.gid, snapshot },
        passphrase,
        centre.keys.signPrivate,
      );
      return {
        file,
        passphrase,
        siteId,
        siteName: est.name,
        centreFingerprint: fingerprint(centre.peer.signPublic),
        siteFingerprint: site.sign_fingerprint,
        counts,
      };
    });
  } catch (err) {
    // Two clerks enrolling the same establishment at once: the second meets the unique index.
    if (isUniqueViolation(err)) {
      const est = await establishmentOf(db, input.establishmentId);
      throw new AppError('conflict', 'sites.errors.alreadyEnrolled', { name: est?.name ?? '' });
    }
    throw err;
  }
}
