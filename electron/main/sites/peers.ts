import type { Knex } from 'knex';
import { num, type Row } from '../db/rows';
import { AppError } from '../ipc/errors';
import type { Installation } from './installation';
import { readInstallation } from './installation';
import type { PeerKeys } from './keys';
import { installationRecord } from './repository/installation';
import { siteByInstallationId } from './repository/sites';

/**
 * The other end of a package exchange (issue 20, decisions 6–7) and its counters: a site's centre
 * (this installation's row) or, at the centre, one enrolled site (its row in the sites table).
 */
export interface Peer {
  keys: PeerKeys;
  /** At the centre, the site's row id; null at a site (its peer is the centre). */
  siteRowId: number | null;
  /** At the centre, the site's establishment (local id); null at a site. */
  establishmentId: number | null;
  /** The last package number this installation sent to the peer, and read from it. */
  lastSent: number;
  lastReceived: number;
  /** The last change of this installation the peer has applied. */
  acked: number;
  /** The last change of the peer this installation has applied. */
  applied: number;
  /** Changes of this installation up to this id were already in the enrolment (centre; 0 at a site). */
  floor: number;
}

const counters = (r: Row) => ({
  lastSent: Number(r.last_sent_seq),
  lastReceived: Number(r.last_received_seq),
  acked: Number(r.acked_change_id),
  applied: Number(r.applied_change_id),
});

/** The peer of that installation id, or null when this installation does not know it. */
export async function findPeer(db: Knex, me: Installation, peerId: string): Promise<Peer | null> {
  if (me.role === 'sede') {
    if (!me.centre || me.centre.id !== peerId) return null;
    const r = (await installationRecord(db))!;
    return { keys: me.centre, siteRowId: null, establishmentId: null, floor: 0, ...counters(r) };
  }
  const r = await siteByInstallationId(db, peerId);
  if (!r) return null;
  return {
    keys: { id: String(r.installation_id), name: String(r.name), signPublic: String(r.sign_public), boxPublic: String(r.box_public) },
    siteRowId: Number(r.id),
    establishmentId: num(r.establishment_id),
    floor: Number(r.enrolled_change_id),
    ...counters(r),
  };
}

/** This installation (a site or a centre that has enrolled a site); refused otherwise. */
export async function thisInstallation(db: Knex): Promise<Installation> {
  const me = await readInstallation(db);
  if (!me) throw new AppError('conflict', 'sites.exchange.noSites');
  return me;
}
