import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src-shared/import/pipeline';
import { emptyLead, type ColumnMapping } from '../../../src-shared/import/types';

const mapping: ColumnMapping = [
  { kind: 'field', field: 'company' },
  { kind: 'field', field: 'fullName' },
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'website' },
];

function companies(rows: string[][], edits?: Parameters<typeof runPipeline>[0]['edits']) {
  const r = runPipeline({
    rows: [['Company', 'Name', 'Email', 'Website'], ...rows],
    headerRow: 0,
    mapping,
    edits,
  });
  return r.leads.map((l) => [l.lead.company, l.flags.includes('company_from_colleagues')]);
}

describe('companies from colleagues', () => {
  it('gives a lead without a company the one its colleagues at the same domain give, flagged', () => {
    // A list kept by hand writes the company once, above the people who work there.
    expect(
      companies([
        ['Acme', 'Ann Lee', 'ann@acme.com', ''],
        ['', 'Bo Ray', 'bo@acme.com', ''],
        ['', 'Cy Sun', 'cy@gamma.io', ''],
        ['', 'Di Wu', 'di@gmail.com', 'acme.com'], // a free-mail address at the company's website
      ]),
    ).toEqual([
      ['Acme', false],
      ['Acme', true],
      [null, false],
      ['Acme', true],
    ]);
  });

  it('takes the company most of them give, as first written; one given as often as another, the first', () => {
    // "ACME" and "Acme Inc." are one company written two ways: two colleagues give it, one "Acme Labs".
    expect(
      companies([
        ['Acme Labs', 'Ann Lee', 'ann@acme.com', ''],
        ['ACME', 'Bo Ray', 'bo@acme.com', ''],
        ['Acme Inc.', 'Cy Sun', 'cy@acme.com', ''],
        ['', 'Di Wu', 'di@acme.com', ''],
      ])[3],
    ).toEqual(['ACME', true]);
    expect(
      companies([
        ['Acme', 'Ann Lee', 'ann@acme.com', ''],
        ['Acme Labs', 'Bo Ray', 'bo@acme.com', ''],
        ['', 'Di Wu', 'di@acme.com', ''],
      ])[2],
    ).toEqual(['Acme', true]);
  });

  it('never fills from the same person again: merging a duplicate is for the user to choose', () => {
    expect(
      companies([
        ['Acme', 'Ann Lee', 'ann@acme.com', ''],
        ['', 'Ann Lee', 'ANN@acme.com', ''],
      ])[1],
    ).toEqual([null, false]);
  });

  it('never fills from free-mail colleagues, nor a row the user edited to have none', () => {
    expect(
      companies([
        ['Acme', 'Ann Lee', 'ann@gmail.com', ''],
        ['', 'Bo Ray', 'bo@gmail.com', ''],
      ])[1],
    ).toEqual([null, false]);
    const edited = new Map([[3, { ...emptyLead(), email: 'bo@acme.com', fullName: 'Bo Ray' }]]);
    expect(
      companies(
        [
          ['Acme', 'Ann Lee', 'ann@acme.com', ''],
          ['', 'Bo Ray', 'bo@acme.com', ''],
        ],
        edited,
      )[1],
    ).toEqual([null, false]);
  });
});
