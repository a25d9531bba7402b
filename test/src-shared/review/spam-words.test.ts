import { describe, expect, it } from 'vitest';
import { computeFlags } from '../../../src-shared/review/flags';
import { SPAM_WORDS } from '../../../src-shared/review/spam-words';

describe('spam word list', () => {
  it('is lower-case, trimmed and without duplicates', () => {
    for (const w of SPAM_WORDS) expect(w).toBe(w.trim().toLowerCase());
    expect(new Set(SPAM_WORDS).size).toBe(SPAM_WORDS.length);
  });

  it('every entry is found when it appears in a body', () => {
    for (const w of SPAM_WORDS) {
      const body = `Hi Anna at Acme. ${w.toUpperCase()} today.`;
      const hits = computeFlags({
        firstName: 'Anna',
        company: 'Acme',
        expectedSteps: 1,
        steps: [{ step: 1, subject: 'Acme', body }],
      });
      expect(
        hits.map((h) => h.flag),
        w,
      ).toContain('spam_words');
    }
  });
});
