import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder rules of docs/ARCHITECTURE.md are lint errors: each forbidden import below must be reported. */
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2 && m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The renderer's boundaries (components/ and features/), resolved from the importing file. */
async function boundaryErrorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2 && m.ruleId === 'arteinpe/renderer-boundaries').map((m) => m.message);
}

describe('folder rules enforced by lint', () => {
  it('renderer/ imports neither electron, Node modules, knex nor anything under electron/', async () => {
    for (const imp of ["'electron'", "'node:fs'", "'path'", "'knex'", "'../../electron/main/compose'"]) {
      const errs = await errorsFor('renderer/src/features/x/Page.tsx', `import x from ${imp};\nexport default x;\n`);
      expect(errs, imp).toHaveLength(1);
    }
    expect(await errorsFor('renderer/src/features/x/Page.tsx', "import { z } from 'zod';\nexport default z;\n")).toEqual([]);
  });

  it('a renderer form is a useRecordForm: only its own file imports @mantine/form', async () => {
    const code = "import { useForm } from '@mantine/form';\nexport default useForm;\n";
    expect(await errorsFor('renderer/src/features/x/FormModal.tsx', code)).toHaveLength(1);
    expect(await errorsFor('renderer/src/components/Fields.tsx', code)).toHaveLength(1);
    expect(await errorsFor('renderer/src/components/useRecordForm.ts', code)).toEqual([]);
    // the file keeps the renderer's other rules
    expect(await errorsFor('renderer/src/components/useRecordForm.ts', "import fs from 'node:fs';\nexport default fs;\n")).toHaveLength(1);
  });

  it('shared/ stays pure', async () => {
    for (const imp of ["'electron'", "'node:crypto'", "'react'", "'knex'", "'../electron/main/db/open'", "'@mantine/core'"]) {
      expect(await errorsFor('shared/x.ts', `import x from ${imp};\nexport default x;\n`), imp).toHaveLength(1);
    }
    expect(await errorsFor('shared/x.ts', "import { z } from 'zod';\nexport default z;\n")).toEqual([]);
  });

  it('services never import electron; only the Electron entry files may', async () => {
    const code = "import { app } from 'electron';\nexport default app;\n";
    expect(await errorsFor('electron/main/establishments/repository.ts', code)).toHaveLength(1);
    expect(await errorsFor('electron/main/ipc/dispatcher.ts', code)).toHaveLength(1);
    expect(await errorsFor('electron/harness/server.ts', code)).toHaveLength(1);
    expect(await errorsFor('electron/main/index.ts', code)).toEqual([]);
    expect(await errorsFor('electron/preload/index.ts', code)).toEqual([]);
  });

  it('migrations import only knex', async () => {
    expect(await errorsFor('migrations/x.ts', "import fs from 'node:fs';\nexport default fs;\n")).toHaveLength(1);
    expect(await errorsFor('migrations/x.ts', "import { z } from '../shared/ipc';\nexport default z;\n")).toHaveLength(1);
    expect(await errorsFor('migrations/x.ts', "import type { Knex } from 'knex';\nexport type K = Knex;\n")).toEqual([]);
  });

  it('renderer/src/components/ never imports a feature', async () => {
    for (const imp of ["'../features/auth/session'", "'../features/auth'", "'../../features/inventory/instruments/ui'"]) {
      const file = imp.startsWith("'../../") ? 'renderer/src/components/import/Step.tsx' : 'renderer/src/components/Widget.tsx';
      expect(await boundaryErrorsFor(file, `import x from ${imp};\nexport default x;\n`), imp).toHaveLength(1);
    }
    expect(await boundaryErrorsFor('renderer/src/components/Widget.tsx', "import x from './fields';\nexport default x;\n")).toEqual([]);
    expect(await boundaryErrorsFor('renderer/src/components/Widget.tsx', "import x from '../api';\nexport default x;\n")).toEqual([]);
  });

  it('a feature imports another feature only through its index', async () => {
    for (const [file, imp] of [
      ['renderer/src/features/programmes/Page.tsx', "'../inventory/instruments/ui'"],
      ['renderer/src/features/programmes/Page.tsx', "'../auth/session'"],
      ['renderer/src/features/contracts/teachers/Page.tsx', "'../../internarte/ArtworkPhotos'"],
    ]) {
      expect(await boundaryErrorsFor(file!, `import x from ${imp};\nexport default x;\n`), imp).toHaveLength(1);
    }
    for (const [file, imp] of [
      ['renderer/src/features/programmes/Page.tsx', "'../inventory'"],
      ['renderer/src/features/programmes/Page.tsx', "'../inventory/index'"],
      ['renderer/src/features/programmes/Page.tsx', "'./ui'"],
      ['renderer/src/features/contracts/teachers/Page.tsx', "'../ui'"],
      ['renderer/src/features/contracts/teachers/Page.tsx', "'../../../components/fields'"],
    ]) {
      expect(await boundaryErrorsFor(file!, `import x from ${imp};\nexport default x;\n`), imp).toEqual([]);
    }
  });
});
