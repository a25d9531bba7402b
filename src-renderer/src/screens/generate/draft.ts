import { create } from 'zustand';
import type { RunOptionFields } from './form';

interface RunDraft {
  /** The options typed in the New run form, kept while the user visits other screens; null until then. */
  options: RunOptionFields | null;
  set(options: RunOptionFields): void;
}

export const useRunDraft = create<RunDraft>((set) => ({
  options: null,
  set: (options) => set({ options }),
}));
