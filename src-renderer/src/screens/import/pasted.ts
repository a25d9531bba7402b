/*
 * Rows pasted on the Import screen: a founder who copied a list in Excel, Google Sheets, Numbers or
 * off a web page's table imports it without saving a file first. What was copied becomes one file
 * that goes through the same steps as a dropped one (a file of its own, so importing it again is
 * found by its hash as any file is).
 */

/** What a paste event's clipboard held. */
export interface Clipboard {
  files: readonly File[];
  html: string;
  text: string;
}

const PASTED_NAME = 'Pasted rows';

/**
 * Past this much HTML a paste is read from its text: Excel copies each cell with its styles, so 100k
 * copied rows are hundreds of MB of HTML for the tens of MB of their tab-separated text.
 */
export const MAX_PASTED_HTML_CHARS = 8 * 1024 * 1024;

const A_TABLE = /<table[\s>]/i;

/**
 * The files a paste imports: files copied in the file manager, as they are; rows copied from a
 * spreadsheet or a web page, as one file of the HTML table the clipboard holds (cells as shown, links
 * kept, as a web page saved as "Excel" is read) or, without one or when it is too large, of its
 * tab-separated text. None when the clipboard holds neither (an image, nothing).
 */
export function pastedFiles(clipboard: Clipboard): File[] {
  if (clipboard.files.length > 0) return [...clipboard.files];
  const { html, text } = clipboard;
  if (A_TABLE.test(html) && (html.length <= MAX_PASTED_HTML_CHARS || text.trim() === '')) {
    return [new File([html], `${PASTED_NAME}.html`, { type: 'text/html' })];
  }
  if (text.trim() !== '') return [new File([text], `${PASTED_NAME}.txt`, { type: 'text/plain' })];
  return [];
}
