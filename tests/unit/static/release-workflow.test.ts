import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../e2e/playwright.config';

/**
 * The release workflow (.github/workflows/release.yml, issue 19 item 2) runs only on a hosted
 * CI where Electron downloads: here its YAML is read and held to what it must do, against
 * package.json's scripts, electron-builder.yml and the Node that Electron bundles.
 */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  steps: Step[];
}
const workflow = parse(read('.github/workflows/release.yml')) as { env?: Record<string, string>; jobs: Record<string, Job> };
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const builder = parse(read('electron-builder.yml')) as {
  productName: string;
  directories: { output: string };
  win: { artifactName: string };
  linux: { artifactName: string; executableName: string };
};
const electronNode = (JSON.parse(read('build/electron-node.json')) as { electronNode: Record<string, number> }).electronNode;
const electronMajor = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version.split('.')[0]!;

const platforms = [
  {
    job: 'windows',
    runsOn: 'windows-latest',
    display: '',
    dist: 'dist:win',
    builds: 'electron-builder --win',
    packaged: `${builder.directories.output}/win-unpacked/${builder.productName}.exe`,
    artifact: `${builder.directories.output}/${builder.win.artifactName.replace('${version}', '*').replace('${ext}', 'exe')}`,
  },
  {
    job: 'linux',
    runsOn: 'ubuntu-latest',
    display: 'xvfb-run -a ',
    dist: 'dist:linux',
    builds: 'electron-builder --linux',
    packaged: `${builder.directories.output}/linux-unpacked/${builder.linux.executableName}`,
    artifact: `${builder.directories.output}/${builder.linux.artifactName.replace('${version}', '*').replace('${ext}', 'AppImage')}`,
  },
];

describe('the release workflow', () => {
  it('requires tier 3 to run: a missing Electron fails the job instead of skipping', () => {
    expect(workflow.env?.['ARTEINPE_REQUIRE_ELECTRON']).toBe('1');
    expect(read('tests/e2e/electron/electron.spec.ts')).toContain("process.env.ARTEINPE_REQUIRE_ELECTRON === '1'");
  });

  for (const p of platforms) {
    describe(`${p.job} (${p.runsOn})`, () => {
      const job = workflow.jobs[p.job]!;
      const runs = job?.steps.map((s) => s.run ?? '') ?? [];
      const at = (command: string) => runs.findIndex((r) => r === command || r.split(/\s*&&\s*/).includes(command));

      it('runs on its platform with the Node that the pinned Electron bundles', () => {
        expect(job['runs-on']).toBe(p.runsOn);
        const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
        expect(Number(node?.with?.['node-version'])).toBe(electronNode[electronMajor]);
      });

      it('installs, runs the whole npm test, builds the app with electron-builder, then tier 3 on the packaged app', () => {
        const order = [
          at('npm ci --no-audit --no-fund'),
          at(`${p.display}npm test`),
          at(`npm run ${p.dist}`),
          at(`${p.display}npx playwright test --config tests/e2e/playwright.config.ts --project electron`),
        ];
        expect(
          order.every((i) => i >= 0),
          JSON.stringify(runs),
        ).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(scripts[p.dist]).toContain(p.builds);
        expect(scripts['test']).toBe('node tests/run-all.mjs');
        expect(config.projects?.map((x) => x.name)).toContain('electron');
      });

      it('points tier 3 at the packaged app electron-builder makes, and uploads the installer it names', () => {
        const tier3 = job.steps.find((s) => s.run?.includes('--project electron'));
        expect(tier3?.env?.['ARTEINPE_ELECTRON_APP']).toBe(p.packaged);
        const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.['if-no-files-found'] === 'error');
        expect(upload?.with?.['path']).toBe(p.artifact);
      });

      it('names only scripts that package.json has', () => {
        const named = runs.flatMap((r) => [...r.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
        expect(named.filter((s) => !(s in scripts))).toEqual([]);
      });
    });
  }
});
