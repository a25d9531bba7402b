import { useState } from 'react';
import { MAX_PAGE } from '../../../../src-shared/contract/imports';
import { LEAD_STATE_LABELS, type LeadFlag, type LeadState } from '../../../../src-shared/import/types';
import { api } from '../../api/client';
import { useLeadSelection } from '../../store/leadSelection';
import { useNav } from '../../store/nav';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { FLAG_LABELS } from './StateBadge';

/** The most ids a `leads` selection may carry (LeadSelection in the generation contract). */
const MAX_SELECTION = 500_000;

export interface LeadFilter {
  state: LeadState | null;
  flag: LeadFlag | null;
  search: string;
}

interface Props {
  importId: number;
  fileName: string;
  selected: ReadonlySet<number>;
  filter: LeadFilter;
}

/** Ids of the ready leads the filter leaves; only ready leads can be generated, so the rest are not fetched. */
export async function readyLeadIds(importId: number, filter: LeadFilter): Promise<number[]> {
  const ids: number[] = [];
  const search = filter.search.trim();
  for (let offset = 0; ids.length < MAX_SELECTION; offset += MAX_PAGE) {
    const page = await api.call('leads.page', {
      importId,
      state: 'ready',
      ...(filter.flag ? { flag: filter.flag } : {}),
      ...(search ? { search } : {}),
      offset,
      limit: MAX_PAGE,
    });
    for (const row of page.rows) ids.push(row.id);
    if (page.rows.length < MAX_PAGE || offset + MAX_PAGE >= page.matching) break;
  }
  return ids.slice(0, MAX_SELECTION);
}

function describe(filter: LeadFilter): string {
  const search = filter.search.trim();
  return [
    filter.state && LEAD_STATE_LABELS[filter.state].toLowerCase(),
    filter.flag && FLAG_LABELS[filter.flag].toLowerCase(),
    search && `“${search}”`,
  ]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join(', ');
}

/** Hands the ticked rows, or the ready leads of the current filter, of a committed import to Generate. */
export function GenerateHandOff({ importId, fileName, selected, filter }: Props) {
  const [collecting, setCollecting] = useState(false);
  const setChosen = useLeadSelection((s) => s.set);
  const go = useNav((s) => s.go);
  const filtered = filter.state !== null || filter.flag !== null || filter.search.trim() !== '';
  // A state filter other than Ready leaves nothing that could be generated.
  const filterCanYield = filtered && (filter.state === null || filter.state === 'ready');

  const handSelected = () => {
    setChosen({
      importId,
      leadIds: [...selected],
      label: `${plural(selected.size, 'selected row')} of ${fileName}`,
    });
    go('generate');
  };
  const handFilter = async () => {
    setCollecting(true);
    try {
      const leadIds = await readyLeadIds(importId, filter);
      if (leadIds.length === 0) {
        toast.info('No ready lead matches this filter, so there is nothing to generate.');
        return;
      }
      setChosen({ importId, leadIds, label: `ready leads of ${fileName} matching ${describe(filter)}` });
      go('generate');
    } catch (e) {
      toast.error(e);
    } finally {
      setCollecting(false);
    }
  };

  if (selected.size === 0 && !filterCanYield) return null;
  return (
    <div className="row" role="toolbar" aria-label="Generate">
      {selected.size > 0 && (
        <Button size="sm" variant="primary" disabled={collecting} onClick={handSelected}>
          Generate for {selected.size.toLocaleString()} selected
        </Button>
      )}
      {filterCanYield && (
        <Button size="sm" busy={collecting} onClick={() => void handFilter()}>
          Generate for this filter
        </Button>
      )}
    </div>
  );
}
