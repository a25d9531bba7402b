import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src-shared/import/read/index';
import { describeSheets, hasEmailColumn, preferredSheet } from '../../../src-shared/import/sheet-choice';
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

  it('falls back to the first visible sheet with rows, then to any sheet with rows', () => {
    expect(preferredSheet([sheet('Empty', 0, false), sheet('Notes', 3, false)])?.name).toBe('Notes');
    expect(preferredSheet([sheet('Blank', 0, false), sheet('Hidden', 4, false, true)])?.name).toBe('Hidden');
    expect(preferredSheet([sheet('Blank', 0, false)])).toBeUndefined();
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
