import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultRow } from '../../../../src-shared/contract/push';
import type { ItemState } from '../../../../src-shared/push/types';
import { api, errorMessage } from '../../api/client';

const PAGE_SIZE = 200;
/** Pages kept in memory; the farthest from the visible rows are dropped first. */
const MAX_PAGES = 10;

export interface ResultsQuery {
  pushId: number;
  state: ItemState | null;
  search: string;
  /** Bumped when the push changes: pages are fetched again, the old rows stay visible meanwhile. */
  version: number;
}

export interface ResultsWindow {
  total: number | null;
  error: string | null;
  row(index: number): ResultRow | undefined;
  ensure(first: number, last: number): void;
}

/** push.results in windows of PAGE_SIZE rows, fetched as they scroll into view. */
export function useResultsWindow(q: ResultsQuery): ResultsWindow {
  const key = `${q.pushId}|${q.state ?? ''}|${q.search}`;
  const pages = useRef(new Map<number, ResultRow[]>());
  const stale = useRef(new Map<number, ResultRow[]>());
  const loading = useRef(new Set<number>());
  const range = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const [, render] = useState(0);
  const [meta, setMeta] = useState<{ total: number | null; error: string | null }>({
    total: null,
    error: null,
  });

  const fetchPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      api
        .call('push.results', {
          pushId: q.pushId,
          ...(q.state ? { states: [q.state] } : {}),
          ...(q.search.trim() ? { search: q.search.trim() } : {}),
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then(
          (r) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            pages.current.set(page, r.items);
            stale.current.delete(page);
            evict(pages.current, range.current);
            setMeta({ total: r.total, error: null });
            render((n) => n + 1);
          },
          (e: unknown) => {
            if (gen !== generation.current) return;
            loading.current.delete(page);
            setMeta((m) => ({ ...m, error: errorMessage(e) }));
          },
        );
    },
    [q.pushId, q.state, q.search],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
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
    if (previousKey.current === key) {
      stale.current = pages.current;
    } else {
      stale.current = new Map();
      range.current = [0, 0];
      setMeta({ total: null, error: null });
    }
    previousKey.current = key;
    pages.current = new Map();
    ensure(range.current[0], range.current[1]);
  }, [key, q.version, ensure]);

  const row = (index: number): ResultRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return (pages.current.get(page) ?? stale.current.get(page))?.[index % PAGE_SIZE];
  };
  return { ...meta, row, ensure };
}

function evict(pages: Map<number, ResultRow[]>, [first, last]: [number, number]): void {
  if (pages.size <= MAX_PAGES) return;
  const centre = (first + last) / 2 / PAGE_SIZE;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of far.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
}
