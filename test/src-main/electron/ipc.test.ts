import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src-shared/contract/define';

type Handler = (event: unknown, name: unknown, payload: unknown) => Promise<Envelope>;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: unknown) => ipc.handlers.set(channel, fn),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const { registerElectronIpc } = await import('../../../src-main/ipc/electron');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
const OWN_ID = 7;

function event(opts: { url?: string | null; mainFrame?: boolean; senderId?: number }) {
  const url = opts.url === undefined ? 'app://leadprep/index.html' : opts.url;
  return {
    sender: { id: opts.senderId ?? OWN_ID },
    senderFrame:
      url === null ? null : { url, parent: opts.mainFrame === false ? { url: 'app://leadprep/' } : null },
  };
}

describe('registerElectronIpc', () => {
  const dispatch = vi.fn(async (name: unknown): Promise<Envelope> => ({ ok: true, value: { called: name } }));
  const unregister = registerElectronIpc({ dispatch, isOwnWebContents: (id) => id === OWN_ID, log });
  const handler = ipc.handlers.get('leadprep:call') as Handler;
  const jsonHandler = ipc.handlers.get('leadprep:call-json') as Handler;
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('registers one handler per call channel: inputs as values, and inputs encoded as JSON', () => {
    expect([...ipc.handlers.keys()]).toEqual(['leadprep:call', 'leadprep:call-json']);
  });

  it('parses an encoded input as JSON and passes it to the dispatcher', async () => {
    dispatch.mockClear();
    await expect(
      jsonHandler(event({}), 'imports.stageRows', bytes('{"importId":3,"rows":[{"é":"ü"}]}')),
    ).resolves.toEqual({ ok: true, value: { called: 'imports.stageRows' } });
    expect(dispatch).toHaveBeenCalledWith('imports.stageRows', { importId: 3, rows: [{ é: 'ü' }] });
  });

  it('takes bytes made in another realm, as IPC may deliver them', async () => {
    dispatch.mockClear();
    const foreign: unknown = runInNewContext('new Uint8Array([123, 125])');
    await jsonHandler(event({}), 'keys.status', foreign);
    expect(dispatch).toHaveBeenCalledWith('keys.status', {});
  });

  it.each([
    ['text that is not JSON', bytes('{"importId":3,')],
    ['a value that is not bytes', '{"importId":3}'],
  ])('answers an encoded input that is %s with invalid_input and never dispatches', async (_l, json) => {
    dispatch.mockClear();
    await expect(jsonHandler(event({}), 'imports.stageRows', json)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes calls from our window to the dispatcher', async () => {
    await expect(handler(event({}), 'keys.status', {})).resolves.toEqual({
      ok: true,
      value: { called: 'keys.status' },
    });
    expect(dispatch).toHaveBeenCalledWith('keys.status', {});
  });

  it.each([
    ['an iframe', { mainFrame: false }],
    ['a foreign webContents', { senderId: 99 }],
    ['a frame showing a web page', { url: 'https://evil.example/' }],
    ['a destroyed frame', { url: null }],
  ])('answers %s with a forbidden envelope and never dispatches', async (_label, opts) => {
    dispatch.mockClear();
    const result = await handler(event(opts), 'keys.set', { provider: 'machfive', key: 'stolen-key-123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const encoded = await jsonHandler(event(opts), 'imports.stageBegin', bytes('{}'));
    expect(encoded).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('can be unregistered', () => {
    unregister();
    expect([...ipc.handlers.keys()]).toEqual([]);
  });
});
