/**
 * CSV as Excel reads it without an import wizard: UTF-8 with a byte-order mark (otherwise Excel
 * assumes the system code page and mangles accents), RFC 4180 quoting, CRLF line ends.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + CSV_EOL;
}
