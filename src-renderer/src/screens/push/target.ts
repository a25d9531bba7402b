import { create } from 'zustand';
import { useNav } from '../../store/nav';

interface PushTarget {
  /** The run Push opens on next, in place of the newest with approved leads; read once. */
  runId: number | null;
  set(runId: number | null): void;
}

export const usePushTarget = create<PushTarget>((set) => ({
  runId: null,
  set: (runId) => set({ runId }),
}));

/** Opens Push on one run (e.g. from Review, once its leads are approved). */
export function openInPush(runId: number): void {
  usePushTarget.getState().set(runId);
  useNav.getState().go('push');
}
