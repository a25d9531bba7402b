import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../src-main/web/server';
import { createTestApp, type TestApp } from '../../helpers/app';
import { startMachFiveSim } from '../../sim';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw node:http so the test controls Host and Origin exactly (fetch refuses to set Host). */
function send(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let app: TestApp;
let sim: Awaited<ReturnType<typeof startMachFiveSim>>;
let server: WebServer;
let rendererDir: string;
let token: string;
let host: string;

const auth = () => ({ host, 'x-leadprep-token': token });
const callApi = (name: string, body: string, headers: Record<string, string> = {}) =>
  send(server.port, {
    method: 'POST',
    path: `/api/call/${name}`,
    headers: { ...auth(), 'content-type': 'application/json', ...headers },
    body,
  });

beforeAll(async () => {
  sim = await startMachFiveSim();
  app = createTestApp({ LEADPREP_MACHFIVE_URL: sim.url });
  rendererDir = mkdtempSync(join(tmpdir(), 'leadprep-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>LeadPrep</title><div id="root"></div>',
  );
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(app.dir, 'outside.txt'), 'outside the renderer');
  server = await startWebServer({ ctx: app.ctx, rendererDir });
  token = server.sessionToken;
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  await sim?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('web host: who may talk to it', () => {
  it('binds to loopback and prints a URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a request without a token with 401 and tells the user what to open', async () => {
    const page = await send(server.port, { headers: { host } });
    expect(page.status).toBe(401);
    expect(page.body).toContain('leadprep serve');
    const api = await send(server.port, {
      method: 'POST',
      path: '/api/call/keys.status',
      headers: { host, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a wrong token in the link, the header and the cookie', async () => {
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await send(server.port, { path: `/?token=${wrong}`, headers: { host } })).status).toBe(401);
    expect((await send(server.port, { headers: { host, 'x-leadprep-token': wrong } })).status).toBe(401);
    expect(
      (await send(server.port, { headers: { host, cookie: `leadprep_session_${server.port}=${wrong}` } }))
        .status,
    ).toBe(401);
  });

  it('swaps the right token for an HttpOnly SameSite=Strict cookie, then serves the app with the CSP', async () => {
    const link = new URL(server.url).searchParams.get('token') ?? '';
    const signIn = await send(server.port, { path: `/?token=${link}`, headers: { host } });
    expect(signIn.status).toBe(303);
    const again = await send(server.port, { path: `/?token=${link}`, headers: { host } });
    expect(again.status).toBe(401);
    expect(again.body).toContain('already used');
    expect(signIn.headers.location).toBe('/');
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0] ?? '';

    const page = await send(server.port, { headers: { host, cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const asset = await send(server.port, { path: '/assets/app.js', headers: { host, cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('accepts localhost as well as 127.0.0.1 in Host', async () => {
    expect(
      (await send(server.port, { headers: { host: `localhost:${server.port}`, 'x-leadprep-token': token } }))
        .status,
    ).toBe(200);
  });

  it.each(['evil.com', 'evil.com:PORT', '127.0.0.1.nip.io:PORT', '127.0.0.1:1', '[::1]:PORT'])(
    'rejects a non-loopback or wrong-port Host header (%s), even with the right token',
    async (h) => {
      const hostHeader = h.replace('PORT', String(server?.port));
      const res = await send(server.port, { headers: { host: hostHeader, 'x-leadprep-token': token } });
      expect(res.status).toBe(421);
      const api = await callApi('keys.status', '{}', { host: hostHeader });
      expect(api.status).toBe(421);
      expect(api.body).not.toContain('"ok":true');
    },
  );

  it('rejects a foreign Origin with 403, even with the right token', async () => {
    for (const origin of ['http://evil.com', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const res = await callApi('keys.status', '{}', { origin });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const own = await callApi('keys.status', '{}', { origin: `http://${host}` });
    expect(own.status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/assets/%2e%2e%2f%2e%2e%2foutside.txt',
      '/..%5coutside.txt',
    ]) {
      const res = await send(server.port, { path, headers: auth() });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});

describe('web host: the contract over HTTP', () => {
  it('answers a call with the dispatcher envelope', async () => {
    const res = await callApi('keys.status', '{}');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; value: { providers: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.providers).toHaveLength(4);
  });

  it('turns malformed JSON, unknown calls, invalid input and a wrong content type into typed errors', async () => {
    const malformed = await callApi('keys.status', '{"provider":');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const unknown = await callApi('keys.steal', '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });

    const invalid = await callApi('keys.set', JSON.stringify({ provider: 'gmail', key: 'x' }));
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const notJson = await callApi('keys.status', '{}', { 'content-type': 'text/plain' });
    expect(notJson.status).toBe(415);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // The server is still healthy after all of that.
    expect(JSON.parse((await callApi('app.info', '{}')).body)).toMatchObject({
      ok: true,
      value: { host: 'cli' },
    });
  });

  it('streams events to a signed-in client over SSE', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth() },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('keys.changed')) {
              req.destroy();
              resolve(text);
            }
          });
          // The subscription exists once headers are out; trigger an event through a real call.
          void callApi('keys.clear', JSON.stringify({ provider: 'sendkit' }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('keys.changed')) ?? '';
    const event = JSON.parse(line.slice('data: '.length)) as {
      name: string;
      payload: { providers: unknown[] };
    };
    expect(event.name).toBe('keys.changed');
    expect(event.payload.providers).toHaveLength(4);
  });

  it('never returns a stored key in any response', async () => {
    const secret = `mf_live_${'q7'.repeat(12)}`;
    const set = await callApi('keys.set', JSON.stringify({ provider: 'machfive', key: secret }));
    expect(JSON.parse(set.body)).toMatchObject({ ok: true, value: { provider: 'machfive', set: true } });
    const bodies = [
      set.body,
      (await callApi('keys.status', '{}')).body,
      (await callApi('app.info', '{}')).body,
      (await callApi('keys.test', JSON.stringify({ provider: 'machfive' }))).body,
      (await send(server.port, { headers: auth() })).body,
    ];
    for (const body of bodies) expect(body).not.toContain(secret);
    expect(await app.ctx.secrets.has('machfive')).toBe(true);
  });

  it('refuses a body over the size limit without reading it all', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/api/call/keys.status',
      headers: { ...auth(), 'content-type': 'application/json', 'content-length': String(65 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
  });
});
