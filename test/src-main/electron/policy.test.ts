import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  navigationDecision,
  SECURE_WEB_PREFERENCES,
  windowOpenDecision,
} from '../../../src-main/electron/policy';

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('content security policy', () => {
  const csp = cspDirectives(CONTENT_SECURITY_POLICY);

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base-tag hijacking, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the renderer reach only itself: no remote hosts anywhere', () => {
    for (const [, values] of csp) {
      for (const v of values) expect(v).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    }
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
  });
});

describe('window options', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
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
    });
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('adds only the preload and the devTools switch to the secure defaults', () => {
    const opts = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false });
    expect(opts.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/out/preload/index.cjs',
      devTools: false,
    });
    expect(opts.show).toBe(false);
  });

  it('registers app:// as a standard secure scheme without CSP bypass or cross-origin reads', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
  });
});

describe('navigation and new windows', () => {
  it('keeps in-app navigation inside app://leadprep', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(navigationDecision('app://leadprep/index.html#/review')).toBe('allow');
    expect(navigationDecision('app://other/index.html')).toBe('deny');
    expect(navigationDecision('app://user:pw@leadprep/index.html')).toBe('deny');
  });

  it('sends web links to the OS browser and drops every other scheme', () => {
    expect(navigationDecision('https://machfive.io/docs')).toBe('open-externally');
    expect(windowOpenDecision('https://instantly.ai')).toBe('open-externally');
    expect(windowOpenDecision('http://example.com')).toBe('open-externally');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pass@example.com',
      'app://leadprep/index.html',
      'not a url',
    ]) {
      expect(windowOpenDecision(url)).toBe('deny');
    }
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
  });
});

describe('IPC sender check', () => {
  const ok = { frameUrl: 'app://leadprep/index.html', isMainFrame: true, fromOwnWindow: true };

  it('accepts the main frame of our own window on our origin', () => {
    expect(isTrustedSender(ok)).toBe(true);
  });

  it.each([
    ['a sub-frame', { ...ok, isMainFrame: false }],
    ['a window we did not create', { ...ok, fromOwnWindow: false }],
    ['a destroyed frame', { ...ok, frameUrl: null }],
    ['a page that navigated to the web', { ...ok, frameUrl: 'https://evil.example/' }],
    ['a file:// page', { ...ok, frameUrl: 'file:///tmp/x.html' }],
    ['a look-alike host', { ...ok, frameUrl: 'app://leadprep.evil/index.html' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender)).toBe(false);
  });
});
