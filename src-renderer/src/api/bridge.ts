import type { CallName, EventName, LeadPrepBridge } from '../../../src-shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode, where the HTTP bridge is used. */
    leadprep?: LeadPrepBridge;
  }
}

const SIGNED_OUT_MESSAGE = 'This browser session has ended. Open the URL printed by `leadprep serve` again.';
/**
 * Calls this small outlive the page (`keepalive`): an edit saved as the tab closes or reloads still
 * arrives. Browsers cap what such requests may carry at 64 kB in all, so staging chunks go without.
 */
const KEEPALIVE_MAX_CHARS = 16_000;

/**
 * Browser mode: calls are POSTs to the web host (the HttpOnly session cookie rides along), events come
 * from one shared EventSource. Both resolve to the same Envelope the Electron preload returns.
 */
export function createHttpBridge(base = ''): LeadPrepBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || !('name' in parsed)) return;
      const { name, payload } = parsed as { name: unknown; payload: unknown };
      if (typeof name !== 'string') return;
      for (const l of listeners.get(name) ?? []) l(payload);
    };
  };

  const post = async (name: CallName, body: string | Uint8Array<ArrayBuffer>): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body,
        keepalive: typeof body === 'string' && body.length <= KEEPALIVE_MAX_CHARS,
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'offline',
          message: 'LeadPrep (the `leadprep serve` process) is not reachable. Start it again and reload.',
        },
      };
    }
    if (res.status === 401) return { ok: false, error: { code: 'forbidden', message: SIGNED_OUT_MESSAGE } };
    try {
      return (await res.json()) as unknown;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `LeadPrep answered ${res.status} without a readable body.` },
      };
    }
  };

  return {
    invoke: (name, input) => post(name, JSON.stringify(input ?? {})),
    // The bytes are the body as they are: encoding them was the worker's job.
    invokeJson: (name, json) => post(name, json),
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

let bridge: LeadPrepBridge | null = null;

/** The Electron preload's `window.leadprep` when present, otherwise the web host over HTTP. */
export function getBridge(): LeadPrepBridge {
  bridge ??= window.leadprep ?? createHttpBridge();
  return bridge;
}

/** Tests swap in a fake bridge. */
export function setBridge(next: LeadPrepBridge | null): void {
  bridge = next;
}
