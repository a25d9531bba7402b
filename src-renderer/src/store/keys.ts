import { create } from 'zustand';
import type { KeysOverview } from '../../../src-shared/contract/settings';
import type { Provider } from '../../../src-shared/providers';
import { api, errorMessage } from '../api/client';

interface KeysState {
  overview: KeysOverview | null;
  loadError: string | null;
  refresh(): Promise<void>;
  /** Applies a 'keys.changed' event (or any fresh overview) without another round trip. */
  apply(overview: KeysOverview): void;
}

/** Key status for every provider, shared by Settings, the status bar and any screen that needs a key. */
export const useKeys = create<KeysState>((set) => ({
  overview: null,
  loadError: null,
  async refresh() {
    try {
      set({ overview: await api.call('keys.status', {}), loadError: null });
    } catch (e) {
      set({ loadError: errorMessage(e) });
    }
  },
  apply: (overview) => set({ overview, loadError: null }),
}));

export const isKeySet = (overview: KeysOverview | null, provider: Provider): boolean =>
  overview?.providers.find((p) => p.provider === provider)?.set ?? false;
