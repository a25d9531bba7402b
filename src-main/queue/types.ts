import type { z } from 'zod';
import type { ErrorCode } from '../../src-shared/errors';
import type { Provider } from '../../src-shared/providers';
import type { Logger } from '../logging/log';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a handler returns. Anything it throws is classified by the queue instead (see classify.ts). */
export type JobOutcome =
  /** Finished. `effects` run inside the same transaction that marks the job done, only if the lease is still ours. */
  | { type: 'done'; effects?: () => void }
  /**
   * Try again in `afterMs` WITHOUT using up an attempt: polls that are not ready yet, waiting for a free
   * slot, a provider asking us to slow down. `note` is kept as last_error for the UI (null clears it).
   */
  | { type: 'retry'; afterMs: number; note?: string | null; effects?: () => void }
  /** Give up now, no retry: the job ends `failed` and the kind's onGiveUp hook runs in the same transaction. */
  | { type: 'fail'; code: ErrorCode; message: string; effects?: () => void };

/** A queued job's row as a handler sees it; `payload` is already parsed with the kind's schema. */
export interface JobInfo<P> {
  id: number;
  kind: string;
  provider: Provider;
  payload: P;
  runId: number | null;
  pushId: number | null;
  /** Counted attempts including this one (retry outcomes and pauses give theirs back). */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lastErrorCode: string | null;
}

export interface JobContext<P> extends JobInfo<P> {
  /** The runner's random owner token; every write of the job is compare-and-swap on it. */
  owner: string;
  log: Logger;
  /** Aborted when the runner stops, the job is cancelled, or the lease was lost. */
  signal: AbortSignal;
  /**
   * Runs `fn` in one BEGIN IMMEDIATE transaction, but only while this runner still owns the job
   * (state running, lease_owner = owner). Throws LeaseLostError otherwise, so a worker whose lease
   * expired can never write. Use it for writes that must land BEFORE a remote call (e.g. "submitting").
   */
  withLease<T>(fn: () => T): T;
  /** Throws LeaseLostError / JobCancelledError when the job should stop; call between long steps. */
  checkpoint(): void;
}

export interface GiveUpInfo {
  code: string;
  message: string;
}

/** How one kind of job is done. Register it once per process with `ctx.jobs.register(def)`. */
export interface JobKindDef<P> {
  /** 'domain.verb', e.g. 'machfive.submit', 'push.instantly'. */
  kind: string;
  /** Concurrency, pause and offline state are per provider. */
  provider: Provider;
  /** payload_json is parsed with it at claim time; a payload that fails is a failed job, not a crash. */
  payload: z.ZodType<P>;
  /** Counted attempts before giving up (default 8). */
  maxAttempts?: number;
  handle(job: JobContext<P>): Promise<JobOutcome>;
  /**
   * Called inside the transaction that marks the job failed for good (a 'fail' outcome, a permanent
   * provider error, or attempts used up): mark your batch/push item failed here so both commit together.
   */
  onGiveUp?(job: JobInfo<P>, error: GiveUpInfo): void;
  /** Called after every state change of a job of this kind (outside transactions), e.g. to emit progress. */
  onSettled?(job: JobInfo<P>, state: JobState): void;
}

export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`Job ${jobId} is no longer owned by this worker (lease expired or job cancelled).`);
    this.name = 'LeaseLostError';
  }
}

export class JobCancelledError extends Error {
  constructor(jobId: number) {
    super(`Job ${jobId} was cancelled.`);
    this.name = 'JobCancelledError';
  }
}
