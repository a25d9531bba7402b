import { useState } from 'react';
import { LEAD_STATE_LABELS } from '../../../../src-shared/import/types';
import { useLeadSelection } from '../../store/leadSelection';
import { useNav } from '../../store/nav';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { shownLeadIds } from './lead-ids';
import { filterFields, type LeadFilter, type RowSelection } from './row-selection';
import { FLAG_LABELS } from './StateBadge';

/** The most ids a `leads` selection may carry (LeadSelection in the generation contract). */
const MAX_SELECTION = 500_000;

interface Props {
  importId: number;
  fileName: string;
  selection: RowSelection;
  /** Rows ticked (see `selectedCount`). */
  selected: number;
  filter: LeadFilter;
}

/** Ids of the ready leads the filter leaves; only ready leads can be generated, so the rest are not fetched. */
export function readyLeadIds(importId: number, filter: LeadFilter): Promise<number[]> {
  return shownLeadIds(importId, { ...filterFields(filter), state: 'ready' }, 0, MAX_SELECTION - 1);
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
export function GenerateHandOff({ importId, fileName, selection, selected, filter }: Props) {
  const [collecting, setCollecting] = useState<'selected' | 'filter' | null>(null);
  const setChosen = useLeadSelection((s) => s.set);
  const go = useNav((s) => s.go);
  const filtered = filter.state !== null || filter.flag !== null || filter.search.trim() !== '';
  // A state filter other than Ready leaves nothing that could be generated.
  const filterCanYield = filtered && (filter.state === null || filter.state === 'ready');

  /** Collects the leads (the host's calls can take a moment for a big filter), then opens Generate. */
  const handTo = async (
    which: 'selected' | 'filter',
    collect: () => Promise<number[]>,
    none: string,
    label: (leadIds: readonly number[]) => string,
  ) => {
    setCollecting(which);
    try {
      const leadIds = await collect();
      if (leadIds.length === 0) {
        toast.info(none);
        return;
      }
      setChosen({ importId, leadIds, label: label(leadIds) });
      go('generate');
    } catch (e) {
      toast.error(e);
    } finally {
      setCollecting(null);
    }
  };
  // Every row shown, ticked with "select all": its ready leads, as the filter's own button hands over.
  const selectedIds = async (): Promise<number[]> => {
    if (selection.kind === 'rows') return [...selection.ids];
    const { except } = selection;
    return (await readyLeadIds(importId, selection.filter)).filter((id) => !except.has(id));
  };
  const handSelected = () =>
    handTo(
      'selected',
      selectedIds,
      'No selected lead is ready, so there is nothing to generate.',
      (ids) => `${plural(ids.length, 'selected row')} of ${fileName}`,
    );
  const handFilter = () =>
    handTo(
      'filter',
      () => readyLeadIds(importId, filter),
      'No ready lead matches this filter, so there is nothing to generate.',
      () => `ready leads of ${fileName} matching ${describe(filter)}`,
    );

  if (selected === 0 && !filterCanYield) return null;
  return (
    <div className="row" role="toolbar" aria-label="Generate">
      {selected > 0 && (
        <Button
          size="sm"
          variant="primary"
          busy={collecting === 'selected'}
          disabled={collecting !== null}
          onClick={() => void handSelected()}
        >
          Generate for {selected.toLocaleString()} selected
        </Button>
      )}
      {filterCanYield && (
        <Button
          size="sm"
          busy={collecting === 'filter'}
          disabled={collecting !== null}
          onClick={() => void handFilter()}
        >
          Generate for this filter
        </Button>
      )}
    </div>
  );
}
