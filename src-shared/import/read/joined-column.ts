/*
 * A sheet whose rows are each written in one cell: a CSV pasted into Excel or Google Sheets without
 * "Text to Columns" ("ann@acme.com,Ann Lee,Acme" in column A), or a .csv saved from such a sheet, where
 * each line is quoted whole. Read as it is, the sheet has one column and every lead one field. Split
 * at the delimiter its cells share, it reads as the table it was.
 */
import { nameBesideAddress } from '../name';
import { looksLikeEmail } from '../sniff';
import { DELIMITERS, type Delimiter } from './delimiter';

/** A sheet split into columns, and the delimiter it was split at. */
export interface SplitColumn {
  rows: string[][];
  delimiter: Delimiter;
}

const SAMPLE_CELLS = 200;
/** The share of sampled cells that must split into the same number of fields: titles and notes do not. */
const AGREEING_SHARE = 0.6;
const QUOTE = '"';

/** The fields of `cell` split at `delimiter`, a quoted field's delimiters and doubled quotes as CSV has them. */
function fieldsOf(cell: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i] as string;
    if (quoted) {
      if (c !== QUOTE) field += c;
      else if (cell[i + 1] === QUOTE) {
        field += QUOTE;
        i++;
      } else quoted = false;
    } else if (c === QUOTE && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The one column of `rows` that holds anything, or null when none or several do. */
function onlyColumn(rows: readonly (readonly string[])[]): number | null {
  let column: number | null = null;
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) {
      if ((row[j] as string).trim() === '' || j === column) continue;
      if (column !== null) return null;
      column = j;
    }
  }
  return column;
}

/** The delimiter most of `cells` split at into the same number of fields, two or more; null when none. */
function sharedDelimiter(cells: readonly string[]): Delimiter | null {
  let best: { delimiter: Delimiter; agreeing: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const cell of cells) {
      const n = fieldsOf(cell, delimiter).length;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let agreeing = 0;
    for (const [n, times] of counts) if (n >= 2 && times > agreeing) agreeing = times;
    if (agreeing >= AGREEING_SHARE * cells.length && (best === null || agreeing > best.agreeing))
      best = { delimiter, agreeing };
  }
  return best?.delimiter ?? null;
}

/**
 * `rows` split into columns when the sheet's one column holds rows of delimited text with addresses
 * in them; null for any other sheet. Row i stays row i. A column of addresses written with a name
 * ("Doe, Jane <jane@acme.com>") is no joined table: its commas are the names'.
 */
export function splitJoinedColumn(rows: readonly (readonly string[])[]): SplitColumn | null {
  const column = onlyColumn(rows);
  if (column === null) return null;
  const cells: string[] = [];
  for (const row of rows) {
    const cell = (row[column] as string).trim();
    if (cell !== '') cells.push(cell);
    if (cells.length === SAMPLE_CELLS) break;
  }
  if (cells.filter((cell) => nameBesideAddress(cell) !== null).length * 2 >= cells.length) return null;
  const delimiter = sharedDelimiter(cells);
  if (delimiter === null) return null;
  if (!cells.some((cell) => fieldsOf(cell, delimiter).some((f) => looksLikeEmail(f.trim())))) return null;
  const split = rows.map((row) => fieldsOf(row[column] as string, delimiter));
  let width = 0;
  for (const row of split) width = Math.max(width, row.length);
  for (const row of split) while (row.length < width) row.push('');
  return { rows: split, delimiter };
}
