import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP, isAllowedNavigation, resolveInside, secureWebPreferences, trustedOrigins } from '../../../electron/main/security';

describe('window security settings', () => {
  it('every window is isolated and sandboxed, without Node in the page', () => {
    const p = secureWebPreferences('/app/out/preload/index.js');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the production CSP allows only the app’s own scripts and no remote content', () => {
    const directives = Object.fromEntries(
      PRODUCTION_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('navigation never leaves the app', () => {
    const origins = trustedOrigins(undefined);
    expect(isAllowedNavigation('app://arteinpe/index.html#/establecimientos', origins)).toBe(true);
    for (const url of ['https://www.gob.pe/inpe', 'file:///C:/Windows/', 'app://otra/index.html', 'javascript:alert(1)', 'no es url']) {
      expect(isAllowedNavigation(url, origins), url).toBe(false);
    }
  });

  it('the app:// protocol serves only files inside the renderer folder', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-1.js')).toBe(path.join(root, 'assets/index-1.js'));
    for (const evil of ['/../main/index.js', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '/a%00b', '/%E0%A4%A']) {
      expect(resolveInside(root, evil), evil).toBeNull();
    }
  });
});
