import { LEAD_FLAGS, type LeadFlag } from '../../../../src-shared/import/types';
import { FLAG_LABELS } from './StateBadge';

/** Narrows the table to rows carrying one flag; each choice says how many rows carry it once counted. */
export function FlagFilter({
  value,
  counts,
  onChange,
}: {
  value: LeadFlag | null;
  counts: Readonly<Record<LeadFlag, number>> | null;
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
            {counts ? `${FLAG_LABELS[f]} (${counts[f].toLocaleString()})` : FLAG_LABELS[f]}
          </option>
        ))}
      </select>
    </label>
  );
}
