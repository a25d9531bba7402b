import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../src-shared/review/search';

describe('search text to FTS5 query', () => {
  it.each([
    ['', null],
    ['  ,;  ', null],
    ['pricing', '"pricing"*'],
    ['Anna  pric', '"Anna"* "pric"*'],
    ['anna@acme.com', '"anna"* "acme"* "com"*'],
    // Operators and quotes typed by the user are never FTS syntax.
    ['a" OR body:x NEAR(', '"a"* "OR"* "body"* "x"* "NEAR"*'],
    ['Zoë Müller 東京', '"Zoë"* "Müller"* "東京"*'],
  ])('%j -> %j', (text, query) => {
    expect(toFtsQuery(text)).toBe(query);
  });
});
