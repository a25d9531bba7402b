/*
 * Which sheet of a workbook holds the leads. Exports from CRMs and
 * hand-made workbooks often put a summary, a lookup table or instructions
 * first; a sheet is taken for the leads when the top of it has a column the
 * mapping step would call the email column, judged the same way (header row
 * detection, header synonyms, content sniffing).
 */
import type { SheetInfo, Workbook } from './read';
import { detectHeaderRow, headerNames } from './header';
import { suggestMapping } from './mapping';

/** Rows looked at per sheet: room for title rows above the header and a sample below it. */
const TOP_ROWS = 80;

export interface SheetOverview extends SheetInfo {
  /** The top of the sheet has a column that would be mapped to email. */
  emailColumn: boolean;
}

/** Whether these first rows of a sheet have a column the mapping step would take for the email. */
export function hasEmailColumn(top: readonly (readonly string[])[]): boolean {
  if (top.length === 0) return false;
  const headerRow = detectHeaderRow(top);
  const headers = headerNames(top, headerRow);
  return suggestMapping(headers, top.slice(headerRow + 1)).some(
    (t) => t.kind === 'field' && t.field === 'email',
  );
}

export function describeSheets(wb: Workbook): SheetOverview[] {
  return wb.sheets.map((s) => ({
    ...s,
    emailColumn: s.rowCount > 0 && hasEmailColumn(wb.topRows(s.name, TOP_ROWS)),
  }));
}

/**
 * Of the earlier imports of a file with the same bytes, those that took `sheet`: importing it again
 * would bring in the same leads. A workbook's other sheets are other leads; a file of one sheet is
 * the same leads whatever its sheet is called now (a .csv's is named after the file, and a browser
 * saves a second download as "leads (1).csv").
 */
export function importsOfSheet<P extends { sheet: string }>(
  previous: readonly P[],
  sheet: string,
  sheetCount: number,
): P[] {
  return sheetCount > 1 ? previous.filter((p) => p.sheet === sheet) : [...previous];
}

/**
 * The sheet to offer first: the visible sheet with an email column that has the most rows (a short
 * "Do not contact" or owners sheet may have addresses too, and come first), else the first visible
 * sheet with rows, else the first sheet with rows. Sheets in `imported` (of this same file, imported
 * before) come only after every other sheet with an email column: a workbook of one sheet per event
 * or region is imported a sheet at a time. So do those named for people to keep out (`namesKeptOut`).
 */
export function preferredSheet<
  S extends Pick<SheetOverview, 'name' | 'rowCount' | 'emailColumn'> & { hidden?: boolean },
>(sheets: readonly S[], imported: ReadonlySet<string> = new Set()): S | undefined {
  const largest = (pool: readonly S[]): S | undefined => {
    let best: S | undefined;
    for (const s of pool) if (!s.hidden && s.emailColumn && s.rowCount > (best?.rowCount ?? 0)) best = s;
    return best;
  };
  const fresh = sheets.filter((s) => !imported.has(s.name));
  return (
    largest(fresh.filter((s) => !namesKeptOut(s.name))) ??
    largest(fresh) ??
    largest(sheets) ??
    sheets.find((s) => !s.hidden && s.rowCount > 0) ??
    sheets.find((s) => s.rowCount > 0)
  );
}

// A sheet or a file of an archive named for people not to write to: Mailchimp's
// "unsubscribed_members_export_….csv" and "cleaned_members_export_….csv" beside its subscribed ones,
// a workbook's "Do not contact" or "Bounces" sheet.
const KEPT_OUT_NAME =
  /unsubscribe|(?:^|[^a-z])cleaned|bounce|suppress|opt[\s_-]?out|do[\s_-]?not[\s_-]?(?:contact|email|mail)|dnc|blacklist|blocklist/i;

/** Whether a sheet's or a file's name says it lists people to keep out rather than leads. */
function namesKeptOut(name: string): boolean {
  return KEPT_OUT_NAME.test(name);
}
