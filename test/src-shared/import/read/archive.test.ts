import { describe, expect, it } from 'vitest';
import { openWorkbook, type ReadError } from '../../../../src-shared/import/read';
import { describeSheets, preferredSheet } from '../../../../src-shared/import/sheet-choice';
import {
  csvBytes,
  pdfBytes,
  workbookFromRows,
  writeWorkbook,
  zipClaimingSizes,
  zipOf,
} from '../../../fixtures-gen';

const members = (n: number, domain: string) => [
  ['Email Address', 'First Name', 'Last Name'],
  ...Array.from({ length: n }, (_, i) => [`m${i}@${domain}`, `First${i}`, `Last${i}`]),
];

/** Mailchimp's "Export audience": one CSV per status, in an archive a Mac's Finder made. */
function audienceExport(): Uint8Array {
  return zipOf({
    'subscribed_members_export_9f2.csv': csvBytes(members(5, 'acme.io')),
    'unsubscribed_members_export_9f2.csv': csvBytes(members(2, 'beta.io')),
    'cleaned_members_export_9f2.csv': csvBytes(members(1, 'gone.example')),
    '__MACOSX/._subscribed_members_export_9f2.csv': new Uint8Array([0, 5, 22, 7]),
  });
}

function failure(read: () => unknown): ReadError {
  try {
    read();
  } catch (e) {
    return e as ReadError;
  }
  throw new Error('expected a failure');
}

describe('a ZIP archive of exports', () => {
  it("lists each file's sheet by the file's name, and offers the one with the most leads", () => {
    const wb = openWorkbook(audienceExport(), 'audience_export_9f2.zip');
    expect(wb.kind).toBe('zip');
    expect(wb.sheets).toEqual([
      { name: 'cleaned_members_export_9f2.csv', rowCount: 2 },
      { name: 'subscribed_members_export_9f2.csv', rowCount: 6 },
      { name: 'unsubscribed_members_export_9f2.csv', rowCount: 3 },
    ]);
    expect(preferredSheet(describeSheets(wb))?.name).toBe('subscribed_members_export_9f2.csv');
    expect(wb.readSheet('unsubscribed_members_export_9f2.csv')).toEqual(members(2, 'beta.io'));
    expect(wb.topRows('subscribed_members_export_9f2.csv', 2)).toEqual(members(5, 'acme.io').slice(0, 2));
  });

  it('gives the sheets of a workbook in it as "file › sheet", and tells files of one name apart by their folder', () => {
    const book = writeWorkbook(workbookFromRows({ Leads: members(2, 'a.io'), Owners: [['Owner'], ['Kim']] }));
    const wb = openWorkbook(
      zipOf({
        'day1/leads.csv': csvBytes(members(1, 'b.io')),
        'day2/leads.csv': csvBytes(members(3, 'c.io')),
        'crm.xlsx': book,
      }),
      'export.zip',
    );
    expect(wb.sheets.map((s) => s.name)).toEqual([
      'crm.xlsx › Leads',
      'crm.xlsx › Owners',
      'day1/leads.csv',
      'day2/leads.csv',
    ]);
    expect(wb.readSheet('crm.xlsx › Owners')).toEqual([['Owner'], ['Kim']]);
    expect(wb.readSheet('day2/leads.csv')).toHaveLength(4);
  });

  it('lists a file in it that cannot be read with no rows and why; reading it says so too', () => {
    const wb = openWorkbook(
      zipOf({
        'leads.csv': csvBytes(members(1, 'a.io')),
        'report.xlsx': pdfBytes(),
        'older.zip': audienceExport(),
      }),
      'mixed.zip',
    );
    expect(wb.sheets).toEqual([
      { name: 'leads.csv', rowCount: 2 },
      {
        name: 'older.zip',
        rowCount: 0,
        unreadable: expect.stringMatching(/^This is an archive inside the archive/),
      },
      { name: 'report.xlsx', rowCount: 0, unreadable: expect.stringMatching(/^This file is a PDF document/) },
    ]);
    expect(failure(() => wb.readSheet('report.xlsx')).message).toMatch(/PDF document/);
    expect(failure(() => wb.readSheet('older.zip')).message).toMatch(/archive inside the archive/);
    expect(failure(() => wb.readSheet('nothing.csv')).message).toMatch(/Pick one of: leads\.csv, older\.zip/);
  });

  it('an archive with no spreadsheet or CSV file in it is refused, saying so', () => {
    const e = failure(() =>
      openWorkbook(zipOf({ 'logo.png': new Uint8Array([137, 80, 78, 71]) }), 'assets.zip'),
    );
    expect(e.code).toBe('not_spreadsheet');
    expect(e.message).toMatch(/ZIP archive with no spreadsheet or CSV file/);
  });

  it('an archive that claims to expand past the limit is refused before anything is inflated', () => {
    const bomb = zipClaimingSizes(zipOf({ 'leads.csv': csvBytes(members(1, 'a.io')) }), 2_000_000_000);
    expect(failure(() => openWorkbook(bomb, 'leads.zip')).code).toBe('zip_bomb');
  });

  it('stops between files when cancelled', () => {
    const flag = { aborted: false };
    const e = failure(() =>
      openWorkbook(audienceExport(), 'audience.zip', {
        signal: flag,
        onProgress: (p) => {
          if (p.phase === 'parse') flag.aborted = true;
        },
      }),
    );
    expect(e.code).toBe('cancelled');
  });
});
