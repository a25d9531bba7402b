import { describe, expect, it, vi } from 'vitest';
import {
  openWorkbook,
  ReadError,
  readNotes,
  type ReadOptions,
} from '../../../../src-shared/import/read/index';
import { inspectZip } from '../../../../src-shared/import/read/zip';
import {
  compressibleZip,
  encryptedXlsx,
  featureWorkbook,
  garbled,
  htmlTableBytes,
  pdfBytes,
  tallWorkbook,
  truncated,
  workbookFromRows,
  writeWorkbook,
  zipClaimingSizes,
  zipOf,
} from '../../../fixtures-gen/index';

function failure(bytes: Uint8Array, name: string, opts?: ReadOptions, sheet?: string): ReadError {
  try {
    const wb = openWorkbook(bytes, name, opts);
    wb.readSheet(sheet ?? wb.sheets[0]!.name, opts);
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw new Error(`expected a ReadError, got ${String(e)}`);
  }
  throw new Error('expected the read to fail');
}

const xlsx = writeWorkbook(featureWorkbook(), 'xlsx');

describe('corrupt and truncated workbooks', () => {
  it.each([0.1, 0.5, 0.95])('a .xlsx cut to %s of its length is "corrupt"', (keep) => {
    const e = failure(truncated(xlsx, keep), 'leads.xlsx');
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/damaged or incomplete/);
  });

  it('a .xlsx with garbled bytes fails with a ReadError, never a raw exception', () => {
    expect(failure(garbled(xlsx), 'leads.xlsx').code).toBe('corrupt');
  });

  it('a truncated .xlsb is "corrupt"', () => {
    const xlsb = writeWorkbook(featureWorkbook(), 'xlsb');
    expect(failure(truncated(xlsb, 0.5), 'leads.xlsb').code).toBe('corrupt');
  });

  it('a truncated .xls is "corrupt"', () => {
    const xls = writeWorkbook(featureWorkbook(), 'xls');
    expect(failure(truncated(xls, 0.5), 'leads.xls').code).toBe('corrupt');
  });
});

describe('password-protected workbooks', () => {
  it('an encrypted OOXML container is "encrypted" and says how to remove the password', () => {
    const e = failure(encryptedXlsx(), 'leads.xlsx');
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password-protected/);
  });
});

describe('not a spreadsheet', () => {
  it('a PDF renamed .xlsx is refused as a PDF', () => {
    const e = failure(pdfBytes(), 'leads.xlsx');
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(
      /^This file is a PDF document, not a spreadsheet\. Export the leads as \.xlsx or \.csv/,
    );
  });

  it('an HTML table renamed .xlsx is refused (not parsed as a sheet)', () => {
    const e = failure(htmlTableBytes(), 'leads.xlsx');
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(/web page/);
  });

  it('a Word document (zip) is refused', () => {
    const docx = zipOf({
      '[Content_Types].xml': new Uint8Array([60]),
      'word/document.xml': new Uint8Array([60]),
    });
    // Excel opens no Word document: its table is copied instead.
    expect(failure(docx, 'leads.xlsx').message).toBe(
      "This file is a Word document, not a spreadsheet. If it holds a table of leads, copy the table and paste it on LeadPrep's Import screen, or into a spreadsheet saved as .xlsx or .csv.",
    );
  });

  it('a Numbers spreadsheet with a password says how to remove it; a damaged one, how to export it instead', () => {
    const iwa = new Uint8Array([1]);
    const locked = failure(
      zipOf({ 'Index/Document.iwa': iwa, 'Index/Document.iwpv2': iwa }),
      'leads.numbers',
    );
    expect(locked.code).toBe('encrypted');
    expect(locked.message).toMatch(/Numbers spreadsheet is password-protected.*File › Change Password/);
    const damaged = failure(zipOf({ 'Index/Document.iwa': iwa }), 'leads.numbers');
    expect(damaged.code).toBe('corrupt');
    expect(damaged.message).toMatch(/Numbers spreadsheet could not be read.*File › Export To › Excel/);
  });

  it('a Numbers spreadsheet with a part that cannot be decompressed prints nothing (the command line prints its JSON alone)', () => {
    const log = vi.spyOn(console, 'log');
    try {
      const garbled = zipOf({ 'Index/Document.iwa': new Uint8Array([0, 50, 0, 0, 1, 2, 3, 4, 5]) });
      expect(failure(garbled, 'leads.numbers').code).toBe('corrupt');
      expect(log).not.toHaveBeenCalled();
      console.log('after the read');
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });

  it('Pages and Keynote files, which share the Numbers container, are refused by name, with a way to bring their tables', () => {
    const numbers = writeWorkbook(workbookFromRows({ Leads: [['Email'], ['ann@acme.com']] }), 'numbers');
    for (const [name, what] of [
      ['proposal.pages', 'a Pages document'],
      ['deck.key', 'a Keynote presentation'],
    ] as const) {
      const e = failure(numbers, name);
      expect(e.code).toBe('not_spreadsheet');
      expect(e.message).toBe(
        `This file is ${what}, not a spreadsheet. If it holds a table of leads, copy the table and paste it on LeadPrep's Import screen, or into a spreadsheet saved as .xlsx or .csv.`,
      );
    }
  });

  it('JSON data that is no list of records (an error an API answered in place of the export) is refused as JSON, with what to do instead', () => {
    const e = failure(new TextEncoder().encode('{"error": "Session expired", "code": 401}'), 'leads.csv');
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(/JSON data, but not a list of records.*as CSV or Excel/);
  });

  it('a JSON file cut off while downloading is damaged, and says so', () => {
    const e = failure(new TextEncoder().encode('[{"email": "ann@acme.com"}, {"email": "bo@'), 'result.json');
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/JSON file is damaged or incomplete/);
  });

  it('a .csv whose first cell starts with a bracket or a brace is still a .csv', () => {
    for (const text of ['[Email],[Name]\nann@acme.com,Ann\n', '{Email},Name\nann@acme.com,Ann\n']) {
      const wb = openWorkbook(new TextEncoder().encode(text), 'leads.csv');
      expect(wb.readSheet(wb.sheets[0]?.name ?? '')[1]).toEqual(['ann@acme.com', 'Ann']);
    }
  });

  it('a PNG renamed .csv is refused', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(failure(png, 'leads.csv').code).toBe('not_spreadsheet');
  });

  it('binary noise named .csv is refused', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 32);
    expect(failure(noise, 'leads.csv').code).toBe('not_spreadsheet');
  });
});

describe('empty input', () => {
  it('a zero-byte file is "empty"', () => {
    expect(failure(new Uint8Array(0), 'leads.csv').code).toBe('empty');
    expect(failure(new Uint8Array(0), 'leads.xlsx').code).toBe('empty');
  });

  it('a CSV of blank lines and spaces is "empty"', () => {
    expect(failure(new TextEncoder().encode('\r\n  \r\n\n'), 'leads.csv').code).toBe('empty');
  });

  it('a workbook whose sheets have no cells is "empty"', () => {
    expect(failure(writeWorkbook(workbookFromRows({ A: [], B: [[]] }), 'xlsx'), 'e.xlsx').code).toBe('empty');
  });

  it('an empty sheet in a workbook with data is "empty" when picked, and shows 0 rows', () => {
    const wb = openWorkbook(
      writeWorkbook(workbookFromRows({ Data: [['email'], ['a@b.co']], Blank: [] }), 'xlsx'),
      'x.xlsx',
    );
    expect(wb.sheets.find((s) => s.name === 'Blank')?.rowCount).toBe(0);
    expect(() => wb.readSheet('Blank')).toThrow(expect.objectContaining({ code: 'empty' }));
  });
});

describe('zip bombs', () => {
  it('a directory claiming sizes deflate cannot produce is refused before inflating', () => {
    const e = failure(zipClaimingSizes(xlsx, 0xfffffff0), 'leads.xlsx');
    expect(e.code).toBe('zip_bomb');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('a real highly compressible entry beyond maxInflatedBytes is refused', () => {
    const bomb = compressibleZip(3 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(failure(bomb, 'leads.xlsx', { maxInflatedBytes: 1024 * 1024 }).code).toBe('zip_bomb');
  });

  it('a large entry with an absurd ratio is refused even under the total limit', () => {
    // 32 MB claimed from a few KB: plausible for deflate, absurd for a sheet.
    const z = compressibleZip(64 * 1024);
    const claimed = zipClaimingSizes(z, 32 * 1024 * 1024);
    expect(() => inspectZip(claimed, 400 * 1024 * 1024)).toThrow(
      expect.objectContaining({ code: 'zip_bomb' }),
    );
  });

  it('a normal workbook passes the check with its real total', () => {
    const dir = inspectZip(xlsx, 400 * 1024 * 1024);
    expect(dir.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(dir.totalUncompressed).toBeGreaterThan(xlsx.length);
  });
});

describe('row limit', () => {
  it('a workbook sheet past maxRows is refused with its real row count', () => {
    const bytes = writeWorkbook(tallWorkbook(120), 'xlsx');
    const wb = openWorkbook(bytes, 't.xlsx', { maxRows: 100 });
    expect(wb.sheets[0]!.rowCount).toBe(121);
    const e = failure(bytes, 't.xlsx', { maxRows: 100 });
    expect(e.code).toBe('too_many_rows');
    expect(e.message).toMatch(/121 rows/);
    expect(e.message).toMatch(/at most 100 rows/);
  });

  it('a workbook sheet exactly at maxRows is read', () => {
    const wb = openWorkbook(writeWorkbook(tallWorkbook(99), 'xlsx'), 't.xlsx', { maxRows: 100 });
    expect(wb.readSheet('Data')).toHaveLength(100);
  });

  it('a CSV past maxRows is refused; one at the limit is read', () => {
    const lines = (n: number): Uint8Array =>
      new TextEncoder().encode(
        ['email', ...Array.from({ length: n }, (_, i) => `a${i}@x.co`)].join('\n') + '\n',
      );
    expect(failure(lines(150), 'l.csv', { maxRows: 100 }).code).toBe('too_many_rows');
    expect(openWorkbook(lines(99), 'l.csv', { maxRows: 100 }).readSheet('l')).toHaveLength(100);
  });
});

describe('an Excel "sep=" first line', () => {
  it.each([
    ['sep=;\r\nEmail;Name\r\njane@acme.com;Jane, Doe\r\n'],
    ['\uFEFFSEP=;\nEmail;Name\njane@acme.com;Jane, Doe\n'],
  ])('sets the delimiter and is not a row: %j', (text) => {
    const grid = openWorkbook(new TextEncoder().encode(text), 's.csv').readSheet('s');
    expect(grid).toEqual([
      ['Email', 'Name'],
      ['jane@acme.com', 'Jane, Doe'],
    ]);
  });
});

describe('a quote that opens a cell and is not closed where the cell ends', () => {
  const read = (text: string) => {
    const wb = openWorkbook(new TextEncoder().encode(text), 'q.csv');
    return { grid: wb.readSheet('q'), wb };
  };

  it('is ignored when never closed, so that the rows after it stay rows, and its row is named', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `lead${i}@acme.com,Lead ${i}`);
    rows[10] = `"${rows[10]}`;
    const { grid, wb } = read(`Email,Name\n${rows.join('\n')}\n`);
    // Before: 12 rows, the 11th holding the 490 after it in one cell.
    expect(grid).toHaveLength(501);
    expect(grid[11]).toEqual(['lead10@acme.com', 'Lead 10']);
    expect(grid[500]).toEqual(['lead499@acme.com', 'Lead 499']);
    expect(wb.unclosedQuoteRows).toEqual([12]);
    expect(readNotes(wb)).toEqual([
      'A quote that opens a cell in row 12 is not closed where that cell ends, which would have made the rows after it part of the cell; LeadPrep ignored that quote. Check that row in your file.',
    ]);
  });

  it('is ignored when a quote in the cell closes it too early, and a quote on a later line would have closed it', () => {
    const { grid, wb } = read(
      'Name,Email,Notes\nAnn Lee,ann@acme.com,"Loves 5" screens\nBob Roe,bob@beta.com,ok\nCat Poe,cat@gamma.com,"He said ""hi"""\n',
    );
    // Before: 2 rows, Ann's notes holding Bob and Cat (a quote followed by a line break closed it).
    expect(grid).toEqual([
      ['Name', 'Email', 'Notes'],
      ['Ann Lee', 'ann@acme.com', 'Loves 5" screens'],
      ['Bob Roe', 'bob@beta.com', 'ok'],
      ['Cat Poe', 'cat@gamma.com', 'He said "hi"'],
    ]);
    expect(wb.unclosedQuoteRows).toEqual([2]);
  });

  it('is ignored when it would take the cells after it on its row into its cell, moving the address out of its column', () => {
    const { grid, wb } = read(
      'Name,Company,Email\n"Bobby" Smith,"Acme, Inc",bob@acme.com\nAnn Lee,Beta,ann@beta.com\n',
    );
    // Before: ['Bobby" Smith,"Acme, Inc', 'bob@acme.com', ''], the address read as the company.
    expect(grid[1]).toEqual(['Bobby" Smith', 'Acme, Inc', 'bob@acme.com']);
    expect(grid[2]).toEqual(['Ann Lee', 'Beta', 'ann@beta.com']);
    expect(wb.unclosedQuoteRows).toEqual([2]);
  });

  it('keeps doubled quotes after it as written, and finds a second one', () => {
    const { grid, wb } = read('Email,Note\na@x.com,"say ""hi\nb@x.com,"B\nc@x.com,C\n');
    expect(grid).toEqual([
      ['Email', 'Note'],
      ['a@x.com', 'say ""hi'],
      ['b@x.com', 'B'],
      ['c@x.com', 'C'],
    ]);
    expect(wb.unclosedQuoteRows).toEqual([2, 3]);
    expect(readNotes(wb)[0]).toMatch(/^Quotes that open cells in rows 2 and 3 are not closed/);
  });

  it('is ignored in every row it is in, the note naming the first five', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `"lead${i}@acme.com,Lead ${i}`);
    const { grid, wb } = read(`Email,Name\n${rows.join('\n')}\n`);
    expect(grid).toHaveLength(21);
    expect(grid[20]).toEqual(['lead19@acme.com', 'Lead 19']);
    expect(readNotes(wb)[0]).toMatch(
      /^Quotes that open cells in rows 2, 3, 4, 5, 6 and 15 others are not closed/,
    );
  });

  it('reads quotes escaped with a backslash, as MySQL and some scripts write them, as quotes', () => {
    const { grid, wb } = read(
      'Email,Note,Name\na@x.com,"He said \\"hi\\"",Ann\nb@x.com,ok,Bob\nc@x.com,"x \\"y\\", z",Cat\n',
    );
    // Before: Cat in a column of her own, her note cut in two at its comma.
    expect(grid).toEqual([
      ['Email', 'Note', 'Name'],
      ['a@x.com', 'He said "hi"', 'Ann'],
      ['b@x.com', 'ok', 'Bob'],
      ['c@x.com', 'x "y", z', 'Cat'],
    ]);
    expect(wb.unclosedQuoteRows).toEqual([]);
  });

  it('keeps a backslash before a closing quote (a Windows folder) as written in a file of doubled quotes', () => {
    const { grid, wb } = read(
      'Email,Folder,Note\na@x.com,"C:\\leads\\",ok\nb@x.com,x,"Loves 5" screens\nc@x.com,y,"say ""hi"""\n',
    );
    expect(grid).toEqual([
      ['Email', 'Folder', 'Note'],
      ['a@x.com', 'C:\\leads\\', 'ok'],
      ['b@x.com', 'x', 'Loves 5" screens'],
      ['c@x.com', 'y', 'say "hi"'],
    ]);
    expect(wb.unclosedQuoteRows).toEqual([3]);
  });

  it('leaves closed quotes, line breaks in cells included, as they are', () => {
    const { grid, wb } = read(
      'Email,Note\na@x.com,"two\nlines"\nb@x.com,"say ""hi"""\nc@x.com,"Met at SaaStr.\nSaid "call me in May"."\nd@x.com,"Smith, "Bob" Jr"\n',
    );
    expect(grid).toEqual([
      ['Email', 'Note'],
      ['a@x.com', 'two\nlines'],
      ['b@x.com', 'say "hi"'],
      // Quotes not doubled inside a cell, after its first line or closed on it, are read as papaparse reads them.
      ['c@x.com', 'Met at SaaStr.\nSaid "call me in May".'],
      ['d@x.com', 'Smith, "Bob" Jr'],
    ]);
    expect(wb.unclosedQuoteRows).toEqual([]);
    expect(readNotes(wb)).toEqual([]);
  });
});

describe('huge cells', () => {
  const big = 'x'.repeat(1_200_000);

  it('a 1.2 MB CSV cell is cut to maxCellChars and counted; other cells are intact', () => {
    const bytes = new TextEncoder().encode(`email,notes\na@b.co,"${big}"\nc@d.co,short\n`);
    const wb = openWorkbook(bytes, 'h.csv');
    const grid = wb.readSheet('h');
    expect(grid[1]![1]).toHaveLength(1_000_000);
    expect(grid[2]).toEqual(['c@d.co', 'short']);
    expect(wb.truncatedCells).toBe(1);
  });

  it('a long workbook cell is cut to maxCellChars and counted', () => {
    // Excel caps cells at 32,767 characters (SheetJS refuses to write more), so 1 MB cells only come from text files.
    const bytes = writeWorkbook(
      workbookFromRows({
        S: [
          ['email', 'notes'],
          ['a@b.co', 'y'.repeat(30_000)],
        ],
      }),
      'xlsx',
    );
    const wb = openWorkbook(bytes, 'h.xlsx', { maxCellChars: 10_000 });
    const grid = wb.readSheet('S');
    expect(grid[1]![1]).toBe('y'.repeat(10_000));
    expect(grid[1]![0]).toBe('a@b.co');
    expect(wb.truncatedCells).toBe(1);
  });

  it('does not split a surrogate pair when cutting', () => {
    const emoji = '😀'.repeat(10);
    const bytes = new TextEncoder().encode(`a\n${emoji}\n`);
    const cell = openWorkbook(bytes, 'e.csv', { maxCellChars: 5 }).readSheet('e')[1]![0]!;
    expect(cell).toBe('😀😀');
  });
});

describe('cancellation', () => {
  it('an already-aborted signal stops before reading', () => {
    expect(failure(xlsx, 'x.xlsx', { signal: { aborted: true } }).code).toBe('cancelled');
  });
});
