import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

export const PAGE_SIZE = 200;

/** One answer of the paged call: the list's length under the current query, and the asked-for rows. */
export interface Page<Row> {
  total: number;
  rows: readonly Row[];
}

type RowOf<P extends Page<unknown>> = P['rows'][number];

export interface PagedWindowOptions<P extends Page<unknown>> {
  /** Identifies the query: a new key drops every cached row and the list starts over at the top. */
  key: string;
  /** Bumped when the data changed: pages are fetched again, the old rows stay visible meanwhile. */
  version: number;
  /**
   * Asks for rows [offset, offset + limit). `first` is true for the first request after the key or
   * version changed (and again after that request failed): the place for once-per-query extras.
   * Read when the key changes, so it may only depend on what the key stands for.
   */
  fetchPage(offset: number, limit: number, first: boolean): Promise<P>;
  /** Pages kept in memory; the farthest from the visible rows are dropped first. */
  maxPages: number;
  /**
   * Keep rows of every earlier version (not only the last) as placeholders until fresh ones arrive,
   * so versions bumped in quick succession never show an empty window.
   */
  keepOlderVersions?: boolean;
}

export interface PagedWindow<Row, P = unknown> {
  /** Rows the query gives (the virtual list's length); null before the first page of this key arrived. */
  total: number | null;
  error: string | null;
  /** The newest answer for this key (null after the key changed): where per-query extras are read. */
  latest: P | null;
  row(index: number): Row | undefined;
  /** Makes sure rows [first, last] are loaded (called with the virtualiser's visible range). */
  ensure(first: number, last: number): void;
}

interface Meta<P> {
  total: number | null;
  error: string | null;
  latest: P | null;
}

const EMPTY = { total: null, error: null, latest: null };

/**
 * A virtualised list's data, fetched in windows of PAGE_SIZE rows as they scroll into view. Only
 * `maxPages` pages are cached, so 100k-row lists cost no more memory than small ones.
 */
export function usePagedWindow<P extends Page<unknown>>(
  opts: PagedWindowOptions<P>,
): PagedWindow<RowOf<P>, P> {
  type Row = RowOf<P>;
  const { key, version, maxPages, keepOlderVersions = false } = opts;
  const fetchRef = useRef(opts.fetchPage);
  fetchRef.current = opts.fetchPage;
  const pages = useRef(new Map<number, readonly Row[]>());
  /** Rows of earlier versions, shown until the fresh page arrives (no flicker after an edit). */
  const stale = useRef(new Map<number, readonly Row[]>());
  const loading = useRef(new Set<number>());
  const firstPending = useRef(true);
  const lastRange = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const [, render] = useState(0);
  const [meta, setMeta] = useState<Meta<P>>(EMPTY);

  const fetchPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      const first = firstPending.current;
      firstPending.current = false;
      fetchRef.current(page * PAGE_SIZE, PAGE_SIZE, first).then(
        (r) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, r.rows);
          stale.current.delete(page);
          evict(pages.current, lastRange.current, maxPages);
          setMeta({ total: r.total, error: null, latest: r });
          render((n) => n + 1);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          if (first) firstPending.current = true;
          setMeta((m) => ({ ...m, error: errorMessage(e) }));
        },
      );
    },
    // The key stands for everything fetchPage reads: a new query gets a new fetcher.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, maxPages],
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
    firstPending.current = true;
    if (previousKey.current === key) {
      if (keepOlderVersions) {
        stale.current = new Map([...stale.current, ...pages.current]);
        evict(stale.current, lastRange.current, maxPages);
      } else {
        stale.current = pages.current;
      }
    } else {
      // A new query: the old rows mean nothing here, and the list starts at the top.
      stale.current = new Map();
      lastRange.current = [0, 0];
      setMeta(EMPTY);
    }
    previousKey.current = key;
    pages.current = new Map();
    const [first, last] = lastRange.current;
    ensure(first, last);
  }, [key, version, ensure, keepOlderVersions, maxPages]);

  const row = (index: number): Row | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    return (pages.current.get(page) ?? stale.current.get(page))?.[index % PAGE_SIZE];
  };

  return { ...meta, row, ensure };
}

function evict<Row>(pages: Map<number, Row>, [first, last]: [number, number], maxPages: number): void {
  if (pages.size <= maxPages) return;
  const centre = (first + last) / 2 / PAGE_SIZE;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of far.slice(0, pages.size - maxPages)) pages.delete(p);
}
