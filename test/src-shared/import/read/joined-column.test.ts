import { describe, expect, it } from 'vitest';
import { splitJoinedColumn } from '../../../../src-shared/import/read/joined-column';
import { openWorkbook, readNotes } from '../../../../src-shared/import/read/index';
import { csvBytes, workbookFromRows, writeWorkbook } from '../../../fixtures-gen/index';

describe('splitJoinedColumn', () => {
  it('splits rows written each in one cell at the delimiter they share, quotes as CSV has them', () => {
    const rows = [
      ['Leads from the fair', ''],
      ['Email,Name,Company', ''],
      ['ann@acme.com,"Lee, Ann",Acme', ''],
      ['', ''],
      ['bo@beta.io,Bo Ray,"Beta ""B"" Inc"', ''],
    ];
    expect(splitJoinedColumn(rows)).toEqual({
      delimiter: ',',
      rows: [
        ['Leads from the fair', '', ''],
        ['Email', 'Name', 'Company'],
        ['ann@acme.com', 'Lee, Ann', 'Acme'],
        ['', '', ''],
        ['bo@beta.io', 'Bo Ray', 'Beta "B" Inc'],
      ],
    });
    expect(
      splitJoinedColumn([
        ['', 'E-mail;Nom'],
        ['', 'ann@acme.fr;Ann'],
      ])?.rows,
    ).toEqual([
      ['E-mail', 'Nom'],
      ['ann@acme.fr', 'Ann'],
    ]);
  });

  it('leaves a sheet of several columns, or one column that is no joined table, as it is', () => {
    expect(
      splitJoinedColumn([
        ['Email', 'Name'],
        ['ann@acme.com,x', 'Ann'],
      ]),
    ).toBeNull();
    // Addresses written with a name: their commas are the names'.
    expect(splitJoinedColumn([['"Lee, Ann" <ann@acme.com>'], ['Ray, Bo <bo@beta.io>']])).toBeNull();
    // Names and places, with no address in them: nothing to read leads from.
    expect(splitJoinedColumn([['Lee, Ann'], ['Ray, Bo']])).toBeNull();
    expect(splitJoinedColumn([['ann@acme.com'], ['bo@beta.io']])).toBeNull();
    expect(splitJoinedColumn([])).toBeNull();
  });
});

describe('a sheet of joined rows, through the reader', () => {
  const rows = [['Email,Name,Company'], ['ann@acme.com,Ann Lee,Acme'], ['bo@beta.io,Bo Ray,Beta']];
  const table = [
    ['Email', 'Name', 'Company'],
    ['ann@acme.com', 'Ann Lee', 'Acme'],
    ['bo@beta.io', 'Bo Ray', 'Beta'],
  ];

  it('reads a CSV pasted into column A of a workbook as its table, and says so', () => {
    const wb = openWorkbook(writeWorkbook(workbookFromRows({ Leads: rows })), 'leads.xlsx');
    expect(wb.topRows('Leads', 2)).toEqual(table.slice(0, 2));
    expect(wb.readSheet('Leads')).toEqual(table);
    expect(wb.hiddenColumns('Leads')).toEqual([]);
    expect(readNotes(wb)).toEqual([
      "Each row of this sheet was written in one cell, its values separated by commas; LeadPrep split them into columns, as Excel's Text to Columns would.",
    ]);
  });

  it('reads a .csv whose every line is quoted whole (saved from such a sheet) as its table', () => {
    const wb = openWorkbook(csvBytes(rows), 'leads.csv');
    expect(wb.readSheet(wb.sheets[0]!.name)).toEqual(table);
  });

  it('says nothing of a sheet it did not split', () => {
    const wb = openWorkbook(csvBytes(table), 'leads.csv');
    expect(wb.readSheet(wb.sheets[0]!.name)).toEqual(table);
    expect(wb.splitDelimiter).toBeNull();
  });
});
