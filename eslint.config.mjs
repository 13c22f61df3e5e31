// @ts-check
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * The folder rules of docs/ARCHITECTURE.md, as errors:
 * - renderer/ and shared/ import neither electron nor Node modules; the renderer reaches
 *   main only through window.api, never by importing electron/;
 * - shared/ is pure: zod and pure helpers, no React, no knex;
 * - services (electron/main/** except the Electron entry files) never import electron;
 * - migrations/ import only knex (types);
 * - renderer/src/components/ never imports a feature, and a feature imports another feature only
 *   through its index (rendererBoundaries below);
 * - a renderer form is a useRecordForm: only renderer/src/components/useRecordForm.ts imports @mantine/form.
 */
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const msg = {
  electron: 'Solo el punto de entrada de Electron (index, window, menu, electron-platform, preload) importa "electron".',
  node: 'renderer/ y shared/ no importan módulos de Node.',
  rendererToMain: 'El renderer solo llega a main por window.api; no importa electron/.',
  sharedPure: 'shared/ es puro: zod y funciones puras.',
  migrations: 'Las migraciones importan solo knex.',
  components: 'renderer/src/components/ es de todas las funciones: no importa nada de renderer/src/features/.',
  oneForm:
    'Un formulario del renderer usa useRecordForm (renderer/src/components/useRecordForm.ts, el único que importa @mantine/form): se reinicia solo al abrirse para otro registro.',
  featureInternals:
    'Una función (feature) importa otra solo por su index (p. ej. "../auth"), nunca sus archivos internos; lo común va a renderer/src/components/.',
};
const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
const electronOnly = [{ name: 'electron', message: msg.electron }];
const nodeOnly = nodeModules.map((name) => ({ name, message: msg.node }));
const rendererPaths = [
  ...electronOnly,
  ...nodeOnly,
  { name: 'knex', message: msg.rendererToMain },
  { name: 'sqlite3', message: msg.rendererToMain },
];

/**
 * The renderer's folder rules, resolved from the importing file (a relative path means
 * different folders at different depths, which no-restricted-imports cannot tell):
 * - renderer/src/components/** never imports renderer/src/features/**;
 * - a feature imports another feature only through its index (features/<name> or
 *   features/<name>/index), never its internal files.
 */
const featuresDir = 'renderer/src/features/';
const featureOf = (rel) => (rel.startsWith(featuresDir) ? rel.slice(featuresDir.length).split('/')[0] : null);
const rendererBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const from = path.relative(cwd, context.filename).split(path.sep).join('/');
    const fromFeature = featureOf(from);
    const inComponents = from.startsWith('renderer/src/components/');
    if (!fromFeature && !inComponents) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = path
        .relative(cwd, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const toFeature = featureOf(`${to}/`);
      if (!toFeature) return;
      if (inComponents) return context.report({ node, message: msg.components });
      if (toFeature === fromFeature) return;
      const entry = to.slice(featuresDir.length + toFeature.length);
      if (!['', '/index', '/index.ts', '/index.tsx'].includes(entry)) context.report({ node, message: msg.featureInternals });
    };
    const bySource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: bySource,
      ExportNamedDeclaration: bySource,
      ExportAllDeclaration: bySource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

/** Files that are the Electron side of main and may import 'electron'. */
export const electronEntryFiles = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/menu.ts',
  'electron/main/electron-platform.ts',
  'electron/preload/**/*.ts',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, arteinpe: { rules: { 'renderer-boundaries': rendererBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'arteinpe/renderer-boundaries': 'error',
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': restrict(
        [...rendererPaths, { name: '@mantine/form', message: msg.oneForm }],
        [{ group: ['**/electron/**', '**/migrations/**'], message: msg.rendererToMain }],
      ),
    },
  },
  {
    // The one form hook: the only file of the renderer that builds on @mantine/form.
    files: ['renderer/src/components/useRecordForm.ts'],
    rules: {
      'no-restricted-imports': restrict(rendererPaths, [{ group: ['**/electron/**', '**/migrations/**'], message: msg.rendererToMain }]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...electronOnly,
          ...nodeOnly,
          ...['react', 'react-dom', 'knex', 'sqlite3', 'exceljs', 'i18next'].map((name) => ({ name, message: msg.sharedPure })),
        ],
        [{ group: ['**/electron/**', '**/renderer/**', '**/migrations/**', '@mantine/*'], message: msg.sharedPure }],
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronEntryFiles,
    rules: { 'no-restricted-imports': restrict(electronOnly, [{ group: ['**/renderer/**'], message: msg.rendererToMain }]) },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [{ regex: '^(?!knex$|\\./)', message: msg.migrations }]),
    },
  },
  {
    files: ['tests/**/*.{ts,mts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Layout is Prettier's (npm run format; prettier --check in npm run lint): no style rule of ESLint argues with it.
  prettier,
);
