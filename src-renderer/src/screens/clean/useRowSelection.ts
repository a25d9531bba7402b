import { useRef, useState } from 'react';
import { toast } from '../../store/toasts';
import { shownLeadIds } from './lead-ids';
import {
  NO_ROWS,
  allShown,
  filterFields,
  isSelected,
  selectedCount,
  withRows,
  type LeadFilter,
  type RowSelection,
} from './row-selection';

export interface RowSelectionControls {
  selection: RowSelection;
  /** Rows ticked. */
  selected: number;
  /**
   * Ticks or unticks the row at `index` of the table; with `extend` (Shift held), every row from the
   * row last clicked to this one, as in a file manager.
   */
  pick(id: number, index: number, extend: boolean): void;
  /** The header box: ticked when every row shown is, mixed when some are. */
  ticked: 'none' | 'some' | 'all';
  /** What the header box does: tick every row shown when none is, else clear. */
  toggleAll(): void;
  clear(): void;
}

/**
 * The lead table's ticked rows under `filter`, which shows `shown` rows (null while not counted);
 * `version` changes whenever the import's leads do.
 */
export function useRowSelection(
  importId: number,
  filter: LeadFilter,
  shown: number | null,
  version: number,
): RowSelectionControls {
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS);
  // "Select all" ticked the rows of one filter: once the filter changes, they are not the rows shown.
  const filterKey = JSON.stringify(filterFields(filter));
  const [selectionFilterKey, setSelectionFilterKey] = useState(filterKey);
  if (selectionFilterKey !== filterKey) {
    setSelectionFilterKey(filterKey);
    if (selection.kind === 'all') setSelection(NO_ROWS);
  }
  /**
   * The row last clicked without Shift, and whether it was ticked: a Shift-click ticks (or unticks) up
   * to it. Its position is one in the rows shown when it was clicked: after another filter or a change
   * to the leads (an edit can move rows out of a state filter), a Shift-click starts afresh.
   */
  const anchor = useRef<{ index: number; on: boolean; shownAs: string } | null>(null);
  const shownAs = `${filterKey}|${version}`;
  const selected = selectedCount(selection, shown);

  const pick = (id: number, index: number, extend: boolean): void => {
    const from = anchor.current?.shownAs === shownAs ? anchor.current : null;
    if (!extend || from === null) {
      const on = !isSelected(selection, id);
      anchor.current = { index, on, shownAs };
      setSelection((prev) => withRows(prev, [id], on));
      return;
    }
    // The rows between may not be loaded (the table holds the pages in view): the host lists them.
    shownLeadIds(
      importId,
      filterFields(filter),
      Math.min(from.index, index),
      Math.max(from.index, index),
    ).then(
      (ids) => setSelection((prev) => withRows(prev, ids, from.on)),
      (e: unknown) => toast.error(e),
    );
  };

  return {
    selection,
    selected,
    pick,
    ticked:
      selected === 0 ? 'none' : selection.kind === 'all' && selection.except.size === 0 ? 'all' : 'some',
    toggleAll: () => {
      anchor.current = null;
      setSelection(selected === 0 ? allShown(filter) : NO_ROWS);
    },
    clear: () => {
      anchor.current = null;
      setSelection(NO_ROWS);
    },
  };
}
