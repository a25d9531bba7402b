/*
 * Decides what a file really is from its bytes; the extension only breaks
 * ties (.xlsm vs .xlsx, .tsv vs .csv). A CSV renamed .xlsx reads as CSV; a
 * PDF, a web page or a Word file renamed .xlsx is refused with a message
 * that says what it is.
 */
import { ReadError } from './errors';
import { CFB_MAGIC, listCfbNames } from './cfb';
import { decodeText } from './text';
import { inspectZip } from './zip';
import type { SourceKind } from './types';
import { READABLE_EXTENSIONS } from './types';

export type Sniffed = {
  kind: SourceKind;
  container: 'zip' | 'cfb' | 'biff' | 'xml' | 'text' | 'archive';
};

const SAVE_AS =
  'Open it in Excel (or LibreOffice) and save it as .xlsx, or export it as CSV, then import that file.';
// Excel does not open a document or a presentation; its table copies as a spreadsheet's rows do.
export const COPY_TABLE =
  "If it holds a table of leads, copy the table and paste it on LeadPrep's Import screen, or into a spreadsheet saved as .xlsx or .csv.";
const FROM_PDF =
  'Export the leads as .xlsx or .csv from the app that made the PDF, or open it in Excel through Data › Get Data › From File › From PDF and save the table as .xlsx.';

export function notSpreadsheet(what: string, advice = SAVE_AS): ReadError {
  return new ReadError('not_spreadsheet', `This file is ${what}, not a spreadsheet. ${advice}`);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function textKind(ext: string): SourceKind {
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'txt') return 'txt';
  return 'csv';
}

const READABLE = new Set(READABLE_EXTENSIONS.split(',').map((e) => e.slice(1)));

/** Whether an entry's path names a file to read: not a folder, nor what macOS adds to archives it makes. */
export function isReadableEntry(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return (
    name !== '' &&
    !name.startsWith('._') &&
    !path.startsWith('__MACOSX/') &&
    !path.includes('/__MACOSX/') &&
    READABLE.has(extensionOf(name))
  );
}

function sniffZip(bytes: Uint8Array, ext: string, maxInflatedBytes: number): Sniffed {
  const entries = inspectZip(bytes, maxInflatedBytes).entries.map((e) => e.name);
  const names = new Set(entries);
  if (names.has('xl/workbook.xml')) {
    const macro = names.has('xl/vbaProject.bin') || ext === 'xlsm';
    return { kind: macro ? 'xlsm' : 'xlsx', container: 'zip' };
  }
  // Excel's binary workbook, which large workbooks are saved as: the same parts, as records.
  if (names.has('xl/workbook.bin')) return { kind: 'xlsb', container: 'zip' };
  // ODF puts an uncompressed "mimetype" entry first, so its value sits near the start.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 256)));
  if (head.includes('opendocument.spreadsheet')) return { kind: 'ods', container: 'zip' };
  if (head.includes('opendocument.text')) return notThis('a text document (OpenDocument)', COPY_TABLE);
  if (head.includes('opendocument.presentation')) return notThis('a presentation (OpenDocument)', COPY_TABLE);
  if (names.has('content.xml')) return { kind: 'ods', container: 'zip' };
  if (names.has('word/document.xml')) return notThis('a Word document', COPY_TABLE);
  if (names.has('ppt/presentation.xml')) return notThis('a PowerPoint presentation', COPY_TABLE);
  if (names.has('Index/Document.iwa')) return iWork(entries, ext);
  // An Office package of another kind, or a workbook missing its parts: its XML parts are no exports.
  if (names.has('[Content_Types].xml')) return notThis('an Office file of a kind LeadPrep does not read');
  // A ZIP archive of exports (Mailchimp's audience, LinkedIn's data): the files in it are read.
  if (entries.some(isReadableEntry)) return { kind: 'zip', container: 'archive' };
  return notThis('a ZIP archive with no spreadsheet or CSV file in it');
}

/**
 * Numbers, Pages and Keynote share one container (Index/*.iwa); only the name tells them apart. A file
 * of it under another name is read as Numbers: SheetJS refuses a presentation itself.
 */
function iWork(entries: readonly string[], ext: string): Sniffed {
  if (ext === 'pages') notThis('a Pages document', COPY_TABLE);
  if (ext === 'key') notThis('a Keynote presentation', COPY_TABLE);
  // A password leaves the parts scrambled and adds its own: nothing in them can be read (SheetJS
  // would only say "Unsupported password protection").
  if (entries.some((name) => name.endsWith('.iwpv2') || name === '.iwph')) {
    throw new ReadError(
      'encrypted',
      'This Numbers spreadsheet is password-protected. Open it in Numbers, remove the password (File › Change Password…), and import it again.',
    );
  }
  return { kind: 'numbers', container: 'zip' };
}

function notThis(what: string, advice?: string): never {
  throw notSpreadsheet(what, advice);
}

function sniffCfb(bytes: Uint8Array): Sniffed {
  const names = listCfbNames(bytes);
  if (!names) {
    throw new ReadError(
      'corrupt',
      'This workbook is damaged or incomplete (it may have been cut off while downloading). Open it in Excel and save it again, or export it as CSV.',
      'unreadable compound-file directory',
    );
  }
  const set = new Set(names.map((n) => n.toLowerCase()));
  if (set.has('encryptedpackage') || set.has('encryptioninfo')) {
    throw new ReadError(
      'encrypted',
      'This workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it, and import it again.',
    );
  }
  if (set.has('workbook') || set.has('book')) return { kind: 'xls', container: 'cfb' };
  if (set.has('worddocument')) return notThis('a Word document', COPY_TABLE);
  if (set.has('powerpoint document')) return notThis('a PowerPoint presentation', COPY_TABLE);
  return notThis('an Office file of a kind LeadPrep does not read');
}

/** BIFF2–BIFF5 worksheets saved without a compound-file wrapper start with a BOF record. */
function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09) return false;
  const v = bytes[1];
  return (
    (v === 0x00 || v === 0x02 || v === 0x04 || v === 0x08) &&
    bytes[3] === 0x00 &&
    (bytes[2] ?? 0) >= 4 &&
    (bytes[2] ?? 0) <= 20
  );
}

/** The extensions a web page of tables is read under: what web apps name their "Excel" exports, and a page's own. */
const WEB_PAGE_EXTENSIONS = new Set(['xls', 'htm', 'html']);

/**
 * A web page: read for its tables under the names a web app's "Excel" export or a saved page has.
 * Under another name (leads.xlsx, leads.csv) it is not the export it is named after, but most often a
 * sign-in or error page saved in its place, and refused.
 */
function webPage(ext: string): Sniffed {
  if (WEB_PAGE_EXTENSIONS.has(ext)) return { kind: 'html', container: 'text' };
  notThis('a web page (HTML) saved with a spreadsheet name');
}

/**
 * What a text file is: a vCard contacts file, an "XML Spreadsheet 2003" workbook, a web page (see
 * `webPage`), JSON data, else a delimited one as its extension says. Refuses a document of another
 * kind (XML, RTF), saying which.
 */
function sniffText(bytes: Uint8Array, ext: string): Sniffed {
  const head = decodeText(bytes.subarray(0, Math.min(bytes.length, 1024)))
    .text.trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (/^begin:vcard\b/.test(head)) return { kind: 'vcf', container: 'text' };
  if (head.startsWith('<?xml')) {
    // Excel 2003's own XML workbook, which NetSuite and older CRMs still export: SheetJS reads it.
    if (
      head.includes('urn:schemas-microsoft-com:office:spreadsheet') ||
      head.includes('progid="excel.sheet"')
    ) {
      return { kind: 'xml', container: 'xml' };
    }
    if (head.includes('<html')) return webPage(ext);
    notThis('an XML document');
  }
  if (/^<(!doctype html|html|head|body|table|meta|div|!--)/.test(head)) return webPage(ext);
  if (head.startsWith('{\\rtf')) notThis('a rich-text (RTF) document');
  // A scraping tool's or an API's JSON export, whatever its name: read as a .csv, its first line would
  // be one long header and the file would "have no rows".
  if (/^(?:\{\s*"|\[\s*[[{"\]])/.test(head)) return { kind: 'json', container: 'text' };
  return { kind: textKind(ext), container: 'text' };
}

export function sniff(bytes: Uint8Array, fileName: string, maxInflatedBytes: number): Sniffed {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes, ext, maxInflatedBytes);
  }
  if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes);
  if (isBareBiff(bytes)) return { kind: 'xls', container: 'biff' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) notThis('a PDF document', FROM_PDF);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) notThis('a PNG image');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) notThis('a JPEG image');
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) notThis('a GIF image');
  if (startsWith(bytes, [0x1f, 0x8b])) notThis('a compressed (gzip) archive');
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) notThis('a RAR archive');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) notThis('a 7-Zip archive');
  return sniffText(bytes, ext);
}
