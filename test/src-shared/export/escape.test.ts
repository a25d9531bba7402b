import { describe, expect, it } from 'vitest';
import { escapeFormula } from '../../../src-shared/export/escape';

describe('formula-injection escaping', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Hello = world', 'Hello = world'],
    ['', ''],
    ["'already", "'already"],
    ['Zoë', 'Zoë'],
  ])('%j -> %j', (value, expected) => {
    expect(escapeFormula(value)).toBe(expected);
  });
});
