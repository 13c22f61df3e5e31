import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { esPE } from '../../../shared/i18n/es-PE';

/**
 * Tier 3 (the real Electron app) cannot run on the build machines. Its first version rotted
 * unseen: it still expected the empty-database dashboard after users and roles put the
 * administrator's account first. So here, on every machine:
 * - every text tier 3 looks for on screen (a role's name, a label, a text) is one the renderer
 *   shows: a text of the Spanish catalog, or of the demonstration data;
 * - its journey is made of the shared steps (tests/e2e/app-steps.ts), and tier 2 runs those
 *   steps, so a changed screen fails tier 2 here first.
 */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const tier3 = ['tests/e2e/electron/electron.spec.ts', 'tests/e2e/app-steps.ts'];

function catalogTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) catalogTexts(v, out);
  return out;
}

/** The demonstration's texts (exhibition titles and the like), as its generators write them. */
function demoSources(dir = path.join(root, 'electron/main')): string {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)demo[^/]*\.ts$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

/** The texts a spec looks for on screen: accessible names, labels, texts, as strings or regular expressions. */
function textsSought(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bname: '([^']+)'/g,
    /\bname: \/(.+?)\/[a-z]*[,\s}]/g,
    /\bgetBy(?:Label|Text)\('([^']+)'/g,
    /\bgetBy(?:Label|Text)\(\/(.+?)\/[a-z]*[,)]/g,
    /\btoContainText\('([^']+)'/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]!);
  return found;
}

/**
 * The fixed words of a sought text: a regular expression's alternatives, without its anchors,
 * classes and quantifiers, and without the numbers (the catalog writes {{count}} where the
 * screen shows 20). Each piece must stand in one catalog text.
 */
function pieces(sought: string): string[][] {
  return sought.split('|').map((alternative) =>
    alternative
      .replace(/\\d\*?|\[[^\]]*\]\*?|\\s|\^|\$/g, '\n')
      .replace(/\\(.)/g, '$1')
      .split(/\n|\d+/)
      .map((s) => s.trim())
      .filter((s) => /\p{L}{3,}/u.test(s)),
  );
}

describe('tier 3 looks for what the renderer shows', () => {
  const catalog = catalogTexts(esPE);
  const demo = demoSources();
  const shown = (piece: string) => catalog.some((text) => text.includes(piece)) || demo.includes(piece);

  for (const file of tier3) {
    it(`every text ${path.basename(file)} looks for is in the Spanish catalog or the demonstration data`, () => {
      const sought = textsSought(read(file));
      expect(sought.length).toBeGreaterThan(10);
      const missing = sought.filter((s) => !pieces(s).some((alternative) => alternative.length > 0 && alternative.every(shown)));
      expect(missing).toEqual([]);
    });
  }

  it('finds a text that the renderer does not show (the check can fail)', () => {
    const stale = textsSought("getByRole('heading', { name: 'La base de datos está vacía y lista' })");
    expect(stale.filter((s) => pieces(s).some((a) => a.every(shown)))).toEqual([]);
  });

  it('tier 3’s journey is the shared steps, and tier 2 runs every one of them', () => {
    const steps = [...read('tests/e2e/app-steps.ts').matchAll(/^export async function (\w+)/gm)].map((m) => m[1]!);
    const spec = read('tests/e2e/electron/electron.spec.ts');
    const used = steps.filter((s) => new RegExp(`\\b${s}\\(`).test(spec));
    expect(used).toEqual(
      expect.arrayContaining(['createAdministrator', 'signIn', 'loadDemonstration', 'registerViolin', 'findInstrument']),
    );
    const tier2 = fs
      .readdirSync(path.join(root, 'tests/e2e/renderer'))
      .map((f) => read(`tests/e2e/renderer/${f}`))
      .join('\n');
    expect(used.filter((s) => !new RegExp(`\\b${s}\\(`).test(tier2))).toEqual([]);
  });
});
