import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReviewRow } from '../../../../src-shared/contract/review';
import { FLAG_ICON } from './flag-icons';
import { flagLabel } from './highlight';
import { ReviewStateBadge } from './ReviewStateBadge';
import type { ReviewWindow } from './useReviewWindow';

const ROW_HEIGHT = 56;

export const leadName = (r: Pick<ReviewRow, 'fullName' | 'firstName' | 'lastName' | 'email'>): string =>
  r.fullName?.trim() || [r.firstName, r.lastName].filter(Boolean).join(' ').trim() || r.email || '(no name)';

const ReviewRowView = memo(function ReviewRowView({
  row,
  current,
  checked,
  onToggle,
}: {
  row: ReviewRow;
  current: boolean;
  checked: boolean;
  onToggle(id: number): void;
}) {
  const name = leadName(row);
  return (
    <>
      <div className="review-check" role="gridcell">
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          checked={checked}
          onChange={() => onToggle(row.leadId)}
          onClick={(e) => e.stopPropagation()}
        />
      </div>
      <div className="review-main" role="gridcell">
        <div className="review-line">
          <strong className="review-name">{name}</strong>
          {row.company && <span className="review-company">{row.company}</span>}
          {row.edited && (
            <span className="badge badge-info" title="Edited after generation">
              edited
            </span>
          )}
        </div>
        <div className="review-line muted">
          {row.title && <span className="review-title">{row.title}</span>}
          <span className="review-email">{row.email ?? '(no email)'}</span>
        </div>
      </div>
      <div className="review-side" role="gridcell">
        <ReviewStateBadge state={row.reviewState} genState={row.genState} />
        <span className="review-flags">
          {row.flags.map((f) => (
            <span key={f} className="flag-icon" title={flagLabel(f)} aria-label={flagLabel(f)} role="img">
              {FLAG_ICON[f]}
            </span>
          ))}
        </span>
      </div>
      {current && <span className="visually-hidden">(current lead)</span>}
    </>
  );
});

/**
 * Every lead of the run under the current filter. Only rows in view are in the DOM and only the pages
 * around them in memory, so 100k leads scroll like 100.
 */
export function ReviewList({
  data,
  cursor,
  follow,
  selected,
  onPick,
  onToggle,
}: {
  data: ReviewWindow;
  cursor: number;
  /** Bumped when the cursor moved by keyboard: scroll it into view. */
  follow: number;
  selected: ReadonlySet<number>;
  onPick(index: number): void;
  onToggle(id: number): void;
}) {
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
  useEffect(() => {
    if (follow > 0 && cursor < count) virtualizer.scrollToIndex(cursor, { align: 'auto' });
    // Only a keyboard move scrolls; clicking a row must not jump the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [follow]);

  return (
    <div ref={scroller} className="review-scroll">
      <div
        role="grid"
        aria-label="Leads in this run"
        aria-rowcount={count}
        className="review-grid"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = data.row(item.index);
          const current = item.index === cursor;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              aria-current={current ? 'true' : undefined}
              data-lead-id={row?.leadId}
              className={current ? 'review-row current' : 'review-row'}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onPick(item.index)}
            >
              {row ? (
                <ReviewRowView
                  row={row}
                  current={current}
                  checked={selected.has(row.leadId)}
                  onToggle={onToggle}
                />
              ) : (
                <div role="gridcell" className="review-main muted">
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
