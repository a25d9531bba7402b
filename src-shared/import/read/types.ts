import type { Delimiter } from './delimiter';
import type { TextEncoding } from './text';

export const SOURCE_KINDS = [
  'xlsx',
  'xlsm',
  'xlsb',
  'xls',
  'ods',
  'numbers',
  'xml',
  'html',
  'csv',
  'tsv',
  'txt',
  'vcf',
  'json',
  'zip',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

/** File name extensions `openWorkbook` reads, for file pickers (the kind itself comes from the bytes). */
export const READABLE_EXTENSIONS =
  '.xlsx,.xlsm,.xlsb,.xls,.ods,.numbers,.xml,.htm,.html,.csv,.tsv,.txt,.vcf,.json,.jsonl,.ndjson,.zip';

export type ReadPhase = 'inspect' | 'parse' | 'extract';

export interface ReadProgress {
  phase: ReadPhase;
  done: number;
  total: number;
}

/** Anything with an `aborted` flag: an AbortSignal, or a plain object a worker flips. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** A file of records (a JSON export, a contacts file) read as a grid: a header row, then a row per record. */
export interface RecordRows {
  rows: string[][];
  /** Cells cut to the cell limit. */
  truncatedCells: number;
}

export interface ReadOptions {
  signal?: AbortFlag;
  onProgress?(p: ReadProgress): void;
  /** Rows per sheet (title and header rows included). Default 500,000. */
  maxRows?: number;
  /** Longer cells are cut to this many UTF-16 code units. Default 1,000,000. */
  maxCellChars?: number;
  /** Refuse a zip-based workbook whose entries would inflate past this. Default 400 MB. */
  maxInflatedBytes?: number;
  /** Text files: decode in this encoding instead of the one detected (the user's choice). */
  encoding?: TextEncoding;
}

export interface SheetInfo {
  name: string;
  /** Rows from the top of the sheet to its last used row (blank rows inside count). */
  rowCount: number;
  hidden?: boolean;
  /** A file in an archive that could not be read: why, as reading it says (it has no rows). */
  unreadable?: string;
}

export interface Workbook {
  kind: SourceKind;
  sheets: SheetInfo[];
  /** Text files only: the encoding the bytes were decoded with (WHATWG label). */
  encoding?: string;
  /** Text files only: the field delimiter that was used. */
  delimiter?: string;
  /**
   * Cells cut to `maxCellChars` by the most recent `readSheet` call (for a
   * text file, by `openWorkbook`), so the host can tell the user.
   */
  readonly truncatedCells: number;
  /**
   * Text files only (else empty): 1-based rows where a quote opened a cell and was never closed, or
   * closed only past a quote that could not close it; it was ignored.
   */
  readonly unclosedQuoteRows: readonly number[];
  /**
   * The delimiter at which the most recent `readSheet` split a sheet whose rows were each written in
   * one cell (`joined-column.ts`), or null when it split none.
   */
  readonly splitDelimiter: Delimiter | null;
  /** Rectangular grid: row i is sheet row i + 1, column j is column j + 1; '' for empty. */
  readSheet(name: string, opts?: ReadOptions): string[][];
  /**
   * Rows of a sheet hidden in the spreadsheet app (filtered out or hidden by
   * hand), as 0-based indices into `readSheet`'s grid, ascending. Workbooks
   * give what SheetJS reads of their rows (.xlsx, .xlsm, .xlsb and .xls record it,
   * .ods as SheetJS reads it does not); text files give none.
   */
  hiddenRows(name: string): number[];
  /**
   * Columns of a sheet hidden in the spreadsheet app (a CRM's record ids and checksums, helper
   * columns), as 0-based indices into the grid `readSheet` gave for it, ascending; a column of
   * links added after a hidden column is hidden too. .xlsx, .xlsm, .xlsb and .xls record them;
   * other files give none.
   */
  hiddenColumns(name: string): number[];
  /**
   * The first `count` rows of a sheet as `readSheet` would give them (fewer
   * for a shorter sheet, none for an empty one), without the row limit, to
   * look at what a sheet holds before the user picks it.
   */
  topRows(name: string, count: number): string[][];
}

/** A file's sheets as its reader gives them, before a sheet of rows joined in one cell is split. */
export type SheetReader = Omit<Workbook, 'splitDelimiter'>;

export const DEFAULT_MAX_ROWS = 500_000;
/** Excel's width: readers whose input can widen a sheet cheaply (a span, a key) stop there. */
export const MAX_COLUMNS = 16_384;
export const DEFAULT_MAX_CELL_CHARS = 1_000_000;
export const DEFAULT_MAX_INFLATED_BYTES = 400 * 1024 * 1024;
