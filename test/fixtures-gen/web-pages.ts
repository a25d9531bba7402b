/*
 * Web pages saved as "Excel" files, as CRMs and web apps export them: a report's title table above a
 * table of leads, header cells that span columns, links, entities and the source's own line breaks.
 */

/** One cell of a page's table: text, or text under a link. */
export type PageCell = string | { text: string; href: string };

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cellHtml(cell: PageCell): string {
  if (typeof cell === 'string') return `<td>${escaped(cell)}</td>`;
  return `<td><a href="${escaped(cell.href)}">${escaped(cell.text)}</a></td>`;
}

/**
 * A CRM report exported "as Excel": an HTML page of a title table (report name, date) and a table of
 * `rows` under `header`, with the styles and script such pages carry. `encoding` is the page's own;
 * windows-1252 pages say so in a meta tag and are written in it.
 */
export function crmReportPage(
  header: readonly string[],
  rows: readonly (readonly PageCell[])[],
  encoding: 'utf-8' | 'windows-1252' = 'utf-8',
): Uint8Array {
  const page = [
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel">',
    `<head><meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`,
    '<style>td { mso-number-format: "\\@"; } .title { font-weight: bold; }</style>',
    '<script>var cells = "<table><tr><td>not a cell</td></tr></table>";</script></head>',
    '<body>',
    '<table><tr><td class="title">Leads report</td></tr><tr><td>Generated 06/12/2026</td></tr></table>',
    '<table border="1">',
    `<tr>${header.map((h) => `<th>\n      ${escaped(h)}\n    </th>`).join('')}</tr>`,
    ...rows.map((r) => `<tr>\n  ${r.map(cellHtml).join('\n  ')}\n</tr>`),
    '</table></body></html>',
  ].join('\n');
  if (encoding === 'utf-8') return new TextEncoder().encode(page);
  const bytes = new Uint8Array(page.length);
  for (let i = 0; i < page.length; i++) {
    const code = page.charCodeAt(i);
    if (code > 0xff) throw new Error(`"${page[i]}" is not in windows-1252's Latin-1 range`);
    bytes[i] = code;
  }
  return bytes;
}

/** A sign-in page, as a download saves in place of the export once the session has expired. */
export function signInPage(): Uint8Array {
  return new TextEncoder().encode(
    '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form method="post"><label>Email <input name="email"></label><label>Password <input type="password" name="pw"></label><button>Sign in</button></form></body></html>',
  );
}
