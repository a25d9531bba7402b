import { describe, expect, it } from 'vitest';
import { cleanPhone, isPhoneMangledByNumberFormat, phoneKey } from '../../../src-shared/import/phone';

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
  ])('%j -> %j, and cleaning it again changes nothing', (raw, expected) => {
    expect(cleanPhone(raw)).toBe(expected);
    if (expected !== null) expect(cleanPhone(expected)).toBe(expected);
  });

  it('compares by + and digits', () => {
    expect(phoneKey('+44 (0)20 7946-0000')).toBe('+4402079460000');
    expect(phoneKey('020 7946 0000')).toBe('02079460000');
  });

  it('recognises numbers Excel turned into 4.4207E+11', () => {
    expect(isPhoneMangledByNumberFormat('4.4207E+11')).toBe(true);
    expect(isPhoneMangledByNumberFormat('+44 20 7946 0000')).toBe(false);
  });
});
