/*
 * Tables joined one below another in one sheet, each under a header of its own: exports of two tools
 * pasted into one sheet, or a sheet kept in sections. A row below the header that names the header's
 * columns again, in another order or by other names for the same fields ("Email Address" for
 * "Email"), is the header of a table whose rows are read by its names, each cell moved under the
 * header's column of the same name or field.
 */
import type { CompiledMapping } from './clean';
import { matchHeader } from './synonyms';
import { SEVERAL_COLUMN_FIELDS, type LeadField } from './types';

/**
 * A joined table's columns in the order of the header's (-1 where it has none of them), followed by
 * its columns with no name, which no column of the header takes.
 */
export type JoinedTableOrder = readonly number[];

/** The lead field each column of the header is mapped to, if any. */
export function mappedFields(mapping: CompiledMapping, width: number): (LeadField | undefined)[] {
  const fields = new Array<LeadField | undefined>(width);
  for (const [field, column] of Object.entries(mapping.fields) as [LeadField, number][])
    fields[column] = field;
  for (const field of SEVERAL_COLUMN_FIELDS)
    for (const column of mapping.further[field]) fields[column] = field;
  return fields;
}

/**
 * The order of the table `cells` is the header of, or null when it is no header of the columns of
 * `header`: every cell with something in it names one of them, by its name (in any case) or by the
 * field it is mapped to in `fields`, two cells at least and the email column's among them.
 */
export function joinedTableOrder(
  cells: readonly string[],
  header: readonly string[],
  fields: readonly (LeadField | undefined)[],
): JoinedTableOrder | null {
  const email = fields.indexOf('email');
  if (email < 0) return null;
  const from = new Array<number>(header.length).fill(-1);
  const unnamed: number[] = [];
  let named = 0;
  for (let j = 0; j < cells.length; j++) {
    const name = (cells[j] ?? '').trim().toLowerCase();
    if (name === '') {
      if (j < header.length && (header[j] ?? '').trim() === '') from[j] = j;
      else unnamed.push(j);
      continue;
    }
    let column = header.findIndex((h, c) => from[c] === -1 && h.trim().toLowerCase() === name);
    if (column < 0) {
      const match = matchHeader(name);
      const field =
        match?.field !== 'ambiguousName'
          ? match?.field
          : fields.includes('fullName')
            ? 'fullName'
            : match.prefers;
      if (field !== undefined) column = fields.findIndex((f, c) => from[c] === -1 && f === field);
    }
    if (column < 0) return null;
    from[column] = j;
    named++;
  }
  if (named < 2 || from[email] === -1) return null;
  return [...from, ...unnamed];
}

/** Whether `order` leaves every cell where it is. */
export function keepsColumns(order: JoinedTableOrder): boolean {
  return order.every((j, c) => j === c);
}

/** `cells` of a joined table under the header's columns, then its unnamed ones, up to the last with something in it. */
export function realigned(cells: readonly string[], order: JoinedTableOrder, width: number): string[] {
  const out = order.map((j) => (j < 0 ? '' : (cells[j] ?? '')));
  while (out.length > width && out[out.length - 1] === '') out.pop();
  return out;
}
