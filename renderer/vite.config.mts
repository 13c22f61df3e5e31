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
      rollupOptions: { input: resolve(root, 'index.html') },
    },
  };
}

export default defineConfig(rendererConfig(import.meta.dirname));
