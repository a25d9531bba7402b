import type { StateCounts } from '../../../../src-shared/contract/imports';
import { LEAD_STATES, LEAD_STATE_LABELS, type LeadState } from '../../../../src-shared/import/types';
import { plural } from '../../ui/format';

interface Props {
  counts: StateCounts | null;
  total: number | null;
  blankRows: number;
  hiddenRows: number;
  active: LeadState | null;
  onChange(state: LeadState | null): void;
}

/** "All" plus one chip per state; the chips always add up to All, and skipped blank and hidden rows are said out loud. */
export function StateFilters({ counts, total, blankRows, hiddenRows, active, onChange }: Props) {
  const chip = (state: LeadState | null, label: string, n: number | undefined) => (
    <button
      key={state ?? 'all'}
      type="button"
      className="chip"
      aria-pressed={active === state}
      onClick={() => onChange(state)}
    >
      {label} <span className="chip-count">{n === undefined ? '…' : n.toLocaleString()}</span>
    </button>
  );
  return (
    <div className="row state-filters" role="group" aria-label="Filter by state">
      {chip(null, 'All', total ?? undefined)}
      {LEAD_STATES.map((s) => chip(s, LEAD_STATE_LABELS[s], counts?.[s]))}
      {blankRows > 0 && <span className="muted">{plural(blankRows, 'empty row')} in the file skipped</span>}
      {hiddenRows > 0 && (
        <span className="muted">{plural(hiddenRows, 'row')} hidden in the sheet left out</span>
      )}
    </div>
  );
}
