import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ScreenId } from '../screens/registry';
import { useNav } from './nav';

export interface ScreenTarget {
  /** What the screen shows or opens on (an import, a run); null until something chooses it. */
  id: number | null;
  set(id: number | null): void;
}

/**
 * What `screen` is about (an import, a run) as a store, and the way other screens open it on one:
 * `open(id)` sets the id, then switches to the screen.
 */
export function screenTarget(screen: ScreenId): {
  useTarget: UseBoundStore<StoreApi<ScreenTarget>>;
  open(id: number): void;
} {
  const useTarget = create<ScreenTarget>((set) => ({ id: null, set: (id) => set({ id }) }));
  return {
    useTarget,
    open: (id) => {
      useTarget.getState().set(id);
      useNav.getState().go(screen);
    },
  };
}
