import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Envelope } from '../../src-shared/contract/define';
import type { ErrorCode } from '../../src-shared/errors';
import type { AppContext, HostPlatform } from '../app/context';
import { createHandlers } from '../app/handlers';
import { createDispatcher, parseJsonInput, type Dispatch } from '../ipc/dispatch';
import { findAssetDir } from '../paths';
import { SECURITY_HEADERS, contentTypeFor, readStaticFile, resolveStaticPath } from './static';

/**
 * Largest JSON body accepted by POST /api/call/*. Import staging sends a file's rows in one call, so
 * this is generous; anything bigger is refused with 413 before it is buffered.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A browser tab cannot drive the OS file manager or browser: the UI shows the path or link instead. */
export const webPlatform: HostPlatform = {
  revealPath: async () => false,
  openExternal: async () => false,
};

export interface WebServerOptions {
  ctx: AppContext;
  /** 0 or omitted: a free port chosen by the OS. */
  port?: number;
  /** The built renderer (out/renderer); found beside the app when omitted. */
  rendererDir?: string;
  /** Defaults to the dispatcher over every handler of `ctx`. */
  dispatch?: Dispatch;
}

export interface WebServer {
  /** Open this once: its one-time link token is swapped for a session cookie, then stops working. */
  url: string;
  /** The session secret itself, for in-process automation (tests) that sends `x-leadprep-token`. */
  sessionToken: string;
  port: number;
  origin: string;
  close(): Promise<void>;
}

const CALL_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,100})$/;
const SSE_HEARTBEAT_MS = 25_000;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
/** Hashing first gives equal-length buffers, so the comparison leaks neither content nor length. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

function sendJson(res: ServerResponse, status: number, body: Envelope): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const errorEnvelope = (code: ErrorCode, message: string): Envelope => ({
  ok: false,
  error: { code, message },
});

function sendPage(res: ServerResponse, status: number, title: string, text: string): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LeadPrep — ${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">` +
    `<h1>${title}</h1><p>${text}</p></body></html>`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host: the same renderer and the same contract as the Electron app, on 127.0.0.1 only.
 * Every request must name us in Host (DNS rebinding), carry the session token (cookie or header), and,
 * when it has an Origin, come from our own origin; only then is a file served or a call dispatched.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { ctx } = opts;
  const rendererDir = opts.rendererDir ?? findAssetDir(join('out', 'renderer'));
  const dispatch = opts.dispatch ?? createDispatcher(createHandlers(ctx), ctx.log);
  const token = randomBytes(24).toString('base64url');
  // The printed link works once: whoever opens it first gets the session, a copied link is dead.
  const linkToken = randomBytes(24).toString('base64url');
  let linkUsed = false;
  const streams = new Set<ServerResponse>();
  let port = 0;
  let cookieName = '';

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const hasToken = (req: IncomingMessage): boolean => {
    const header = req.headers['x-leadprep-token'];
    if (typeof header === 'string' && sameSecret(header, token)) return true;
    const cookie = parseCookies(req.headers.cookie).get(cookieName);
    return cookie !== undefined && sameSecret(cookie, token);
  };

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, errorEnvelope('invalid_input', 'Calls are made with POST.'));
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendJson(
        res,
        415,
        errorEnvelope('invalid_input', 'Calls must send a JSON body (content-type: application/json).'),
      );
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return sendJson(
          res,
          413,
          errorEnvelope('invalid_input', 'This request is larger than the 64 MB the web host accepts.'),
        );
      }
      throw e;
    }
    const parsed = parseJsonInput(text);
    if (!parsed)
      return sendJson(res, 400, errorEnvelope('invalid_input', 'The request body is not valid JSON.'));
    sendJson(res, 200, await dispatch(name, parsed.input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = ctx.events.subscribe((name, payload) => {
      res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    // Comments keep idle proxies and the browser from treating a quiet stream as dead.
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendPage(res, 405, 'Method not allowed', 'The LeadPrep web host only serves pages with GET.');
    }
    const file = resolveStaticPath(rendererDir, pathname);
    const body = file ? await readStaticFile(file) : null;
    if (!file || !body) return sendPage(res, 404, 'Not found', 'There is no such page in LeadPrep.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      return sendPage(res, 421, 'Wrong address', `LeadPrep only answers at http://127.0.0.1:${port}/.`);
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const isApi = url.pathname.startsWith('/api/');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return isApi
        ? sendJson(res, 403, errorEnvelope('forbidden', 'Requests from other websites are refused.'))
        : sendPage(res, 403, 'Refused', 'Requests from other websites are refused.');
    }

    const offered = url.searchParams.get('token');
    if (url.pathname === '/' && offered !== null) {
      if (linkUsed || !sameSecret(offered, linkToken)) {
        return sendPage(
          res,
          401,
          'Session link not valid',
          linkUsed && sameSecret(offered, linkToken)
            ? 'This link was already used: it works once. Use the browser tab it opened, or restart <code>leadprep serve</code> for a new link.'
            : 'This link is old or mistyped. Open the URL printed by <code>leadprep serve</code>.',
        );
      }
      linkUsed = true;
      // The token leaves the address bar (and history) at once; from here on the cookie carries it.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }

    if (!hasToken(req)) {
      return isApi
        ? sendJson(
            res,
            401,
            errorEnvelope(
              'forbidden',
              'This browser session is not signed in. Open the URL printed by `leadprep serve` again.',
            ),
          )
        : sendPage(
            res,
            401,
            'Sign-in needed',
            'Open the URL printed by <code>leadprep serve</code> in this browser.',
          );
    }

    const callMatch = CALL_PATH.exec(url.pathname);
    if (callMatch?.[1]) return handleCall(req, res, callMatch[1]);
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET')
        return sendJson(res, 405, errorEnvelope('invalid_input', 'Events are read with GET.'));
      return handleEvents(req, res);
    }
    if (isApi) return sendJson(res, 404, errorEnvelope('unknown_call', 'No such API path.'));
    return handleStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      ctx.log.error(`Web host request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent)
        sendJson(
          res,
          500,
          errorEnvelope('internal', 'The LeadPrep web host failed on this request. Details are in the log.'),
        );
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(
              `Port ${opts.port} is already in use. Pick another with --port, or omit it to use a free one.`,
            )
          : e,
      );
    });
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  // Cookies are shared across ports of one host, so each server names its own.
  cookieName = `leadprep_session_${port}`;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${linkToken}`,
    sessionToken: token,
    port,
    origin,
    async close() {
      for (const res of streams) res.end();
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
    },
  };
}
