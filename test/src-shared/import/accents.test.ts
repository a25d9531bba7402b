import { describe, expect, it } from 'vitest';
import { withoutAccents } from '../../../src-shared/import/accents';

describe('withoutAccents', () => {
  it.each([
    ['josé', 'jose'],
    ['chloé.martin', 'chloe.martin'],
    ['françois', 'francois'],
    ['noël', 'noel'],
    ['núñez', 'nunez'],
    ['šimon.dvořák', 'simon.dvorak'],
    ['José', 'Jose'],
  ])('drops the accents of %s', (text, plain) => {
    expect(withoutAccents(text)).toBe(plain);
  });

  it.each([
    ['jose', 'nothing to drop'],
    ['müller', 'ü is "ue" or "u"'],
    ['åsa', 'å is "aa" or "a"'],
    ['jørgen', 'ø has no accent to drop'],
    ['straße', 'ß has no accent to drop'],
    ['łukasz', 'ł has no accent to drop'],
    ['李雷', 'another alphabet'],
  ])('offers nothing for %s (%s)', (text) => {
    expect(withoutAccents(text)).toBeNull();
  });
});
