import { useCallback, useEffect, useState } from 'react';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { api, ApiError, errorMessage, useEvent } from '../../api/client';
import { toast } from '../../store/toasts';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { absoluteTime, plural, relativeTime } from '../../ui/format';
import { openInClean } from '../clean/selection';
import { CountsLine } from '../clean/CountsLine';

function StatusBadge({ imp }: { imp: ImportSummary }) {
  if (imp.status === 'committed') return <Badge tone="ok">Committed</Badge>;
  if (imp.unfinished) return <Badge tone="warn">Unfinished draft</Badge>;
  return <Badge tone="info">Draft</Badge>;
}

/** Imports, newest first: open one in Clean & dedupe, resume an unfinished draft, or delete (roll back) one. */
export function RecentImports() {
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ImportSummary | null>(null);

  const load = useCallback(async () => {
    try {
      setImports((await api.call('imports.list', { limit: 50 })).imports);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEvent('imports.changed', () => void load());

  return (
    <Card title="Recent imports" label="Recent imports">
      {error && <p className="field-error">{error}</p>}
      {imports === null && !error && (
        <p className="muted" role="status">
          Loading imports…
        </p>
      )}
      {imports?.length === 0 && <p className="muted">No imports yet. Drop your first lead file above.</p>}
      {imports && imports.length > 0 && (
        <ul className="recent-imports">
          {imports.map((imp) => (
            <li key={imp.id} aria-label={imp.fileName}>
              <div className="stack-sm">
                <p>
                  <strong>{imp.fileName}</strong> <StatusBadge imp={imp} />
                </p>
                <p className="muted">
                  {imp.sheet} · {plural(imp.total, 'lead')} ·{' '}
                  <span title={absoluteTime(imp.committedAt ?? imp.createdAt)}>
                    {relativeTime(imp.committedAt ?? imp.createdAt)}
                  </span>
                  {imp.openGroups > 0 && ` · ${plural(imp.openGroups, 'duplicate group')} to review`}
                </p>
                <CountsLine counts={imp.counts} />
              </div>
              <div className="row">
                {(!imp.unfinished || imp.staged) && (
                  <Button size="sm" onClick={() => openInClean(imp.id)}>
                    {imp.unfinished ? 'Resume' : 'Open'}
                  </Button>
                )}
                <Button size="sm" variant="danger" onClick={() => setDeleting(imp)}>
                  {imp.status === 'draft' ? 'Discard' : 'Delete'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && <DeleteImportDialog imp={deleting} onDone={() => setDeleting(null)} />}
    </Card>
  );
}

/** Asks first; when leads of the import were already used in generation runs, asks again before removing those too. */
export function DeleteImportDialog({
  imp,
  onDone,
  onDeleted,
}: {
  imp: ImportSummary;
  onDone(): void;
  onDeleted?(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    try {
      const r = await api.call('imports.delete', { importId: imp.id, force: conflict !== null });
      toast.success(`${imp.fileName} deleted: ${plural(r.leadsRemoved, 'lead')} removed.`);
      onDeleted?.();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && conflict === null) setConflict(e.message);
      else toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={`Delete the import of ${imp.fileName}?`}
      confirmLabel={conflict ? 'Delete with generated emails' : 'Delete import'}
      danger
      busy={busy}
      onConfirm={() => void remove()}
      onCancel={onDone}
    >
      <p>
        Its {plural(imp.total, 'lead')} and every decision made on them are removed. The file on your disk is
        not touched.
      </p>
      {conflict && <p className="field-error">{conflict}</p>}
    </ConfirmDialog>
  );
}
