import { LEAD_FLAGS, type LeadFlag } from '../../../../src-shared/import/types';
import { FLAG_LABELS } from './StateBadge';

/**
 * Narrows the table to rows carrying one flag. `leads.page` counts per state only, so a select
 * (every flag, no counts) rather than chips with numbers that would have to be guessed.
 */
export function FlagFilter({
  value,
  onChange,
}: {
  value: LeadFlag | null;
  onChange(flag: LeadFlag | null): void;
}) {
  return (
    <label className="row flag-filter">
      <span>Flag:</span>
      <select
        className="select"
        value={value ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(LEAD_FLAGS.find((f) => f === v) ?? null);
        }}
      >
        <option value="">Any</option>
        {LEAD_FLAGS.map((f) => (
          <option key={f} value={f}>
            {FLAG_LABELS[f]}
          </option>
        ))}
      </select>
    </label>
  );
}
