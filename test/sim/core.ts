// Shared plumbing for the provider simulators: one HTTP server per sim, request
// recording, auth hook, latency and the single fault-injection engine.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const times = z.union([z.number().int().positive(), z.literal('always')]).optional();
const base = { route: z.string().min(1), times };

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    code: z.string().optional(),
    message: z.string().optional(),
    retryAfter: z.number().nonnegative().optional(),
  }),
  z.object({ ...base, kind: z.literal('slow'), ms: z.number().int().nonnegative() }),
  z.object({ ...base, kind: z.literal('drop') }),
  z.object({ ...base, kind: z.literal('drop-after-accept') }),
  z.object({ ...base, kind: z.literal('malformed') }),
  // MachFive only: consumed by generate-batch; the accepted list ends `failed`.
  z.object({ ...base, kind: z.literal('list-fails') }),
  // MachFive only: consumed by export; the response omits the last `count` leads.
  z.object({ ...base, kind: z.literal('export-missing'), count: z.number().int().positive() }),
]);

export type Fault = z.infer<typeof faultSchema>;
export type FaultKind = Fault['kind'];
type GenericKind = 'status' | 'slow' | 'drop' | 'drop-after-accept' | 'malformed';
export type SpecificKind = Exclude<FaultKind, GenericKind>;
// Sim-specific kinds only make sense on one route; a mismatch would silently never fire.
const SPECIFIC_ROUTE: Record<SpecificKind, string> = {
  'list-fails': 'generate-batch',
  'export-missing': 'export',
};
const GENERIC_KINDS: ReadonlySet<FaultKind> = new Set<FaultKind>([
  'status',
  'slow',
  'drop',
  'drop-after-accept',
  'malformed',
]);

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown;
  /** Epoch milliseconds. */
  at: number;
  /** Route name the request matched, or null for unknown paths. */
  route: string | null;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when empty or invalid (see bodyError). */
  body: unknown;
  bodyError: 'invalid-json' | null;
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** Consume one queued sim-specific fault of this kind for the current route, if any. */
  takeFault<K extends SpecificKind>(kind: K): Extract<Fault, { kind: K }> | undefined;
}

export interface SimResponse {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with `:param` segments, e.g. `/api/v1/lists/:id/export`. */
  pattern: string;
  name: string;
  handle(ctx: RouteContext): SimResponse | Promise<SimResponse>;
}

export interface SimDefinition {
  name: string;
  authorize(headers: IncomingHttpHeaders): boolean;
  /** Error body in the provider's own shape. */
  errorBody(status: number, code?: string, message?: string): unknown;
  routes: Route[];
  state(): unknown;
  /** Back to the initial data (campaigns, stores, counters) without restarting. */
  reset(): void;
  /** Apply a partial runtime config sent to POST /__sim/config; throws a ZodError on bad input. */
  configure(input: unknown): void;
  onClose?(): void;
}

export interface SimServerOptions {
  port?: number;
  latencyMs?: number;
}

export interface SimServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Added to every non-admin request before it is handled; mutable at runtime. */
  latencyMs: number;
  inject(fault: z.input<typeof faultSchema>): void;
  clearFaults(): void;
  pendingFaults(): Fault[];
  /** Requests recorded for one route name. */
  requestsFor(route: string): RecordedRequest[];
  /** Stop listening and cut open connections; state is kept. */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  /** Clear requests, faults and the sim's data back to its initial state. */
  reset(): void;
  close(): Promise<void>;
}

interface QueuedFault {
  fault: Fault;
  left: number | 'always';
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

function compile(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), keys };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The token of `Authorization: Bearer TOKEN`, if present. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const auth = headerValue(headers, 'authorization');
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return m?.[1]?.trim();
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(v: unknown): v is string {
  return typeof v === 'string' && EMAIL_RE.test(v.trim());
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function startSimServer(def: SimDefinition, opts: SimServerOptions = {}): Promise<SimServer> {
  const routes = def.routes.map((r) => ({ ...r, ...compile(r.pattern) }));
  const requests: RecordedRequest[] = [];
  let faults: QueuedFault[] = [];
  const stopping = new AbortController();
  let server: Server | null = null;
  let port = opts.port ?? 0;

  function takeFault(route: string, accept: (k: FaultKind) => boolean): Fault | undefined {
    const idx = faults.findIndex(
      (q) => (q.fault.route === route || q.fault.route === '*') && accept(q.fault.kind),
    );
    const q = idx >= 0 ? faults[idx] : undefined;
    if (!q) return undefined;
    if (q.left !== 'always') {
      q.left -= 1;
      if (q.left <= 0) faults.splice(idx, 1);
    }
    return q.fault;
  }

  function sleep(ms: number): Promise<void> {
    if (ms <= 0 || stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      stopping.signal.addEventListener('abort', done, { once: true });
    });
  }

  function send(res: ServerResponse, r: SimResponse): void {
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    let payload = '';
    if (r.json !== undefined) {
      headers['content-type'] = r.contentType ?? 'application/json; charset=utf-8';
      payload = JSON.stringify(r.json);
    } else if (r.text !== undefined) {
      headers['content-type'] = r.contentType ?? 'text/plain; charset=utf-8';
      payload = r.text;
    }
    res.writeHead(r.status, headers);
    res.end(payload);
  }

  function errorResponse(status: number, code?: string, message?: string, retryAfter?: number): SimResponse {
    const headers: Record<string, string> = {};
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    return { status, json: def.errorBody(status, code, message), headers };
  }

  function controllerReset(): void {
    requests.length = 0;
    faults = [];
    def.reset();
  }

  async function handleAdmin(method: string, path: string, raw: string, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      send(res, { status: 400, json: { error: 'invalid JSON' } });
      return;
    }
    const key = `${method} ${path.replace(/\/$/, '')}`;
    switch (key) {
      case 'POST /__sim/faults': {
        const parsed = z.union([faultSchema, z.array(faultSchema)]).safeParse(body);
        if (!parsed.success) {
          send(res, { status: 400, json: { error: 'invalid fault', issues: parsed.error.issues } });
          return;
        }
        try {
          for (const f of Array.isArray(parsed.data) ? parsed.data : [parsed.data]) controller.inject(f);
        } catch (e) {
          send(res, { status: 400, json: { error: e instanceof Error ? e.message : String(e) } });
          return;
        }
        send(res, { status: 201, json: { pending: controller.pendingFaults() } });
        return;
      }
      case 'GET /__sim/faults':
        send(res, { status: 200, json: { pending: controller.pendingFaults() } });
        return;
      case 'DELETE /__sim/faults':
        faults = [];
        send(res, { status: 204 });
        return;
      case 'GET /__sim/state':
        send(res, {
          status: 200,
          json: {
            sim: def.name,
            requests: requests.length,
            pendingFaults: controller.pendingFaults(),
            ...stateObject(),
          },
        });
        return;
      case 'GET /__sim/requests':
        send(res, { status: 200, json: { requests } });
        return;
      case 'DELETE /__sim/requests':
        requests.length = 0;
        send(res, { status: 204 });
        return;
      case 'POST /__sim/reset':
        controllerReset();
        send(res, { status: 204 });
        return;
      case 'POST /__sim/config':
        try {
          def.configure(body);
        } catch (e) {
          send(res, {
            status: 400,
            json: { error: 'invalid config', issues: e instanceof z.ZodError ? e.issues : String(e) },
          });
          return;
        }
        send(res, { status: 200, json: stateObject() });
        return;
      default:
        send(res, { status: 404, json: { error: `unknown admin route ${key}` } });
    }
  }

  function stateObject(): Record<string, unknown> {
    const s = def.state();
    return isRecord(s) ? s : { state: s };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (raw === null) {
      send(res, errorResponse(413, 'PAYLOAD_TOO_LARGE', 'Request body too large'));
      return;
    }
    if (url.pathname.startsWith('/__sim/')) {
      await handleAdmin(method, url.pathname, raw, res);
      return;
    }

    let body: unknown;
    let bodyError: RouteContext['bodyError'] = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        bodyError = 'invalid-json';
      }
    }

    let matched: { route: (typeof routes)[number]; params: Record<string, string> } | null = null;
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(url.pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
      matched = { route: r, params };
      break;
    }
    const routeName = matched?.route.name ?? null;
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flatHeaders(req.headers),
      body: bodyError ? raw : body,
      at: Date.now(),
      route: routeName,
    });

    await sleep(controller.latencyMs);

    const fault = takeFault(routeName ?? '', (k) => GENERIC_KINDS.has(k));
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      send(res, errorResponse(fault.status, fault.code, fault.message, fault.retryAfter));
      return;
    }

    let response: SimResponse;
    if (!def.authorize(req.headers)) {
      response = errorResponse(401, undefined, 'Missing or invalid API key');
    } else if (!matched) {
      response = errorResponse(404, undefined, `No route for ${method} ${url.pathname}`);
    } else {
      const ctx: RouteContext = {
        params: matched.params,
        query: url.searchParams,
        body,
        bodyError,
        rawBody: raw,
        headers: req.headers,
        takeFault: <K extends SpecificKind>(kind: K) =>
          takeFault(routeName ?? '', (k) => k === kind) as Extract<Fault, { kind: K }> | undefined,
      };
      try {
        response = await matched.route.handle(ctx);
      } catch (e) {
        response = errorResponse(
          500,
          undefined,
          `Simulator error: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }

    if (fault?.kind === 'drop-after-accept') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'malformed') {
      send(res, { status: 200, text: '{"truncated": [1, 2, ', contentType: 'application/json' });
      return;
    }
    if (fault?.kind === 'slow') await sleep(fault.ms);
    send(res, response);
  }

  function listen(): Promise<void> {
    const s = createServer((req, res) => {
      onRequest(req, res).catch(() => {
        if (!res.headersSent) send(res, { status: 500, json: def.errorBody(500) });
      });
    });
    // Undici keeps connections alive; a short idle timeout lets down()/close() finish quickly.
    s.keepAliveTimeout = 1000;
    return new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  }

  function stop(): Promise<void> {
    const s = server;
    server = null;
    if (!s) return Promise.resolve();
    return new Promise((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  await listen();

  const controller: SimServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    requests,
    latencyMs: opts.latencyMs ?? 0,
    inject(input) {
      const fault = faultSchema.parse(input);
      const names = [...new Set(routes.map((r) => r.name))];
      if (fault.route !== '*' && !names.includes(fault.route)) {
        throw new Error(`${def.name} has no route '${fault.route}'; use one of ${names.join(', ')} or '*'`);
      }
      if (!GENERIC_KINDS.has(fault.kind)) {
        const wanted = SPECIFIC_ROUTE[fault.kind as SpecificKind];
        if (fault.route !== wanted || !names.includes(wanted)) {
          throw new Error(`fault '${fault.kind}' needs route '${wanted}' on a sim that has it`);
        }
      }
      faults.push({ fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    pendingFaults() {
      return faults.map((q) => ({ ...q.fault, times: q.left }));
    },
    requestsFor(route) {
      return requests.filter((r) => r.route === route);
    },
    down: stop,
    async up() {
      if (!server) await listen();
    },
    reset: controllerReset,
    async close() {
      stopping.abort();
      def.onClose?.();
      await stop();
    },
  };
  return controller;
}
