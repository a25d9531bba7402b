import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaro, jaroWinkler } from '../../../src-shared/import/jaro-winkler';

describe('jaroWinkler', () => {
  it.each([
    // Reference values from Winkler (1990) / common implementations.
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['jon smith', 'john smith', 0.973],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
    ['same', 'same', 1],
  ])('%j ~ %j = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('jaro alone ignores the common prefix', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = jaroWinkler(a, b);
        return x >= 0 && x <= 1 && Math.abs(x - jaroWinkler(b, a)) < 1e-12;
      }),
    );
  });
});
