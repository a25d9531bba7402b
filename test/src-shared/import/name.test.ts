import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanPersonName, joinName, splitFullName } from '../../../src-shared/import/name';

describe('splitFullName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['Doe, Jane', 'Jane', 'Doe'],
    ['Doe, Jane Marie', 'Jane', 'Doe'],
    ['Jane Marie Doe', 'Jane', 'Doe'],
    ['John F. Kennedy', 'John', 'Kennedy'],
    ['Ludwig van der Rohe', 'Ludwig', 'van der Rohe'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Mr John Smith', 'John', 'Smith'],
    ['Prof. Dr. Hans Müller', 'Hans', 'Müller'],
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['John Smith Jr.', 'John', 'Smith'],
    ['Smith Jr., John', 'John', 'Smith'],
    ['JANE DOE', 'Jane', 'Doe'],
    ["jean-luc o'neil", 'Jean-Luc', "O'Neil"],
    ['Иван Петров', 'Иван', 'Петров'],
    ['Γιώργος Παπαδόπουλος', 'Γιώργος', 'Παπαδόπουλος'],
    ['محمد علي', 'محمد', 'علي'],
    ['王小明', '王小明', null],
    ['Madonna', 'Madonna', null],
    ['', null, null],
  ])('%j -> %j %j', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ firstName: first, lastName: last });
  });
});

describe('cleanPersonName', () => {
  it.each([
    ['JANE DOE', 'Jane Doe'],
    ['maria de la cruz', 'Maria de la Cruz'],
    ['McDonald', 'McDonald'], // mixed case is the user's
    ['DeAngelo  van Dyke', 'DeAngelo van Dyke'],
    ['  José ', 'José'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
    ['李', '李'],
    ['ᾐ', 'ᾐ'], // its upper case is two letters: left alone so cleaning twice changes nothing
  ])('%j -> %j', (raw, expected) => {
    expect(cleanPersonName(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = cleanPersonName(s);
        return once === null || cleanPersonName(once) === once;
      }),
    );
  });
});

describe('joinName', () => {
  it.each([
    ['Jane', 'Doe', 'Jane Doe'],
    ['Jane', null, 'Jane'],
    [null, ' Doe ', 'Doe'],
    ['', '', null],
    [null, null, null],
  ])('%j + %j -> %j', (first, last, expected) => {
    expect(joinName(first, last)).toBe(expected);
  });
});
