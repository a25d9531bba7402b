import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, mimeTypeFor, resolveAppPath } from '../../../src-main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/policy';

const root = resolve('/srv/leadprep-renderer');

describe('resolveAppPath', () => {
  it('maps the app root and nested assets inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://leadprep/')).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
      spaFallback: false,
    });
    expect(resolveAppPath(root, 'app://leadprep/assets/index-abc.js')).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'index-abc.js'),
      spaFallback: false,
    });
  });

  it('marks extensionless paths as client-side routes that may fall back to index.html', () => {
    expect(resolveAppPath(root, 'app://leadprep/settings')).toMatchObject({ ok: true, spaFallback: true });
  });

  it.each([
    'app://leadprep/../../etc/passwd',
    'app://leadprep/assets/./main.js',
    'app://leadprep/%2e%2e/%2e%2e/etc/passwd',
    'app://leadprep/assets/%2E%2E/%2E%2E/secret',
    'app://leadprep/..%2f..%2fetc/passwd',
    'app://leadprep/..%5c..%5cwindows',
    'app://leadprep/assets\\..\\..\\secret',
    'app://leadprep/index.html%00.png',
    'app://leadprep/C:/Windows/win.ini',
    'app://leadprep/%43:%5cWindows',
  ])('refuses traversal attempt %s', (url) => {
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(false);
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'app://leadprep/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });

  it('never resolves outside the root, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E.',
        '.%2e',
        '%2f',
        '%5c',
        '\\',
        '%00',
        'C:',
        '~',
        'assets',
        'index.html',
        '',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = resolveAppPath(root, `app://leadprep/${segments.join('/')}`);
        if (!result.ok) return;
        const rel = relative(root, result.filePath);
        expect(rel.startsWith(`..${sep}`) || rel === '..' || resolve(root, rel) !== result.filePath).toBe(
          false,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createAppRequestHandler', () => {
  let dir: string;
  let handle: (r: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadprep-protocol-'));
    const rendererRoot = join(dir, 'renderer');
    mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>LeadPrep</title>');
    writeFileSync(join(rendererRoot, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(rendererRoot, 'assets', 'worker.js'), 'self.onmessage = () => {}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    handle = createAppRequestHandler(rendererRoot);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files with their MIME type, the CSP and nosniff', async () => {
    const res = await handle(new Request('app://leadprep/assets/main.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://leadprep/', 'app://leadprep/index.html', 'app://leadprep/review/42']) {
      const res = await handle(new Request(url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>LeadPrep</title>');
    }
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    const res = await handle(new Request('app://leadprep/assets/missing.js'));
    expect(res.status).toBe(404);
  });

  it('does not leak a file next to the renderer folder', async () => {
    // Request (like Chromium) collapses the dot segment before the handler sees it, so this arrives
    // as /secret.txt inside the renderer folder, where no such file exists.
    const res = await handle(new Request('app://leadprep/%2e%2e/secret.txt'));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('answers a directory path with the app shell, never a listing', async () => {
    const res = await handle(new Request('app://leadprep/assets/'));
    expect(await res.text()).toContain('<title>LeadPrep</title>');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect(
      (await handle(new Request('app://leadprep/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    const head = await handle(new Request('app://leadprep/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits and defaults to octet-stream', () => {
    expect(mimeTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
