import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src-shared/import/read/index';
import {
  describeSheets,
  hasEmailColumn,
  importsOfSheet,
  preferredSheet,
} from '../../../src-shared/import/sheet-choice';
import { featureWorkbook, workbookFromRows, writeWorkbook } from '../../fixtures-gen/index';

describe('hasEmailColumn', () => {
  it('finds an email column by its header, below title rows', () => {
    expect(
      hasEmailColumn([
        ['Trade show export', ''],
        ['', ''],
        ['Name', 'E-Mail'],
        ['Ann Lee', ''],
      ]),
    ).toBe(true);
  });

  it('finds an email column by its content when the header says nothing', () => {
    expect(
      hasEmailColumn([
        ['Contact', 'Info'],
        ['Ann Lee', 'ann@acme.com'],
        ['Bo Park', 'bo@globex.io'],
      ]),
    ).toBe(true);
  });

  it('finds none in a summary, a lookup table or an empty sheet', () => {
    expect(
      hasEmailColumn([
        ['Region', 'Leads'],
        ['EMEA', '120'],
        ['APAC', '80'],
      ]),
    ).toBe(false);
    expect(
      hasEmailColumn([
        ['Code', 'Country'],
        ['FR', 'France'],
      ]),
    ).toBe(false);
    expect(hasEmailColumn([])).toBe(false);
  });
});

describe('preferredSheet', () => {
  const sheet = (name: string, rowCount: number, emailColumn: boolean, hidden = false) => ({
    name,
    rowCount,
    emailColumn,
    hidden,
  });

  it('prefers the visible sheet with an email column and the most rows', () => {
    expect(
      preferredSheet([
        sheet('Summary', 5, false),
        sheet('Do not contact', 12, true),
        sheet('Old', 2000, true, true),
        sheet('Leads', 900, true),
        sheet('Owners', 900, true),
      ])?.name,
    ).toBe('Leads');
  });

  it("offers a file of people to keep out last, however long: Mailchimp's unsubscribed beside its subscribed", () => {
    const audience = [
      sheet('unsubscribed_members_export_9f2.csv', 5000, true),
      sheet('cleaned_members_export_9f2.csv', 3000, true),
      sheet('subscribed_members_export_9f2.csv', 1200, true),
    ];
    expect(preferredSheet(audience)?.name).toBe('subscribed_members_export_9f2.csv');
    expect(preferredSheet([sheet('Bounces', 800, true), sheet('Leads', 20, true)])?.name).toBe('Leads');
    // With nothing else, it is still offered.
    expect(preferredSheet(audience.slice(0, 2))?.name).toBe('unsubscribed_members_export_9f2.csv');
  });

  it('falls back to the first visible sheet with rows, then to any sheet with rows', () => {
    expect(preferredSheet([sheet('Empty', 0, false), sheet('Notes', 3, false)])?.name).toBe('Notes');
    expect(preferredSheet([sheet('Blank', 0, false), sheet('Hidden', 4, false, true)])?.name).toBe('Hidden');
    expect(preferredSheet([sheet('Blank', 0, false)])).toBeUndefined();
  });

  it('offers the sheets of this file imported before last: a workbook of one sheet per event goes a sheet at a time', () => {
    const days = [sheet('Day 1', 900, true), sheet('Day 2', 400, true), sheet('Notes', 3, false)];
    expect(preferredSheet(days, new Set(['Day 1']))?.name).toBe('Day 2');
    expect(preferredSheet(days, new Set(['Day 1', 'Day 2']))?.name).toBe('Day 1');
  });
});

describe('importsOfSheet', () => {
  const earlier = [
    { id: 2, sheet: 'Day 2' },
    { id: 1, sheet: 'Day 1' },
  ];

  it('of a workbook, only the imports that took this sheet: another sheet is other leads', () => {
    expect(importsOfSheet(earlier, 'Day 1', 3).map((p) => p.id)).toEqual([1]);
    expect(importsOfSheet(earlier, 'Day 3', 3)).toEqual([]);
  });

  it('of a file of one sheet, every one: a .csv downloaded again as "leads (1).csv" is the same leads', () => {
    expect(importsOfSheet([{ id: 1, sheet: 'leads' }], 'leads (1)', 1).map((p) => p.id)).toEqual([1]);
  });
});

describe('describeSheets', () => {
  it('tells which sheets of a real workbook hold an email column', () => {
    const wb = workbookFromRows({
      Summary: [
        ['Region', 'Leads'],
        ['EMEA', '120'],
      ],
      'Booth scans': [
        ['Exported 2024-03-01', '', ''],
        ['Contact', 'Company', 'Courriel'],
        ['Ann Lee', 'Acme', 'ann@acme.com'],
      ],
    });
    const described = describeSheets(openWorkbook(writeWorkbook(wb), 'leads.xlsx'));
    expect(described.map((s) => [s.name, s.emailColumn])).toEqual([
      ['Summary', false],
      ['Booth scans', true],
    ]);
    expect(preferredSheet(described)?.name).toBe('Booth scans');
  });

  it('looks below a title row and a merged header, and not into a hidden one-cell sheet', () => {
    const described = describeSheets(openWorkbook(writeWorkbook(featureWorkbook()), 'leads.xlsx'));
    expect(described.map((s) => [s.name, s.emailColumn])).toEqual([
      ['Leads', true],
      ['Second', true],
      ['Hidden', false],
    ]);
  });
});
