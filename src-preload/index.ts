import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isBytes,
  isCallName,
  isEventName,
  type EventName,
  type LeadPrepBridge,
} from '../src-shared/contract';
import type { Envelope } from '../src-shared/contract/define';
import { IPC_CALL_CHANNEL, IPC_CALL_JSON_CHANNEL, IPC_EVENT_CHANNEL } from './channels';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

// One IPC listener for all subscriptions: the renderer never sees the IpcRendererEvent (and with it
// `sender`), only the payload of events it subscribed to by a contract name.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const unknownCall = (name: unknown): Promise<Envelope> =>
  Promise.resolve({
    ok: false,
    error: { code: 'unknown_call', message: `Unknown call: ${String(name).slice(0, 80)}` },
  });

const bridge = {
  invoke(name, input) {
    if (!isCallName(name)) return unknownCall(name);
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input) as Promise<Envelope>;
  },
  invokeJson(name, json) {
    if (!isCallName(name)) return unknownCall(name);
    if (!isBytes(json)) {
      const refused: Envelope = {
        ok: false,
        error: { code: 'invalid_input', message: 'invokeJson takes the input encoded as UTF-8 JSON bytes.' },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_CALL_JSON_CHANNEL, name, json) as Promise<Envelope>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    // Wrapping gives each subscription its own identity, so subscribing the same function twice
    // yields two independent unsubscribes.
    const entry = (payload: unknown) => listener(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
} satisfies LeadPrepBridge;

contextBridge.exposeInMainWorld('leadprep', bridge);
