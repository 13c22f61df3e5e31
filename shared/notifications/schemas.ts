import { z } from 'zod';
import { requiredOr, choice } from '../ipc';

/**
 * The kinds of reminder the notifications centre gathers, each from the domain that owns it:
 * contracts and entry authorisations about to expire, months without their service conformity
 * (contracts), agreements about to expire (programmes), hand-overs past their return date and
 * consumables below their minimum (inventory), the last backup too old or failed (backups).
 */
export const notificationKinds = [
  'contractExpiring',
  'authorisationExpiring',
  'conformityMissing',
  'agreementExpiring',
  'custodyOverdue',
  'consumableLow',
  'backupOverdue',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKind = choice(notificationKinds);

/** The record a reminder opens: a page of the app and, where there is one, the record's id. */
export const NotificationTarget = z.object({
  page: z.enum(['contract', 'teacher', 'partner', 'instrument', 'consumables', 'backups']),
  id: z.number().int().nullable(),
});
export type NotificationTarget = z.infer<typeof NotificationTarget>;

export const NotificationItem = z.object({
  /** Stable while the reminder applies (kind, record and the date it is about): the desktop summary tells each key once. */
  key: z.string(),
  kind: NotificationKind,
  /** The record, as its list names it (a contract's number, a teacher, an instrument's code…). */
  label: z.string(),
  /** What else identifies it (the teacher, the establishment, the partner), or null. */
  detail: z.string().nullable(),
  /** The day it is about (ends, was due, the month yyyy-mm, the last backup), or null. */
  date: z.string().nullable(),
  /** Days left (about to expire) or days late (overdue); null where it does not apply. */
  days: z.number().int().nullable(),
  /** backupOverdue: why (none yet, too old, the last attempt failed). */
  reason: z.enum(['never', 'old', 'failed']).nullable(),
  target: NotificationTarget,
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z.object({
  /** The Lima day the list was made for. */
  today: z.string(),
  /** What the bell shows: every reminder of the kinds the user hears (more than the items listed when a kind has many). */
  count: z.number().int(),
  /** The kinds the user's role may see, in order, with how many of each (muted ones too). */
  kinds: z.array(z.object({ kind: NotificationKind, total: z.number().int(), muted: z.boolean() })),
  /** The reminders of the kinds heard, at most LIST_LIMIT of each. */
  items: z.array(NotificationItem),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** The most reminders of one kind the centre lists (the kind's page shows them all). */
export const LIST_LIMIT = 50;

export const SetMuted = z.object({ kind: NotificationKind, muted: z.boolean({ error: requiredOr('errors.invalid') }) }).strict();
export type SetMuted = z.input<typeof SetMuted>;
