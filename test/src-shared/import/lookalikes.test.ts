import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asLatin, latinDomainOf } from '../../../src-shared/import/lookalikes';

describe('asLatin', () => {
  it.each([
    ['j\u0430ne', 'jane'], // Cyrillic а among Latin letters
    ['\u041C\u0430rk', 'Mark'],
    ['gma\u0131l', 'gmail'], // Turkish dotless ı
    ['\uff4a\uff41\uff4e\uff45', 'jane'], // fullwidth, which are Latin letters themselves
    ['\u03bflga', 'olga'], // Greek ο
  ])('%s -> %s', (text, latin) => {
    expect(asLatin(text)).toBe(latin);
  });

  it.each([
    ['jane', false], // nothing to turn
    ['\u0440\u0443\u0441', false], // a word of lookalikes alone is its alphabet's
    ['j\u0430n\u00e9', false], // é has no ASCII twin here: something would stay non-ASCII
    ['\u043f\u0440\u0438\u043c\u0435\u0440', true], // п, и, м look like no Latin letter
  ])('leaves %s as it is (alone: %s)', (text, alone) => {
    expect(asLatin(text, alone)).toBeNull();
  });

  it('turns a word of lookalikes alone only when asked to', () => {
    expect(asLatin('\u0441\u043em', true)).toBe('com');
  });

  it('gives ASCII or nothing, and nothing for ASCII (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, alone) => {
        const latin = asLatin(text, alone);
        if (latin === null) return;
        expect([...latin].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
        expect(asLatin(latin, alone)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('latinDomainOf', () => {
  it.each([
    ['xn--cme-5cd.com', false, 'acme.com'], // аcme.com
    ['acme.xn--m-0tbi', false, 'acme.com'], // acme.соm: with a Latin m
    ['xn--80ak9a.com', false, null], // асе.com: a label of lookalikes alone, not asked for
    ['xn--80ak9a.com', true, 'ace.com'],
    ['xn--e1afmkfd.xn--p1ai', true, null], // пример.рф
    ['xn--bcher-kva.de', false, null], // bücher.de
    ['acme.com', false, null],
    ['xn--.com', true, null], // not punycode
  ])('%s (any label: %s) -> %s', (domain, anyLabel, latin) => {
    expect(latinDomainOf(domain, anyLabel)).toBe(latin);
  });
});
