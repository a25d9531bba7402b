import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../../src-renderer/src/api/bridge';

afterEach(() => vi.unstubAllGlobals());

describe('HTTP bridge (browser mode)', () => {
  it('POSTs JSON to /api/call/<name> with same-origin credentials and returns the envelope', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: { x: 1 } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const answer = await createHttpBridge().invoke('keys.status', {});
    expect(answer).toEqual({ ok: true, value: { x: 1 } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/call/keys.status');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{}' });
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('sends an encoded input as the body byte for byte, as JSON', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: { staged: 1 } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const json = new TextEncoder().encode('{"importId":3,"rows":[]}');
    await expect(createHttpBridge().invokeJson('imports.stageRows', json)).resolves.toEqual({
      ok: true,
      value: { staged: 1 },
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/call/imports.stageRows');
    expect(init.body).toBe(json);
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('turns a 401 into a "sign in again" error and a dead server into an offline error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 401 })),
    );
    await expect(createHttpBridge().invoke('keys.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('leadprep serve') },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(createHttpBridge().invoke('keys.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
  });

  it('delivers SSE messages to listeners of that event only, and stops after unsubscribe', () => {
    const sources: Array<{ url: string; onmessage: ((m: { data: string }) => void) | null }> = [];
    vi.stubGlobal(
      'EventSource',
      class {
        onmessage: ((m: { data: string }) => void) | null = null;
        constructor(readonly url: string) {
          sources.push(this);
        }
      },
    );
    const bridge = createHttpBridge();
    const got: unknown[] = [];
    const off = bridge.on('keys.changed', (p) => got.push(p));
    bridge.on('keys.changed', () => undefined);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events');
    const emit = (data: string) => sources[0]?.onmessage?.({ data });
    emit(JSON.stringify({ name: 'keys.changed', payload: { a: 1 } }));
    emit(JSON.stringify({ name: 'runs.changed', payload: { b: 2 } }));
    emit('not json');
    expect(got).toEqual([{ a: 1 }]);
    off();
    emit(JSON.stringify({ name: 'keys.changed', payload: { a: 2 } }));
    expect(got).toEqual([{ a: 1 }]);
  });
});
