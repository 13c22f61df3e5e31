import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { appendAudit, type AuditEntry } from '../audit/audit';
import { AppError } from '../ipc/errors';
import type { Secrets } from '../platform';
import { withoutCapture } from './capture';
import { openEnrolment } from './enrolment-file';
import { installationRow } from './installation';
import { fingerprint } from './keys';
import { insertSnapshot, isFresh, snapshotCounts } from './reference';
import { startCapture } from './repository/capture';
import { insertInstallation } from './repository/installation';

/**
 * «Instalar como sede» (issue 20, docs/SITES.md decision 1): on a new database only, in one
 * transaction, the enrolment package is checked and opened with its passphrase, the
 * establishment's reference data inserted (capture paused: it is the centre's data, not a change
 * to send back) with every gid kept and every foreign key mapped to its local id, this
 * installation recorded as the site (its private keys sealed with the operating system's
 * protected storage), capture started, and one audit entry written. Any refusal changes nothing.
 */

export const INSTALL_CHANNEL = 'sites.install';

/** Who installs: nobody is signed in yet on a new installation. */
export const INSTALLER: Actor = { id: 'instalacion-sede', name: 'Instalación de la sede' };

export interface Installed {
  siteId: string;
  siteName: string;
  establishmentId: number;
  centreName: string;
  centreFingerprint: string;
  counts: Record<string, number>;
}

export async function installSite(
  db: Knex,
  file: Buffer,
  passphrase: string,
  secrets: Secrets | undefined,
  actor: Actor = INSTALLER,
  now = new Date().toISOString(),
  /** The running write's (the sites.install channel), when `db` is its transaction; else the entry is appended here for `actor`. */
  audit?: (entry: AuditEntry) => Promise<void>,
): Promise<Installed> {
  if (!secrets || !(await secrets.available())) throw new AppError('conflict', 'sites.errors.noSecrets');
  if (!(await isFresh(db))) throw new AppError('conflict', 'sites.errors.notFresh');
  const { header, payload } = openEnrolment(file, passphrase);
  return db.transaction(async (trx) => {
    if (!(await isFresh(trx))) throw new AppError('conflict', 'sites.errors.notFresh');
    const idOf = await withoutCapture(trx, () => insertSnapshot(trx, payload.snapshot, actor, now));
    const establishmentId = idOf.establishments!.get(payload.establishment)!;
    await insertInstallation(
      trx,
      await installationRow(
        {
          role: 'sede',
          id: header.site.id,
          name: header.site.name,
          keys: payload.keys,
          seal: { kind: 'secrets', secrets },
          establishmentId,
          centre: header.centre,
        },
        actor,
        now,
      ),
    );
    await startCapture(trx);
    const counts = snapshotCounts(payload.snapshot);
    const entry: AuditEntry = {
      entity: 'site',
      entityId: header.site.id,
      action: 'create',
      after: { site: header.site.name, centre: header.centre.name, centreFingerprint: fingerprint(header.centre.signPublic), counts },
    };
    await (audit ? audit(entry) : appendAudit(trx, actor, INSTALL_CHANNEL, now, entry));
    return {
      siteId: header.site.id,
      siteName: header.site.name,
      establishmentId,
      centreName: header.centre.name,
      centreFingerprint: fingerprint(header.centre.signPublic),
      counts,
    };
  });
}
