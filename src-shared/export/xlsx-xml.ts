/**
 * The XML parts of a minimal .xlsx (SpreadsheetML) workbook with one sheet of text cells, written row
 * by row so a large export never exists in memory as a whole. Cells are inline strings: never
 * formulas, never numbers, so nothing in a lead's text is evaluated by the spreadsheet. The header row
 * is bold and stays in view while scrolling, and each column is as wide as its text (within bounds),
 * so the file reads as a spreadsheet someone made rather than a dump.
 */

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const hex4 = (c: number) => `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * Text for an XML element. XML cannot carry most control characters and normalises CR away, so
 * SpreadsheetML writes them as _xHHHH_; a literal "_x" followed by four hex digits and "_" is escaped
 * as _x005F_ so it reads back as typed. Lone surrogates (invalid in XML) become U+FFFD.
 */
export function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u0008\u000b-\u001f\ud800-\udfff]|_x[0-9a-fA-F]{4}_/.test(value)) return value;
  return (
    value
      .replace(/_(?=x[0-9a-fA-F]{4}_)/g, '_x005F_')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f]/g, (c) => hex4(c.charCodeAt(0)))
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** Column letters computed once per export rather than once per cell. */
export function columnLetterList(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnLetters(i));
}

/** The style of the header row's cells in `styles.xml` (0 is the default). */
const HEADER_STYLE = 1;

/** `header`: the row is the header row, in bold. */
export function rowXml(
  rowNumber: number,
  cells: readonly string[],
  letters: readonly string[] = columnLetterList(cells.length),
  header = false,
): string {
  const style = header ? ` s="${HEADER_STYLE}"` : '';
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (!v) continue;
    xml += `<c r="${letters[i] ?? columnLetters(i)}${rowNumber}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** Widths in characters: narrow columns stay readable, and an email body does not push the rest out of view. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * Each column's width in characters: its longest line among the header and `sample` (the first rows),
 * with a little room, within MIN_WIDTH and MAX_WIDTH.
 */
export function columnWidths(header: readonly string[], sample: readonly (readonly string[])[]): number[] {
  return header.map((name, c) => {
    let longest = name.length;
    for (const row of sample) {
      const value = row[c] ?? '';
      if (value.length <= longest) continue;
      for (const line of value.split('\n')) if (line.length > longest) longest = line.length;
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

/** The sheet up to its first row: the header row frozen in view, and the columns' `widths`. */
export function sheetStart(widths: readonly number[]): string {
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    '<sheetData>'
  );
}

export const SHEET_END = '</sheetData></worksheet>';

/** Every part of the package except the sheet itself. */
export function staticParts(sheetName: string): Array<{ name: string; xml: string }> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return [
    {
      name: '[Content_Types].xml',
      xml:
        head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      xml:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      xml:
        head +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      xml:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      xml:
        head +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '</styleSheet>',
    },
  ];
}
