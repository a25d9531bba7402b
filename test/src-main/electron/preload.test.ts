import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadPrepBridge } from '../../../src-shared/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const state = {
    exposed: new Map<string, unknown>(),
    listeners: new Map<string, IpcListener[]>(),
    invoked: [] as unknown[][],
  };
  return {
    state,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    ipcRenderer: {
      on: (channel: string, listener: IpcListener) =>
        state.listeners.set(channel, [...(state.listeners.get(channel) ?? []), listener]),
      invoke: async (...args: unknown[]) => {
        state.invoked.push(args);
        return { ok: true, value: { echoed: args[1] } };
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

const fakeSender = { send: () => undefined, secret: 'main-process handle' };
function emitFromMain(name: string, payload: unknown) {
  for (const l of electron.state.listeners.get('leadprep:event') ?? [])
    l({ sender: fakeSender }, name, payload);
}

describe('preload bridge', () => {
  let bridge: LeadPrepBridge;
  beforeAll(async () => {
    await import('../../../src-preload/index');
    bridge = electron.state.exposed.get('leadprep') as LeadPrepBridge;
  });

  it('exposes exactly one object, window.leadprep, with invoke, invokeJson and on', () => {
    expect([...electron.state.exposed.keys()]).toEqual(['leadprep']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'invokeJson', 'on']);
  });

  it('sends encoded inputs as bytes on their own channel, and refuses anything else locally', async () => {
    const json = new TextEncoder().encode('{"importId":1}');
    await bridge.invokeJson('imports.stageRows', json);
    expect(electron.state.invoked.at(-1)).toEqual(['leadprep:call-json', 'imports.stageRows', json]);
    const before = electron.state.invoked.length;
    await expect(bridge.invokeJson('fs.readFile' as never, json)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    await expect(bridge.invokeJson('imports.stageRows', '{"importId":1}' as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(electron.state.invoked.length).toBe(before);
  });

  it('sends contract calls on the single call channel', async () => {
    await expect(bridge.invoke('keys.status', {})).resolves.toEqual({
      ok: true,
      value: { echoed: 'keys.status' },
    });
    expect(electron.state.invoked.at(-1)).toEqual(['leadprep:call', 'keys.status', {}]);
  });

  it('answers unknown call names itself, without sending anything to main', async () => {
    const before = electron.state.invoked.length;
    const result = await bridge.invoke('fs.readFile' as never, { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(electron.state.invoked.length).toBe(before);
  });

  it('delivers only the payload of subscribed events, never the IPC event object', () => {
    const received: unknown[][] = [];
    const off = bridge.on('keys.changed', (...args: unknown[]) => received.push(args));
    emitFromMain('keys.changed', { providers: [] });
    emitFromMain('runs.unknown', { ignored: true });
    expect(received).toEqual([[{ providers: [] }]]);
    off();
    emitFromMain('keys.changed', { providers: ['after'] });
    expect(received).toHaveLength(1);
  });

  it('keeps two subscriptions of the same function independent', () => {
    const seen: unknown[] = [];
    const listener = (p: unknown) => seen.push(p);
    const offA = bridge.on('keys.changed', listener);
    const offB = bridge.on('keys.changed', listener);
    offA();
    emitFromMain('keys.changed', 1);
    expect(seen).toEqual([1]);
    offB();
  });

  it('refuses to subscribe to an event the contract does not define', () => {
    expect(() => bridge.on('not.an.event' as never, () => undefined)).toThrow(/Unknown event/);
  });
});

describe('built preload bundle', () => {
  const bundle = resolve(__dirname, '../../../out/preload/index.cjs');
  const built = existsSync(bundle);
  if (!built) console.log(`Skipping the preload bundle check: ${bundle} does not exist (run npm run build).`);

  // A sandboxed preload can require only 'electron' (and a few Node polyfills); any other require()
  // makes the preload fail to load and window.leadprep silently missing.
  it.skipIf(!built)('requires nothing but electron', () => {
    const requires = [...readFileSync(bundle, 'utf8').matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
      (m) => m[1],
    );
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});
