import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlagHit } from '../../../src-shared/review/flags';
import { computeFlags } from '../../../src-shared/review/flags';
import { marksFor, segments } from '../../../src-renderer/src/screens/review/highlight';

const hit = (over: Partial<FlagHit>): FlagHit => ({
  flag: 'spam_words',
  step: 1,
  field: 'body',
  spans: [],
  message: '',
  ...over,
});

describe('review highlight segments', () => {
  it('marks exactly the flagged words of the right step and field', () => {
    const body = 'Try it free, no risk at all';
    const hits = [
      hit({
        spans: [
          [7, 11],
          [13, 20],
        ],
      }),
      hit({ step: 2, spans: [[0, 3]] }),
      hit({ field: 'subject', spans: [[0, 3]] }),
    ];
    const parts = segments(body, marksFor(hits, 1, 'body', body.length));
    expect(parts.filter((p) => p.flags.length > 0).map((p) => p.text)).toEqual(['free', 'no risk']);
    expect(parts.map((p) => p.text).join('')).toBe(body);
  });

  it('keeps HTML-looking text as text pieces, marked where the html flag found it', () => {
    const body = 'Hi,\n<img src=x onerror="alert(1)">\nBye';
    const hits = computeFlags({
      firstName: null,
      company: null,
      expectedSteps: null,
      steps: [{ step: 1, subject: 'Hello', body }],
    });
    const parts = segments(body, marksFor(hits, 1, 'body', body.length));
    expect(parts.map((p) => p.text).join('')).toBe(body);
    expect(parts.find((p) => p.flags.includes('html'))?.text).toBe('<img src=x onerror="alert(1)">');
  });

  it('lists every flag on overlapping spans and ignores spans outside the text', () => {
    const text = 'abcdefghij';
    const parts = segments(text, [
      { start: 2, end: 6, flag: 'spam_words' },
      { start: 4, end: 8, flag: 'link' },
      ...marksFor([hit({ spans: [[20, 30]] })], 1, 'body', text.length),
    ]);
    expect(parts).toEqual([
      { text: 'ab', flags: [] },
      { text: 'cd', flags: ['spam_words'] },
      { text: 'ef', flags: ['spam_words', 'link'] },
      { text: 'gh', flags: ['link'] },
      { text: 'ij', flags: [] },
    ]);
  });

  it('never loses or reorders text, whatever the spans (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 })), {
          maxLength: 6,
        }),
        (text, spans) => {
          const marks = marksFor([hit({ spans })], 1, 'body', text.length);
          const parts = segments(text, marks);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          let at = 0;
          for (const p of parts) {
            for (let i = at; i < at + p.text.length; i++) {
              const covered = marks.some((m) => m.start <= i && i < m.end);
              expect(covered).toBe(p.flags.length > 0);
            }
            at += p.text.length;
          }
        },
      ),
    );
  });
});
