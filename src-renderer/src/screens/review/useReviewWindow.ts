import { useState } from 'react';
import type { ReviewCounts, ReviewFilter, ReviewRow } from '../../../../src-shared/contract/review';
import { api } from '../../api/client';
import { usePagedWindow, type PagedWindow } from '../../ui/usePagedWindow';

export interface ReviewWindow extends Pick<PagedWindow<ReviewRow>, 'total' | 'error' | 'row' | 'ensure'> {
  /** The last counts answered; kept across filters so the chips do not blank out while typing. */
  counts: ReviewCounts | null;
}

/**
 * The review list's data: 'review.list', fetched as the rows scroll into view. Counts are asked for
 * once per query or version (they do not change with the page).
 */
export function useReviewWindow(runId: number, filter: ReviewFilter, version: number): ReviewWindow {
  const w = usePagedWindow({
    key: `${runId}|${JSON.stringify(filter)}`,
    version,
    maxPages: 10,
    // Approvals come in quick bursts, each bumping the version: never fall back to an empty window.
    keepOlderVersions: true,
    fetchPage: (offset, limit, first) =>
      api.call('review.list', { runId, filter, offset, limit, counts: first }),
  });
  const [counts, setCounts] = useState<ReviewCounts | null>(null);
  const answered = w.latest?.counts;
  // Pages after the first of a version come without counts: keep the last ones (derived state, set while rendering).
  if (answered && answered !== counts) setCounts(answered);
  return { total: w.total, counts: answered ?? counts, error: w.error, row: w.row, ensure: w.ensure };
}
