import type { StateCounts } from '../../../../src-shared/contract/imports';
import { LEAD_STATES, LEAD_STATE_LABELS } from '../../../../src-shared/import/types';
import { Badge } from '../../ui/Badge';
import { STATE_TONES } from './StateBadge';

/** Counts per state as a compact line of badges (states with 0 are left out). */
export function CountsLine({ counts }: { counts: StateCounts }) {
  return (
    <p className="row counts-line">
      {LEAD_STATES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} tone={STATE_TONES[s]}>
          {counts[s].toLocaleString()} {LEAD_STATE_LABELS[s].toLowerCase()}
        </Badge>
      ))}
    </p>
  );
}
