/*
 * Real workbooks built in memory with SheetJS: the features users' exports
 * have (title rows, merged headers, formatted dates, leading zeros, formulas,
 * mailto links, several scripts, several and hidden sheets) and the broken
 * files the importer must refuse.
 */
import * as XLSX from 'xlsx';
import zahl from 'xlsx/dist/xlsx.zahl';

export type WorkbookType = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'xml' | 'xlsb' | 'numbers';

const BOOK_TYPE: Record<WorkbookType, XLSX.BookType> = {
  xlsx: 'xlsx',
  xlsm: 'xlsm',
  xls: 'biff8',
  ods: 'ods',
  // Excel 2003's XML workbook ("XML Spreadsheet 2003").
  xml: 'xlml',
  xlsb: 'xlsb',
  numbers: 'numbers',
};

export function writeWorkbook(wb: XLSX.WorkBook, type: WorkbookType = 'xlsx'): Uint8Array {
  const out: unknown = XLSX.write(wb, {
    type: 'array',
    bookType: BOOK_TYPE[type],
    bookSST: true,
    compression: true,
    // SheetJS writes Numbers from a template saved by Numbers itself: the same container a Mac makes.
    numbers: zahl,
  });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not return an ArrayBuffer');
  return new Uint8Array(out);
}

export function workbookFromRows(sheets: Record<string, readonly (readonly string[])[]>): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    // Type 's' for every cell: strings stay strings, as they would in a text column.
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => v)));
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return wb;
}

/**
 * A sheet as Excel saves it with a filter on: every row is in the file, and the rows the filter
 * hides (0-based row indices, the header being row 0) are marked hidden.
 */
export function filteredWorkbook(
  rows: readonly (readonly string[])[],
  hidden: readonly number[],
  type: WorkbookType = 'xlsx',
): Uint8Array {
  const wb = workbookFromRows({ Leads: rows });
  const ws = wb.Sheets.Leads as XLSX.WorkSheet;
  ws['!rows'] = [];
  for (const r of hidden) ws['!rows'][r] = { hidden: true };
  ws['!autofilter'] = { ref: `A1:${XLSX.utils.encode_col((rows[0]?.length ?? 1) - 1)}${rows.length}` };
  return writeWorkbook(wb, type);
}

/**
 * Contacts as Microsoft Dynamics 365 exports them to Excel: its record id, checksum and time of the last
 * change in hidden columns first, then the columns the user sees. Rows: name, email, company.
 */
export function dynamicsExport(
  rows: readonly (readonly [string, string, string])[],
  type: WorkbookType = 'xlsx',
): Uint8Array {
  const wb = workbookFromRows({
    'Active Contacts': [
      [
        '(Do Not Modify) Contact',
        '(Do Not Modify) Row Checksum',
        '(Do Not Modify) Modified On',
        'Full Name',
        'Email',
        'Company Name',
      ],
      ...rows.map((r, i) => [
        `5f3c1a2b-0000-4000-8000-00000000000${i}`,
        `chk${i}==`,
        '2024-03-12 16:05',
        ...r,
      ]),
    ],
  });
  const ws = wb.Sheets['Active Contacts'] as XLSX.WorkSheet;
  ws['!cols'] = [{ hidden: true }, { hidden: true }, { hidden: true }];
  return writeWorkbook(wb, type);
}

/**
 * A table pasted from a web page into Excel, as a speakers or attendees list is saved: each name links
 * to the person's LinkedIn profile and each company to its website. Rows: name, profile, company,
 * website, email.
 */
export function pastedTableWorkbook(
  rows: readonly (readonly [string, string, string, string, string])[],
): Uint8Array {
  const link = (v: string, target: string): XLSX.CellObject => ({ t: 's', v, l: { Target: target } });
  const ws = XLSX.utils.aoa_to_sheet([
    ['Name', 'Company', 'Email'],
    ...rows.map(([name, profile, company, site, email]) => [link(name, profile), link(company, site), email]),
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Speakers');
  return writeWorkbook(wb, 'xlsx');
}

type Cell = XLSX.CellObject | null;

const s = (v: string): XLSX.CellObject => ({ t: 's', v });
const n = (v: number, z?: string): XLSX.CellObject => (z ? { t: 'n', v, z } : { t: 'n', v });

/** Excel serial for 2024-01-05 (1900 date system). */
export const SERIAL_2024_01_05 = 45296;

/**
 * The "feature" sheet, as Excel rows (row 1 first). Expected reader output
 * is spelled out in the read tests rather than here, so a reader bug cannot
 * hide behind a generator bug.
 */
export function featureSheet(): XLSX.WorkSheet {
  const rows: Cell[][] = [
    [s('Event leads — exported from the booth scanner')],
    [],
    [
      s('Contact'),
      null,
      s('Company'),
      s('Zip'),
      s('Zip (text)'),
      s('Met on'),
      s('Met on (long)'),
      s('Phone'),
      s('Account ID'),
      s('Total'),
      s('Email'),
      s('Note'),
    ],
    [
      s('José'),
      s('Müller'),
      s('Société Générale'),
      n(123, '00000'),
      s('00501'),
      n(SERIAL_2024_01_05, 'm/d/yy'),
      n(SERIAL_2024_01_05, 'yyyy-mm-dd'),
      s('0612345678'),
      n(1234567890123456),
      // Cached value deliberately not what the formula computes: proves nothing is evaluated.
      { t: 'n', v: 42, f: '1+1' },
      { t: 's', v: 'Write to José', l: { Target: 'mailto:jose@example.com?subject=Hello' } },
      s('=HYPERLINK("http://evil.example")'),
    ],
    [
      s('太郎'),
      s('佐藤'),
      s('株式会社テスト'),
      n(7, '00000'),
      s('02134'),
      n(SERIAL_2024_01_05 + 4.5, 'm/d/yy h:mm'),
      n(SERIAL_2024_01_05 + 4, 'dd/mm/yyyy'),
      s('+33 1 23 45 67 89'),
      s('000123456789012345'),
      { t: 'n', v: 3, f: 'SUM(1,2)' },
      s('taro@example.jp'),
      s('+SUM(A1:A2)'),
    ],
    [
      s('Иван'),
      s('Петров'),
      s('ООО «Ромашка»'),
      n(90210, '00000'),
      s('10001'),
      n(SERIAL_2024_01_05, 'd-mmm'),
      n(SERIAL_2024_01_05, 'mmmm d, yyyy'),
      s('-'),
      n(42),
      { t: 's', v: 'ok', f: 'IF(1,"ok","no")' },
      s('ivan@example.ru'),
      s('@handle -5 bottles'),
    ],
  ];
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      if (c > maxC) maxC = c;
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: maxC } });
  ws['!merges'] = [
    { s: { r: 2, c: 0 }, e: { r: 2, c: 1 } },
    { s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
  ];
  return ws;
}

/** Feature sheet first, then a plain second sheet, then a hidden one. */
export function featureWorkbook(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, featureSheet(), 'Leads');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['email', 'name'],
      ['a@example.com', 'A'],
      ['b@example.com', 'B'],
    ]),
    'Second',
  );
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['secret']]), 'Hidden');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] };
  return wb;
}

/** A workbook with `rows` data rows under one header, for row-limit tests. */
export function tallWorkbook(rows: number, cols = 2): XLSX.WorkBook {
  const aoa: string[][] = [Array.from({ length: cols }, (_, c) => `col${c + 1}`)];
  for (let r = 0; r < rows; r++) aoa.push(Array.from({ length: cols }, (_, c) => `r${r}c${c}`));
  return workbookFromRows({ Data: aoa });
}

// ---------------------------------------------------------------- broken files

interface CfbApi {
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, path: string, content: Uint8Array): void };
  write(cfb: unknown, opts: { type: 'array'; fileType?: 'zip'; compression?: boolean }): unknown;
}
const CFB = XLSX.CFB as CfbApi;

/** A plain Uint8Array that owns its buffer (in Node, CFB.write returns a pooled Buffer). */
function toBytes(out: unknown): Uint8Array {
  if (out instanceof Uint8Array) {
    const copy = new Uint8Array(out.length);
    copy.set(out);
    return copy;
  }
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (Array.isArray(out)) return Uint8Array.from(out as number[]);
  throw new Error('unexpected CFB.write output');
}

/**
 * What Excel writes for a password-protected .xlsx: an OLE compound file
 * holding EncryptionInfo (here an Agile 4.4 header) and EncryptedPackage.
 */
export function encryptedXlsx(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  const info = new Uint8Array(256);
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0]);
  info.set(new TextEncoder().encode('<?xml version="1.0"?><encryption/>'), 8);
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  CFB.utils.cfb_add(
    cfb,
    '/EncryptedPackage',
    new Uint8Array(8192).map((_, i) => (i * 31) & 0xff),
  );
  return toBytes(CFB.write(cfb, { type: 'array' }));
}

/** A zip written by SheetJS's own zip writer, entries given by path. */
export function zipOf(entries: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [path, content] of Object.entries(entries)) CFB.utils.cfb_add(cfb, `/${path}`, content);
  return toBytes(CFB.write(cfb, { type: 'array', fileType: 'zip', compression: true }));
}

/** A real, highly compressible entry: `bytes` zeros inside an xlsx-looking zip. */
export function compressibleZip(bytes: number): Uint8Array {
  return zipOf({
    '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
    'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
    'xl/worksheets/sheet1.xml': new Uint8Array(bytes),
  });
}

/**
 * A valid xlsx whose central directory then claims `claimed` uncompressed
 * bytes for every entry (the classic lying zip bomb header).
 */
export function zipClaimingSizes(source: Uint8Array, claimed: number): Uint8Array {
  const out = new Uint8Array(source.length);
  out.set(source);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true);
  }
  return out;
}

export function truncated(bytes: Uint8Array, keep: number): Uint8Array {
  return bytes.slice(0, Math.max(0, Math.floor(bytes.length * keep)));
}

/** Flips bytes in the middle of the file (deflate data and headers get garbled). */
export function garbled(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const start = Math.floor(out.length * 0.3);
  const end = Math.floor(out.length * 0.7);
  for (let i = start; i < end; i++) out[i] = out[i]! ^ 0xa5;
  return out;
}

export function pdfBytes(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

export function htmlTableBytes(): Uint8Array {
  return new TextEncoder().encode(
    '<!DOCTYPE html>\n<html><body><table><tr><td>Email</td></tr><tr><td>a@example.com</td></tr></table></body></html>',
  );
}
