/**
 * Reading files: bytes in, grids of display text out. Pure TypeScript (no
 * Node or DOM-only APIs): runs in the renderer's import Web Worker and
 * in-process in the CLI.
 *
 * ```ts
 * const wb = openWorkbook(bytes, 'leads.xlsx', { signal, onProgress });
 * wb.kind;     // one of SOURCE_KINDS: 'xlsx' | 'ods' | 'numbers' | 'csv' | 'zip' … (from the bytes, not the name)
 * wb.sheets;   // [{ name, rowCount, hidden? }] for the sheet picker
 * wb.encoding; // text files: one of TEXT_ENCODINGS, detected or as opts.encoding chose
 * wb.delimiter;// text files: ',' | ';' | '\t' | '|'
 * const grid = wb.readSheet(wb.sheets[0].name, { signal, onProgress });
 * wb.truncatedCells; // cells cut to maxCellChars by that read
 * ```
 *
 * A grid is `string[][]`: row i is the sheet's row i + 1 and column j its
 * column j + 1 (title and blank rows above the header are kept, so row
 * numbers match what the user sees); every row has the same length; a cell
 * is the text shown in Excel, '' when empty. Trailing blank rows are dropped.
 * See spreadsheet.ts for how workbook cells become text (dates, leading
 * zeros, formulas, mailto links, merged headers; Excel 2003's XML workbooks
 * too), html.ts for web pages saved as "Excel" exports (a sheet per table),
 * csv.ts for text files, vcard.ts for contacts files (.vcf), one row per
 * contact, json.ts for JSON exports, one row per record; archive.ts for a ZIP archive of such files (its sheets are theirs).
 * Header detection and column mapping happen downstream.
 *
 * Every failure is a `ReadError` whose `code` the host can switch on and
 * whose `message` tells the user what happened and what to do:
 * - `not_spreadsheet`: a PDF, image, Word file or other archive, whatever its
 *   extension; a web page under another name than .xls, .htm or .html, or
 *   one without a table of data;
 * - `unsupported`: a file LeadPrep does not open (an archive inside an archive);
 * - `corrupt`: damaged or truncated workbook;
 * - `encrypted`: password-protected workbook (detected from the container
 *   before SheetJS runs, and from SheetJS's own error for legacy .xls);
 * - `empty`: zero bytes, blank text, or no cell in any sheet (`readSheet`
 *   on an empty sheet too);
 * - `zip_bomb`: a zip-based workbook whose central directory declares more
 *   than `maxInflatedBytes` (default 400 MB) or impossible/absurd ratios —
 *   checked before anything is inflated;
 * - `too_large`: the file itself is beyond what can be read at all;
 * - `too_many_rows`: a sheet beyond `maxRows` (default 500,000) — workbooks
 *   stop parsing one row past the limit, the message gives the real count;
 * - `cancelled`: `signal.aborted` became true (checked between CSV chunks
 *   and between blocks of extracted rows; SheetJS's own parse cannot be
 *   interrupted, so a host that must stop it at once terminates the worker).
 *
 * Cells longer than `maxCellChars` (default 1,000,000) are cut to that length
 * rather than failing the whole file: one pasted blob in a notes column
 * should not block an import. `truncatedCells` reports how many were cut.
 */
import { archiveInArchive, archiveWorkbook } from './archive';
import { splitJoinedColumn } from './joined-column';
import { ReadError, formatBytes } from './errors';
import { readDelimited, emptyFile } from './csv';
import { sniff } from './sniff';
import { htmlWorkbook } from './html';
import { readJsonRecords } from './json';
import { openSpreadsheet, sheetsOf } from './spreadsheet';
import { decodeText } from './text';
import type { ReadOptions, RecordRows, SheetReader, SourceKind, Workbook } from './types';
import { readVCards } from './vcard';
import { DEFAULT_MAX_INFLATED_BYTES } from './types';
import type { Delimiter } from './delimiter';

export { ReadError, isReadError } from './errors';
export { hiddenRowsNote, readNotes } from './notes';
export type { ReadErrorCode } from './errors';
export type {
  AbortFlag,
  ReadOptions,
  ReadPhase,
  ReadProgress,
  SheetInfo,
  SourceKind,
  Workbook,
} from './types';
export {
  DEFAULT_MAX_CELL_CHARS,
  DEFAULT_MAX_INFLATED_BYTES,
  DEFAULT_MAX_ROWS,
  READABLE_EXTENSIONS,
} from './types';
export type { Delimiter } from './delimiter';
export type { TextEncoding } from './text';

const RECORD_READERS: Partial<Record<SourceKind, (text: string, opts: ReadOptions) => RecordRows>> = {
  json: readJsonRecords,
  vcf: readVCards,
};

/** Strings in JavaScript cap near 2^29 characters; a text file beyond this cannot be decoded. */
export const MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024;

export function openWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Workbook {
  return withJoinedColumnsSplit(openFile(bytes, fileName, opts, true));
}

/**
 * `wb` whose sheets of rows written each in one cell are read split into columns (`joined-column.ts`):
 * the grid, its top rows and its hidden columns (none, once split) as the split gives them.
 */
function withJoinedColumnsSplit(wb: SheetReader): Workbook {
  let splitDelimiter: Delimiter | null = null;
  const splitSheets = new Set<string>();
  return {
    kind: wb.kind,
    sheets: wb.sheets,
    encoding: wb.encoding,
    delimiter: wb.delimiter,
    get truncatedCells() {
      return wb.truncatedCells;
    },
    get unclosedQuoteRows() {
      return wb.unclosedQuoteRows;
    },
    get splitDelimiter() {
      return splitDelimiter;
    },
    readSheet(name, opts) {
      const grid = wb.readSheet(name, opts);
      const split = splitJoinedColumn(grid);
      splitDelimiter = split?.delimiter ?? null;
      if (split === null) {
        splitSheets.delete(name);
        return grid;
      }
      splitSheets.add(name);
      return split.rows;
    },
    hiddenRows: (name) => wb.hiddenRows(name),
    hiddenColumns: (name) => (splitSheets.has(name) ? [] : wb.hiddenColumns(name)),
    topRows(name, count) {
      const rows = wb.topRows(name, count);
      return splitJoinedColumn(rows)?.rows ?? rows;
    },
  };
}

/** `openWorkbook`; `archives`: false for a file inside an archive, which may not be one itself. */
function openFile(bytes: Uint8Array, fileName: string, opts: ReadOptions, archives: boolean): SheetReader {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw new ReadError('cancelled', 'Reading the file was cancelled.');
  onProgress?.({ phase: 'inspect', done: 0, total: 1 });
  if (bytes.byteLength === 0) throw emptyFile();
  const sniffed = sniff(bytes, fileName, opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  onProgress?.({ phase: 'inspect', done: 1, total: 1 });

  if (sniffed.container === 'archive') {
    if (!archives) throw archiveInArchive();
    return archiveWorkbook(bytes, opts, (inner, name, o) => openFile(inner, name, o, false));
  }
  if (sniffed.container !== 'text') return openSpreadsheet(bytes, sniffed.kind, opts);

  if (bytes.byteLength > MAX_TEXT_FILE_BYTES) {
    throw new ReadError(
      'too_large',
      `This file is ${formatBytes(bytes.byteLength)}; LeadPrep reads text files up to ${formatBytes(MAX_TEXT_FILE_BYTES)}. Split it into smaller files and import them one by one.`,
    );
  }
  if (sniffed.kind === 'html') {
    const decoded = decodeText(bytes, opts.encoding);
    return sheetsOf(htmlWorkbook(decoded.text, sheetNameFor(fileName), opts), 'html', opts, decoded.encoding);
  }
  // Files of records rather than rows (a JSON export, a contacts file): a row per record.
  const records = RECORD_READERS[sniffed.kind];
  if (records !== undefined) {
    const decoded = decodeText(bytes, opts.encoding);
    const read = records(decoded.text, opts);
    return textWorkbook(sniffed.kind, sheetNameFor(fileName), read.rows, {
      encoding: decoded.encoding,
      truncatedCells: read.truncatedCells,
      unclosedQuoteRows: [],
    });
  }
  const preferred: Delimiter | undefined = sniffed.kind === 'tsv' ? '\t' : undefined;
  const parsed = readDelimited(bytes, preferred, opts);
  return textWorkbook(sniffed.kind, sheetNameFor(fileName), parsed.rows, parsed);
}

/** A text file's one sheet of `rows`, as a workbook. */
function textWorkbook(
  kind: SourceKind,
  sheetName: string,
  rows: string[][],
  read: Pick<Workbook, 'encoding' | 'delimiter' | 'truncatedCells' | 'unclosedQuoteRows'>,
): SheetReader {
  return {
    kind,
    sheets: [{ name: sheetName, rowCount: rows.length }],
    encoding: read.encoding,
    delimiter: read.delimiter,
    truncatedCells: read.truncatedCells,
    unclosedQuoteRows: read.unclosedQuoteRows,
    readSheet(name: string): string[][] {
      if (name !== sheetName) {
        throw new ReadError('empty', `There is no sheet named "${name}" in this file. Pick "${sheetName}".`);
      }
      return rows;
    },
    hiddenRows: () => [],
    hiddenColumns: () => [],
    topRows(name: string, count: number): string[][] {
      return name === sheetName ? rows.slice(0, count) : [];
    },
  };
}

/** A text file has one sheet, named after the file without its folder or extension. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.trim() === '' ? 'Sheet1' : stem;
}
