import { memo } from 'react';
import type { ReviewRow } from '../../../../src-shared/contract/review';
import { VirtualRows } from '../../ui/VirtualRows';
import { FLAG_ICON } from './flag-icons';
import { flagLabel } from './highlight';
import { ReviewStateBadge } from './ReviewStateBadge';
import type { ReviewWindow } from './useReviewWindow';

const ROW_HEIGHT = 56;

export const leadName = (r: Pick<ReviewRow, 'fullName' | 'firstName' | 'lastName' | 'email'>): string =>
  r.fullName?.trim() || [r.firstName, r.lastName].filter(Boolean).join(' ').trim() || r.email || '(no name)';

/**
 * The current lead's checkbox follows the cursor when focus is in the list: j / k (or the arrows)
 * move both, and the list stays one Tab stop.
 */
function followCursor(el: HTMLInputElement | null): void {
  const focused = el?.ownerDocument.activeElement;
  if (el && focused && focused !== el && el.closest('.vrows-scroll')?.contains(focused)) el.focus();
}

const ReviewRowView = memo(function ReviewRowView({
  row,
  current,
  tabStop,
  checked,
  onToggle,
}: {
  row: ReviewRow;
  current: boolean;
  /** This row's checkbox is the list's one Tab stop (the current lead's, while it is in the DOM). */
  tabStop: boolean;
  checked: boolean;
  onToggle(id: number): void;
}) {
  const name = leadName(row);
  return (
    <>
      <div className="review-check" role="gridcell">
        <input
          ref={current ? followCursor : undefined}
          tabIndex={tabStop ? 0 : -1}
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
  return (
    <VirtualRows
      count={data.total ?? 0}
      data={data}
      rowHeight={ROW_HEIGHT}
      role="grid"
      label="Leads in this run"
      scrollClass="review-scroll"
      follow={{ index: cursor, signal: follow }}
      tabStopRow={cursor}
      rowProps={(index, row) => ({
        'aria-current': index === cursor ? 'true' : undefined,
        'data-lead-id': row?.leadId,
        className: index === cursor ? 'review-row current' : 'review-row',
        onClick: () => onPick(index),
      })}
      renderRow={(row, index, tabStop) => (
        <ReviewRowView
          row={row}
          current={index === cursor}
          tabStop={tabStop}
          checked={selected.has(row.leadId)}
          onToggle={onToggle}
        />
      )}
      loadingClass="review-main muted"
    />
  );
}
