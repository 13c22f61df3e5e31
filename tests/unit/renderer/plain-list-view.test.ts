import { describe, expect, it, vi } from 'vitest';
import {
  choiceFilter,
  flagFilter,
  numberFilter,
  optionFilter,
  plainListView,
  textFilter,
} from '../../../renderer/src/components/plainListView';

/**
 * The saved views of the lists that keep their filters in their own state
 * (renderer/src/components/plainListView.ts): what a view keeps, and an old view applied
 * again never breaks the page: unknown keys are ignored, values of the wrong kind give the default.
 */
describe('a saved view of a list with its own filters', () => {
  const setters = () => ({ search: vi.fn(), role: vi.fn(), status: vi.fn(), low: vi.fn(), year: vi.fn(), code: vi.fn() });
  const view = (s: ReturnType<typeof setters>) =>
    plainListView(
      'users.list',
      {
        role: choiceFilter<string>('inventario', s.role, ['inventario', 'contratos']),
        status: optionFilter<'active' | 'inactive' | 'all'>('active', s.status, ['active', 'inactive', 'all'], 'all'),
        low: flagFilter(true, s.low),
        year: numberFilter(2026, s.year, 2026),
        code: textFilter('vio', s.code),
      },
      { search: { value: 'sal', set: s.search } },
    );

  it('keeps the search, each filter by its key, and a fixed order when the list has none', () => {
    expect(view(setters()).current()).toEqual({
      search: 'sal',
      filters: { role: 'inventario', status: 'active', low: true, year: 2026, code: 'vio' },
      sort: { column: 'default', direction: 'asc' },
    });
  });

  it('sets every filter back from the view', () => {
    const s = setters();
    view(s).restore({
      search: 'qui',
      filters: { role: 'contratos', status: 'inactive', low: false, year: 2025, code: 'gui' },
      sort: { column: 'default', direction: 'asc' },
    });
    expect(s.search).toHaveBeenCalledWith('qui');
    expect(s.role).toHaveBeenCalledWith('contratos');
    expect(s.status).toHaveBeenCalledWith('inactive');
    expect(s.low).toHaveBeenCalledWith(false);
    expect(s.year).toHaveBeenCalledWith(2025);
    expect(s.code).toHaveBeenCalledWith('gui');
  });

  it('an old view: unknown keys ignored, missing or wrong values give each filter its default', () => {
    const s = setters();
    view(s).restore({
      search: '',
      filters: { role: 'bibliotecario', status: 3, low: 'yes', year: 'dos mil', gone: 'x' },
      sort: { column: 'name', direction: 'desc' },
    });
    expect(s.role).toHaveBeenCalledWith(null);
    expect(s.status).toHaveBeenCalledWith('all');
    expect(s.low).toHaveBeenCalledWith(false);
    expect(s.year).toHaveBeenCalledWith(2026);
    expect(s.code).toHaveBeenCalledWith('');
  });

  it('the order comes back only if the list has that column', () => {
    const set = vi.fn();
    const sorted = (column: string) =>
      plainListView(
        'exhibitions.list',
        {},
        { sort: { column: 'startsOn', direction: 'desc', columns: ['title', 'startsOn'], set } },
      ).restore({
        search: '',
        filters: {},
        sort: { column, direction: 'asc' },
      });
    sorted('title');
    sorted('venue');
    expect(set.mock.calls).toEqual([['title', 'asc']]);
  });
});
