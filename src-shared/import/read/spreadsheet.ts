/*
 * Workbooks (xlsx, xlsm, xlsb, xls, ods, Apple Numbers) through SheetJS, read so
 * that every cell is the text the user sees in Excel:
 * - the formatted text (`w`): "00123" for a number formatted 00000, "12%";
 * - text cells verbatim: "=SUM(A1)", "+33 1 23", "@handle" stay literal text
 *   (SheetJS never evaluates formulas; formula cells give their cached value);
 * - date cells: the displayed text when its format shows a four-digit year,
 *   otherwise ISO `yyyy-mm-dd` (plus ` hh:mm[:ss]` when the format shows a
 *   time), so "1/5/24" or "5-Jan" never reach the lead list ambiguous;
 *   time-only and elapsed-time formats keep their displayed text;
 * - whole numbers in General format that Excel would show in scientific
 *   notation ("1.23457E+15": phone numbers and IDs typed as numbers) give
 *   all their digits instead;
 * - a cell whose hyperlink is `mailto:` gives the address, not the link text;
 * - a cell whose text only names its web link ("LinkedIn", "View profile", as a
 *   table pasted from a web page or a CRM leaves it) gives the link's address;
 * - a column whose cells show other text over web links (names over their
 *   LinkedIn profiles, companies over their websites) is followed by a column
 *   "<header> (link)" holding the addresses, which the mapping step can take;
 * - merged cells that start in the first 30 rows (title and header rows)
 *   have their value copied into every empty cell of the merged range, so a
 *   merged "Contact" over two columns labels both; further down, a merge
 *   down one column (a company over its people's rows) is copied into each
 *   of its rows.
 */
import * as XLSX from 'xlsx';
import { ReadError, cancelled, formatCount } from './errors';
import { COPY_TABLE, notSpreadsheet } from './sniff';
import { truncateCell } from './cells';
import { detectHeaderRow } from '../header';
import { tooManyRows, trimTrailingEmptyRows, padRows } from './csv';
import type { ReadOptions, SheetInfo, SheetReader, SourceKind } from './types';
import { DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_ROWS } from './types';

interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}

// SheetJS types SSF as `any`; this is the part of its surface the reader relies on.
interface Ssf {
  is_date(fmt: string): boolean;
  parse_date_code(v: number, opts?: { date1904?: boolean }): DateCode | null;
}
const SSF = XLSX.SSF as Ssf;

export const HEADER_MERGE_ROWS = 30;
const PROGRESS_EVERY_ROWS = 4096;

type DateStyle = 'displayed' | 'date' | 'datetime' | 'datetime-seconds';

const dateStyleCache = new Map<string, DateStyle | null>();

/**
 * How a number with format `fmt` is turned into text: null when it is not a
 * date format, otherwise whether the displayed text is safe or ISO is used.
 */
export function dateStyle(fmt: string): DateStyle | null {
  const cached = dateStyleCache.get(fmt);
  if (cached !== undefined) return cached;
  let style: DateStyle | null = null;
  if (fmt !== 'General' && SSF.is_date(fmt)) {
    // Literal text, escapes and [color]/[$-locale] sections cannot show a date part.
    const bare = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
    const elapsed = /\[(h+|m+|s+)\]/i.test(bare);
    const code = bare.replace(/\[[^\]]*\]/g, '').split(';')[0] ?? '';
    const years = code.match(/y+/gi) ?? [];
    // "m" next to hours or seconds means minutes (Excel's rule), elsewhere month.
    const noMinutes = code
      .replace(/am\/pm|a\/p/gi, '')
      .replace(/h+[^a-z]*m+/gi, 'h')
      .replace(/m+[^a-z]*s+/gi, 's');
    const hasDate = /[ydm]/i.test(noMinutes);
    const hasTime = /h/i.test(code);
    if (elapsed || !hasDate) style = 'displayed';
    else if (years.length > 0 && years.every((y) => y.length >= 3)) style = 'displayed';
    else if (hasTime) style = /s/i.test(code) ? 'datetime-seconds' : 'datetime';
    else style = 'date';
  }
  dateStyleCache.set(fmt, style);
  return style;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoFromSerial(
  v: number,
  style: Exclude<DateStyle, 'displayed'>,
  date1904: boolean,
): string | null {
  const c = SSF.parse_date_code(v, { date1904 });
  if (!c) return null;
  const y = String(c.y).padStart(4, '0');
  const date = `${y}-${pad2(c.m)}-${pad2(c.d)}`;
  if (style === 'date') return date;
  const time = `${pad2(c.H)}:${pad2(c.M)}`;
  return style === 'datetime' ? `${date} ${time}` : `${date} ${time}:${pad2(c.S)}`;
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

function numberText(cell: XLSX.CellObject, v: number, date1904: boolean): string {
  const z = typeof cell.z === 'string' ? cell.z : undefined;
  const w = cell.w;
  if (z !== undefined) {
    const style = dateStyle(z);
    // Some ODS writers store the serial as the display text: re-derive it then.
    if (style === 'displayed' && w !== undefined && !NUMERIC_TEXT.test(w)) return w;
    if (style !== null && style !== 'displayed') return isoFromSerial(v, style, date1904) ?? w ?? String(v);
    if (style === 'displayed') return isoFromSerial(v, 'date', date1904) ?? w ?? String(v);
  }
  // Numbers files keep no display text, and their decimals come back a bit off (12.500000000000002):
  // 15 significant digits are what a spreadsheet shows.
  if (w === undefined) return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (
    (z === undefined || z === 'General') &&
    Number.isSafeInteger(v) &&
    (w.includes('E') || w.includes('e'))
  ) {
    return String(v);
  }
  return w;
}

export function mailtoAddress(target: string): string {
  let rest = target.slice(7);
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  try {
    return decodeURIComponent(rest).trim();
  } catch {
    return rest.trim();
  }
}

// What a link pasted from a web page or a CRM says instead of its address ("LinkedIn", "View
// profile"): folded to lower case and single spaces, in the languages the headers are read in.
const LINK_LABELS = new Set([
  'linkedin',
  'linkedin profile',
  'linkedin url',
  'view on linkedin',
  'profile',
  'view profile',
  'view',
  'website',
  'web',
  'site',
  'web site',
  'homepage',
  'home page',
  'visit',
  'visit website',
  'link',
  'url',
  'open',
  'click here',
  'here',
  'profil',
  'voir le profil',
  'site web',
  'lien',
  'perfil',
  'ver perfil',
  'sitio web',
  'enlace',
  'webseite',
  'profil ansehen',
]);

const WEB_LINK = /^https?:\/\/\S+$/i;
// Text that is itself an address ("acme.com", "www.acme.com/team", "https://…"): its link adds nothing.
const SHOWS_ADDRESS = /^(?:https?:\/\/)?[^\s/@]+\.[a-z]{2,}(?:[/?#]\S*)?$/i;

// A link written as a formula, as Google Sheets and Excel users make one: HYPERLINK("https://…","Profile").
// Only an address given as text is taken: one built from other cells ("…/in/"&B2) would need evaluating.
const HYPERLINK_FORMULA = /^\s*(?:_xlfn\.)?HYPERLINK\(\s*"((?:[^"]|"")*)"\s*[,)]/i;

/** The address a cell links to: its hyperlink's, or its HYPERLINK formula's. */
function linkOf(cell: XLSX.CellObject): string | undefined {
  const target = cell.l?.Target;
  if (typeof target === 'string') return target;
  if (typeof cell.f !== 'string') return undefined;
  return HYPERLINK_FORMULA.exec(cell.f)?.[1]?.replace(/""/g, '"');
}

/** The web address a cell links to under text that does not show it ("Jane Doe" over her profile), or null. */
function hiddenLink(cell: XLSX.CellObject, shown: string): string | null {
  const target = linkOf(cell);
  if (typeof target !== 'string' || !WEB_LINK.test(target)) return null;
  return shown === target || SHOWS_ADDRESS.test(shown.trim()) ? null : target;
}

/** The text a cell shows, or its link's address when the text only names the link ("LinkedIn" over a profile URL). */
function cellText(cell: XLSX.CellObject | null | undefined, date1904: boolean): string {
  if (!cell) return '';
  const link = linkOf(cell);
  if (typeof link === 'string' && link.length > 7 && link.slice(0, 7).toLowerCase() === 'mailto:') {
    const address = mailtoAddress(link);
    if (address !== '') return address;
  }
  const text = shownText(cell, date1904);
  if (
    typeof link === 'string' &&
    WEB_LINK.test(link) &&
    text.length <= 20 &&
    LINK_LABELS.has(text.trim().toLowerCase().replace(/\s+/g, ' '))
  ) {
    return link;
  }
  return text;
}

function shownText(cell: XLSX.CellObject, date1904: boolean): string {
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v : (cell.w ?? '');
    case 'n':
      return typeof v === 'number' ? numberText(cell, v, date1904) : (cell.w ?? '');
    case 'b':
      return cell.w ?? (v ? 'TRUE' : 'FALSE');
    case 'd':
      return v instanceof Date ? v.toISOString().slice(0, 10) : (cell.w ?? '');
    default:
      return cell.w ?? '';
  }
}

function mapSheetJsError(e: unknown, kind: SourceKind): ReadError {
  const detail = e instanceof Error ? e.message : String(e);
  if (kind === 'numbers') {
    if (/Keynote/i.test(detail)) return notSpreadsheet('a Keynote presentation', COPY_TABLE);
    return new ReadError(
      'corrupt',
      `This Numbers spreadsheet could not be read: it may be damaged, or saved by an old version of Numbers. In Numbers, choose File › Export To › Excel… (or CSV…), then import that file.`,
      detail,
    );
  }
  // "Unsupported ZIP encryption" is a garbled zip flag, not a workbook password.
  if (/password-protected|ECMA-376 Encrypted|Encryption scheme|ODS Encryption|RC4/i.test(detail)) {
    return new ReadError(
      'encrypted',
      'This workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it, and import it again.',
      detail,
    );
  }
  return new ReadError(
    'corrupt',
    'This workbook is damaged or incomplete (it may have been cut off while downloading). Open it in Excel and save it again, or export it as CSV.',
    detail,
  );
}

function sheetRowCount(ws: XLSX.WorkSheet): number {
  const ref = ws['!fullref'] ?? ws['!ref'];
  if (!ref) return 0;
  const fromRef = XLSX.utils.decode_range(ref).e.r + 1;
  return ws['!fullref'] ? fromRef : Math.min(fromRef, ws['!data']?.length ?? fromRef);
}

function hasAnyCell(ws: XLSX.WorkSheet): boolean {
  const data = ws['!data'];
  if (!data) return false;
  for (const row of data) {
    if (!row) continue;
    for (const cell of row) if (cell && cellText(cell, false) !== '') return true;
  }
  return false;
}

/**
 * SheetJS's Numbers reader logs each part it cannot decompress to the console, where the command
 * line's --json output would carry it; the error it then throws says what the user needs.
 */
function withoutLibraryLogs<T>(kind: SourceKind, read: () => T): T {
  if (kind !== 'numbers') return read();
  const log = console.log;
  console.log = () => undefined;
  try {
    return read();
  } finally {
    console.log = log;
  }
}

export function openSpreadsheet(bytes: Uint8Array, kind: SourceKind, opts: ReadOptions = {}): SheetReader {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  opts.onProgress?.({ phase: 'parse', done: 0, total: 1 });
  let wb: XLSX.WorkBook;
  try {
    wb = withoutLibraryLogs(kind, () =>
      XLSX.read(bytes, {
        type: 'array',
        dense: true,
        cellNF: true,
        cellText: true,
        cellDates: false,
        // For the links written as HYPERLINK formulas; a workbook without formulas reads no slower.
        cellFormula: true,
        cellHTML: false,
        // Row properties, which say which rows a filter or the user hid, come with the styles.
        cellStyles: true,
        bookVBA: false,
        // One row past the limit is enough to know the limit is exceeded.
        sheetRows: maxRows + 1,
      }),
    );
  } catch (e) {
    throw mapSheetJsError(e, kind);
  }
  if (opts.signal?.aborted) throw cancelled();
  opts.onProgress?.({ phase: 'parse', done: 1, total: 1 });
  return sheetsOf(wb, kind, opts);
}

/**
 * A parsed workbook (SheetJS's, or one `htmlWorkbook` built) as LeadPrep reads it: each cell the text
 * it shows. `encoding`: the one a text file (a web page) was decoded with.
 */
export function sheetsOf(
  wb: XLSX.WorkBook,
  kind: SourceKind,
  opts: ReadOptions,
  encoding?: string,
): SheetReader {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: SheetInfo[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const info: SheetInfo = { name, rowCount: ws ? sheetRowCount(ws) : 0 };
    const hidden = meta[i]?.Hidden;
    if (hidden) info.hidden = true;
    return info;
  });
  if (
    !wb.SheetNames.some((name) => {
      const ws = wb.Sheets[name];
      return ws !== undefined && hasAnyCell(ws);
    })
  ) {
    throw new ReadError(
      'empty',
      'This workbook has no data: every sheet is empty. Check that you picked the right file.',
    );
  }

  const worksheet = (name: string): XLSX.WorkSheet | undefined =>
    Object.prototype.hasOwnProperty.call(wb.Sheets, name) && wb.SheetNames.includes(name)
      ? wb.Sheets[name]
      : undefined;
  let truncatedCells = 0;
  // Of each sheet read, its width and the columns a column of links was added after (`withLinkColumns`).
  const shapes = new Map<string, { width: number; linked: number[] }>();
  return {
    kind,
    sheets,
    encoding,
    get truncatedCells() {
      return truncatedCells;
    },
    unclosedQuoteRows: [],
    readSheet(name: string, readOpts: ReadOptions = {}): string[][] {
      const o = { ...opts, ...readOpts };
      const limit = Math.min(o.maxRows ?? DEFAULT_MAX_ROWS, maxRows);
      const maxCellChars = o.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
      const ws = worksheet(name);
      if (!ws) {
        throw new ReadError(
          'empty',
          `There is no sheet named "${name}" in this file. Pick one of: ${wb.SheetNames.join(', ')}.`,
        );
      }
      const data = ws['!data'] ?? [];
      const full = ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']).e.r + 1 : data.length;
      if (full > limit) {
        throw tooManyRows(ws['!fullref'] ? formatCount(full) : `more than ${formatCount(limit)}`, limit);
      }
      const result = extract(data, o, maxCellChars, date1904);
      truncatedCells = result.truncated;
      const rows = asShown(ws, result.rows, result.links);
      shapes.set(name, { width: rows[0]?.length ?? 0, linked: [...result.links.keys()] });
      if (rows.length === 0 || rows.every((r) => r.every((c) => c === ''))) {
        throw new ReadError(
          'empty',
          `The sheet "${name}" is empty. Pick another sheet, or check that you picked the right file.`,
        );
      }
      return rows;
    },
    hiddenRows(name: string): number[] {
      const hidden: number[] = [];
      (worksheet(name)?.['!rows'] ?? []).forEach((row, i) => {
        if (row?.hidden) hidden.push(i);
      });
      return hidden;
    },
    hiddenColumns(name: string): number[] {
      const { width, linked } = shapes.get(name) ?? { width: Infinity, linked: [] };
      const hidden: number[] = [];
      (worksheet(name)?.['!cols'] ?? []).forEach((col, c) => {
        if (!col?.hidden) return;
        const at = c + linked.filter((l) => l < c).length;
        if (at < width) hidden.push(at);
        if (linked.includes(c)) hidden.push(at + 1);
      });
      return hidden;
    },
    topRows(name: string, count: number): string[][] {
      const ws = worksheet(name);
      if (!ws) return [];
      const top = extract(
        (ws['!data'] ?? []).slice(0, count),
        {},
        opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS,
        date1904,
      );
      return asShown(ws, top.rows, top.links);
    },
  };
}

/**
 * Extracted rows with merged cells filled in (`fillMerges`), trailing blank rows dropped, and each column of
 * hidden links after the column it came from.
 */
function asShown(ws: XLSX.WorkSheet, rows: string[][], links: HiddenLinks): string[][] {
  fillMerges(rows, ws['!merges'] ?? []);
  trimTrailingEmptyRows(rows);
  withLinkColumns(rows, links);
  return rows;
}

/**
 * Inserts after each column with hidden links a column of those addresses, headed by the column's
 * header with " (link)" when the header row (found as the mapping step finds it) is above the links.
 */
function withLinkColumns(rows: string[][], links: HiddenLinks): void {
  if (links.size === 0) return;
  const headerRow = detectHeaderRow(rows);
  for (const c of [...links.keys()].sort((a, b) => b - a)) {
    const column = links.get(c) as string[];
    const header = rows[headerRow]?.[c] ?? '';
    const named = header !== '' && headerRow < column.findIndex((link) => link !== undefined);
    for (let r = 0; r < rows.length; r++) {
      rows[r]?.splice(c + 1, 0, named && r === headerRow ? `${header} (link)` : (column[r] ?? ''));
    }
  }
}

/** By column, the addresses its cells link to under other text, by row (`hiddenLink`). */
type HiddenLinks = Map<number, string[]>;

function extract(
  data: XLSX.CellObject[][],
  o: ReadOptions,
  maxCellChars: number,
  date1904: boolean,
): { rows: string[][]; truncated: number; links: HiddenLinks } {
  let width = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (row && row.length > width) width = row.length;
  }
  const total = data.length;
  const rows: string[][] = new Array<string[]>(total);
  let truncated = 0;
  const links: HiddenLinks = new Map();
  for (let r = 0; r < total; r++) {
    if (r % PROGRESS_EVERY_ROWS === 0) {
      if (o.signal?.aborted) throw cancelled();
      o.onProgress?.({ phase: 'extract', done: r, total });
    }
    const src = data[r];
    const out: string[] = [];
    if (src) {
      const n = src.length;
      for (let c = 0; c < n; c++) {
        const cell = src[c];
        let s = cellText(cell, date1904);
        if (cell?.l || cell?.f) {
          const link = hiddenLink(cell, s);
          if (link !== null && link.length <= maxCellChars) {
            let column = links.get(c);
            if (column === undefined) links.set(c, (column = []));
            column[r] = link;
          }
        }
        if (s.length > maxCellChars) {
          s = truncateCell(s, maxCellChars);
          truncated++;
        }
        out.push(s);
      }
    }
    rows[r] = out;
  }
  padRows(rows, width);
  o.onProgress?.({ phase: 'extract', done: total, total });
  return { rows, truncated, links };
}

/**
 * Copies a merged cell's value into the empty cells its range covers, as Excel shows it over them:
 * every merge that starts in the title and header rows (a merged "Contact" over two columns labels
 * both), and anywhere a merge down one column (a company merged over the rows of its people), which
 * stands for each row it covers. A merge across columns further down is a label or a note laid over
 * its row, and stays in its first cell.
 */
function fillMerges(rows: string[][], merges: XLSX.Range[]): void {
  for (const m of merges) {
    const down = m.s.c === m.e.c;
    if (!down && m.s.r >= HEADER_MERGE_ROWS) continue;
    const value = rows[m.s.r]?.[m.s.c];
    if (!value) continue;
    const lastRow = Math.min(m.e.r, down ? Infinity : HEADER_MERGE_ROWS - 1, rows.length - 1);
    for (let r = m.s.r; r <= lastRow; r++) {
      const row = rows[r]!;
      const lastCol = Math.min(m.e.c, row.length - 1);
      for (let c = m.s.c; c <= lastCol; c++) if (row[c] === '') row[c] = value;
    }
  }
}
