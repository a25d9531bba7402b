import type { ReviewRow, ReviewState } from '../../../../src-shared/contract/review';
import { Badge, type Tone } from '../../ui/Badge';

const STATE: Record<ReviewState, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  approved: { label: 'Approved', tone: 'ok' },
  rejected: { label: 'Rejected', tone: 'danger' },
};

const GEN: Record<Exclude<ReviewRow['genState'], 'generated'>, { label: string; tone: Tone }> = {
  pending: { label: 'Generating', tone: 'info' },
  not_generated: { label: 'Not generated', tone: 'warn' },
  failed: { label: 'Generation failed', tone: 'danger' },
};

export const stateLabel = (s: ReviewState): string => STATE[s].label;

export function ReviewStateBadge({
  state,
  genState,
}: {
  state: ReviewState;
  genState: ReviewRow['genState'];
}) {
  return (
    <span className="row-tight">
      <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>
      {genState !== 'generated' && <Badge tone={GEN[genState].tone}>{GEN[genState].label}</Badge>}
    </span>
  );
}
