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
  /** 1-based rows in which a quote opened a cell and was never closed; the quote was dropped. */
  unclosedQuoteRows: number[];
}

const SEPARATOR_LINE = /^\uFEFF?sep=([,;\t|])(?:\r\n|\n|\r|$)/i;

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
 * "+33 1 23 45 67 89" and "=HYPERLINK(...)" arrive untouched. The one
 * exception is what exports write to keep leading zeros when Excel opens the
 * file, `="0612345678"`: read as Excel shows it, 0612345678.
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

  const decoded = decodeText(bytes, opts.encoding);
  const { encoding } = decoded;
  let { text } = decoded;
  if (text.trim() === '') throw emptyFile();
  if (looksBinary(text)) {
    throw new ReadError(
      'not_spreadsheet',
      'This file is not a spreadsheet or a text table (it contains binary data). Export your leads from the original app as .xlsx or .csv and import that file.',
    );
  }
  // Excel reads a first line "sep=;" as the delimiter to use and does not show it: so does LeadPrep.
  const hint = SEPARATOR_LINE.exec(text);
  const delimiter = hint ? (hint[1] as Delimiter) : sniffDelimiter(text, preferred);
  if (hint) text = text.slice(hint[0].length);
  onProgress?.({ phase: 'parse', done: 0, total: text.length });

  // Between chunks of text: cancel, too many rows (one spare row so that a
  // trailing newline alone does not trip the limit), progress.
  const checkpoint = (done: number, rowCount: number): void => {
    if (signal?.aborted) throw cancelled();
    if (rowCount > maxRows + 1) throw tooManyRows(`more than ${formatCount(maxRows)}`, maxRows);
    onProgress?.({ phase: 'parse', done: Math.min(done, text.length), total: text.length });
  };
  const { rows, unclosedQuoteRows } = parseText(text, delimiter, checkpoint);

  let width = 0;
  let truncatedCells = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const n = row.length;
    if (n > width) width = n;
    for (let c = 0; c < n; c++) {
      const cell = row[c]!;
      if (cell.length > maxCellChars) {
        row[c] = truncateCell(cell, maxCellChars);
        truncatedCells++;
      } else if (cell.charCodeAt(0) === EQUALS) {
        const shown = TEXT_FORMULA.exec(cell);
        if (shown !== null) row[c] = shown[1] as string;
      }
    }
  }
  trimTrailingEmptyRows(rows);
  if (rows.length === 0) throw emptyFile();
  if (rows.length > maxRows) throw tooManyRows(formatCount(rows.length), maxRows);
  padRows(rows, width);
  onProgress?.({ phase: 'parse', done: text.length, total: text.length });
  return { rows, encoding, delimiter, truncatedCells, unclosedQuoteRows };
}

/**
 * Stray quotes dropped from one file at most: each costs a parse of the whole text again, and a file
 * with more has quoting too broken to tell its rows apart.
 */
const MAX_UNCLOSED_QUOTES = 5;

/**
 * The rows of `text`. A quote that opens a cell and is never closed would make the rest of the file
 * one cell (every lead after it lost in it): that quote is taken for a stray one, dropped, and the
 * text parsed again.
 */
function parseText(
  text: string,
  delimiter: Delimiter,
  checkpoint: (done: number, rowCount: number) => void,
): { rows: string[][]; unclosedQuoteRows: number[] } {
  const unclosedQuoteRows: number[] = [];
  for (;;) {
    const regular = parseRegular(text, delimiter, guessNewline(text), checkpoint);
    if (regular !== null) return { rows: regular, unclosedQuoteRows };
    const { rows, unclosedQuote } = parseWithPapa(text, delimiter, checkpoint);
    const at = unclosedQuote ? unclosedQuoteAt(text, rows) : -1;
    if (at < 0) return { rows, unclosedQuoteRows };
    unclosedQuoteRows.push(rows.length);
    if (unclosedQuoteRows.length > MAX_UNCLOSED_QUOTES)
      throw new ReadError(
        'corrupt',
        `The quotes in this file are broken: a quote in each of rows ${unclosedQuoteRows.join(', ')} (and maybe more) is never closed, so its rows cannot be told apart. Export it again from the app it came from, or open it in a spreadsheet app and save it as .xlsx.`,
      );
    text = text.slice(0, at) + text.slice(at + 1);
  }
}

/**
 * Where the quote is that papaparse found never closed: it opened the last cell of the last row, which
 * holds the rest of the text. -1 when that is not where it is.
 */
function unclosedQuoteAt(text: string, rows: readonly (readonly string[])[]): number {
  const last = rows[rows.length - 1];
  const cell = last?.[last.length - 1];
  if (cell === undefined) return -1;
  const at: number = text.length - cell.length - 1;
  return at >= 0 && text.charCodeAt(at) === QUOTE && text.endsWith(cell) ? at : -1;
}

/** papaparse's rows, parsed chunk by chunk with `checkpoint` after each, and whether a quote was left open. */
function parseWithPapa(
  text: string,
  delimiter: Delimiter,
  checkpoint: (done: number, rowCount: number) => void,
): { rows: string[][]; unclosedQuote: boolean } {
  const rows: string[][] = [];
  let unclosedQuote = false;
  let stop: unknown = null;
  parseChunked(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk(results, parser) {
      try {
        checkpoint(results.meta.cursor, rows.length + results.data.length);
      } catch (e) {
        stop = e;
        parser.abort();
        return;
      }
      for (const row of results.data) rows.push(row);
      if (results.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuote = true;
    },
  });
  if (stop !== null) throw stop;
  return { rows, unclosedQuote };
}

/**
 * The newline papaparse would guess for `text` (from its first chunk):
 * the regular parse below must split rows exactly where papaparse would.
 */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const head = text.substring(0, CHUNK_CHARS).replace(/"([^]*?)"/gm, '');
  const byCr = head.split('\r');
  const byLf = head.split('\n');
  if (byCr.length === 1 || (byLf.length > 1 && byLf[0]!.length < byCr[0]!.length)) return '\n';
  let crLf = 0;
  for (const part of byCr) if (part[0] === '\n') crLf++;
  return crLf >= byCr.length / 2 ? '\r\n' : '\r';
}

const QUOTE = 0x22;
const EQUALS = 0x3d;
// A formula that is only a text in quotes, nothing to evaluate.
const TEXT_FORMULA = /^="([^"]*)"$/;
const ESCAPED_QUOTE = /""/g;

/**
 * The rows papaparse gives for `text` when its quoting is regular (a quote
 * opens a field only as its first character, and the closing quote is
 * followed by the delimiter, the newline or the end of the text), else null:
 * papaparse then parses the text with its own recovery rules. Faster than
 * papaparse because a line without a quote is split natively, and the cells
 * are slices of the text rather than of a copy of each chunk.
 * `checkpoint` runs about every CHUNK_CHARS characters and may throw.
 */
export function parseRegular(
  text: string,
  delimiter: string,
  newline: string,
  checkpoint: (done: number, rowCount: number) => void,
): string[][] | null {
  // papaparse drops a leading BOM itself: leave such text to it.
  if (text.charCodeAt(0) === 0xfeff) return null;
  const n = text.length;
  const rows: string[][] = [];
  if (n === 0) return rows;
  let nextQuote = text.indexOf('"');
  if (nextQuote < 0) nextQuote = n;
  let nextCheckpoint = CHUNK_CHARS;
  let cursor = 0;
  for (;;) {
    if (cursor >= nextCheckpoint) {
      checkpoint(cursor, rows.length);
      nextCheckpoint = cursor + CHUNK_CHARS;
    }
    let lineEnd = text.indexOf(newline, cursor);
    if (lineEnd < 0) lineEnd = n;
    if (nextQuote < cursor) {
      nextQuote = text.indexOf('"', cursor);
      if (nextQuote < 0) nextQuote = n;
    }
    if (nextQuote >= lineEnd) {
      rows.push(text.slice(cursor, lineEnd).split(delimiter));
      if (lineEnd === n) break;
      cursor = lineEnd + newline.length;
      continue;
    }
    // A line with a quote: field by field, a quoted field may span lines.
    const row: string[] = [];
    let at = cursor;
    for (;;) {
      if (text.charCodeAt(at) === QUOTE) {
        let search = at + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = text.indexOf('"', search);
          if (close < 0) return null;
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            search = close + 2;
          } else break;
        }
        const value = text.slice(at + 1, close);
        row.push(escaped ? value.replace(ESCAPED_QUOTE, '"') : value);
        at = close + 1;
        if (at === n) {
          cursor = n;
          break;
        }
        if (text.startsWith(delimiter, at)) {
          at += delimiter.length;
          continue;
        }
        if (!text.startsWith(newline, at)) return null;
        cursor = at + newline.length;
        break;
      }
      if (lineEnd < at) {
        lineEnd = text.indexOf(newline, at);
        if (lineEnd < 0) lineEnd = n;
      }
      const next = text.indexOf(delimiter, at);
      if (next >= 0 && next < lineEnd) {
        row.push(text.slice(at, next));
        at = next + delimiter.length;
        continue;
      }
      row.push(text.slice(at, lineEnd));
      cursor = lineEnd === n ? n : lineEnd + newline.length;
      break;
    }
    rows.push(row);
    if (cursor === n && (at === n || lineEnd === n)) break;
  }
  checkpoint(n, rows.length);
  return rows;
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
