import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkbook, type ReadError } from '../../../../src-shared/import/read';
import { describeSheets, preferredSheet } from '../../../../src-shared/import/sheet-choice';
import { crmReportPage, htmlTableBytes, signInPage } from '../../../fixtures-gen';

const page = (html: string) => new TextEncoder().encode(html);

function failure(bytes: Uint8Array, name: string): ReadError {
  try {
    openWorkbook(bytes, name).readSheet('x');
  } catch (e) {
    return e as ReadError;
  }
  throw new Error('expected the file to be refused');
}

const HEADER = ['First Name', 'Last Name', 'Email', 'Phone', 'Created', 'LinkedIn', 'Company'];

describe('a web page saved as an "Excel" export', () => {
  const bytes = crmReportPage(HEADER, [
    [
      'Chloé',
      'Martin',
      { text: 'Email', href: 'mailto:chloe.martin%40acme.fr?subject=Hello' },
      '0612345678',
      '06/12/2026',
      { text: 'LinkedIn', href: 'https://www.linkedin.com/in/chloe-martin' },
      'Ben & Jerry <EU>',
    ],
    ['Bo', 'Li', 'bo@li.example', '+44 20 7946 0000', '2026-01-05', '', '  Li\n   Trading  '],
  ]);
  const wb = openWorkbook(bytes, 'report1642777476321.xls');

  it('lists each table with something in it as a sheet, and the table of leads is the one offered', () => {
    expect(wb.kind).toBe('html');
    expect(wb.encoding).toBe('utf-8');
    expect(wb.sheets).toEqual([
      { name: 'Table 1', rowCount: 2 },
      { name: 'Table 2', rowCount: 3 },
    ]);
    expect(preferredSheet(describeSheets(wb))?.name).toBe('Table 2');
  });

  it('gives each cell the text a browser shows: entities decoded, spaces closed up, zeros and dates as written', () => {
    const [header, chloe, bo] = wb.readSheet('Table 2');
    expect(header).toEqual(HEADER);
    expect(chloe?.slice(3)).toEqual([
      '0612345678',
      '06/12/2026',
      'https://www.linkedin.com/in/chloe-martin',
      'Ben & Jerry <EU>',
    ]);
    expect(bo).toEqual(['Bo', 'Li', 'bo@li.example', '+44 20 7946 0000', '2026-01-05', '', 'Li Trading']);
  });

  it("gives a mailto link's address and a link label's address, as a workbook's links do", () => {
    const [, chloe] = wb.readSheet('Table 2');
    expect(chloe?.[2]).toBe('chloe.martin@acme.fr');
    expect(chloe?.[5]).toBe('https://www.linkedin.com/in/chloe-martin');
  });

  it('leaves out the text of scripts and styles', () => {
    const cells = wb.sheets.flatMap((s) => wb.readSheet(s.name).flat());
    expect(cells.join(' ')).not.toMatch(/not a cell|mso-number-format/);
    expect(wb.readSheet('Table 1')).toEqual([['Leads report'], ['Generated 06/12/2026']]);
  });

  it("reads a windows-1252 page's accented letters", () => {
    const latin = openWorkbook(
      crmReportPage(['Name', 'Email'], [['François Dupré', 'f@x.fr']], 'windows-1252'),
      'export.xls',
    );
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.readSheet('Table 2')[1]).toEqual(['François Dupré', 'f@x.fr']);
  });
});

describe('the tables of a page', () => {
  it('spans: a header over two columns labels both, and a cell spanning rows stands for each of them', () => {
    const wb = openWorkbook(
      page(
        '<table><tr><th colspan="2">Contact</th><th>Company</th></tr>' +
          '<tr><td>Ann</td><td>ann@a.example</td><td rowspan="2">Acme</td></tr>' +
          '<tr><td>Bo</td><td>bo@a.example</td></tr><tr><td>Cy</td><td>cy@c.example</td><td>Cyco</td></tr></table>',
      ),
      'people.html',
    );
    expect(wb.sheets).toEqual([{ name: 'people', rowCount: 4 }]);
    const [header, ann, bo, cy] = wb.readSheet('people');
    expect(header).toEqual(['Contact', 'Contact', 'Company']);
    expect(ann).toEqual(['Ann', 'ann@a.example', 'Acme']);
    expect(bo).toEqual(['Bo', 'bo@a.example', 'Acme']);
    expect(cy).toEqual(['Cy', 'cy@c.example', 'Cyco']);
  });

  it("a company spanning its people's rows far down a report stands for each of them", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>p${i}@a.example</td><td>Firm ${i}</td></tr>`);
    rows.push('<tr><td>ann@acme.example</td><td rowspan="3">Acme</td></tr>');
    rows.push('<tr><td>bo@acme.example</td></tr>', '<tr><td>cy@acme.example</td></tr>');
    const wb = openWorkbook(
      page(`<table><tr><th>Email</th><th>Company</th></tr>${rows.join('')}</table>`),
      'report.xls',
    );
    expect(wb.readSheet('report').slice(41)).toEqual([
      ['ann@acme.example', 'Acme'],
      ['bo@acme.example', 'Acme'],
      ['cy@acme.example', 'Acme'],
    ]);
  });

  it('cells and rows left open are closed as a browser closes them, and a line break stays one', () => {
    const wb = openWorkbook(
      page('<table><tr><td>Email<td>Notes<tr><td>a@b.example<td>Met at<br>the fair<p>Call back</p></table>'),
      'export.htm',
    );
    expect(wb.readSheet('export')).toEqual([
      ['Email', 'Notes'],
      ['a@b.example', 'Met at\nthe fair\nCall back'],
    ]);
  });

  it('names tables by their captions when those tell them apart, and reads a table inside a cell as its own', () => {
    const wb = openWorkbook(
      page(
        '<table><caption>Layout</caption><tr><td>Menu</td><td>' +
          '<table><caption>Leads</caption><tr><td>Email</td></tr><tr><td>a@b.example</td></tr></table>' +
          '</td></tr></table>',
      ),
      'saved.html',
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['Layout', 'Leads']);
    expect(wb.readSheet('Leads')).toEqual([['Email'], ['a@b.example']]);
    expect(wb.readSheet('Layout')).toEqual([['Menu']]);
  });

  it("spans cannot widen a table past Excel's 16,384 columns", () => {
    const wide = '<td colspan="1000">x</td>'.repeat(16) + '<td colspan="1000">edge</td><td>lost</td>';
    const wb = openWorkbook(page(`<table><tr>${wide}</tr><tr><td>Email</td></tr></table>`), 'w.html');
    const [first] = wb.readSheet('w');
    expect(first?.[16_000]).toBe('edge');
    expect(first?.length).toBeLessThanOrEqual(16_384);
    expect(first).not.toContain('lost');
  });

  it('counts the rows past the limit and says how many there are', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`p${i}@x.example`]);
    const wb = openWorkbook(crmReportPage(['Email'], rows), 'big.xls', { maxRows: 10 });
    expect(wb.sheets[1]).toEqual({ name: 'Table 2', rowCount: 31 });
    expect(() => wb.readSheet('Table 2')).toThrow(/This sheet has 31 rows; LeadPrep reads at most 10 rows/);
  });

  it('cuts a cell longer than the cell limit and counts it', () => {
    const wb = openWorkbook(crmReportPage(['Email', 'Notes'], [['a@b.example', 'x'.repeat(50)]]), 'e.xls', {
      maxCellChars: 20,
    });
    expect(wb.readSheet('Table 2')[1]).toEqual(['a@b.example', 'x'.repeat(20)]);
    expect(wb.truncatedCells).toBe(1);
  });

  it('reports progress while parsing and stops when cancelled', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`p${i}@x.example`, `Person ${i}`]);
    const bytes = crmReportPage(['Email', 'Name'], rows);
    const seen: number[] = [];
    openWorkbook(bytes, 'big.xls', { onProgress: (p) => p.phase === 'parse' && seen.push(p.done) });
    expect(seen.length).toBeGreaterThan(2);
    const flag = { aborted: false };
    const cancel = () =>
      openWorkbook(bytes, 'big.xls', {
        signal: flag,
        onProgress: (p) => {
          if (p.phase === 'parse' && p.done > 0) flag.aborted = true;
        },
      });
    expect(cancel).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });
});

describe('any table', () => {
  const escaped = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const shown = (t: string) => t.replace(/[\t\n\f\r ]+/g, ' ').trim();

  it('reads back as the grid it was written from, each cell as a browser shows it', () => {
    // Text as pages carry it: any characters but the controls no page holds.
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).map((t) =>
      // eslint-disable-next-line no-control-regex
      t.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, ''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const grid = [['Email', 'Name', 'Notes'], ...rows];
          const html = `<table>${grid.map((r) => `<tr>${r.map((c) => `<td>${escaped(c)}</td>`).join('')}</tr>`).join('\n')}</table>`;
          const wb = openWorkbook(page(html), 'page.html');
          const expected = grid.map((r) => r.map(shown));
          while (expected.length > 0 && (expected[expected.length - 1] ?? []).every((c) => c === ''))
            expected.pop();
          expect(wb.readSheet('page')).toEqual(expected);
        },
      ),
    );
  });
});

describe('web pages that are not an export', () => {
  it('a page with no table (a sign-in page saved in place of the export) is refused, saying so', () => {
    const e = failure(signInPage(), 'report.xls');
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(/web page \(HTML\) with no table of data/);
    expect(e.message).toMatch(/sign-in or error page/);
  });

  it('the frames page of a workbook Excel saved as a web page says where its sheets are', () => {
    const frames =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name=ProgId content=Excel.Sheet></head>' +
      '<frameset rows="*,39"><frame src="leads_files/sheet001.htm" name="frSheet"><frame src="leads_files/tabstrip.htm"></frameset></html>';
    const e = failure(page(frames), 'leads.htm');
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(
      /sheets are in the folder beside it .*"_files"\)\. Import a sheet's page from that folder/,
    );
  });

  it('a page whose tables are empty is refused the same way', () => {
    expect(failure(page('<html><table><tr><td> </td></tr></table></html>'), 'r.xls').code).toBe(
      'not_spreadsheet',
    );
  });

  it.each(['leads.xlsx', 'leads.csv', 'leads.ods'])('a page named %s is refused as a web page', (name) => {
    const e = failure(htmlTableBytes(), name);
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(/web page/);
  });
});
