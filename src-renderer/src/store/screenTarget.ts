import type { StoreApi, UseBoundStore } from 'zustand';
import type { ScreenId } from '../screens/registry';
import { keptValue, type Kept } from './kept';
import { useNav } from './nav';

/**
 * What `screen` is about (the id of an import, a run) as a store, and the way other screens open it on
 * one: `open(id)` sets the id, then switches to the screen.
 */
export function screenTarget(screen: ScreenId): {
  useTarget: UseBoundStore<StoreApi<Kept<number>>>;
  open(id: number): void;
} {
  const useTarget = keptValue<number>();
  return {
    useTarget,
    open: (id) => {
      useTarget.getState().set(id);
      useNav.getState().go(screen);
    },
  };
}
