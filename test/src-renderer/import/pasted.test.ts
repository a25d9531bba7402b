import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src-shared/import/read';
import { MAX_PASTED_HTML_CHARS, pastedFiles } from '../../../src-renderer/src/screens/import/pasted';

const TSV = 'Email\tName\tCompany\nann@acme.com\tAnn Lee\tAcme\nbo@beta.io\tBo Ray\tBeta\n';

/** The clipboard's HTML as Google Sheets writes it for copied cells (styles, its origin tag, a link). */
const GOOGLE_SHEETS_HTML =
  '<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style>' +
  '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" data-sheets-root="1"><colgroup><col width="100"/><col width="100"/></colgroup><tbody>' +
  '<tr style="height:21px;"><td data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;Email&quot;}">Email</td><td>Name</td><td>Company</td></tr>' +
  '<tr style="height:21px;"><td>ann@acme.com</td><td><a href="https://www.linkedin.com/in/ann-lee">Ann Lee</a></td><td>Acme</td></tr>' +
  '<tr style="height:21px;"><td>bo@beta.io</td><td>Bo Ray</td><td>Société Générale</td></tr></tbody></table></google-sheets-html-origin>';

async function rowsOf(file: File): Promise<string[][]> {
  const wb = openWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
  return wb.readSheet(wb.sheets[0]!.name);
}

describe('rows pasted on the Import screen', () => {
  it('rows copied from a spreadsheet as text read as the rows they were', async () => {
    const [file] = pastedFiles({ files: [], html: '', text: TSV });
    expect(file?.name).toBe('Pasted rows.txt');
    expect(await rowsOf(file!)).toEqual([
      ['Email', 'Name', 'Company'],
      ['ann@acme.com', 'Ann Lee', 'Acme'],
      ['bo@beta.io', 'Bo Ray', 'Beta'],
    ]);
  });

  it("rows copied from Google Sheets are read from the clipboard's table: accents as written, a link kept", async () => {
    const [file] = pastedFiles({ files: [], html: GOOGLE_SHEETS_HTML, text: TSV });
    expect(file?.name).toBe('Pasted rows.html');
    expect(await rowsOf(file!)).toEqual([
      ['Email', 'Name', 'Name (link)', 'Company'],
      ['ann@acme.com', 'Ann Lee', 'https://www.linkedin.com/in/ann-lee', 'Acme'],
      ['bo@beta.io', 'Bo Ray', '', 'Société Générale'],
    ]);
  });

  it('HTML without a table (a paragraph copied off a page), or too large a table, is read from the text', () => {
    expect(pastedFiles({ files: [], html: '<p>ann@acme.com</p>', text: 'ann@acme.com' })[0]?.name).toBe(
      'Pasted rows.txt',
    );
    const huge = `<table><tr><td>${'x'.repeat(MAX_PASTED_HTML_CHARS)}</td></tr></table>`;
    expect(pastedFiles({ files: [], html: huge, text: TSV })[0]?.name).toBe('Pasted rows.txt');
    // With no text beside it, the table is all there is.
    expect(pastedFiles({ files: [], html: huge, text: '' })[0]?.name).toBe('Pasted rows.html');
  });

  it('files copied in the file manager are imported as they are; an image or nothing is no rows', () => {
    const copied = [new File(['Email\nann@acme.com\n'], 'leads.csv'), new File(['Email\n'], 'more.csv')];
    expect(pastedFiles({ files: copied, html: '', text: 'leads.csv' })).toEqual(copied);
    expect(pastedFiles({ files: [], html: '<img src="data:image/png;base64,AAAA">', text: '' })).toEqual([]);
    expect(pastedFiles({ files: [], html: '', text: ' \n ' })).toEqual([]);
  });
});
