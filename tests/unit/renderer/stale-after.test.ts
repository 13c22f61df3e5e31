import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { staleAfter } from '../../../renderer/src/app/domains';

/**
 * What the clerk sees after a save: the pages a write may have changed are refreshed, and
 * only those (renderer/src/app/domains.ts). A stale page after a write is the failure that
 * matters; refreshing everything after every write is the slowness this map removes.
 */
describe('what a write refreshes', () => {
  it('a movement of instruments refreshes the participant’s instruments, the budget and the home page, not the artworks', () => {
    const stale = staleAfter('instruments.move');
    expect(stale).not.toBe('all');
    const set = stale as ReadonlySet<string>;
    for (const c of [
      'instruments.list',
      'instruments.history',
      'participants.instruments',
      'budget.summary',
      'dashboard.summary',
      'audit.list',
    ]) {
      expect(set.has(c), c).toBe(true);
    }
    expect(set.has('artworks.list')).toBe(false);
  });

  it('a change of establishments, users or the database refreshes everything', () => {
    for (const c of [
      'establishments.create',
      'users.update',
      'backups.restore',
      'demo.load',
      'sites.install',
      'sites.enrol',
      'sites.readPackage',
      'sites.writePackage',
    ] as const)
      expect(staleAfter(c), c).toBe('all');
  });

  it('every write refreshes at least its own lists', () => {
    for (const name of channelNames.filter((c) => contract[c].kind !== 'query')) {
      const stale = staleAfter(name);
      if (stale === 'all') continue;
      const own = channelNames.filter((c) => c.split('.')[0] === name.split('.')[0]);
      expect(
        own.filter((c) => !stale.has(c)),
        name,
      ).toEqual([]);
    }
  });
});
