import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeadRow, StateCounts } from '../../../../src-shared/contract/imports';
import type { LeadState } from '../../../../src-shared/import/types';
import { api, errorMessage } from '../../api/client';

export const PAGE_SIZE = 200;
/** Pages kept in memory; scrolling far away evicts the farthest ones. */
const MAX_PAGES = 12;

export interface LeadQuery {
  importId: number;
  state: LeadState | null;
  search: string;
  /** Bumped after every change to the import's leads: pages are fetched again, old rows shown meanwhile. */
  version: number;
}

export interface LeadWindow {
  /** Rows the filters leave (the virtual list's length); null before the first page arrived. */
  matching: number | null;
  counts: StateCounts | null;
  total: number | null;
  error: string | null;
  row(index: number): LeadRow | undefined;
  /** Makes sure rows [first, last] are loaded (called with the virtualiser's visible range). */
  ensure(first: number, last: number): void;
}

/**
 * The lead table's data: `leads.page` in windows of PAGE_SIZE rows, fetched as they scroll into view.
 * Only a few pages are cached, so 100k-row imports cost no more memory than small ones.
 */
export function useLeadWindow(q: LeadQuery): LeadWindow {
  const key = `${q.importId}|${q.state ?? ''}|${q.search}`;
  const pages = useRef(new Map<number, LeadRow[]>());
  /** Rows of the previous version, shown until the fresh page arrives (no flicker after an edit). */
  const stale = useRef(new Map<number, LeadRow[]>());
  const loading = useRef(new Set<number>());
  const lastRange = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const [, render] = useState(0);
  const [meta, setMeta] = useState<{
    matching: number | null;
    counts: StateCounts | null;
    total: number | null;
    error: string | null;
  }>({
    matching: null,
    counts: null,
    total: null,
    error: null,
  });

  const fetchPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      api
        .call('leads.page', {
          importId: q.importId,
          ...(q.state ? { state: q.state } : {}),
          ...(q.search.trim() ? { search: q.search.trim() } : {}),
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then(
          (r) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            pages.current.set(page, r.rows);
            stale.current.delete(page);
            evict(pages.current, lastRange.current);
            setMeta({ matching: r.matching, counts: r.counts, total: r.total, error: null });
            render((n) => n + 1);
          },
          (e: unknown) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            setMeta((m) => ({ ...m, error: errorMessage(e) }));
          },
        );
    },
    [q.importId, q.state, q.search],
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

  // A new query starts from scratch; a new version of the same query keeps old rows as placeholders.
  const previousKey = useRef(key);
  useEffect(() => {
    generation.current++;
    loading.current.clear();
    if (previousKey.current === key) {
      stale.current = pages.current;
    } else {
      stale.current = new Map();
      setMeta({ matching: null, counts: null, total: null, error: null });
    }
    previousKey.current = key;
    pages.current = new Map();
    const [first, last] = lastRange.current;
    ensure(first, last);
  }, [key, q.version, ensure]);

  const row = (index: number): LeadRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return (pages.current.get(page) ?? stale.current.get(page))?.[index % PAGE_SIZE];
  };

  return { ...meta, row, ensure };
}

function evict(pages: Map<number, LeadRow[]>, [first, last]: [number, number]): void {
  if (pages.size <= MAX_PAGES) return;
  const centre = (first + last) / 2 / PAGE_SIZE;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of far.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
}
