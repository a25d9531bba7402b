import { useEffect, useState } from 'react';
import type { StepEditEntry } from '../../../../src-shared/contract/review';
import { api, errorMessage } from '../../api/client';
import { Button } from '../../ui/Button';
import { absoluteTime, relativeTime } from '../../ui/format';

const KIND: Record<StepEditEntry['kind'], string> = {
  edit: 'Edited',
  revert: 'Reverted to generated',
  undo: 'Undone',
  regenerated: 'Regenerated',
};

/** Every saved version of one step, newest first; each can be restored (which is itself undoable). */
export function StepHistory({
  runId,
  leadId,
  step,
  version,
  onRestore,
}: {
  runId: number;
  leadId: number;
  step: number;
  /** Changes whenever the step's text changes, so the list follows. */
  version: string;
  onRestore(entry: StepEditEntry): Promise<void>;
}) {
  const [entries, setEntries] = useState<StepEditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api.call('review.history', { runId, leadId, step }).then(
      (r) => {
        if (live) setEntries([...r.entries].sort((a, b) => b.at - a.at || b.id - a.id));
      },
      (e: unknown) => {
        if (live) setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [runId, leadId, step, version]);

  if (error) return <p className="field-error">{error}</p>;
  if (!entries) return <p className="muted">Loading history…</p>;
  if (entries.length === 0) return <p className="muted">No changes yet: this is the text MachFive wrote.</p>;
  return (
    <ol className="history-list" aria-label={`History of step ${step}`}>
      {entries.map((e) => (
        <li key={e.id} className="history-entry">
          <div className="row-between">
            <span>
              <strong>{KIND[e.kind]}</strong>{' '}
              <span className="muted" title={absoluteTime(e.at)}>
                {relativeTime(e.at)}
              </span>
            </span>
            <Button
              size="sm"
              busy={busy === e.id}
              onClick={() => {
                setBusy(e.id);
                void onRestore(e).finally(() => setBusy(null));
              }}
            >
              Restore this version
            </Button>
          </div>
          <div className="history-text">
            <div className="history-subject">{e.subjectAfter || '(no subject)'}</div>
            <div className="history-body">{e.bodyAfter || '(no body)'}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}
