import { describe, expect, it } from 'vitest';
import { chunk, requestCount } from '../../../src-shared/push/chunk';
import { CHUNK_LIMITS } from '../../../src-shared/push/types';

describe('chunk', () => {
  it.each([
    ['instantly', 999, [999]],
    ['instantly', 1000, [1000]],
    ['instantly', 1001, [1000, 1]],
    ['sendkit', 5000, [5000]],
    ['sendkit', 5001, [5000, 1]],
    ['segmentflow', 100, [100]],
    ['segmentflow', 101, [100, 1]],
    ['segmentflow', 0, []],
  ] as const)('%s: %i items -> chunk sizes %j', (dest, n, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const chunks = chunk(items, CHUNK_LIMITS[dest]);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(items);
    expect(requestCount(n, CHUNK_LIMITS[dest])).toBe(sizes.length);
  });

  it('refuses a size that would loop forever', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
