// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folder rules of docs/ARCHITECTURE.md, as errors:
 * - renderer/ and shared/ import neither electron nor Node modules; the renderer reaches
 *   main only through window.api, never by importing electron/;
 * - shared/ is pure: zod and pure helpers, no React, no knex;
 * - services (electron/main/** except the Electron entry files) never import electron;
 * - migrations/ import only knex (types).
 */
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const msg = {
  electron: 'Solo el punto de entrada de Electron (index, window, menu, electron-platform, preload) importa "electron".',
  node: 'renderer/ y shared/ no importan módulos de Node.',
  rendererToMain: 'El renderer solo llega a main por window.api; no importa electron/.',
  sharedPure: 'shared/ es puro: zod y funciones puras.',
  migrations: 'Las migraciones importan solo knex.',
};
const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
const electronOnly = [{ name: 'electron', message: msg.electron }];
const nodeOnly = nodeModules.map((name) => ({ name, message: msg.node }));

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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': restrict(
        [...electronOnly, ...nodeOnly, { name: 'knex', message: msg.rendererToMain }, { name: 'sqlite3', message: msg.rendererToMain }],
        [{ group: ['**/electron/**', '**/migrations/**'], message: msg.rendererToMain }],
      ),
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
);
