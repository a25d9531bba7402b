import type { AppContext } from '../../app/context';
import { getPush, queryResults, type ResultsQuery } from './data';

const HEADER = [
  'item_id',
  'lead_id',
  'email',
  'name',
  'company',
  'step',
  'state',
  'reason_code',
  'reason',
  'remote_id',
  'retryable',
  'updated_at',
];

/** Quotes cells and defuses spreadsheet formulas (a cell starting with = + - @ is prefixed with '). */
function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const PAGE = 1000;

/** The push's per-item results (with the same filters as the results table) as CSV text. */
export function resultsCsv(
  ctx: AppContext,
  q: ResultsQuery,
): { fileName: string; mimeType: 'text/csv'; content: string; rows: number } {
  const push = getPush(ctx, q.pushId);
  const lines = [HEADER.join(',')];
  let rows = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = queryResults(ctx, q, offset, PAGE);
    for (const r of page.items) {
      lines.push(
        [
          r.itemId,
          r.leadId,
          r.email,
          r.name,
          r.company,
          r.step,
          r.state,
          r.reasonCode,
          r.reason,
          r.remoteId,
          r.retryable,
          new Date(r.updatedAt).toISOString(),
        ]
          .map(cell)
          .join(','),
      );
    }
    rows += page.items.length;
    if (page.items.length < PAGE) break;
  }
  return {
    fileName: `leadprep-push-${push.id}-${push.destination}-results.csv`,
    mimeType: 'text/csv',
    content: `${lines.join('\r\n')}\r\n`,
    rows,
  };
}
