import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ItemState } from '../../../../src-shared/push/types';
import { Badge, type Tone } from '../../ui/Badge';
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
  const scroller = useRef<HTMLDivElement>(null);
  const count = data.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = data;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [ensure, first, last, count]);

  const cols = showStep ? 'push-row push-row-steps' : 'push-row';
  return (
    <div ref={scroller} className="push-scroll" tabIndex={0} aria-label="Results, scrollable">
      <div
        role="table"
        aria-label="Push results"
        aria-rowcount={count + 1}
        className="push-grid"
        style={{ height: virtualizer.getTotalSize() + ROW_HEIGHT }}
      >
        <div role="row" aria-rowindex={1} className={`${cols} push-head`}>
          <div role="columnheader" className="push-cell">
            Email
          </div>
          <div role="columnheader" className="push-cell">
            Name
          </div>
          <div role="columnheader" className="push-cell">
            Company
          </div>
          {showStep && (
            <div role="columnheader" className="push-cell">
              Step
            </div>
          )}
          <div role="columnheader" className="push-cell">
            Result
          </div>
          <div role="columnheader" className="push-cell">
            Reason
          </div>
        </div>
        {items.map((item) => {
          const r = data.row(item.index);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className={cols}
              style={{ transform: `translateY(${item.start + ROW_HEIGHT}px)` }}
            >
              {r ? (
                <>
                  <div role="cell" className="push-cell" title={r.email ?? undefined}>
                    {r.email ?? <span className="muted">no email</span>}
                  </div>
                  <div role="cell" className="push-cell">
                    {r.name ?? ''}
                  </div>
                  <div role="cell" className="push-cell">
                    {r.company ?? ''}
                  </div>
                  {showStep && (
                    <div role="cell" className="push-cell">
                      {r.step ?? '—'}
                    </div>
                  )}
                  <div role="cell" className="push-cell">
                    <Badge tone={STATE_TONES[r.state]}>{STATE_LABELS[r.state]}</Badge>
                    {r.retryable && r.state === 'rejected' && <span className="muted"> retryable</span>}
                  </div>
                  <div role="cell" className="push-cell" title={r.reason ?? undefined}>
                    {r.reason ?? (r.remoteId ? <span className="muted mono">{r.remoteId}</span> : '')}
                  </div>
                </>
              ) : (
                <div role="cell" className="push-cell muted">
                  Loading…
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
