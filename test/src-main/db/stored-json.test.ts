import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storedJson } from '../../../src-main/db/stored-json';

describe('storedJson', () => {
  const Counts = z.record(z.string(), z.number());
  it('gives the value when it is JSON of the expected shape', () => {
    expect(storedJson(Counts, '{"ready":3}')).toEqual({ ready: 3 });
  });
  it.each(['{"ready":', '', 'null', '{"ready":"3"}', '[1]'])(
    'gives null for %j, so the reader stands in for it',
    (text) => {
      expect(storedJson(Counts, text)).toBeNull();
    },
  );
});
