import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanPhone, isPhoneMangledByNumberFormat } from '../../../src-shared/import/phone';

describe('cleanPhone', () => {
  it.each([
    [' +44 20  7946 0000 ', '+44 20 7946 0000'],
    ['0612345678', '0612345678'], // leading zero kept: text, never a number
    ['tel:+33612345678', '+33612345678'],
    ["'+1 415 555 0100", '+1 415 555 0100'], // Apollo's mark that keeps the number text in Excel
    ["'0612345678", '0612345678'],
    ['00491701234567', '00491701234567'],
    ["tel:'0612345678", '0612345678'],
    ['n/a', null],
    ['#DIV/0!', null], // Excel's error value, though it has a digit
    ['tel:#DIV/0!', null],
    ['', null],
    // Several numbers in one cell: the first is the one dialled.
    ['+44 20 7946 0958 ::: +44 7700 900123', '+44 20 7946 0958'], // Google Contacts
    ['+1 415 555 0100; +1 415 555 0199', '+1 415 555 0100'],
    ['+49 89 1234567 / +49 171 1234567', '+49 89 1234567'],
    ['+1 415 555 0100\n+1 415 555 0199', '+1 415 555 0100'],
    ['0612345678, 0798765432', '0612345678'],
    ['0612345678 | 0798765432', '0612345678'],
    // One number, written with a separator inside it.
    ['089/1234567', '089/1234567'],
    ['089 / 123 456 78', '089 / 123 456 78'],
    ['(415) 555-0100, ext 12', '(415) 555-0100, ext 12'],
    ['+1 415 555 0100 x12; ask for Jane', '+1 415 555 0100 x12; ask for Jane'],
    // What a contact card or a signature writes around the number.
    ['Mobile: +1 415 555 0100', '+1 415 555 0100'],
    ['T. +33 1 23 45 67 89', '+33 1 23 45 67 89'],
    ['Tél : 01 23 45 67 89', '01 23 45 67 89'],
    ['M: (415) 555-0100', '(415) 555-0100'],
    ['+1 415 555 0100;', '+1 415 555 0100'],
    ['0612345678 / ', '0612345678'],
    ['Office hours: 9-5', 'Office hours: 9-5'], // no number after the label
  ])('%j -> %j, and cleaning it again changes nothing', (raw, expected) => {
    expect(cleanPhone(raw)).toBe(expected);
    if (expected !== null) expect(cleanPhone(expected)).toBe(expected);
  });

  it('changes nothing the second time (property)', () => {
    const piece = fc.constantFrom(
      'Mobile:',
      'T.',
      ' ',
      '+1',
      '415',
      '0',
      ';',
      '/',
      ',',
      '|',
      'tel:',
      "'",
      ':::',
      'x12',
      '(',
      ')',
      'M:',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const once = cleanPhone(pieces.join(''));
        expect(once === null ? null : cleanPhone(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('recognises numbers Excel turned into 4.4207E+11', () => {
    expect(isPhoneMangledByNumberFormat('4.4207E+11')).toBe(true);
    expect(isPhoneMangledByNumberFormat('+44 20 7946 0000')).toBe(false);
  });
});
