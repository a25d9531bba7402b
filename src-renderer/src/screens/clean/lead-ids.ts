import { MAX_PAGE, type LeadMatch } from '../../../../src-shared/contract/imports';
import { api } from '../../api/client';

/**
 * Ids of the leads a filter shows at positions `first` to `last` (inclusive, in row order), read a
 * page at a time; fewer when the filter shows fewer.
 */
export async function shownLeadIds(
  importId: number,
  filter: Omit<LeadMatch, 'exceptIds'>,
  first: number,
  last: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = first; offset <= last; offset += MAX_PAGE) {
    const limit = Math.min(MAX_PAGE, last - offset + 1);
    const page = await api.call('leads.page', { importId, ...filter, offset, limit });
    for (const row of page.rows) ids.push(row.id);
    if (page.rows.length < limit || offset + limit >= page.matching) break;
  }
  return ids;
}
