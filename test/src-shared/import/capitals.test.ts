import { describe, expect, it } from 'vitest';
import { withCapitals, type CapitalsRules } from '../../../src-shared/import/capitals';

const plain: CapitalsRules = { keepsCase: /[\p{N}]/u, written: new Map() };
const withAcronyms: CapitalsRules = {
  keepsCase: /@/,
  written: new Map([
    ['vp', 'VP'],
    ['saas', 'SaaS'],
  ]),
};

describe('withCapitals', () => {
  it('gives a value written all in capitals or all in small letters its capitals', () => {
    expect(withCapitals('ACME SOFTWARE', plain)).toBe('Acme Software');
    expect(withCapitals('BANK OF AMERICA', plain)).toBe('Bank of America');
    expect(withCapitals('THE BOSTON CONSULTING GROUP', plain)).toBe('The Boston Consulting Group');
    expect(withCapitals("O'REILLY MEDIA", plain)).toBe("O'Reilly Media");
    expect(withCapitals("MCDONALD'S", plain)).toBe("McDonald's");
    expect(withCapitals('ÉLECTRICITÉ DE FRANCE', plain)).toBe('Électricité de France');
    expect(withCapitals('vp of sales, saas', withAcronyms)).toBe('VP of Sales, SaaS');
  });

  it('keeps the case where a word may be an acronym, or as the rules say, or in mixed case', () => {
    // Four letters in capitals alone may be an acronym; in a longer name, a word.
    expect(withCapitals('NASA', plain)).toBe('NASA');
    expect(withCapitals('nasa', plain)).toBe('Nasa');
    expect(withCapitals('MICROSOFT', plain)).toBe('Microsoft');
    for (const value of ['IBM', 'BIG DATA', 'ACME AI', 'KPMG LAW', 'eBay', 'ACME Labs', '3M COMPANY'])
      expect(withCapitals(value, plain)).toBe(value);
    expect(withCapitals('head of crm', withAcronyms)).toBe('head of crm');
    expect(withCapitals('ООО РОМАШКА', plain)).toBe('ООО РОМАШКА');
  });

  it('reads letters written in two code units as letters', () => {
    // Deseret and Adlam have capitals; neither is a Latin word to recase.
    for (const value of ['𐐔𐐇𐐝𐐀𐐡𐐇𐐓', '𞤀𞤣𞤤𞤢𞤥', 'ACME 𞤀𞤣𞤤𞤢𞤥', '(𐐔𐐇𐐝𐐀𐐡𐐇𐐓)'])
      expect(withCapitals(value, plain)).toBe(value);
    expect(withCapitals('𐐯xample', plain)).toBe('𐐇xample');
  });

  it('keeps the case of Latin letters beside Chinese or Japanese ones: they count as letters alone', () => {
    expect(withCapitals('ABC株式会社', plain)).toBe('ABC株式会社');
    expect(withCapitals('MICROSOFT株式会社', plain)).toBe('Microsoft株式会社');
  });
});
