import { AppError } from '../../src-shared/errors';
import type { Provider } from '../../src-shared/providers';
import { forgetSecret, rememberSecret } from './redact';

export const KEYCHAIN_SERVICE = 'LeadPrep';

/** The few keychain operations LeadPrep needs; kept small so keytar could be swapped for safeStorage. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeychainAvailability {
  available: boolean;
  reason: string | null;
}

export interface SecretStore {
  availability(): Promise<KeychainAvailability>;
  get(provider: Provider): Promise<string | null>;
  has(provider: Provider): Promise<boolean>;
  set(provider: Provider, key: string): Promise<void>;
  clear(provider: Provider): Promise<void>;
}

const TIMEOUT_MS = 8000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`the keychain did not answer within ${TIMEOUT_MS / 1000} s while trying to ${what}`),
        ),
      TIMEOUT_MS,
    );
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function explainKeychainFailure(cause: string): string {
  const base = `The system keychain is not available (${cause}).`;
  if (process.platform === 'linux') {
    return `${base} LeadPrep stores API keys only in the OS keychain: on Linux start a Secret Service such as GNOME Keyring (it needs a D-Bus session, e.g. run LeadPrep from your desktop session or under dbus-run-session) and try again. Keys are never stored anywhere else.`;
  }
  return `${base} Unlock your keychain and try again. Keys are never stored anywhere else.`;
}

/** Keytar-backed store. It never falls back to plaintext: without a keychain, saving a key fails. */
export function createSecretStore(
  backend: KeychainBackend | Promise<KeychainBackend>,
  service: string = KEYCHAIN_SERVICE,
): SecretStore {
  const ready = Promise.resolve(backend);
  const run = async <T>(what: string, op: (b: KeychainBackend) => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(
        ready.then((b) => op(b)),
        what,
      );
    } catch (e) {
      throw new AppError('keychain_unavailable', explainKeychainFailure((e as Error).message));
    }
  };
  const store: SecretStore = {
    async availability() {
      try {
        // A read of an account that may not exist proves the Secret Service answers.
        await run('check availability', (b) => b.getPassword(service, '__leadprep_probe__'));
        return { available: true, reason: null };
      } catch (e) {
        return { available: false, reason: (e as Error).message };
      }
    },
    async get(provider) {
      const key = await run(`read the ${provider} key`, (b) => b.getPassword(service, provider));
      if (key) rememberSecret(key);
      return key;
    },
    async has(provider) {
      return (await store.get(provider)) !== null;
    },
    async set(provider, key) {
      rememberSecret(key);
      await run(`save the ${provider} key`, (b) => b.setPassword(service, provider, key));
    },
    async clear(provider) {
      const old = await store.get(provider);
      await run(`remove the ${provider} key`, (b) => b.deletePassword(service, provider));
      if (old) forgetSecret(old);
    },
  };
  return store;
}

/** Loads keytar lazily: its native module failing to load is itself a "keychain unavailable" case. */
export function keytarBackend(): Promise<KeychainBackend> {
  return import('keytar').then((m) => (m.default ?? m) as KeychainBackend);
}
