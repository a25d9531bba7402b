import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equalJitterDelayMs,
  fullJitterDelayMs,
  lowerConcurrency,
  offlineDelayMs,
  pollDelayMs,
  raiseConcurrency,
} from '../../../src-shared/generation/backoff';
import {
  batchCount,
  clampBatchSize,
  normaliseEmailKey,
  splitIntoBatches,
} from '../../../src-shared/generation/batching';
import {
  listNameFor,
  listNameHasRef,
  makeClientRef,
  parseClientRef,
} from '../../../src-shared/generation/client-ref';

describe('backoff', () => {
  it('full jitter stays within [0, min(cap, base * 2^(attempt-1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const d = fullJitterDelayMs(attempt, { baseMs: 1000, capMs: 60_000 }, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** (attempt - 1)));
        },
      ),
    );
    expect(fullJitterDelayMs(3, { baseMs: 1000, capMs: 60_000 }, () => 0.999)).toBe(3996);
    expect(fullJitterDelayMs(30, { baseMs: 1000, capMs: 60_000 }, () => 0.5)).toBe(30_000);
  });

  it('equal jitter never waits less than half the window', () => {
    expect(equalJitterDelayMs(1000, () => 0)).toBe(500);
    expect(equalJitterDelayMs(1000, () => 0.999)).toBe(999);
  });

  it('offline probes grow 1 s, 2 s, 4 s ... and stop growing at the cap', () => {
    const top = (streak: number) => offlineDelayMs(streak, 60_000, () => 0.999999);
    expect([1, 2, 3].map(top)).toEqual([999, 1999, 3999]);
    expect(top(40)).toBeLessThan(60_000);
    expect(top(40)).toBeGreaterThan(59_000);
  });

  it('polls start at a few seconds and level off at a minute', () => {
    expect(pollDelayMs(0)).toBe(3_000);
    expect(pollDelayMs(40_000)).toBe(10_000);
    expect(pollDelayMs(3_600_000)).toBe(60_000);
    fc.assert(fc.property(fc.nat(), fc.nat(), (a, b) => (a <= b ? pollDelayMs(a) <= pollDelayMs(b) : true)));
  });

  it('concurrency drops by one to a floor of 1 and climbs back one slot per 10 successes', () => {
    expect(lowerConcurrency(3)).toBe(2);
    expect(lowerConcurrency(1)).toBe(1);
    let s = { concurrency: 1, successes: 0 };
    for (let i = 0; i < 9; i++) s = raiseConcurrency(s, 3);
    expect(s.concurrency).toBe(1);
    s = raiseConcurrency(s, 3);
    expect(s).toEqual({ concurrency: 2, successes: 0 });
    expect(raiseConcurrency({ concurrency: 3, successes: 5 }, 3)).toEqual({ concurrency: 3, successes: 0 });
  });
});

describe('batching', () => {
  it('puts every lead in exactly one batch, in order, none larger than the batch size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 1200 }),
        fc.integer({ min: -5, max: 700 }),
        (items, size) => {
          const batches = splitIntoBatches(items, size);
          const clamped = clampBatchSize(size);
          expect(batches.flat()).toEqual(items);
          expect(batches.every((b) => b.length >= 1 && b.length <= clamped)).toBe(true);
          expect(batches).toHaveLength(batchCount(items.length, size));
        },
      ),
    );
  });

  it('clamps the batch size to 1..500 with 100 as default', () => {
    expect(clampBatchSize(undefined)).toBe(100);
    expect(clampBatchSize(0)).toBe(1);
    expect(clampBatchSize(9999)).toBe(500);
    expect(clampBatchSize(42.7)).toBe(42);
  });

  it('matches export emails case- and space-insensitively', () => {
    expect(normaliseEmailKey('  Jane.Doe@Acme.COM ')).toBe('jane.doe@acme.com');
  });
});

describe('client references', () => {
  it('round-trips through the MachFive list name', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), (run, seq, name) => {
        const ref = makeClientRef(run, seq);
        expect(parseClientRef(listNameFor(name, ref))).toBe(ref);
        expect(listNameHasRef(listNameFor(name, ref), ref)).toBe(true);
      }),
    );
  });

  it('does not confuse a reference with a longer one or with user text', () => {
    const ref = 'lp-1-2-abcdef12';
    expect(listNameHasRef('Q3 [lp-1-2-abcdef123]', ref)).toBe(false);
    expect(listNameHasRef('Q3 [lp-11-2-abcdef12]', ref)).toBe(false);
    expect(parseClientRef('Q3 founders')).toBeNull();
    expect(parseClientRef(null)).toBeNull();
    expect(listNameFor('', ref)).toBe(`LeadPrep [${ref}]`);
    expect(listNameFor('  Q3 ', ref)).toBe(`Q3 [${ref}]`);
  });

  it('is unique enough that two batches of one run never share one', () => {
    const refs = new Set(Array.from({ length: 2000 }, () => makeClientRef(7, 1)));
    expect(refs.size).toBe(2000);
  });
});
