import { formatCount } from './errors';
import type { Workbook } from './types';

/**
 * What reading a sheet changed and the user should know, one sentence each: the import screen shows
 * them above the header rows, the CLI prints them as warnings.
 */
export function readNotes(wb: Pick<Workbook, 'truncatedCells' | 'unclosedQuoteRows'>): string[] {
  const notes: string[] = [];
  const cut = wb.truncatedCells;
  if (cut > 0)
    notes.push(
      `${formatCount(cut)} very long cell${cut === 1 ? ' was' : 's were'} cut to 1,000,000 characters.`,
    );
  const rows = wb.unclosedQuoteRows;
  if (rows.length > 0) {
    const listed =
      rows.length === 1
        ? `row ${rows[0]}`
        : `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
    notes.push(
      `A quote in ${listed} is never closed, which would have made the rest of the file one cell; LeadPrep ignored ${rows.length === 1 ? 'it' : 'them'}. Check ${rows.length === 1 ? 'that row' : 'those rows'} in your file.`,
    );
  }
  return notes;
}

/** The word on rows hidden in the sheet that an import left out, or null when none were. */
export function hiddenRowsNote(count: number): string | null {
  if (count === 0) return null;
  const rows = count === 1 ? 'row' : 'rows';
  return `${formatCount(count)} ${rows} hidden in the sheet (filtered out or hidden by hand) ${count === 1 ? 'was' : 'were'} left out.`;
}
