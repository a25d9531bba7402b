import type { ItemState } from '../../../../src-shared/push/types';
import { Badge, type Tone } from '../../ui/Badge';
import { VirtualRows } from '../../ui/VirtualRows';
import type { ResultsWindow } from './useResultsWindow';

const ROW_HEIGHT = 40;

export const STATE_LABELS: Record<ItemState, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  added: 'Added',
  skipped: 'Skipped',
  rejected: 'Rejected',
  failed: 'Failed',
};
const STATE_TONES: Record<ItemState, Tone> = {
  pending: 'neutral',
  sending: 'info',
  added: 'ok',
  skipped: 'warn',
  rejected: 'danger',
  failed: 'danger',
};

/**
 * Per-item results of one push. Virtualised: only rows in view are in the DOM and only nearby pages
 * are in memory, so a 100k-lead push scrolls like a small one.
 */
export function ResultsTable({ data, showStep }: { data: ResultsWindow; showStep: boolean }) {
  const cols = showStep ? 'push-row push-row-steps' : 'push-row';
  return (
    <VirtualRows
      count={data.total ?? 0}
      row={data.row}
      ensure={data.ensure}
      rowHeight={ROW_HEIGHT}
      overscan={10}
      role="table"
      label="Push results"
      scrollClass="push-scroll"
      gridClass="push-grid"
      scrollLabel="Results, scrollable"
      header={{
        className: cols,
        cells: (
          <>
            <div role="columnheader" className="vrows-cell">
              Email
            </div>
            <div role="columnheader" className="vrows-cell">
              Name
            </div>
            <div role="columnheader" className="vrows-cell">
              Company
            </div>
            {showStep && (
              <div role="columnheader" className="vrows-cell">
                Step
              </div>
            )}
            <div role="columnheader" className="vrows-cell">
              Result
            </div>
            <div role="columnheader" className="vrows-cell">
              Reason
            </div>
          </>
        ),
      }}
      rowProps={() => ({ className: cols })}
      renderRow={(r) => (
        <>
          <div role="cell" className="vrows-cell" title={r.email ?? undefined}>
            {r.email ?? <span className="muted">no email</span>}
          </div>
          <div role="cell" className="vrows-cell">
            {r.name ?? ''}
          </div>
          <div role="cell" className="vrows-cell">
            {r.company ?? ''}
          </div>
          {showStep && (
            <div role="cell" className="vrows-cell">
              {r.step ?? '—'}
            </div>
          )}
          <div role="cell" className="vrows-cell">
            <Badge tone={STATE_TONES[r.state]}>{STATE_LABELS[r.state]}</Badge>
            {r.retryable && r.state === 'rejected' && <span className="muted"> retryable</span>}
          </div>
          <div role="cell" className="vrows-cell" title={r.reason ?? undefined}>
            {r.reason ?? (r.remoteId ? <span className="muted mono">{r.remoteId}</span> : '')}
          </div>
        </>
      )}
      loadingClass="vrows-cell muted"
    />
  );
}
