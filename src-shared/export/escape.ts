/**
 * Formula injection: spreadsheet apps run a cell that starts with = + - @ (and, in some, tab or CR
 * followed by one of those) as a formula, so text from a lead or from MachFive could call out to the
 * network or run a command when the founder opens the export. Prefixing such cells with an apostrophe
 * makes them plain text in Excel, LibreOffice and Google Sheets; the apostrophe is not shown.
 * Turn it off (`escapeFormulas: false`, `--no-escape-formulas`) only when another program, not a
 * person with a spreadsheet app, reads the file and needs the exact text.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function escapeFormula(value: string): string {
  return value.length > 0 && TRIGGERS.has(value[0] ?? '') ? `'${value}` : value;
}
