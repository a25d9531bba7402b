import { create } from 'zustand';
import { useNav } from '../../store/nav';

interface ReviewTarget {
  /** The run Review shows; null until one is chosen (the screen then picks the newest with sequences). */
  runId: number | null;
  set(runId: number | null): void;
}

export const useReviewTarget = create<ReviewTarget>((set) => ({
  runId: null,
  set: (runId) => set({ runId }),
}));

/** Shows one run in Review (e.g. from the Generate screen's run list). */
export function openInReview(runId: number): void {
  useReviewTarget.getState().set(runId);
  useNav.getState().go('review');
}
