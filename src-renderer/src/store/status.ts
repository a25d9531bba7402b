import { create } from 'zustand';
import type { Tone } from '../ui/Badge';

export interface StatusBadge {
  text: string;
  tone: Tone;
  /** Longer explanation shown as a tooltip. */
  title?: string;
}

interface StatusState {
  badges: Record<string, StatusBadge>;
  /** Screens and background watchers publish a badge under their own key (e.g. 'runs'); null removes it. */
  setBadge(key: string, badge: StatusBadge | null): void;
}

export const useStatus = create<StatusState>((set, get) => ({
  badges: {},
  setBadge(key, badge) {
    const next = { ...get().badges };
    if (badge) next[key] = badge;
    else delete next[key];
    set({ badges: next });
  },
}));
