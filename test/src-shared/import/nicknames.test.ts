import { describe, expect, it } from 'vitest';
import { sameNameByNickname } from '../../../src-shared/import/nicknames';

describe('sameNameByNickname', () => {
  it.each([
    ['bob', 'robert'],
    ['robert', 'bob'],
    ['rob', 'bob'],
    ['peggy', 'margaret'],
    ['sam', 'samuel'],
    ['sam', 'samantha'],
    ['pepe', 'jose'],
  ])('%s is %s', (a, b) => {
    expect(sameNameByNickname(a, b)).toBe(true);
  });

  it.each([
    ['samuel', 'samantha'], // one short form, two names
    ['bill', 'robert'],
    ['anna', 'anne'], // not a short form: the spelling comparison decides
    ['zorro', 'zorro'], // unknown names are for the other rules
  ])('%s is not %s by short form', (a, b) => {
    expect(sameNameByNickname(a, b)).toBe(false);
  });
});
