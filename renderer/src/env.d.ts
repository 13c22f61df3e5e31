/// <reference types="vite/client" />
import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the browser harness: one function per contract channel. */
    api: Api;
  }
}

export {};
