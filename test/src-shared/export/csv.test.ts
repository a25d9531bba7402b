import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvLine } from '../../../src-shared/export/csv';

describe('CSV encoding (RFC 4180, CRLF)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every line with CRLF and starts files with a UTF-8 BOM', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('any table of strings survives a round trip through a CSV parser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]?.length ?? 0;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
          const text = table.map(csvLine).join('');
          const parsed = Papa.parse<string[]>(text, { newline: '\r\n' });
          expect(parsed.data.slice(0, table.length)).toEqual(table);
        },
      ),
    );
  });
});
