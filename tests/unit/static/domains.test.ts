import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainChannels, domains, type Domain } from '../../../shared/channels';
import { esPE } from '../../../shared/i18n/es-PE';

/**
 * One name per domain in every layer (shared/channels.ts lists them): the folders of shared/,
 * electron/main/ and renderer/src/features/, the top-level keys of the texts, and the channels.
 * A reader who knows "inventory" finds it under that name everywhere.
 */
const root = path.resolve(__dirname, '../../..');
const folders = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** What is not a domain: the machinery every domain uses, each named once here. */
const infrastructure = {
  shared: ['i18n'],
  main: ['db', 'demo', 'export', 'files', 'ipc', 'logs', 'pdf'],
  /** Texts every area shares: the navigation's headings, buttons, errors, the menu, the start-up screen, export dialogs. */
  texts: ['common', 'errors', 'export', 'menu', 'nav', 'startup'],
};
const known = (extra: readonly string[]) => new Set<string>([...domains, ...extra]);

describe('the domains have one name in every layer', () => {
  it('every folder of shared/, electron/main/ and renderer/src/features/ is a domain (or named infrastructure)', () => {
    expect(folders('shared').filter((f) => !known(infrastructure.shared).has(f))).toEqual([]);
    expect(folders('electron/main').filter((f) => !known(infrastructure.main).has(f))).toEqual([]);
    expect(folders('renderer/src/features').filter((f) => !known([]).has(f))).toEqual([]);
  });

  it('every area of the texts is a domain (or the shared vocabulary)', () => {
    expect(Object.keys(esPE).filter((k) => !known(infrastructure.texts).has(k))).toEqual([]);
  });

  it("the texts' files and folders are named for their area (shared/i18n/areas/<area>.ts, its parts in <area>/)", () => {
    const areas = fs.readdirSync(path.join(root, 'shared/i18n/areas')).map((f) => f.replace(/\.ts$/, ''));
    expect(areas.filter((a) => !known(infrastructure.texts).has(a))).toEqual([]);
  });

  it('a domain with channels lists them in shared/<domain>/channels.ts and answers them in electron/main/<domain>/handlers.ts', async () => {
    for (const d of domains.filter((x) => domainChannels[x].length > 0)) {
      const listed = (await import(`../../../shared/${d}/channels.ts`)) as Record<string, readonly string[]>;
      expect(Object.values(listed).flat().sort(), d).toEqual([...domainChannels[d]].sort());
      expect(fs.existsSync(path.join(root, 'electron/main', d, 'handlers.ts')), d).toBe(true);
    }
  });

  it("each domain's handlers answer exactly its channels (a sub-area's file spread in brings no other)", async () => {
    const { byDomain } = await import('../../../electron/main/handlers');
    for (const d of domains) expect(Object.keys(byDomain[d]).sort(), d).toEqual([...domainChannels[d]].sort());
  });

  it('a channel prefix belongs to one domain only', () => {
    const owner = new Map<string, Domain>();
    const shared: string[] = [];
    for (const d of domains)
      for (const c of domainChannels[d]) {
        const prefix = c.split('.')[0]!;
        if (owner.has(prefix) && owner.get(prefix) !== d) shared.push(`${prefix}: ${owner.get(prefix)} y ${d}`);
        owner.set(prefix, d);
      }
    expect(shared).toEqual([]);
  });
});
