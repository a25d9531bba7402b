import { create } from 'zustand';
import { useNav } from '../../store/nav';

interface CleanTarget {
  /** The import Clean & dedupe shows; null until one is opened (the screen then offers a choice). */
  importId: number | null;
  set(importId: number | null): void;
}

export const useCleanTarget = create<CleanTarget>((set) => ({
  importId: null,
  set: (importId) => set({ importId }),
}));

/** Shows one import in Clean & dedupe; the Import screen calls this after staging, and from recent imports. */
export function openInClean(importId: number): void {
  useCleanTarget.getState().set(importId);
  useNav.getState().go('clean');
}
