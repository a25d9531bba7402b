import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  appListeners: new Map<string, Listener>(),
  sandboxEnabled: false,
  opened: [] as string[],
}));
vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {
      fake.sandboxEnabled = true;
    },
    on: (name: string, fn: Listener) => fake.appListeners.set(name, fn),
  },
  shell: {
    openExternal: async (url: string) => {
      fake.opened.push(url);
    },
  },
}));

const { hardenSession, installAppHardening } = await import('../../../src-main/electron/security');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => {
      openHandler = fn;
    },
    fire(name: string, url?: string) {
      const ev = {
        url,
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      listeners.get(name)?.(ev);
      return ev.defaultPrevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('installAppHardening', () => {
  installAppHardening(log);
  const contents = fakeContents();
  fake.appListeners.get('web-contents-created')?.({}, contents);

  it('enforces the sandbox for every renderer', () => {
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('lets the app navigate within app://leadprep only', () => {
    expect(contents.fire('will-navigate', 'app://leadprep/index.html')).toBe(false);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('opens a followed web link in the OS browser instead of replacing the app', async () => {
    fake.opened.length = 0;
    expect(contents.fire('will-navigate', 'https://machfive.io/')).toBe(true);
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://machfive.io/']);
  });

  it('never opens a new window; only http(s) links reach the OS browser', async () => {
    fake.opened.length = 0;
    expect(contents.open('https://instantly.ai/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://instantly.ai/']);
  });

  it('prevents attaching a webview', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('hardens sessions created later too', () => {
    expect(fake.appListeners.get('session-created')).toBe(hardenSession);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    let device: ((...a: unknown[]) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => (device = fn),
    } as never);
    const answers: boolean[] = [];
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request?.({}, perm, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check?.({}, 'media', 'app://leadprep')).toBe(false);
    expect(device?.({})).toBe(false);
  });
});
