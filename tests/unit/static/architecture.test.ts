import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableOwners } from './table-owners';

/**
 * The shape every domain keeps (docs/ARCHITECTURE.md), checked over the source tree as text:
 * no import cycles, no source file over 400 lines (tests included), and each table named only by its domain's
 * repository in electron/main (another domain, and the rest of the domain, call the repository's functions).
 */
const root = path.resolve(__dirname, '../../..');
const sourceRoots = ['electron', 'shared', 'renderer/src'];
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const files = sourceRoots.flatMap(sourceFiles);
const text = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));

/** The project files a file imports (relative specifiers only; packages are not ours). */
function importsOf(file: string): string[] {
  const specifiers = [
    ...text.get(file)!.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2]!);
  return specifiers.flatMap((spec) => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => text.has(c));
    return found ? [found] : [];
  });
}

/** Every cycle of the import graph, each once, as the files around it. */
function importCycles(): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles = new Map<string, string[]>();
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') {
        const cycle = stack.slice(stack.indexOf(g));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return [...cycles.values()];
}

/** The domain whose repository a main-process file is (`<domain>/repository.ts` or under `<domain>/repository/`), if it is one. */
const repositoryOf = (file: string): string | null => {
  const m = /^electron\/main\/([^/]+)\/repository(?:\.ts$|\/)/.exec(file);
  return m ? m[1]! : null;
};

/**
 * Where a table's name is written as code names a table: quoted as an argument or a list's item
 * (`db('contracts as c')`, `.join('teachers as t', …)`, `insertRows(trx, 'contracts', …)`), as a
 * `table:` (`{ table: 'instruments_search' }`), or in SQL after FROM/JOIN/INTO/UPDATE/TABLE.
 * The same word as another kind of name is not a table: an import's `entity: 'contracts'`, an
 * audit `action`, a type argument (`DomainChannel<'contracts'>`), a comment.
 */
const namesTable = (source: string, table: string) =>
  new RegExp(`(?:[(,\\[]|\\btable:)\\s*['"\`]${table}(?: as \\w+)?['"\`]|\\b(?:from|join|into|update|table)\\s+${table}\\b`, 'i').test(
    source,
  );

describe('the shape of the code', () => {
  it('has no import cycles (electron/, shared/, renderer/src/)', () => {
    expect(importCycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines (the tests' included)`, () => {
    const long = [...files, ...sourceFiles('tests')]
      .map((f) => ({ f, lines: (text.get(f) ?? fs.readFileSync(path.join(root, f), 'utf8')).split('\n').length }))
      .filter((x) => x.lines > MAX_LINES);
    expect(long.map((x) => `${x.f}: ${x.lines}`)).toEqual([]);
  });

  it("names each table only in its domain's repository (electron/main/<domain>/repository.ts or repository/)", () => {
    const owners = tableOwners();
    const outside: string[] = [];
    for (const file of files.filter((f) => f.startsWith('electron/main/'))) {
      const repository = repositoryOf(file);
      const source = text.get(file)!;
      for (const [table, owner] of Object.entries(owners.tables)) {
        if (repository === owner || owners.wholeDatabase.includes(file)) continue;
        if (namesTable(source, table)) outside.push(`${file} names ${table} (${owner}'s repository)`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('knows the owner of every table the migrations create', () => {
    const created = fs
      .readdirSync(path.join(root, 'migrations'))
      .flatMap((f) => [...fs.readFileSync(path.join(root, 'migrations', f), 'utf8').matchAll(/createTable\('(\w+)'/g)].map((m) => m[1]!));
    expect(created.filter((t) => !(t in tableOwners().tables))).toEqual([]);
  });
});
