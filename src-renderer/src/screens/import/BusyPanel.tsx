import type { Busy } from './flow';
import { Button } from '../../ui/Button';

/** What the import is doing right now, with a bar when the total is known and Cancel when it can stop. */
export function BusyPanel({ busy, onCancel }: { busy: Busy; onCancel(): void }) {
  const known = busy.total > 0;
  const percent = known ? Math.min(100, Math.round((busy.done / busy.total) * 100)) : undefined;
  return (
    <div className="busy-panel" role="status" aria-live="polite">
      <div className="row-between">
        <p>
          <span className="spinner" aria-hidden="true" /> {busy.label}
          {known && busy.total > 1 && (
            <span className="muted">
              {' '}
              · {busy.done.toLocaleString()} of {busy.total.toLocaleString()}
            </span>
          )}
          …
        </p>
        {busy.cancellable && (
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <progress className="progress" max={100} value={percent} aria-label={busy.label} />
    </div>
  );
}
