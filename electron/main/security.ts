import path from 'node:path';

/**
 * The window's security rules as plain data and pure functions, so tests can check them
 * without Electron. window.ts and index.ts apply them.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'arteinpe';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Strict: only the app's own scripts; Mantine needs inline styles; no remote anything. */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Development only (electron-vite dev): the dev server's hot reload needs its websocket and inline preamble. */
export const DEVELOPMENT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The web preferences of every window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** The origins the app's own pages come from: app:// when packaged, the dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) origins.push(new URL(devServerUrl).origin);
  return origins;
}

export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // app:// is registered as a standard scheme, so its origin is scheme://host.
    return u.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${u.host}` : u.origin;
  } catch {
    return null;
  }
}

/** An IPC message is answered only when it comes from one of the app's own pages. */
export const isTrustedSender = (frameUrl: string | undefined | null, origins: string[]): boolean => {
  const o = originOf(frameUrl);
  return o !== null && origins.includes(o);
};

/**
 * Navigation never leaves the app: the hash router changes only the fragment, so any
 * real navigation is refused (links to the outside are not opened either).
 */
export const isAllowedNavigation = (url: string, origins: string[]): boolean => {
  const o = originOf(url);
  return o !== null && origins.includes(o);
};

/**
 * The file app://arteinpe/<path> stands for, inside the renderer folder; null when the path
 * would leave it (../, encoded or not).
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const full = path.resolve(root, rel);
  return full === root || !full.startsWith(root + path.sep) ? null : full;
}
