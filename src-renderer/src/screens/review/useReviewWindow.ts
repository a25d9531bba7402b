import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewCounts, ReviewFilter, ReviewRow } from '../../../../src-shared/contract/review';
import { api, errorMessage } from '../../api/client';

export const PAGE_SIZE = 200;
/** Pages kept in memory; scrolling far away evicts the farthest ones, so 100k leads cost what 2k do. */
const MAX_PAGES = 10;

export interface ReviewWindow {
  /** Leads matching the whole filter (the list's length); null before the first answer. */
  total: number | null;
  counts: ReviewCounts | null;
  error: string | null;
  row(index: number): ReviewRow | undefined;
  /** Makes sure rows [first, last] are loaded (called with the virtualiser's visible range). */
  ensure(first: number, last: number): void;
}

/**
 * The review list's data: 'review.list' in windows of PAGE_SIZE, fetched as they scroll into view.
 * Counts are asked for once per query or version (they do not change with the page).
 */
export function useReviewWindow(runId: number, filter: ReviewFilter, version: number): ReviewWindow {
  const key = `${runId}|${JSON.stringify(filter)}`;
  const pages = useRef(new Map<number, ReviewRow[]>());
  /** The previous version's rows, shown until fresh ones arrive (no flicker after approving). */
  const stale = useRef(new Map<number, ReviewRow[]>());
  const loading = useRef(new Set<number>());
  const needCounts = useRef(true);
  const lastRange = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const [, render] = useState(0);
  const [meta, setMeta] = useState<{
    total: number | null;
    counts: ReviewCounts | null;
    error: string | null;
  }>({
    total: null,
    counts: null,
    error: null,
  });

  const fetchPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      const counts = needCounts.current;
      needCounts.current = false;
      api
        .call('review.list', {
          runId,
          filter: filterRef.current,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          counts,
        })
        .then(
          (r) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            pages.current.set(page, r.rows);
            stale.current.delete(page);
            evict(pages.current, lastRange.current);
            setMeta((m) => ({ total: r.total, counts: r.counts ?? m.counts, error: null }));
            render((n) => n + 1);
          },
          (e: unknown) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            if (counts) needCounts.current = true;
            setMeta((m) => ({ ...m, error: errorMessage(e) }));
          },
        );
    },
    // key stands for runId + filter: a new query gets a new fetcher.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(Math.max(first, last) / PAGE_SIZE); p++) {
        if (!pages.current.has(p)) fetchPage(p);
      }
    },
    [fetchPage],
  );

  const previousKey = useRef(key);
  useEffect(() => {
    generation.current++;
    loading.current.clear();
    needCounts.current = true;
    if (previousKey.current === key) {
      stale.current = new Map([...stale.current, ...pages.current]);
      evict(stale.current, lastRange.current);
    } else {
      // A new filter: the old rows mean nothing here, and the list starts at the top.
      stale.current = new Map();
      lastRange.current = [0, 0];
      setMeta((m) => ({ total: null, counts: m.counts, error: null }));
    }
    previousKey.current = key;
    pages.current = new Map();
    const [first, last] = lastRange.current;
    ensure(first, last);
  }, [key, version, ensure]);

  const row = (index: number): ReviewRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return (pages.current.get(page) ?? stale.current.get(page))?.[index % PAGE_SIZE];
  };

  return { ...meta, row, ensure };
}

function evict(pages: Map<number, ReviewRow[]>, [first, last]: [number, number]): void {
  if (pages.size <= MAX_PAGES) return;
  const centre = (first + last) / 2 / PAGE_SIZE;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of far.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
}
