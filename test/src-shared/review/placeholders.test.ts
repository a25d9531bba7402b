import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../../src-shared/review/placeholders';

const found = (text: string) => findPlaceholders(text).map(([a, b]) => text.slice(a, b));

describe('unfilled placeholders', () => {
  it.each([
    ['Hi {{first_name}}!', ['{{first_name}}']],
    ['Hi {{ firstName }}', ['{{ firstName }}']],
    ['{{}} left empty', ['{{}}']],
    ['at {company} today', ['{company}']],
    ['from [Company Name] and [first_name]', ['[Company Name]', '[first_name]']],
    ['Dear <FirstName>, <First Name> and <company_name>', ['<FirstName>', '<First Name>', '<company_name>']],
    ['Hello %FIRST_NAME%', ['%FIRST_NAME%']],
    ['Nothing here, 50% off and 20% more', []],
    ['<p>Hi</p><br> <a href="x">y</a>', []],
    ['see [the docs](https://example.com)', []],
    ['a < b and c > d', []],
    ['JSON {"a": 1} stays', []],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('spans are UTF-16 offsets into the original text', () => {
    const text = '🚀 Hi {{name}}';
    expect(findPlaceholders(text)).toEqual([[6, 14]]);
  });
});
