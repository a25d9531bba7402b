/**
 * Delay arithmetic for the job queue and MachFive polling. Pure, with the random source passed in so
 * tests can pin it.
 */

export interface BackoffPolicy {
  /** Delay ceiling for the first retry (attempt 1); doubles each attempt. */
  baseMs: number;
  /** No retry ever waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * "Full jitter" exponential backoff: a uniformly random delay in [0, min(cap, base * 2^(attempt-1))].
 * Spreading retries over the whole window keeps many failed jobs from hammering a provider in step.
 */
export function fullJitterDelayMs(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  return Math.floor(random() * ceiling);
}

/** Half-fixed, half-random: used when waiting is expected (offline, rate limits), never below half the window. */
export function equalJitterDelayMs(windowMs: number, random: () => number = Math.random): number {
  const w = Math.max(0, windowMs);
  return Math.floor(w / 2 + random() * (w / 2));
}

export interface PollPolicy {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_POLL: PollPolicy = { minMs: 3_000, maxMs: 60_000 };

/**
 * Wait before the next poll of a list submitted `elapsedMs` ago: a quarter of the time already spent,
 * kept between a few seconds and a minute. Depends only on the clock, so it survives restarts.
 */
export function pollDelayMs(elapsedMs: number, policy: PollPolicy = DEFAULT_POLL): number {
  return Math.round(Math.min(policy.maxMs, Math.max(policy.minMs, Math.max(0, elapsedMs) / 4)));
}

/** Offline probing: 1 s, 2 s, 4 s ... up to the cap, with equal jitter so a few runners do not sync up. */
export function offlineDelayMs(streak: number, capMs = 60_000, random: () => number = Math.random): number {
  const window = Math.min(capMs, 1_000 * 2 ** Math.min(Math.max(0, streak - 1), 30));
  return equalJitterDelayMs(window, random);
}

export interface ConcurrencyState {
  concurrency: number;
  /** Successes since the last change; raising happens after a run of them. */
  successes: number;
}

/** After 429 WORKSPACE_LIMIT: one slot fewer, never below 1. */
export function lowerConcurrency(current: number): number {
  return Math.max(1, Math.floor(current) - 1);
}

/** Slowly back up after successes: one slot per `every` successes, never above the ceiling. */
export function raiseConcurrency(state: ConcurrencyState, ceiling: number, every = 10): ConcurrencyState {
  if (state.concurrency >= ceiling) return { concurrency: ceiling, successes: 0 };
  const successes = state.successes + 1;
  return successes >= every
    ? { concurrency: state.concurrency + 1, successes: 0 }
    : { concurrency: state.concurrency, successes };
}
