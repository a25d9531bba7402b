import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './policy';

/**
 * Serves the built renderer (out/renderer) under app://leadprep/. Kept free of runtime 'electron'
 * imports: main.ts passes `createAppRequestHandler(root)` to `protocol.handle`, and tests call it with
 * plain Request objects.
 */

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  { ok: true; filePath: string; spaFallback: boolean } | { ok: false; status: 400 | 403 | 404 };

const ENCODED_SEPARATOR_OR_DOT = /%(2e|2f|5c|00)/i;
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/**
 * Maps an app:// URL to a file under `root`, refusing anything that could leave it: dot segments
 * (plain or percent-encoded), encoded slashes, backslashes, NUL, drive letters, and, as a last check,
 * any resolved path outside the root. Extensionless paths
 * may fall back to index.html (client-side routes); a missing asset is a 404, never the app shell.
 */
export function resolveAppPath(root: string, rawUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  // The parser has already collapsed `..` and `%2e%2e` segments; a request that contained them is
  // refused outright instead of being quietly re-rooted.
  const rawPath = rawUrl.slice(rawUrl.indexOf(APP_HOST) + APP_HOST.length).split(/[?#]/)[0] ?? '';
  if (DOT_SEGMENT.test(rawPath) || rawPath.includes('\\') || ENCODED_SEPARATOR_OR_DOT.test(rawPath)) {
    return { ok: false, status: 403 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':'))
    return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.length === 0)
    return { ok: true, filePath: join(resolve(root), 'index.html'), spaFallback: false };

  const base = resolve(root);
  const filePath = resolve(base, ...segments);
  const rel = relative(base, filePath);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    return { ok: false, status: 403 };
  const last = segments[segments.length - 1] ?? '';
  return { ok: true, filePath, spaFallback: extname(last) === '' };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

async function readRegularFile(filePath: string): Promise<Buffer | null> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? await readFile(filePath) : null;
  } catch {
    return null;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  const indexPath = join(resolve(root), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.status === 404 ? 'Not found' : 'Forbidden');
    let filePath = resolved.filePath;
    let body = await readRegularFile(filePath);
    if (!body && resolved.spaFallback) {
      filePath = indexPath;
      body = await readRegularFile(filePath);
    }
    if (!body) return plain(404, 'Not found');
    const headers = securityHeaders(mimeTypeFor(filePath));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
