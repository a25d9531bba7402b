import type { ImportSummary, StateCounts } from '../../../../src-shared/contract/imports';
import { LEAD_STATES, LEAD_STATE_LABELS, type LeadState } from '../../../../src-shared/import/types';
import { plural } from '../../ui/format';

interface Props {
  counts: StateCounts | null;
  total: number | null;
  /** The rows of the file that are not leads; null until the import's summary is read. */
  skipped: Pick<ImportSummary, 'blankRows' | 'hiddenRows' | 'headerRepeats' | 'footerRows'> | null;
  active: LeadState | null;
  onChange(state: LeadState | null): void;
}

/** "All" plus one chip per state; the chips always add up to All, and the rows skipped are said out loud. */
export function StateFilters({ counts, total, skipped, active, onChange }: Props) {
  const { blankRows = 0, hiddenRows = 0, headerRepeats = 0, footerRows = 0 } = skipped ?? {};
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
      {headerRepeats > 0 && (
        <span className="muted">
          {plural(headerRepeats, 'repeat')} of the header row skipped (files or pages joined together)
        </span>
      )}
      {footerRows > 0 && (
        <span className="muted">
          {plural(footerRows, 'line')} of the report's footer skipped (page numbers, totals, notices)
        </span>
      )}
    </div>
  );
}
