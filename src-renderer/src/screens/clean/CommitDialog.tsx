import { useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { LEAD_STATES, LEAD_STATE_LABELS } from '../../../../src-shared/import/types';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { plural } from '../../ui/format';
import { ProgressNote, useImportProgress } from './ImportProgress';

/** Shows the final counts before the import is committed; after that, decisions can no longer be undone. */
export function CommitDialog({
  summary,
  fixesNotTaken,
  onDone,
  onCommitted,
}: {
  summary: ImportSummary;
  /** Leads with a suggested address fix not taken, which a commit makes final. */
  fixesNotTaken: number;
  onDone(): void;
  onCommitted(): void;
}) {
  const [busy, setBusy] = useState(false);
  const progress = useImportProgress(summary.id, busy);
  const commit = async () => {
    setBusy(true);
    try {
      const s = await api.call('imports.commit', { importId: summary.id });
      toast.success(`${s.fileName} committed: ${plural(s.counts.ready, 'lead')} ready for generation.`);
      onCommitted();
      onDone();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={`Commit ${summary.fileName}?`}
      confirmLabel="Commit import"
      busy={busy}
      onConfirm={() => void commit()}
      onCancel={onDone}
    >
      <p>
        {plural(summary.counts.ready, 'ready lead')} become available for generation. The other rows stay in
        the import, unused:
      </p>
      <ul className="commit-counts">
        {LEAD_STATES.map((s) => (
          <li key={s}>
            {LEAD_STATE_LABELS[s]}: {summary.counts[s].toLocaleString()}
          </li>
        ))}
        <li>Total: {summary.total.toLocaleString()}</li>
      </ul>
      {fixesNotTaken > 0 && (
        <p className="field-error">
          {plural(fixesNotTaken, 'lead')} with a suggested fix to the address not taken: once committed, leads
          can no longer be fixed. Cancel and choose “Apply all suggested typo fixes” to take the fixes first.
        </p>
      )}
      {summary.openGroups > 0 && (
        <p className="field-error">
          {plural(summary.openGroups, 'duplicate group')} not reviewed yet; their automatic choice is kept.
        </p>
      )}
      <p>After committing, edits and decisions are final (you can still delete the whole import).</p>
      {progress && (
        <ProgressNote
          progress={progress}
          text={`Committing: ${Math.floor((progress.done / Math.max(1, progress.total)) * 100)} %`}
        />
      )}
    </ConfirmDialog>
  );
}
