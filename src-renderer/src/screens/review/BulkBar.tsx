import { useState } from 'react';
import type { ReviewFilter, ReviewState } from '../../../../src-shared/contract/review';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { plural } from '../../ui/format';

const VERB: Record<ReviewState, string> = { approved: 'Approve', rejected: 'Reject', pending: 'Reset' };
const DONE: Record<ReviewState, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  pending: 'Reset to pending',
};

interface Pending {
  state: ReviewState;
  scope: 'filter' | 'selected';
  count: number;
}

/** Review-state changes for everything the filter shows, or for the checked leads; always confirmed. */
export function BulkBar({
  runId,
  filter,
  total,
  selected,
  onClearSelection,
  onRegenerate,
}: {
  runId: number;
  filter: ReviewFilter;
  total: number;
  selected: readonly number[];
  onClearSelection(): void;
  onRegenerate(leadIds: readonly number[]): void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (p: Pending) => {
    setBusy(true);
    try {
      const r = await api.call('review.setState', {
        runId,
        state: p.state,
        target: p.scope === 'filter' ? { kind: 'filter', filter } : { kind: 'leads', leadIds: [...selected] },
      });
      toast.success(
        r.changed === 0
          ? `Nothing changed: ${plural(r.matched, 'lead')} already had that state.`
          : `${DONE[p.state]}: ${plural(r.changed, 'lead')}. Undo reverses it.`,
      );
      if (p.scope === 'selected') onClearSelection();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <div className="row review-bulk" role="group" aria-label="Bulk actions">
      <span className="muted">All {total.toLocaleString()} shown:</span>
      {(['approved', 'rejected', 'pending'] as const).map((s) => (
        <Button
          key={s}
          size="sm"
          disabled={total === 0}
          onClick={() => setPending({ state: s, scope: 'filter', count: total })}
        >
          {VERB[s]} all
        </Button>
      ))}
      {selected.length > 0 && (
        <>
          <span className="muted">{plural(selected.length, 'selected lead')}:</span>
          {(['approved', 'rejected', 'pending'] as const).map((s) => (
            <Button
              key={s}
              size="sm"
              onClick={() => setPending({ state: s, scope: 'selected', count: selected.length })}
            >
              {VERB[s]} selected
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={() => onRegenerate(selected)}>
            Regenerate selected
          </Button>
          <Button size="sm" variant="ghost" onClick={onClearSelection}>
            Clear selection
          </Button>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${VERB[pending.state]} ${plural(pending.count, 'lead')}?` : ''}
        confirmLabel={pending ? `${VERB[pending.state]} ${plural(pending.count, 'lead')}` : ''}
        danger={pending?.state === 'rejected'}
        busy={busy}
        onConfirm={() => pending && void run(pending)}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <p>
            {pending.scope === 'filter'
              ? `Every lead the current search and filters show (${pending.count.toLocaleString()}) will be set to ${pending.state}.`
              : `The ${pending.count.toLocaleString()} selected leads will be set to ${pending.state}.`}{' '}
            You can undo this afterwards.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
