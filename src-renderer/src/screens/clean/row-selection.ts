/*
 * The rows ticked in the lead table: some picked one by one, or every row the filter shows (the
 * header's "select all"), less any unticked since. The second kind never lists its ids: a filter can
 * show 100k leads, and the host finds them itself when a bulk action runs (`leads.bulk` `matching`).
 */
import type { LeadMatch } from '../../../../src-shared/contract/imports';
import type { LeadFlag, LeadState } from '../../../../src-shared/import/types';

/** What the lead table shows. */
export interface LeadFilter {
  state: LeadState | null;
  flag: LeadFlag | null;
  search: string;
}

export type RowSelection =
  | { kind: 'rows'; ids: ReadonlySet<number> }
  | { kind: 'all'; filter: LeadFilter; except: ReadonlySet<number> };

export const NO_ROWS: RowSelection = { kind: 'rows', ids: new Set() };

/** Every row `filter` shows. */
export function allShown(filter: LeadFilter): RowSelection {
  return { kind: 'all', filter, except: new Set() };
}

export function isSelected(selection: RowSelection, id: number): boolean {
  return selection.kind === 'rows' ? selection.ids.has(id) : !selection.except.has(id);
}

/** The selection with every row of `ids` ticked (`on`) or unticked. */
export function withRows(selection: RowSelection, ids: readonly number[], on: boolean): RowSelection {
  // Under "select all" the rows listed are the unticked ones.
  const listed = new Set(selection.kind === 'rows' ? selection.ids : selection.except);
  const list = selection.kind === 'rows' ? on : !on;
  for (const id of ids) {
    if (list) listed.add(id);
    else listed.delete(id);
  }
  return selection.kind === 'rows' ? { kind: 'rows', ids: listed } : { ...selection, except: listed };
}

/** The selection with one row ticked or unticked. */
export function toggled(selection: RowSelection, id: number): RowSelection {
  return withRows(selection, [id], !isSelected(selection, id));
}

/** How many rows are ticked, given how many the filter shows now (`shown`; null while not counted). */
export function selectedCount(selection: RowSelection, shown: number | null): number {
  if (selection.kind === 'rows') return selection.ids.size;
  return Math.max(0, (shown ?? 0) - selection.except.size);
}

/** The filter as `leads.page` and `leads.bulk` take it: unset parts left out, the search trimmed. */
export function filterFields(filter: LeadFilter): Omit<LeadMatch, 'exceptIds'> {
  const search = filter.search.trim();
  return {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.flag ? { flag: filter.flag } : {}),
    ...(search ? { search } : {}),
  };
}

/** The part of a `leads.bulk` call that names the selected leads. */
export function bulkTarget(selection: RowSelection): { leadIds: number[] } | { matching: LeadMatch } {
  if (selection.kind === 'rows') return { leadIds: [...selection.ids] };
  const except = [...selection.except];
  return {
    matching: { ...filterFields(selection.filter), ...(except.length > 0 ? { exceptIds: except } : {}) },
  };
}
