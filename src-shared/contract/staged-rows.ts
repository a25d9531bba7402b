/*
 * The rows of `imports.stageRows` as they cross from the renderer to the host. Most of a cleaned lead
 * is its original cells as read (a title, a company, a city): sending each value twice made a chunk a
 * third bigger, and every byte of it is serialised and encoded by the worker, uploaded by the UI
 * thread, then decoded and parsed by the host. A lead field or custom variable equal to the cell of
 * the one column mapped to it is therefore left out of the row, and the host puts it back from that
 * cell. Rows with every field present (the command line sends them so) are taken as they are.
 */
import type { CompiledMapping } from '../import/clean';
import type { CleanedRow } from '../import/pipeline';
import { LEAD_FIELDS, SEVERAL_COLUMN_FIELDS, type LeadField } from '../import/types';
import type { StagedRow, StagedRowWire } from './imports';

/** For each value a staged row may leave out, the one column mapped to it. */
export interface StagingColumns {
  fields: Partial<Record<LeadField, number>>;
  custom: ReadonlyMap<string, number>;
}

/**
 * The columns of `mapping` that values may be left out for: a field or custom variable mapped to one
 * column only (several email or phone columns, or a variable named twice, leave the host no way to tell which
 * cell a value came from).
 */
export function stagingColumns(mapping: CompiledMapping): StagingColumns {
  const fields = { ...mapping.fields };
  for (const field of SEVERAL_COLUMN_FIELDS) if (mapping.further[field].length > 0) delete fields[field];
  const custom = new Map<string, number>();
  const repeated = new Set<string>();
  for (const [key, column] of mapping.custom) {
    if (custom.has(key)) repeated.add(key);
    custom.set(key, column);
  }
  for (const key of repeated) custom.delete(key);
  return { fields, custom };
}

/** `row` for `imports.stageRows`, without the values its original cells hold. */
export function compactStagedRow(row: CleanedRow, columns: StagingColumns): StagedRowWire {
  const custom: Record<string, string> = {};
  const lead: StagedRowWire['lead'] = { domain: row.lead.domain, custom };
  for (const field of LEAD_FIELDS) {
    const column = columns.fields[field];
    const value = row.lead[field];
    if (column === undefined || row.original[column] !== value) lead[field] = value;
  }
  for (const [key, value] of Object.entries(row.lead.custom)) {
    const column = columns.custom.get(key);
    if (column === undefined || row.original[column] !== value) custom[key] = value;
  }
  return {
    rowNumber: row.rowNumber,
    original: [...row.original],
    lead,
    state: row.state,
    reason: row.reason,
    flags: [...row.flags],
    suggestion: row.suggestion,
    groupId: row.groupId,
  };
}

/**
 * The whole row `compactStagedRow` made, or why it cannot be one (a value left out that no cell
 * holds). The values left out are put back into `row` itself, the host's own parse of the call: a
 * copy of every row cost ~0.16 s per 100k. A whole row is given back untouched.
 */
export function expandStagedRow(row: StagedRowWire, columns: StagingColumns): StagedRow | string {
  const { lead } = row;
  const missing = (what: string) =>
    `Row ${row.rowNumber} leaves out ${what}, which no single column of the mapping holds.`;
  if (lead.domain === undefined) return missing('the domain');
  for (const field of LEAD_FIELDS) {
    if (lead[field] !== undefined) continue;
    const column = columns.fields[field];
    const cell = column === undefined ? undefined : row.original[column];
    if (cell === undefined) return missing(`the ${field}`);
    lead[field] = cell;
  }
  for (const [key, column] of columns.custom) {
    if (Object.hasOwn(lead.custom, key)) continue;
    const cell = row.original[column];
    if (cell === undefined) return missing(`the custom variable ${key}`);
    lead.custom[key] = cell;
  }
  // Every field was checked above to hold a value.
  return row as StagedRow;
}
