/*
 * How a cell of a column ticked for each of the row guards (a verifier's verdicts, bounces, opt-outs,
 * declines, answers) says its row is left out, and how many rows of a sheet each tick of a mapping
 * leaves out: the mapping step says so beside the tick, before anything is imported.
 */
import { saysAnswered, saysDeclined, saysOptedOut } from './opt-out';
import { ROW_GUARDS, type ColumnMapping, type RowGuard } from './types';
import { saysBounced, verdictFlag } from './verifier';

export const GUARD_SAYS: Readonly<Record<RowGuard, (value: string) => boolean>> = {
  emailStatus: (value) => verdictFlag(value) === 'verifier_undeliverable',
  bounced: saysBounced,
  optOut: saysOptedOut,
  declined: saysDeclined,
  answered: saysAnswered,
};

/** Per column, the number of `rows` each of its ticks in `mapping` leaves out (none for a column without). */
export function guardedRowCounts(
  mapping: ColumnMapping,
  rows: readonly (readonly string[])[],
): Partial<Record<RowGuard, number>>[] {
  return mapping.map((t, column) => {
    const counts: Partial<Record<RowGuard, number>> = {};
    if (t.kind !== 'custom') return counts;
    for (const g of ROW_GUARDS) {
      if (t[g] !== true) continue;
      let n = 0;
      for (const row of rows) if (GUARD_SAYS[g](row[column] ?? '')) n++;
      counts[g] = n;
    }
    return counts;
  });
}
