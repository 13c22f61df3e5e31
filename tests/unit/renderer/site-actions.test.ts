import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/auth/schemas';
import { canUse } from '../../../renderer/src/components/canUse';

/**
 * At a prison site (issue 20) the interface offers what the prison records and hides what the
 * central office decides, from the same list main enforces (shared/sites/site-writes.ts): a
 * button the site cannot use is never shown only to be refused.
 */
const user = (atSite: boolean): SessionUser => ({
  id: 1,
  username: 'jefa.lurigancho',
  fullName: 'Jefa de Lurigancho',
  role: 'administrador',
  establishmentIds: [7],
  permissions: ['personalData', 'artists'],
  mustChangePassword: false,
  atSite,
});

describe('what the interface offers at a prison site', () => {
  it('the centre’s decisions are hidden at the site and offered at the centre', () => {
    for (const channel of ['users.create', 'contracts.create', 'budget.recordExpense', 'establishments.update', 'import.run'] as const) {
      expect(canUse(user(false), channel), channel).toBe(true);
      expect(canUse(user(true), channel), channel).toBe(false);
    }
  });

  it('what the prison records, reads and exports stays offered there', () => {
    for (const channel of [
      'attendance.save',
      'participants.create',
      'instruments.move',
      'artworks.create',
      'participants.list',
      'participants.export',
    ] as const)
      expect(canUse(user(true), channel), channel).toBe(true);
  });
});
