import Papa from 'papaparse';
import { ReadError, cancelled, formatCount } from './errors';
import { sniffDelimiter, type Delimiter } from './delimiter';
import { decodeText, looksBinary, type TextEncoding } from './text';
import type { ReadOptions } from './types';
import { DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_ROWS } from './types';
import { truncateCell } from './cells';
import { addressList } from './address-list';

export interface DelimitedText {
  rows: string[][];
  encoding: TextEncoding;
  delimiter: Delimiter;
  truncatedCells: number;
  /**
   * 1-based rows in which a quote opened a cell and was never closed, or closed only past a quote
   * that could not close it, so that the cells or rows after it would have been part of that cell;
   * the quote was dropped.
   */
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
  const list = addressList(text);
  if (list !== null)
    return { rows: list, encoding, delimiter: ',', truncatedCells: 0, unclosedQuoteRows: [] };
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
 * The rows of `text`. A quote that opens a cell and is never closed, or is closed only past a quote
 * that cannot close it, would run the cells or rows after it into that cell (a lead's address moved
 * out of its column, or every lead after it lost in one cell). Such a quote is taken for a stray one
 * and dropped before the text is parsed when the lines it spans read as more rows of the file's
 * usual width without it than with it. A cell written over lines of text stays one cell.
 */
function parseText(
  text: string,
  delimiter: Delimiter,
  progress: (done: number, rowCount: number) => void,
): { rows: string[][]; unclosedQuoteRows: number[] } {
  // The text may be parsed again from its start below: progress never goes back.
  let furthest = 0;
  const checkpoint = (done: number, rowCount: number): void => {
    furthest = Math.max(furthest, done);
    progress(furthest, rowCount);
  };
  let newline = guessNewline(text);
  let regular = parseRegular(text, delimiter, newline, checkpoint);
  if (regular !== null) return { rows: regular, unclosedQuoteRows: [] };
  // Rows added to a Windows file on a Mac or by a script end another way, which would run each into
  // the row below it: every line end then ends a row.
  if (hasOtherLineEnds(text, newline)) {
    text = text.replace(LINE_ENDS, '\n');
    newline = '\n';
    regular = parseRegular(text, delimiter, newline, checkpoint);
    if (regular !== null) return { rows: regular, unclosedQuoteRows: [] };
  }
  // Quotes escaped with a backslash, as MySQL and some scripts write them: read that way when every
  // quote in the file then closes where it should.
  if (text.includes('\\"')) {
    const escaped = parseWithPapa(text, delimiter, newline, checkpoint, '\\');
    if (escaped.quotesRegular) return { rows: escaped.rows, unclosedQuoteRows: [] };
  }
  const strays = strayOpeningQuotes(text, delimiter, newline);
  // In one pass: cutting each stray out of the whole text took time by their number times its length.
  const kept: string[] = [];
  let from = 0;
  for (const { at } of strays) {
    kept.push(text.slice(from, at));
    from = at + 1;
  }
  kept.push(text.slice(from));
  const mended = kept.join('');
  const rows =
    parseRegular(mended, delimiter, newline, checkpoint) ??
    parseWithPapa(mended, delimiter, newline, checkpoint, '"').rows;
  return { rows, unclosedQuoteRows: strays.map((s) => s.row) };
}

const LINE_ENDS = /\r\n?/g;

/** Whether `text` has a line end other than `newline` (a carriage return before a line feed aside). */
function hasOtherLineEnds(text: string, newline: Newline): boolean {
  if (newline !== '\n')
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      if (newline === '\r' || text.charCodeAt(i - 1) !== CARRIAGE_RETURN) return true;
  if (newline !== '\r')
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
      if (text.charCodeAt(i + 1) !== LINE_FEED) return true;
  return false;
}

/** Where papaparse closes a quoted cell: the closing quote (-1 for none), and whether it was `regular`. */
type QuoteCloser = (open: number) => { close: number; regular: boolean };

/**
 * Where papaparse closes the quoted cell opening at the quote `open`: the first quote after it, not
 * doubled, followed by the delimiter, a newline (spaces allowed before either) or the end of the
 * text; -1 when there is none. `regular` when no quote before it was passed over as one that cannot
 * close the cell. The quotes of `text` are read once, in runs: a run's quotes pair up as doubled ones
 * from its first, so an odd run leaves its last free, and whether that one closes a cell is the same
 * from any quote before the run. Scanning again from each stray quote took time by the square of a
 * file of unclosed quotes.
 */
function quoteCloser(text: string, delimiter: string, newline: string): QuoteCloser {
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const closes: boolean[] = [];
  const nonSpace = /\S/g;
  let nextDelimiter = -1;
  let nextNewline = -1;
  // Whether the free quote at `q` closes a cell; `q` grows from call to call.
  const closesAt = (q: number): boolean => {
    if (q === n - 1) return true;
    if (nextDelimiter <= q) nextDelimiter = indexOrEnd(text, delimiter, q + 1);
    if (nextNewline <= q) nextNewline = indexOrEnd(text, newline, q + 1);
    const end = Math.min(nextDelimiter, nextNewline);
    if (end === n) return false;
    nonSpace.lastIndex = q + 1;
    return (nonSpace.exec(text)?.index ?? n) >= end;
  };
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', ends[ends.length - 1])) {
    let end = q + 1;
    while (text.charCodeAt(end) === QUOTE) end++;
    starts.push(q);
    ends.push(end);
    closes.push(closesAt(end - 1));
  }
  // From each run on, the first odd run whose free quote closes a cell, and the first whose does not.
  const runs = starts.length;
  const nextClosing = new Int32Array(runs + 1).fill(-1);
  const nextIrregular = new Int32Array(runs + 1).fill(-1);
  for (let r = runs - 1; r >= 0; r--) {
    const odd = ((ends[r] as number) - (starts[r] as number)) % 2 === 1;
    nextClosing[r] = odd && closes[r] ? r : (nextClosing[r + 1] as number);
    nextIrregular[r] = odd && !closes[r] ? r : (nextIrregular[r + 1] as number);
  }
  return (open) => {
    let lo = 0;
    let hi = runs - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= open) lo = mid;
      else hi = mid - 1;
    }
    // The quotes after `open` in its own run pair up from the one after it.
    const own = lo;
    let regular = true;
    if (((ends[own] as number) - open - 1) % 2 === 1) {
      if (closes[own]) return { close: (ends[own] as number) - 1, regular };
      regular = false;
    }
    const closing = nextClosing[own + 1] as number;
    const irregular = nextIrregular[own + 1] as number;
    regular &&= irregular < 0 || (closing >= 0 && irregular > closing);
    return { close: closing < 0 ? -1 : (ends[closing] as number) - 1, regular };
  };
}

/**
 * The cells of the line from `start` to `end`, read on its own: a quote opens a cell only when a
 * quote closes it on the line.
 */
function cellsInLine(text: string, start: number, end: number, delimiter: string): number {
  let cells = 1;
  let at = start;
  for (;;) {
    if (text.charCodeAt(at) === QUOTE) {
      for (let q = text.indexOf('"', at + 1); q >= 0 && q < end; q = text.indexOf('"', q + 1)) {
        if (text.charCodeAt(q + 1) === QUOTE) q++;
        else if (q + 1 === end || text.startsWith(delimiter, q + 1)) {
          at = q + 1;
          break;
        }
      }
    }
    const next = text.indexOf(delimiter, at);
    if (next < 0 || next >= end) return cells;
    cells++;
    at = next + delimiter.length;
  }
}

/** Lines sampled for the file's usual width. */
const WIDTH_SAMPLE_LINES = 2000;
/**
 * A line longer than this is no usual row and is not sampled: each quote opening a cell is followed
 * to the end of its line, and a file of one line of unclosed quotes took time by the square of them.
 */
const WIDTH_SAMPLE_MAX_LINE = 100_000;

/** The number of cells most of the first lines of `text` have, 0 when they have fewer than two. */
function usualWidth(text: string, delimiter: string, newline: string): number {
  const counts = new Map<number, number>();
  let start = 0;
  for (let line = 0; line < WIDTH_SAMPLE_LINES && start < text.length; line++) {
    let end = text.indexOf(newline, start);
    if (end < 0) end = text.length;
    if (end > start && end - start <= WIDTH_SAMPLE_MAX_LINE) {
      const cells = cellsInLine(text, start, end, delimiter);
      counts.set(cells, (counts.get(cells) ?? 0) + 1);
    }
    start = end + newline.length;
  }
  let width = 0;
  let most = 0;
  for (const [cells, count] of counts) if (count > most) [width, most] = [cells, count];
  return width < 2 ? 0 : width;
}

/**
 * Whether the quote at `open` is a stray one: the lines from the one holding it to the one holding
 * `close`, read on their own without it, have more lines of the file's usual width (`width`) than
 * the one row papaparse reads from them with it. A cell written over lines of text has at most one
 * such line, its first.
 */
function readsAsMoreRowsWithout(
  text: string,
  open: number,
  close: number,
  delimiter: string,
  newline: string,
  width: number,
): boolean {
  if (width === 0) return false;
  const lineOf = (at: number): { start: number; end: number } => {
    const before = text.lastIndexOf(newline, at - 1);
    const end = text.indexOf(newline, at);
    return { start: before < 0 ? 0 : before + newline.length, end: end < 0 ? text.length : end };
  };
  const first = lineOf(open);
  const cellsBefore = cellsInLine(text, first.start, open, delimiter);
  const kept = cellsBefore + cellsInLine(text, close + 1, lineOf(close).end, delimiter) - 1 === width ? 1 : 0;
  let rows = cellsBefore + cellsInLine(text, open + 1, first.end, delimiter) - 1 === width ? 1 : 0;
  for (let start = first.end + newline.length; rows <= kept && start <= close;) {
    let end = text.indexOf(newline, start);
    if (end < 0) end = text.length;
    if (cellsInLine(text, start, end, delimiter) === width) rows++;
    start = end + newline.length;
  }
  return rows > kept;
}

/**
 * The quotes that open a cell and would run it into the rows after it (see `parseText`), with the
 * 1-based row each is in. Walks the cells as papaparse does, taking each stray quote's cell as not
 * quoted.
 */
export function strayOpeningQuotes(
  text: string,
  delimiter: string,
  newline: string,
): { at: number; row: number }[] {
  const strays: { at: number; row: number }[] = [];
  const n = text.length;
  const width = usualWidth(text, delimiter, newline);
  const closingQuote = quoteCloser(text, delimiter, newline);
  let row = 1;
  // papaparse drops a leading BOM: the first cell starts after it.
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next delimiter and newline at or after where the walk is; the text's length for none, so that a
  // missing one is not looked for again (looking at every quote of a file without one took time by its
  // square).
  let nextDelimiter = -1;
  let nextNewline = -1;
  // After the cell ending at `end`: the next cell on its row, the first of the next row, or the end.
  const after = (end: number): void => {
    if (nextNewline < end) nextNewline = indexOrEnd(text, newline, end);
    if (nextDelimiter < end) nextDelimiter = indexOrEnd(text, delimiter, end);
    if (nextDelimiter < nextNewline) {
      at = nextDelimiter + delimiter.length;
    } else if (nextNewline < n) {
      at = nextNewline + newline.length;
      row++;
    } else at = n;
  };
  while (at < n) {
    if (text.charCodeAt(at) !== QUOTE) {
      after(at);
      continue;
    }
    const { close, regular } = closingQuote(at);
    if (nextNewline < at) nextNewline = indexOrEnd(text, newline, at);
    // A cell closed on its line past no quote that could not close it is as a CSV writer writes one.
    const irregular = !regular || close > nextNewline;
    if (close < 0 || (irregular && readsAsMoreRowsWithout(text, at, close, delimiter, newline, width))) {
      strays.push({ at, row });
      // The cell starts after the quote, and may start with another.
      at++;
    } else if (close === n - 1) at = n;
    else after(close + 1);
  }
  return strays;
}

/**
 * papaparse's rows, parsed chunk by chunk with `checkpoint` after each, and whether every quote in
 * the text opened and closed a cell where it should (papaparse found none malformed or unclosed).
 */
function parseWithPapa(
  text: string,
  delimiter: Delimiter,
  newline: Newline,
  checkpoint: (done: number, rowCount: number) => void,
  escapeChar: '"' | '\\',
): { rows: string[][]; quotesRegular: boolean } {
  const rows: string[][] = [];
  let quotesRegular = true;
  let stop: unknown = null;
  parseChunked(text, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar,
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
      if (results.errors.some((e) => e.type === 'Quotes')) quotesRegular = false;
    },
  });
  if (stop !== null) throw stop;
  return { rows, quotesRegular };
}

type Newline = '\n' | '\r\n' | '\r';

/**
 * The newline papaparse would guess for `text` (from its first chunk):
 * the regular parse below must split rows exactly where papaparse would.
 */
export function guessNewline(text: string): Newline {
  const head = text.substring(0, CHUNK_CHARS).replace(/"([^]*?)"/gm, '');
  const byCr = head.split('\r');
  const byLf = head.split('\n');
  if (byCr.length === 1 || (byLf.length > 1 && byLf[0]!.length < byCr[0]!.length)) return '\n';
  let crLf = 0;
  for (const part of byCr) if (part[0] === '\n') crLf++;
  return crLf >= byCr.length / 2 ? '\r\n' : '\r';
}

const QUOTE = 0x22;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const EQUALS = 0x3d;
// A formula that is only a text in quotes, nothing to evaluate.
const TEXT_FORMULA = /^="([^"]*)"$/;
const ESCAPED_QUOTE = /""/g;

/**
 * The rows papaparse gives for `text` when its quoting is regular (a quote
 * opens a field only as its first character, and the closing quote is
 * followed by the delimiter, the newline or the end of the text) and its lines
 * end one way outside quotes, else null: the caller then makes every line end
 * one, or leaves the text to papaparse's own recovery rules. Faster than
 * papaparse because a line without a quote is split natively, and the cells
 * are slices of the text rather than of a copy of each chunk.
 * `checkpoint` runs about every CHUNK_CHARS characters and may throw.
 */
export function parseRegular(
  text: string,
  delimiter: string,
  newline: Newline,
  checkpoint: (done: number, rowCount: number) => void,
): string[][] | null {
  // papaparse drops a leading BOM itself: leave such text to it.
  if (text.charCodeAt(0) === 0xfeff) return null;
  const n = text.length;
  const rows: string[][] = [];
  if (n === 0) return rows;
  let nextLineFeed = -1;
  let nextReturn = -1;
  /**
   * Whether a line end other than `newline` is in the cells from `from` to `to`, on a line ending at
   * `lineEnd`. A carriage return ending a line of a file of line feeds is not one: papaparse keeps it.
   */
  const otherLineEnd = (from: number, to: number, lineEnd: number): boolean => {
    if (newline !== '\n') {
      if (nextLineFeed < from) nextLineFeed = indexOrEnd(text, '\n', from);
      if (nextLineFeed < to) return true;
    }
    if (newline === '\r') return false;
    if (nextReturn < from) nextReturn = indexOrEnd(text, '\r', from);
    return nextReturn < to && !(newline === '\n' && nextReturn === lineEnd - 1);
  };
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
      if (otherLineEnd(cursor, lineEnd, lineEnd)) return null;
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
      if (otherLineEnd(at, next >= 0 && next < lineEnd ? next : lineEnd, lineEnd)) return null;
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

function indexOrEnd(text: string, part: string, from: number): number {
  const at = text.indexOf(part, from);
  return at < 0 ? text.length : at;
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
