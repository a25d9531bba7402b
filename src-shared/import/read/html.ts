/*
 * "Excel" files that are web pages. CRMs and web apps (a Salesforce report's
 * .xls export among them) save an HTML table under an .xls name, and Excel
 * opens it after a warning. Each table with something in it is read as a
 * sheet, every cell the text a browser shows:
 * - entities decoded, runs of spaces and line breaks in the source closed up,
 *   a `<br>` or the end of a paragraph a line break in the cell;
 * - text kept as written: "00123" and "06/12/2026" are not numbers or dates;
 * - a cell's first link kept as its link, so that what a workbook's links give
 *   (a `mailto:` link's address, a "LinkedIn" label's profile, a column of
 *   links under names) a page's links give too (see spreadsheet.ts);
 * - `colspan` and `rowspan` leave the cells they cover empty and are merges,
 *   so a header spanning two columns labels both as a workbook's does;
 * - scripts and styles are no text.
 * The result is a SheetJS workbook: from there it is read as any workbook is.
 */
import { Parser } from 'htmlparser2';
import * as XLSX from 'xlsx';
import { ReadError, cancelled } from './errors';
import type { ReadOptions } from './types';
import { DEFAULT_MAX_ROWS, MAX_COLUMNS } from './types';

/** Text parsed between checks for cancel and progress reports. */
const CHUNK_CHARS = 1 << 20;
// What browsers cap spans at: a damaged or hostile page cannot make a sheet wider or longer than this.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/** Sheet names are cut to what Excel allows. */
const MAX_SHEET_NAME = 31;

const NO_TEXT = new Set(['script', 'style', 'template', 'noscript']);
// Blocks: a browser shows each on lines of its own.
const ENDS_LINE = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface OpenCell {
  row: number;
  column: number;
  lines: string[];
  line: string;
  link: string | null;
}

interface Table {
  /** Cells kept, by row: rows past the row limit are counted, not kept. */
  data: XLSX.CellObject[][];
  merges: XLSX.Range[];
  caption: string;
  inCaption: boolean;
  /** Rows started so far (the index of the current one is rows - 1). */
  rows: number;
  width: number;
  column: number;
  /** By column: the last row a rowspan from above covers. */
  coveredTo: number[];
  cell: OpenCell | null;
  filled: boolean;
}

function newTable(): Table {
  return {
    data: [],
    merges: [],
    caption: '',
    inCaption: false,
    rows: 0,
    width: 0,
    column: 0,
    coveredTo: [],
    cell: null,
    filled: false,
  };
}

function collapsed(line: string): string {
  return line.replace(/[\t\n\f\r ]+/g, ' ').trim();
}

function breakLine(cell: OpenCell): void {
  cell.lines.push(cell.line);
  cell.line = '';
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function range(rows: number, columns: number): string {
  return XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(rows, 1) - 1, c: Math.max(columns, 1) - 1 },
  });
}

/**
 * A page whose tables hold nothing, or that has none: most likely what was downloaded in place of an
 * export, or (`framed`) the page of frames Excel's "Save as Web Page" writes beside a folder of sheets.
 */
function noTable(framed: boolean): ReadError {
  return new ReadError(
    'not_spreadsheet',
    framed
      ? 'This web page only frames others: it is the main page of a workbook saved as a web page, whose sheets are in the folder beside it (named like the file, ending in "_files"). Import a sheet\'s page from that folder, or open the workbook in Excel and save it as .xlsx.'
      : 'This file is a web page (HTML) with no table of data in it, not a spreadsheet. If it should be an export, it may be a sign-in or error page saved in its place: download the export again (as CSV or Excel if you can), then import that file.',
  );
}

/** The tables of a web page (`html`, decoded) as a workbook of one sheet each; `singleSheetName` names a lone table. */
export function htmlWorkbook(html: string, singleSheetName: string, opts: ReadOptions = {}): XLSX.WorkBook {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  // Every table in the order it starts on the page; `open` the ones not closed yet, innermost last.
  const tables: Table[] = [];
  const open: Table[] = [];
  let skipText = 0;
  let framed = false;

  const finishCell = (t: Table): void => {
    const cell = t.cell;
    if (cell === null) return;
    t.cell = null;
    const lines = [...cell.lines, cell.line].map(collapsed);
    // Without the empty lines at either end (a cell of `<br>`s only is empty).
    const first = lines.findIndex((l) => l !== '');
    const text = first < 0 ? '' : lines.slice(first, lines.findLastIndex((l) => l !== '') + 1).join('\n');
    if (text === '' && cell.link === null) return;
    const row = t.data[cell.row];
    if (row === undefined) return;
    const value: XLSX.CellObject = { t: 's', v: text };
    if (cell.link !== null) value.l = { Target: cell.link };
    row[cell.column] = value;
    t.filled ||= text !== '';
  };

  const startRow = (t: Table): void => {
    finishCell(t);
    t.rows++;
    t.column = 0;
    if (t.rows <= maxRows + 1) t.data.push([]);
  };

  const startCell = (t: Table, attribs: Record<string, string>): void => {
    if (t.rows === 0) startRow(t);
    finishCell(t);
    const row = t.rows - 1;
    while ((t.coveredTo[t.column] ?? -1) >= row) t.column++;
    const column = t.column;
    if (column >= MAX_COLUMNS) return;
    const colspan = Math.min(span(attribs.colspan, MAX_COLSPAN), MAX_COLUMNS - column);
    const rowspan = span(attribs.rowspan, MAX_ROWSPAN);
    t.cell = { row, column, lines: [], line: '', link: null };
    if (colspan > 1 || rowspan > 1) {
      t.merges.push({ s: { r: row, c: column }, e: { r: row + rowspan - 1, c: column + colspan - 1 } });
      for (let c = column; c < column + colspan; c++) t.coveredTo[c] = row + rowspan - 1;
    }
    t.column += colspan;
    if (t.column > t.width) t.width = t.column;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (NO_TEXT.has(name)) skipText++;
        if (name === 'frameset' || name === 'frame') framed = true;
        if (name === 'table') {
          const t = newTable();
          tables.push(t);
          open.push(t);
          return;
        }
        const t = open[open.length - 1];
        if (t === undefined) return;
        if (name === 'tr') startRow(t);
        else if (name === 'td' || name === 'th') startCell(t, attribs);
        else if (name === 'caption') t.inCaption = true;
        else if (t.cell !== null) {
          if (name === 'br' || (ENDS_LINE.has(name) && t.cell.line.trim() !== '')) breakLine(t.cell);
          else if (name === 'a' && t.cell.link === null && attribs.href) t.cell.link = attribs.href.trim();
        }
      },
      ontext(text) {
        const t = open[open.length - 1];
        if (t === undefined || skipText > 0) return;
        if (t.cell !== null) t.cell.line += text;
        else if (t.inCaption) t.caption += text;
      },
      onclosetag(name) {
        if (NO_TEXT.has(name)) skipText = Math.max(0, skipText - 1);
        const t = open[open.length - 1];
        if (t === undefined) return;
        if (name === 'table') {
          finishCell(t);
          open.pop();
        } else if (name === 'td' || name === 'th') {
          finishCell(t);
        } else if (name === 'caption') {
          t.inCaption = false;
        } else if (t.cell !== null && ENDS_LINE.has(name)) {
          breakLine(t.cell);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (let at = 0; at < html.length; at += CHUNK_CHARS) {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase: 'parse', done: at, total: html.length });
    parser.write(html.slice(at, at + CHUNK_CHARS));
  }
  parser.end();
  // A page cut off before its tables close still has them.
  for (const t of open) finishCell(t);
  opts.onProgress?.({ phase: 'parse', done: html.length, total: html.length });

  const filled = tables.filter((t) => t.filled);
  if (filled.length === 0) throw noTable(framed);
  const names = sheetNames(filled, singleSheetName);
  const wb: XLSX.WorkBook = { SheetNames: names, Sheets: {} };
  filled.forEach((t, i) => {
    const sheet: XLSX.WorkSheet = {
      '!data': t.data,
      '!ref': range(t.data.length, t.width),
      '!merges': t.merges,
    };
    // Past the row limit, the rows are counted and not kept, as SheetJS's `sheetRows` does.
    if (t.rows > t.data.length) sheet['!fullref'] = range(t.rows, t.width);
    wb.Sheets[names[i] as string] = sheet;
  });
  return wb;
}

/**
 * A lone table is named as a text file's sheet is; several by their captions where those tell them
 * apart, else "Table 1", "Table 2"… in page order.
 */
function sheetNames(tables: readonly Table[], singleSheetName: string): string[] {
  if (tables.length === 1) return [singleSheetName];
  const captions = tables.map((t) => collapsed(t.caption).slice(0, MAX_SHEET_NAME));
  const distinct = captions.every((c, i) => c !== '' && captions.indexOf(c) === i);
  return distinct ? captions : tables.map((_, i) => `Table ${i + 1}`);
}
