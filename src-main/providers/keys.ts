import { AppError } from '../../src-shared/errors';
import { PROVIDER_LABELS, type Provider } from '../../src-shared/providers';
import type { SecretStore } from '../secrets/store';

export type KeySource = () => Promise<string>;

/** Reads a provider's key from the keychain at call time, so a replaced key takes effect at once. */
export function keySource(secrets: SecretStore, provider: Provider): KeySource {
  return async () => {
    const key = await secrets.get(provider);
    if (!key) {
      throw new AppError(
        'key_missing',
        `No ${PROVIDER_LABELS[provider]} API key is saved. Add it in Settings, then try again.`,
      );
    }
    return key;
  };
}

export interface ClientOptions {
  baseUrl: string;
  key: KeySource;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
