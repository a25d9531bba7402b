import { useEffect, useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PagedWindow } from './usePagedWindow';

type RowAttributes = HTMLAttributes<HTMLDivElement> & {
  className: string;
  [data: `data-${string}`]: string | number | undefined;
};

export interface VirtualRowsProps<Row> {
  /** Rows in the list (without the header). */
  count: number;
  /** Where rows come from; `ensure` is called with the rows in view (plus overscan) whenever they change. */
  data: Pick<PagedWindow<Row>, 'row' | 'ensure'>;
  rowHeight: number;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  role: 'grid' | 'table';
  label: string;
  /** Screen classes of the scroll box (its height) and the grid (its minimum width), next to `.vrows-*`. */
  scrollClass: string;
  gridClass?: string;
  /** Makes the scroll box itself focusable (for lists without focusable rows) under this name. */
  scrollLabel?: string;
  /** A sticky header row; it counts as row 1 for assistive technology. */
  header?: { className: string; cells: ReactNode };
  /** Attributes of a row's element; `row` is undefined while its page loads. */
  rowProps(index: number, row: Row | undefined): RowAttributes;
  /** `tabStop`: this row holds the list's one Tab stop (see `tabStopRow`). */
  renderRow(row: Row, index: number, tabStop: boolean): ReactNode;
  /**
   * Lists whose cells are reached with the arrow keys (one Tab stop for the whole list): the row that
   * should hold the Tab stop. While it is scrolled out of the DOM, the first loaded row in view holds
   * it, so Tab always reaches the list.
   */
  tabStopRow?: number;
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
  /** Class of the "Loading…" cell shown for rows whose page has not arrived. */
  loadingClass: string;
  /** Scrolls `index` into view whenever `signal` changes (and is above 0). */
  follow?: { index: number; signal: number };
}

/**
 * A list where only the rows in view are in the DOM: with a paged data source (`usePagedWindow`),
 * 100k rows scroll like 100.
 */
export function VirtualRows<Row>(p: VirtualRowsProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const { count, rowHeight } = p;
  const { ensure } = p.data;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: p.overscan ?? 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [ensure, first, last, count]);
  const signal = p.follow?.signal ?? 0;
  useEffect(() => {
    if (signal > 0 && p.follow && p.follow.index < count)
      virtualizer.scrollToIndex(p.follow.index, { align: 'auto' });
    // Only a new signal scrolls: clicking a row must not jump the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signal]);

  let tabStop = -1;
  if (p.tabStopRow !== undefined) {
    const loaded = (index: number): boolean => index < count && p.data.row(index) !== undefined;
    const shown = items.some((item) => item.index === p.tabStopRow) && loaded(p.tabStopRow);
    const inView = virtualizer.range?.startIndex ?? first;
    tabStop = shown
      ? p.tabStopRow
      : (items.find((item) => item.index >= inView && loaded(item.index))?.index ?? -1);
  }

  const heads = p.header ? 1 : 0;
  const offset = heads * rowHeight;
  const cellRole = p.role === 'table' ? 'cell' : 'gridcell';
  return (
    <div
      ref={scroller}
      className={`vrows-scroll ${p.scrollClass}`}
      {...(p.scrollLabel ? { tabIndex: 0, 'aria-label': p.scrollLabel } : {})}
      onKeyDown={p.onKeyDown}
    >
      <div
        role={p.role}
        aria-label={p.label}
        aria-rowcount={count + heads}
        className={p.gridClass ? `vrows-grid ${p.gridClass}` : 'vrows-grid'}
        style={{ height: virtualizer.getTotalSize() + offset }}
      >
        {p.header && (
          <div
            role="row"
            aria-rowindex={1}
            className={`vrows-row vrows-head ${p.header.className}`}
            style={{ height: rowHeight }}
          >
            {p.header.cells}
          </div>
        )}
        {items.map((item) => {
          const r = p.data.row(item.index);
          const attrs = p.rowProps(item.index, r);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1 + heads}
              {...attrs}
              className={`vrows-row ${attrs.className}`}
              style={{ height: rowHeight, transform: `translateY(${item.start + offset}px)` }}
            >
              {r !== undefined ? (
                p.renderRow(r, item.index, item.index === tabStop)
              ) : (
                <div role={cellRole} className={p.loadingClass}>
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
