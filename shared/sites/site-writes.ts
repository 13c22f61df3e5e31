import type { ChannelName } from '../channels';
import type { ChannelKind } from '../ipc';
import type { MovementKind } from '../inventory/rules';

/**
 * What a prison site's clerks record themselves (issue 20 item 2, docs/SITES.md decision 1):
 * sessions and attendance, enrolments, new participants and their custody changes, the
 * instruments' hand-overs, returns, receipts, repairs and condition changes, stocktakes,
 * consumable deliveries, artworks with their photos, consents, custody and condition reports,
 * events with their audiences — every one of them a row that travels to the centre
 * (sites/travelling.ts). Every other write is the central office's decision (contracts, budget,
 * users, establishments, transfers between prisons, write-offs…) and is read-only at a site; so is
 * anything whose rows do not travel, which would never reach the centre. Reads and the actions
 * that only read (exports, reports, printed actas) stay open. Main refuses the rest
 * (sites/limits.ts); the renderer may read the same list to hide what a site cannot do.
 */
export const SITE_WRITES: ReadonlySet<ChannelName> = new Set<ChannelName>([
  // This PC's own settings and the user's own account.
  'app.setLocale',
  'auth.changePassword',
  'notifications.setMuted',
  'lists.saveView',
  'lists.removeView',
  // Instruments at the prison (movements checked by kind below).
  'instruments.update',
  'instruments.move',
  'instruments.addPhoto',
  'instruments.setPrimaryPhoto',
  'instruments.removePhoto',
  'stocktakes.open',
  'stocktakes.count',
  'stocktakes.uncount',
  'stocktakes.close',
  'consumables.move',
  // Workshops' sessions, attendance, participants.
  'sessions.create',
  'sessions.update',
  'attendance.save',
  'participants.create',
  'participants.update',
  'participants.custodyChange',
  'enrolments.create',
  'enrolments.setStage',
  // Events with their audiences.
  'events.create',
  'events.update',
  'events.addPhoto',
  'events.removePhoto',
  // InternArte: the works made there.
  'artworks.create',
  'artworks.update',
  'artworks.addPhoto',
  'artworks.setPrimaryPhoto',
  'artworks.removePhoto',
  'artworks.recordConsent',
  'artworks.revokeConsent',
  'artworks.addConditionReport',
  'artworks.moveCustody',
]);

/**
 * Actions (no transaction of their own) that still change data or this installation's
 * connection, and so are the centre's: an import, and the copy of a PC's data to the office's
 * server. Every other action reads (exports, reports, actas, labels) or is this PC's own
 * (backups, jobs).
 */
const CENTRE_ACTIONS: ReadonlySet<ChannelName> = new Set<ChannelName>(['import.run', 'office.copyToServer']);

/**
 * Instrument movements only the centre decides: an assignment from the central store, a dispatch
 * to another prison, a write-off. The site records the receipt of what was dispatched to it.
 */
export const CENTRE_MOVEMENTS: ReadonlySet<MovementKind> = new Set<MovementKind>(['asignacion', 'despacho', 'baja']);

/** The first run's writes, which refuse any database with data themselves, in their own words. */
const FIRST_RUN: ReadonlySet<ChannelName> = new Set<ChannelName>(['auth.setupAdmin', 'sites.install']);

/** Whether `channel` called with `input` (already parsed) is the centre's decision, refused at a site. */
export function centreOnlyAtSite(channel: ChannelName, kind: ChannelKind, input: unknown): boolean {
  if (kind === 'query') return false;
  if (kind === 'action') return CENTRE_ACTIONS.has(channel);
  if (!SITE_WRITES.has(channel)) return !FIRST_RUN.has(channel);
  if (channel === 'instruments.move') {
    const movement = (input as { movement?: { kind?: MovementKind } }).movement;
    return movement?.kind !== undefined && CENTRE_MOVEMENTS.has(movement.kind);
  }
  return false;
}
