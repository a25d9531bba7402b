import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openWorkbook, ReadError } from '../../../../src-shared/import/read/index';
import { dateStyle } from '../../../../src-shared/import/read/spreadsheet';
import {
  csvBytes,
  dynamicsExport,
  featureWorkbook,
  filteredWorkbook,
  leadsToXlsx,
  messyLeads,
  workbookFromRows,
  writeWorkbook,
  zipOf,
  type WorkbookType,
} from '../../../fixtures-gen/index';

function read(bytes: Uint8Array, name: string, sheet?: string): string[][] {
  const wb = openWorkbook(bytes, name);
  return wb.readSheet(sheet ?? wb.sheets[0]!.name);
}

describe.each<WorkbookType>(['xlsx', 'xlsm', 'xlsb', 'xls', 'xml'])('feature workbook as .%s', (type) => {
  const bytes = writeWorkbook(featureWorkbook(), type);
  const wb = openWorkbook(bytes, `leads.${type}`);
  const grid = wb.readSheet('Leads');

  it('detects the kind and lists sheets with row counts and the hidden flag', () => {
    expect(wb.kind).toBe(type);
    expect(wb.sheets).toEqual([
      { name: 'Leads', rowCount: 6 },
      { name: 'Second', rowCount: 3 },
      { name: 'Hidden', rowCount: 1, hidden: true },
    ]);
  });

  it('gives the top rows of a sheet as the full read shows them, and none of an unknown sheet', () => {
    expect(wb.topRows('Leads', 3)).toEqual(grid.slice(0, 3));
    expect(wb.topRows('Second', 100)).toEqual(wb.readSheet('Second'));
    expect(wb.topRows('Nope', 3)).toEqual([]);
  });

  it('keeps title and blank rows so row numbers match Excel, and the grid is rectangular', () => {
    expect(grid).toHaveLength(6);
    expect(grid[0]![0]).toBe('Event leads — exported from the booth scanner');
    expect(grid[1]!.every((c) => c === '')).toBe(true);
    expect(new Set(grid.map((r) => r.length))).toEqual(new Set([12]));
  });

  it('copies a merged header across its range', () => {
    expect(grid[2]!.slice(0, 3)).toEqual(['Contact', 'Contact', 'Company']);
  });

  it('keeps leading zeros from number formats and text cells', () => {
    expect(grid.slice(3).map((r) => r[3])).toEqual(['00123', '00007', '90210']);
    expect(grid.slice(3).map((r) => r[4])).toEqual(['00501', '02134', '10001']);
    expect(grid[3]![7]).toBe('0612345678');
  });

  it('writes dates without two-digit years: ISO when the format hides the year, as displayed otherwise', () => {
    expect(grid.slice(3).map((r) => r[5])).toEqual(['2024-01-05', '2024-01-09 12:00', '2024-01-05']);
    expect(grid.slice(3).map((r) => r[6])).toEqual(['2024-01-05', '09/01/2024', 'January 5, 2024']);
  });

  it('gives all digits of long IDs, never scientific notation', () => {
    expect(grid[3]![8]).toBe('1234567890123456');
    expect(grid[4]![8]).toBe('000123456789012345');
  });

  it('gives cached formula values without evaluating', () => {
    expect(grid.slice(3).map((r) => r[9])).toEqual(['42', '3', 'ok']);
  });

  it('gives the address of a mailto: hyperlink', () => {
    expect(grid[3]![10]).toBe('jose@example.com');
  });

  it('keeps formula-looking text literal', () => {
    expect(grid.slice(3).map((r) => r[11])).toEqual([
      '=HYPERLINK("http://evil.example")',
      '+SUM(A1:A2)',
      '@handle -5 bottles',
    ]);
  });

  it('keeps non-Latin text', () => {
    expect(grid[4]!.slice(0, 3)).toEqual(['太郎', '佐藤', '株式会社テスト']);
    expect(grid[5]!.slice(0, 3)).toEqual(['Иван', 'Петров', 'ООО «Ромашка»']);
  });

  it('reads another sheet by name', () => {
    expect(wb.readSheet('Second')).toEqual([
      ['email', 'name'],
      ['a@example.com', 'A'],
      ['b@example.com', 'B'],
    ]);
  });

  it('refuses an unknown sheet name with the list of sheets', () => {
    expect(() => wb.readSheet('Nope')).toThrow(/Leads, Second, Hidden/);
  });
});

describe.each<WorkbookType>(['xlsx', 'xlsb'])('links in an .%s', (type) => {
  it('a cell that only names its web link gives the address; a name or company over a link stays, its link in a column of its own', () => {
    const linked = (v: string, target: string): XLSX.CellObject => ({ t: 's', v, l: { Target: target } });
    const ws = XLSX.utils.aoa_to_sheet([
      ['Name', 'Company', 'LinkedIn', 'Website'],
      [
        linked('Jane Doe', 'https://www.linkedin.com/in/jane-doe'),
        linked('Acme', 'https://acme.com'),
        linked('LinkedIn', 'https://www.linkedin.com/in/jane-doe'),
        linked(' View  profile ', 'https://acme.com/team/jane'),
      ],
      [
        'Bo Ray',
        'Beta',
        linked('Profil', 'https://www.linkedin.com/in/bo-ray'),
        linked('Site web', 'ftp://beta.io'),
      ],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Leads');
    expect(read(writeWorkbook(wb, type), `pasted.${type}`)).toEqual([
      ['Name', 'Name (link)', 'Company', 'Company (link)', 'LinkedIn', 'Website'],
      [
        'Jane Doe',
        'https://www.linkedin.com/in/jane-doe',
        'Acme',
        'https://acme.com',
        'https://www.linkedin.com/in/jane-doe',
        'https://acme.com/team/jane',
      ],
      ['Bo Ray', '', 'Beta', '', 'https://www.linkedin.com/in/bo-ray', 'Site web'],
    ]);
  });

  it('names the column of links after the header above them, past a title row and an unlinked first row', () => {
    const linked = (v: string, target: string): XLSX.CellObject => ({ t: 's', v, l: { Target: target } });
    const ws = XLSX.utils.aoa_to_sheet([
      ['Speakers – Web Summit'],
      [],
      ['Speaker', 'Email'],
      ['Ann Lee', 'ann@acme.com'],
      [linked('Bo Ray', 'https://www.linkedin.com/in/bo-ray'), 'bo@beta.io'],
      // A cell that shows its own address, or links by mail, has no link to add.
      [linked('www.cy.io', 'https://www.cy.io/'), linked('cy@gamma.io', 'mailto:cy@gamma.io')],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Speakers');
    expect(read(writeWorkbook(wb, type), `speakers.${type}`)).toEqual([
      ['Speakers – Web Summit', '', ''],
      ['', '', ''],
      ['Speaker', 'Speaker (link)', 'Email'],
      ['Ann Lee', '', 'ann@acme.com'],
      ['Bo Ray', 'https://www.linkedin.com/in/bo-ray', 'bo@beta.io'],
      ['www.cy.io', '', 'cy@gamma.io'],
    ]);
  });
});

describe.each<WorkbookType>(['xlsx', 'ods'])('links written as HYPERLINK formulas (.%s)', (type) => {
  it('a cell that only names its link gives the address, a name over one keeps it beside; a link built from other cells is left', () => {
    const formula = (v: string, f: string): XLSX.CellObject => ({ t: 's', v, f });
    const ws = XLSX.utils.aoa_to_sheet([
      ['Name', 'Email', 'LinkedIn'],
      [
        formula('Jane Doe', 'HYPERLINK("https://www.linkedin.com/in/jane-doe","Jane Doe")'),
        formula('Email', 'HYPERLINK("mailto:jane@acme.com","Email")'),
        formula('LinkedIn', 'HYPERLINK("https://www.linkedin.com/in/jane-doe", "LinkedIn")'),
      ],
      ['Bo Ray', 'bo@beta.io', formula('Profile', 'HYPERLINK("https://www.linkedin.com/in/"&A3,"Profile")')],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Leads');
    expect(read(writeWorkbook(wb, type), `sheet.${type}`)).toEqual([
      ['Name', 'Name (link)', 'Email', 'LinkedIn'],
      [
        'Jane Doe',
        'https://www.linkedin.com/in/jane-doe',
        'jane@acme.com',
        'https://www.linkedin.com/in/jane-doe',
      ],
      ['Bo Ray', '', 'bo@beta.io', 'Profile'],
    ]);
  });
});

describe.each<WorkbookType>(['xlsx', 'xlsb'])('merged cells below the header (.%s)', (type) => {
  // A list kept by hand: each company's cell merged over the rows of its people, far down the sheet.
  function handMadeList(): Uint8Array {
    const rows: string[][] = [['Company', 'Name', 'Email', 'Notes', 'Source']];
    for (let i = 1; i <= 40; i++)
      rows.push([`Firm ${i}`, `Person ${i}`, `p${i}@firm${i}.example`, '', 'Fair']);
    rows.push(['Acme', 'Ann Lee', 'ann@acme.example', 'Met at the fair, call back in May', '']);
    rows.push(['', 'Bo Ray', 'bo@acme.example', '', 'Fair']);
    rows.push(['', 'Cy Dee', 'cy@acme.example', '', 'Web']);
    const wb = workbookFromRows({ Leads: rows });
    (wb.Sheets.Leads as XLSX.WorkSheet)['!merges'] = [
      { s: { r: 41, c: 0 }, e: { r: 43, c: 0 } },
      // A note laid over two columns of its row is no value of the column beside it (the source).
      { s: { r: 41, c: 3 }, e: { r: 41, c: 4 } },
    ];
    return writeWorkbook(wb, type);
  }

  it("a company merged over its people's rows stands for each of them; a note across columns stays in its cell", () => {
    const rows = read(handMadeList(), `list.${type}`, 'Leads');
    expect(rows.slice(41)).toEqual([
      ['Acme', 'Ann Lee', 'ann@acme.example', 'Met at the fair, call back in May', ''],
      ['Acme', 'Bo Ray', 'bo@acme.example', '', 'Fair'],
      ['Acme', 'Cy Dee', 'cy@acme.example', '', 'Web'],
    ]);
  });
});

describe('rows hidden in the sheet', () => {
  it.each<WorkbookType>(['xlsx', 'xlsb'])(
    'a filter saved in Excel (.%s): every row is read, and the hidden ones are named',
    (type) => {
      const rows = [
        ['Email', 'Name'],
        ['ann@acme.com', 'Ann'],
        ['bob@acme.com', 'Bob'],
        ['cy@acme.com', 'Cy'],
        ['di@acme.com', 'Di'],
      ];
      const wb = openWorkbook(filteredWorkbook(rows, [2, 4], type), `leads.${type}`);
      expect(wb.readSheet('Leads')).toEqual(rows);
      expect(wb.hiddenRows('Leads')).toEqual([2, 4]);
      expect(openWorkbook(filteredWorkbook(rows, [], type), `leads.${type}`).hiddenRows('Leads')).toEqual([]);
    },
  );

  it('a text file has none', () => {
    const wb = openWorkbook(csvBytes([['Email'], ['ann@acme.com']]), 'leads.csv');
    expect(wb.hiddenRows('leads')).toEqual([]);
  });
});

describe.each<WorkbookType>(['xlsx', 'xlsb', 'xls'])('columns hidden in the sheet (.%s)', (type) => {
  it("are named as the grid has them, after a column of links added before them too; a text file's are none", () => {
    const wb = openWorkbook(dynamicsExport([['Ann Lee', 'ann@acme.com', 'Acme']], type), `contacts.${type}`);
    expect(wb.readSheet('Active Contacts')[1]?.slice(3)).toEqual(['Ann Lee', 'ann@acme.com', 'Acme']);
    expect(wb.hiddenColumns('Active Contacts')).toEqual([0, 1, 2]);
    expect(openWorkbook(csvBytes([['Email'], ['ann@acme.com']]), 'leads.csv').hiddenColumns('leads')).toEqual(
      [],
    );
  });
});

describe('columns hidden in the sheet, behind a column of links', () => {
  it('move right by the column of links added before them, and the links of a hidden column are hidden', () => {
    const link = (v: string, target: string): XLSX.CellObject => ({ t: 's', v, l: { Target: target } });
    const ws = XLSX.utils.aoa_to_sheet([
      ['Name', 'Id', 'Source', 'Email'],
      [
        link('Ann Lee', 'https://www.linkedin.com/in/annlee'),
        'c-1',
        link('Webinar', 'https://acme.com/w'),
        'ann@acme.com',
      ],
    ]);
    ws['!cols'] = [{}, { hidden: true }, { hidden: true }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Leads');
    const wb = openWorkbook(writeWorkbook(book, 'xlsx'), 'leads.xlsx');
    expect(wb.readSheet('Leads')[0]).toEqual([
      'Name',
      'Name (link)',
      'Id',
      'Source',
      'Source (link)',
      'Email',
    ]);
    expect(wb.hiddenColumns('Leads')).toEqual([2, 3, 4]);
  });
});

describe('.ods', () => {
  it('reads text, non-Latin text, leading-zero text and dates', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Email', 'Name', 'Zip', 'Met on'],
      ['jose@example.com', 'José Müller', '00501', ''],
      ['taro@example.jp', '佐藤 太郎', '02134', ''],
    ]);
    ws['D2'] = { t: 'n', v: 45296, z: 'm/d/yy' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Feuille1');
    const book = openWorkbook(writeWorkbook(wb, 'ods'), 'leads.ods');
    expect(book.kind).toBe('ods');
    expect(book.readSheet('Feuille1')).toEqual([
      ['Email', 'Name', 'Zip', 'Met on'],
      ['jose@example.com', 'José Müller', '00501', '2024-01-05'],
      ['taro@example.jp', '佐藤 太郎', '02134', ''],
    ]);
  });
});

describe('Apple Numbers', () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Email', 'Name', 'Zip', 'Phone', 'Met on', 'Score', 'Share', 'Opted in'],
    ['jose@example.com', 'José Müller', '00501', 4155550100, '', 12.5, 0.1, true],
    ['taro@example.jp', '佐藤 太郎', '02134', '+33 6 12 34 56 78', '', 7, 1234567890123456, false],
  ]);
  ws['E2'] = { t: 'd', v: new Date(Date.UTC(2024, 0, 5, 14, 30)) };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Leads');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Email'], ['bo@acme.com']]), 'Partners');
  const bytes = writeWorkbook(wb, 'numbers');

  it('reads every sheet: text as typed, numbers as a spreadsheet shows them, dates as ISO', () => {
    const book = openWorkbook(bytes, 'leads.numbers');
    expect(book.kind).toBe('numbers');
    expect(book.sheets).toEqual([
      { name: 'Leads', rowCount: 3 },
      { name: 'Partners', rowCount: 2 },
    ]);
    expect(book.readSheet('Leads')).toEqual([
      ['Email', 'Name', 'Zip', 'Phone', 'Met on', 'Score', 'Share', 'Opted in'],
      ['jose@example.com', 'José Müller', '00501', '4155550100', '2024-01-05', '12.5', '0.1', 'TRUE'],
      ['taro@example.jp', '佐藤 太郎', '02134', '+33 6 12 34 56 78', '', '7', '1234567890123456', 'FALSE'],
    ]);
    expect(book.readSheet('Partners')).toEqual([['Email'], ['bo@acme.com']]);
  });

  it('is read by its content under another name, and inside a ZIP archive', () => {
    expect(openWorkbook(bytes, 'leads.xlsx').kind).toBe('numbers');
    const archive = openWorkbook(zipOf({ 'export/leads.numbers': bytes }), 'export.zip');
    expect(archive.readSheet(archive.sheets[0]!.name)[1]?.[1]).toBe('José Müller');
  });
});

describe('sniffing by content', () => {
  it('reads an .xlsx renamed .csv as a workbook', () => {
    const bytes = writeWorkbook(workbookFromRows({ S: [['email'], ['a@example.com']] }), 'xlsx');
    const wb = openWorkbook(bytes, 'export.csv');
    expect(wb.kind).toBe('xlsx');
    expect(wb.readSheet('S')).toEqual([['email'], ['a@example.com']]);
  });

  it('reads an .xls renamed .xlsx as .xls', () => {
    const bytes = writeWorkbook(workbookFromRows({ S: [['email'], ['a@example.com']] }), 'xls');
    expect(openWorkbook(bytes, 'export.xlsx').kind).toBe('xls');
  });

  it('reads a CSV renamed .xlsx as CSV', () => {
    const wb = openWorkbook(new TextEncoder().encode('email;name\na@example.com;A\n'), 'export.xlsx');
    expect(wb.kind).toBe('csv');
    expect(wb.delimiter).toBe(';');
  });

  it('reads an .xlsb (Excel binary workbook) renamed .xlsx as .xlsb', () => {
    const bytes = writeWorkbook(workbookFromRows({ S: [['email'], ['a@example.com']] }), 'xlsb');
    const wb = openWorkbook(bytes, 'export.xlsx');
    expect(wb.kind).toBe('xlsb');
    expect(wb.readSheet('S')).toEqual([['email'], ['a@example.com']]);
  });
});

describe('date formats', () => {
  it.each([
    ['m/d/yy', 'date'],
    ['d-mmm', 'date'],
    ['mmm-yy', 'date'],
    ['dd/mm/yyyy', 'displayed'],
    ['yyyy-mm-dd', 'displayed'],
    ['[$-409]mmmm d, yyyy;@', 'displayed'],
    ['m/d/yy h:mm', 'datetime'],
    ['dd/mm/yy hh:mm:ss', 'datetime-seconds'],
    ['h:mm AM/PM', 'displayed'],
    ['[h]:mm:ss', 'displayed'],
    ['mm:ss', 'displayed'],
    ['0.00', null],
    ['00000', null],
    ['General', null],
  ])('%s -> %s', (fmt, style) => {
    expect(dateStyle(fmt)).toBe(style);
  });
});

describe('headers that are JavaScript property names', () => {
  it('come through as plain strings in arrays (no object keys, no prototype pollution)', () => {
    const bytes = writeWorkbook(
      workbookFromRows({
        S: [
          ['__proto__', 'constructor', 'prototype', 'Email', 'Email', ''],
          ['x', 'y', 'z', 'a@b.co', 'c@d.co', 'e'],
        ],
      }),
      'xlsx',
    );
    const grid = read(bytes, 'a.xlsx');
    expect(grid[0]).toEqual(['__proto__', 'constructor', 'prototype', 'Email', 'Email', '']);
    expect(grid[1]).toEqual(['x', 'y', 'z', 'a@b.co', 'c@d.co', 'e']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.getPrototypeOf(grid[0])).toBe(Array.prototype);
  });
});

describe('messy leads workbook', () => {
  it('reads every generated row back unchanged', () => {
    const leads = messyLeads(500, 3);
    const grid = read(leadsToXlsx(leads), 'leads.xlsx');
    // Trailing whitespace survives; only the grid width pads short rows.
    expect(grid).toEqual([leads.header, ...leads.rows]);
  });

  it('reports progress through parse and extract and ends at done === total', () => {
    const phases: string[] = [];
    let last = { done: 0, total: 0 };
    const bytes = leadsToXlsx(messyLeads(50, 1));
    const wb = openWorkbook(bytes, 'l.xlsx', { onProgress: (p) => phases.push(p.phase) });
    wb.readSheet('Leads', {
      onProgress: (p) => {
        phases.push(p.phase);
        last = p;
      },
    });
    expect(new Set(phases)).toEqual(new Set(['inspect', 'parse', 'extract']));
    expect(last.done).toBe(last.total);
  });

  it('stops with "cancelled" when the signal is aborted before extraction', () => {
    const wb = openWorkbook(leadsToXlsx(messyLeads(20, 1)), 'l.xlsx');
    expect(() => wb.readSheet('Leads', { signal: { aborted: true } })).toThrow(
      expect.objectContaining({ code: 'cancelled' }) as ReadError,
    );
  });
});
