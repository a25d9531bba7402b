import type { LeadRow, StateCounts } from '../../../../src-shared/contract/imports';
import { api } from '../../api/client';
import { usePagedWindow, type PagedWindow } from '../../ui/usePagedWindow';
import { filterFields, type LeadFilter } from './row-selection';

export interface LeadQuery extends LeadFilter {
  importId: number;
  /** Bumped after every change to the import's leads: pages are fetched again, old rows shown meanwhile. */
  version: number;
}

export interface LeadWindow extends Pick<PagedWindow<LeadRow>, 'error' | 'row' | 'ensure'> {
  /** Rows the filters leave (the virtual list's length); null before the first page arrived. */
  matching: number | null;
  counts: StateCounts | null;
  total: number | null;
}

/** The lead table's data: `leads.page`, fetched as the rows scroll into view. */
export function useLeadWindow(q: LeadQuery): LeadWindow {
  const w = usePagedWindow({
    key: `${q.importId}|${q.state ?? ''}|${q.flag ?? ''}|${q.search}`,
    version: q.version,
    maxPages: 12,
    // An edit bumps the version twice (the edit's answer, then the import's change event): with only
    // the last version's rows kept, the table flashed "Loading…" and the focused cell was lost.
    keepOlderVersions: true,
    fetchPage: async (offset, limit) => {
      const r = await api.call('leads.page', {
        importId: q.importId,
        ...filterFields(q),
        offset,
        limit,
      });
      return { total: r.matching, rows: r.rows, counts: r.counts, leads: r.total };
    },
  });
  return {
    matching: w.total,
    counts: w.latest?.counts ?? null,
    total: w.latest?.leads ?? null,
    error: w.error,
    row: w.row,
    ensure: w.ensure,
  };
}
