import type { ReactNode } from 'react';
import type { ResultRow } from '../../../../src-shared/contract/push';
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

interface Column {
  label: string;
  /** Only Segmentflow pushes have steps. */
  stepsOnly?: boolean;
  /** The full text as a tooltip, for cells that may be cut off. */
  title?(r: ResultRow): string | undefined;
  cell(r: ResultRow): ReactNode;
}

// The outcome comes right after the address: in a narrow window it is what must stay in view.
const COLUMNS: readonly Column[] = [
  {
    label: 'Email',
    title: (r) => r.email ?? undefined,
    cell: (r) => r.email ?? <span className="muted">no email</span>,
  },
  { label: 'Step', stepsOnly: true, cell: (r) => r.step ?? '—' },
  {
    label: 'Result',
    cell: (r) => (
      <>
        <Badge tone={STATE_TONES[r.state]}>{STATE_LABELS[r.state]}</Badge>
        {r.retryable && r.state === 'rejected' && <span className="muted"> retryable</span>}
      </>
    ),
  },
  {
    label: 'Reason',
    title: (r) => r.reason ?? undefined,
    cell: (r) => r.reason ?? (r.remoteId ? <span className="muted mono">{r.remoteId}</span> : ''),
  },
  { label: 'Name', cell: (r) => r.name ?? '' },
  { label: 'Company', cell: (r) => r.company ?? '' },
];

/**
 * Per-item results of one push. Virtualised: only rows in view are in the DOM and only nearby pages
 * are in memory, so a 100k-lead push scrolls like a small one.
 */
export function ResultsTable({ data, showStep }: { data: ResultsWindow; showStep: boolean }) {
  const rowClass = showStep ? 'push-row push-row-steps' : 'push-row';
  const columns = COLUMNS.filter((c) => showStep || !c.stepsOnly);
  return (
    <VirtualRows
      count={data.total ?? 0}
      data={data}
      rowHeight={ROW_HEIGHT}
      role="table"
      label="Push results"
      scrollClass="push-scroll"
      gridClass="push-grid"
      scrollLabel="Results, scrollable"
      header={{
        className: rowClass,
        cells: columns.map((c) => (
          <div key={c.label} role="columnheader" className="vrows-cell">
            {c.label}
          </div>
        )),
      }}
      rowProps={() => ({ className: rowClass })}
      renderRow={(r) =>
        columns.map((c) => (
          <div key={c.label} role="cell" className="vrows-cell" title={c.title?.(r)}>
            {c.cell(r)}
          </div>
        ))
      }
      loadingClass="vrows-cell muted"
    />
  );
}
