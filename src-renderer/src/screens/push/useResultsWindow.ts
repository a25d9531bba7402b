import type { ResultRow } from '../../../../src-shared/contract/push';
import type { ItemState } from '../../../../src-shared/push/types';
import { api } from '../../api/client';
import { usePagedWindow, type PagedWindow } from '../../ui/usePagedWindow';

export interface ResultsQuery {
  pushId: number;
  state: ItemState | null;
  search: string;
  /** Bumped when the push changes: pages are fetched again, the old rows stay visible meanwhile. */
  version: number;
}

export type ResultsWindow = Pick<PagedWindow<ResultRow>, 'total' | 'error' | 'row' | 'ensure'>;

/** push.results, fetched as the rows scroll into view. */
export function useResultsWindow(q: ResultsQuery): ResultsWindow {
  return usePagedWindow({
    key: `${q.pushId}|${q.state ?? ''}|${q.search}`,
    version: q.version,
    maxPages: 10,
    fetchPage: async (offset, limit) => {
      const r = await api.call('push.results', {
        pushId: q.pushId,
        ...(q.state ? { states: [q.state] } : {}),
        ...(q.search.trim() ? { search: q.search.trim() } : {}),
        offset,
        limit,
      });
      return { total: r.total, rows: r.items };
    },
  });
}
