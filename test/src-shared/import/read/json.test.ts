import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../../src-shared/import/read';
import { suggestMapping } from '../../../../src-shared/import/mapping';

const bytes = (text: string) => new TextEncoder().encode(text);
const grid = (text: string, name = 'result.json') => {
  const wb = openWorkbook(bytes(text), name);
  return wb.readSheet(wb.sheets[0]?.name ?? '');
};

/** PhantomBuster's result.json of a LinkedIn search export: a list of records, keys varying a little. */
const PHANTOM = JSON.stringify([
  {
    profileUrl: 'https://www.linkedin.com/in/chloe-martin',
    fullName: 'Chloé Martin',
    firstName: 'Chloé',
    lastName: 'Martin',
    job: 'Head of Sales',
    company: { name: 'Acme', website: 'acme.fr' },
    email: 'chloe@acme.fr',
    phone: '0612345678',
    connectionDegree: 2,
    openToWork: false,
  },
  {
    profileUrl: 'https://www.linkedin.com/in/bo-li',
    fullName: 'Bo Li',
    job: null,
    company: { name: 'Li Trading' },
    emails: ['bo@litrading.co.uk', 'bo.li@gmail.com'],
  },
]);

describe('reading a JSON export', () => {
  it("reads a scraping tool's list of records as a sheet: a row each under the keys, nested ones joined by dots", () => {
    const wb = openWorkbook(bytes(PHANTOM), 'result.json');
    expect(wb).toMatchObject({ kind: 'json', encoding: 'utf-8', sheets: [{ name: 'result', rowCount: 3 }] });
    expect(wb.readSheet('result')).toEqual([
      [
        'profileUrl',
        'fullName',
        'firstName',
        'lastName',
        'job',
        'company.name',
        'company.website',
        'email',
        'phone',
        'connectionDegree',
        'openToWork',
        'emails',
      ],
      [
        'https://www.linkedin.com/in/chloe-martin',
        'Chloé Martin',
        'Chloé',
        'Martin',
        'Head of Sales',
        'Acme',
        'acme.fr',
        'chloe@acme.fr',
        '0612345678',
        '2',
        'false',
        '',
      ],
      [
        'https://www.linkedin.com/in/bo-li',
        'Bo Li',
        '',
        '',
        '',
        'Li Trading',
        '',
        '',
        '',
        '',
        '',
        'bo@litrading.co.uk, bo.li@gmail.com',
      ],
    ]);
  });

  it('the mapping takes its keys as it takes headers', () => {
    const [header, ...rows] = grid(PHANTOM);
    const fields = suggestMapping(header ?? [], rows).map((t) => (t.kind === 'field' ? t.field : t.kind));
    expect(fields.slice(0, 8)).toEqual([
      'linkedinUrl',
      'fullName',
      'firstName',
      'lastName',
      'title',
      'company',
      'website',
      'email',
    ]);
  });

  it.each([
    [
      'the list in an object around it (an API download)',
      '{"total": 1, "data": [{"email": "ann@acme.com"}]}',
    ],
    ['one record per line (JSON Lines)', '{"email": "ann@acme.com"}\n\n{"email": "bo@beta.io"}\n'],
    ['a file of one record per line, with one line', '{"email": "ann@acme.com"}\n'],
  ])('reads %s', (_, text) => {
    expect(grid(text).slice(0, 2)).toEqual([['email'], ['ann@acme.com']]);
  });

  it('reads a list of lists as rows, and a list of plain values as one column', () => {
    expect(grid('[["Email", "Name"], ["ann@acme.com", "Ann"], ["bo@beta.io"]]')).toEqual([
      ['Email', 'Name'],
      ['ann@acme.com', 'Ann'],
      ['bo@beta.io', ''],
    ]);
    expect(grid('["ann@acme.com", "bo@beta.io"]', 'unsubscribed.json')).toEqual([
      ['value'],
      ['ann@acme.com'],
      ['bo@beta.io'],
    ]);
  });

  it('keeps records deeper than three levels, and lists of records, as their JSON text', () => {
    const [header, row] = grid('[{"a": {"b": {"c": {"d": 1}}}, "phones": [{"number": "+33 1"}]}]');
    expect(header).toEqual(['a.b.c', 'phones']);
    expect(row).toEqual(['{"d":1}', '[{"number":"+33 1"}]']);
  });

  it('a key named __proto__ is a column like any other, and pollutes nothing', () => {
    const [header, row] = grid('[{"__proto__": {"polluted": "yes"}, "email": "ann@acme.com"}]');
    expect(header).toEqual(['__proto__.polluted', 'email']);
    expect(row).toEqual(['yes', 'ann@acme.com']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says how many rows a file beyond the row limit has, cuts long cells, and stops when cancelled', () => {
    const many = JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@x.io` })));
    expect(() => openWorkbook(bytes(many), 'big.json', { maxRows: 10 })).toThrow(/This sheet has 31 rows/);
    const long = openWorkbook(bytes(JSON.stringify([{ note: 'x'.repeat(50) }])), 'n.json', {
      maxCellChars: 20,
    });
    expect(long.readSheet('n')[1]).toEqual(['x'.repeat(20)]);
    expect(long.truncatedCells).toBe(1);
    const flag = { aborted: false };
    expect(() =>
      openWorkbook(bytes(many), 'big.json', {
        signal: flag,
        onProgress: (p) => {
          if (p.phase === 'parse') flag.aborted = true;
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });

  it('gives every value of any list of records back under its key, and nothing else', () => {
    const key = fc.constantFrom('email', 'name', 'company', 'title', 'notes');
    const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(key, value, { minKeys: 1 }), { minLength: 1, maxLength: 8 }),
        (records) => {
          const [header, ...rows] = grid(JSON.stringify(records));
          expect(rows).toHaveLength(records.length);
          records.forEach((record, i) => {
            const row = rows[i] ?? [];
            (header ?? []).forEach((k, c) => {
              const v = record[k];
              expect(row[c]).toBe(v === undefined ? '' : String(v));
            });
            expect(Object.keys(record).every((k) => header?.includes(k))).toBe(true);
          });
        },
      ),
    );
  });
});
