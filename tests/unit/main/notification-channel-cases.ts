import { expect } from 'vitest';
import type { notificationChannels } from '../../../shared/notifications/channels';
import type { NotificationList } from '../../../shared/notifications/schemas';
import type { Case, Ctx } from '../../helpers/channel-cases';
import { onPostgres } from '../../helpers/pg';

/**
 * The notifications centre's channels (issue 16) for channels.test.ts: one valid call each (with
 * what it must answer) and invalid payloads the schema must refuse in Spanish.
 */

type Name = (typeof notificationChannels)[number];

export function notificationCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  return {
    valid: {
      // A fresh database: only this PC's backup is missing (the administrator sees every kind; office mode has no PC backup).
      'notifications.list': {
        input: () => ({}),
        check: (d) => {
          const list = d as NotificationList;
          if (onPostgres()) return expect(list).toMatchObject({ count: 0, items: [], kinds: expect.any(Array) });
          expect(list.kinds).toHaveLength(7);
          expect(list.items).toMatchObject([{ kind: 'backupOverdue', reason: 'never', target: { page: 'backups', id: null } }]);
          expect(list.count).toBe(1);
        },
      },
      'notifications.setMuted': {
        input: () => ({ kind: 'consumableLow', muted: true }),
        check: async (d) => {
          expect((d as NotificationList).kinds.find((k) => k.kind === 'consumableLow')).toEqual({
            kind: 'consumableLow',
            total: 0,
            muted: true,
          });
          expect((await app().ok('notifications.list', {})).kinds.find((k) => k.kind === 'consumableLow')?.muted).toBe(true);
        },
      },
    },
    invalid: {
      'notifications.list': [{ all: true }, 'todo'],
      'notifications.setMuted': [
        {},
        { kind: 'backupOverdue' },
        { kind: 'recordatorios', muted: true },
        { kind: 'backupOverdue', muted: 'sí' },
        { kind: 'backupOverdue', muted: true, userId: 2 },
      ],
    },
  };
}
