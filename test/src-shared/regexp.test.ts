import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src-shared/regexp';

describe('escapeRegExp', () => {
  it('makes a pattern that matches the text as written, and nothing else', () => {
    const text = 'a.b*c+(d)?[e]{2}|^f$\\g';
    const pattern = new RegExp(`^${escapeRegExp(text)}$`);
    expect(pattern.test(text)).toBe(true);
    expect(pattern.test('aXb*c+(d)?[e]{2}|^f$\\g')).toBe(false);
  });
});
