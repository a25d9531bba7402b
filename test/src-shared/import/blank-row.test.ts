import { describe, expect, it } from 'vitest';
import { isBlankRow } from '../../../src-shared/import/blank-row';

describe('isBlankRow', () => {
  it('is a row of empty cells or of a line drawn across the table', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(['', ' ', '\u00a0'])).toBe(true);
    expect(isBlankRow(['', '---', ':---:', ''])).toBe(true);
    expect(isBlankRow(['+------+------+'])).toBe(true);
    expect(isBlankRow(['=====', '___'])).toBe(true);
  });

  it('is not a row with anything else in it, a dash for a missing value beside a value included', () => {
    expect(isBlankRow(['', 'bo@beta.io', '-'])).toBe(false);
    expect(isBlankRow(['-', 'n/a'])).toBe(false);
    expect(isBlankRow(['--- Ann ---'])).toBe(false);
    expect(isBlankRow(['(2 rows)'])).toBe(false);
  });
});
