import type { Knex } from 'knex';
import type { EnrolledSite, SiteStatus } from '../../../../shared/sites/schemas';
import type { Row } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import { openConflictCounts } from '../conflicts';
import { readInstallation } from '../installation';
import { fingerprint } from '../keys';
import { establishmentOf } from '../reference';

/**
 * The sites' repository: the only code that names the exchange's own tables (this installation's
 * row, the enrolled sites, the change log and its capture switch, the versions seen, conflicts and
 * refusals). The whole-database files (travelling.ts, rows.ts, reference.ts…) name the travelling
 * tables themselves.
 */
export * from './installation';
export * from './sites';
export * from './capture';
export * from './changes';
export * from './seen';
export * from './conflicts';
export * from './refusals';

/** What the sites' channels read (issue 20): this installation's role and, at the centre, its enrolled sites. */

export async function siteStatus(db: Knex): Promise<SiteStatus> {
  const found = await readInstallation(db);
  if (!found) return { role: 'central', name: null, fingerprint: null, establishment: null, centre: null };
  const est = found.establishmentId === null ? null : await establishmentOf(db, found.establishmentId);
  return {
    role: found.role,
    name: found.name,
    fingerprint: fingerprint(found.signPublic),
    establishment: est && found.establishmentId !== null ? { id: found.establishmentId, name: est.name } : null,
    centre: found.centre ? { name: found.centre.name, fingerprint: fingerprint(found.centre.signPublic) } : null,
  };
}

export async function listSites(db: Knex): Promise<EnrolledSite[]> {
  const rows = (await joinEstablishment(db('sites as s'), 'e', 's.establishment_id')
    .orderBy('e.name')
    .select('s.*', 'e.name as establishment_name')) as Row[];
  const conflicts = await openConflictCounts(db);
  return rows.map((r) => ({
    id: Number(r.id),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    name: String(r.name),
    installationId: String(r.installation_id),
    signFingerprint: String(r.sign_fingerprint),
    boxFingerprint: String(r.box_fingerprint),
    enrolledAt: String(r.enrolled_at),
    enrolledBy: String(r.enrolled_by),
    lastSentSeq: Number(r.last_sent_seq),
    lastReceivedSeq: Number(r.last_received_seq),
    ackedChangeId: Number(r.acked_change_id),
    openConflicts: conflicts.get(Number(r.id)) ?? 0,
  }));
}
