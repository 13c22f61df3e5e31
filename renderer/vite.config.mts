import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer's build, shared by electron-vite (the app) and the browser harness.
 * root: this folder, given by the caller (a bundled config cannot trust import.meta.dirname).
 */
export function rendererConfig(root: string): UserConfig {
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: resolve(root, '../out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        input: resolve(root, 'index.html'),
        // Everything the first screen imports in one file (and its CSS): a few dozen small
        // chunks would each be one more request before the sign-in form can show. The pages
        // keep their own chunks, loaded on demand (app/lazyPage.ts).
        output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
      },
    },
  };
}

export default defineConfig(rendererConfig(import.meta.dirname));
