import Papa from 'papaparse';
import { ReadError, cancelled, formatCount } from './errors';
import { sniffDelimiter, type Delimiter } from './delimiter';
import { decodeText, looksBinary, type TextEncoding } from './text';
import type { ReadOptions } from './types';
import { DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_ROWS } from './types';
import { truncateCell } from './cells';

export interface DelimitedText {
  rows: string[][];
  encoding: TextEncoding;
  delimiter: Delimiter;
  truncatedCells: number;
}

/** Characters handed to papaparse per chunk: the granularity of progress and cancel. */
const CHUNK_CHARS = 1 << 20;

// papaparse streams a string in chunks when given `chunk` + `chunkSize`
// (its StringStreamer, synchronously); @types/papaparse only types that for files.
type ChunkedStringParse = (
  input: string,
  config: Papa.ParseConfig<string[]> & {
    chunkSize: number;
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
  },
) => void;
const parseChunked = Papa.parse as unknown as ChunkedStringParse;

export function emptyFile(): ReadError {
  return new ReadError(
    'empty',
    'This file is empty: there are no rows to import. Check that you picked the right file.',
  );
}

export function tooManyRows(found: string, max: number): ReadError {
  return new ReadError(
    'too_many_rows',
    `This sheet has ${found} rows; LeadPrep reads at most ${formatCount(max)} rows from one sheet. Split the file into smaller files and import them one by one.`,
  );
}

/**
 * Decodes and parses a CSV/TSV/TXT file. Every value stays a string exactly
 * as written between the delimiters (no type guessing), so "00123",
 * "+33 1 23 45 67 89" and "=HYPERLINK(...)" arrive untouched.
 */
export function readDelimited(
  bytes: Uint8Array,
  preferred: Delimiter | undefined,
  opts: ReadOptions = {},
): DelimitedText {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw cancelled();

  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw emptyFile();
  if (looksBinary(text)) {
    throw new ReadError(
      'not_spreadsheet',
      'This file is not a spreadsheet or a text table (it contains binary data). Export your leads from the original app as .xlsx or .csv and import that file.',
    );
  }
  const delimiter = sniffDelimiter(text, preferred);
  onProgress?.({ phase: 'parse', done: 0, total: text.length });

  const rows: string[][] = [];
  let width = 0;
  let truncatedCells = 0;
  let stop: ReadError | null = null;

  parseChunked(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk(results, parser) {
      if (signal?.aborted) {
        stop = cancelled();
        parser.abort();
        return;
      }
      const data = results.data;
      if (rows.length + data.length > maxRows + 1) {
        // One spare row so that a trailing newline alone does not trip the limit.
        stop = tooManyRows(`more than ${formatCount(maxRows)}`, maxRows);
        parser.abort();
        return;
      }
      for (let r = 0; r < data.length; r++) {
        const row = data[r]!;
        const n = row.length;
        if (n > width) width = n;
        for (let c = 0; c < n; c++) {
          if (row[c]!.length > maxCellChars) {
            row[c] = truncateCell(row[c]!, maxCellChars);
            truncatedCells++;
          }
        }
        rows.push(row);
      }
      onProgress?.({ phase: 'parse', done: Math.min(results.meta.cursor, text.length), total: text.length });
    },
  });
  if (stop) throw stop;

  trimTrailingEmptyRows(rows);
  if (rows.length === 0) throw emptyFile();
  if (rows.length > maxRows) throw tooManyRows(formatCount(rows.length), maxRows);
  padRows(rows, width);
  onProgress?.({ phase: 'parse', done: text.length, total: text.length });
  return { rows, encoding, delimiter, truncatedCells };
}

function isEmptyRow(row: readonly string[]): boolean {
  for (let c = 0; c < row.length; c++) if (row[c] !== '') return false;
  return true;
}

export function trimTrailingEmptyRows(rows: string[][]): void {
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1]!)) rows.pop();
}

export function padRows(rows: string[][], width: number): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = row.length; c < width; c++) row.push('');
  }
}
