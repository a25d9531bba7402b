import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { titleForEmails } from '../../../src-shared/import/job-titles';

describe('titleForEmails', () => {
  it("writes a title in one case with its capitals, a title's acronyms in theirs", () => {
    expect(titleForEmails('VP OF SALES')).toBe('VP of Sales');
    expect(titleForEmails('ceo & co-founder')).toBe('CEO & Co-Founder');
    expect(titleForEmails('CHIEF EXECUTIVE OFFICER')).toBe('Chief Executive Officer');
    expect(titleForEmails('head of growth (emea)')).toBe('Head of Growth (EMEA)');
    expect(titleForEmails('CEO/FOUNDER')).toBe('CEO/Founder');
    expect(titleForEmails('GESCHÄFTSFÜHRER')).toBe('Geschäftsführer');
    expect(titleForEmails('account executive, b2b saas')).toBe('Account Executive, B2B SaaS');
    expect(titleForEmails('it manager')).toBe('IT Manager');
  });

  it('keeps a title in mixed case, or with a word it cannot tell from an acronym', () => {
    for (const title of ['Head of Sales', 'Sr. ENGINEER', 'xyz manager', 'CEO', 'VP OF CX'])
      expect(titleForEmails(title)).toBe(title);
  });

  it('changes nothing the second time', () => {
    const word = fc.constantFrom(
      'VP',
      'vp',
      'OF',
      'of',
      'SALES',
      'sales',
      '&',
      'co-founder',
      'CEO',
      'xyz',
      'Head',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const once = titleForEmails(words.join(' '));
        expect(titleForEmails(once)).toBe(once);
      }),
    );
  });
});
