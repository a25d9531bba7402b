import { formatCount } from './errors';
import type { Delimiter } from './delimiter';
import type { Workbook } from './types';

/**
 * What reading a sheet changed and the user should know, one sentence each: the import screen shows
 * them above the header rows, the CLI prints them as warnings.
 */
export function readNotes(
  wb: Pick<Workbook, 'truncatedCells' | 'unclosedQuoteRows' | 'splitDelimiter'>,
): string[] {
  const notes: string[] = [];
  if (wb.splitDelimiter !== null)
    notes.push(
      `Each row of this sheet was written in one cell, its values separated by ${DELIMITER_NAMES[wb.splitDelimiter]}; LeadPrep split them into columns, as Excel's Text to Columns would.`,
    );
  const cut = wb.truncatedCells;
  if (cut > 0)
    notes.push(
      `${formatCount(cut)} very long cell${cut === 1 ? ' was' : 's were'} cut to 1,000,000 characters.`,
    );
  const rows = wb.unclosedQuoteRows;
  if (rows.length === 1)
    notes.push(
      `A quote that opens a cell in row ${rows[0]} is not closed where that cell ends, which would have made the rows after it part of the cell; LeadPrep ignored that quote. Check that row in your file.`,
    );
  else if (rows.length > 1)
    notes.push(
      `Quotes that open cells in ${listedRows(rows)} are not closed where those cells end, which would have made the rows after them part of those cells; LeadPrep ignored those quotes. Check those rows in your file.`,
    );
  return notes;
}

const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'bars (|)',
};

const LISTED_ROWS = 5;

/** Rows listed by number, the first few when there are many. */
function listedRows(rows: readonly number[]): string {
  if (rows.length > LISTED_ROWS)
    return `rows ${rows.slice(0, LISTED_ROWS).join(', ')} and ${formatCount(rows.length - LISTED_ROWS)} others`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** The word on rows hidden in the sheet that an import left out, or null when none were. */
export function hiddenRowsNote(count: number): string | null {
  if (count === 0) return null;
  const rows = count === 1 ? 'row' : 'rows';
  return `${formatCount(count)} ${rows} hidden in the sheet (filtered out or hidden by hand) ${count === 1 ? 'was' : 'were'} left out.`;
}
