/**
 * LeadPrep's job queue: crash-safe remote work as rows of the `jobs` table (SQLite, WAL).
 *
 * ## Register a job kind (once, when your service is created)
 *
 *   ctx.jobs.register<MyPayload>({
 *     kind: 'push.instantly',                 // 'domain.verb'
 *     provider: 'instantly',                  // concurrency / pause / offline state are per provider
 *     payload: z.object({ pushId: z.number(), chunk: z.number() }),   // payload_json parsed at claim
 *     maxAttempts: 8,                         // counted attempts before giving up (default 8)
 *     async handle(job) {                     // JobContext: payload, attempts, withLease, checkpoint, signal, log
 *       job.withLease(() => { ...write "about to send" rows... });   // BEGIN IMMEDIATE + lease check
 *       const res = await client.call(...);    // throw provider errors as they come (see below)
 *       job.checkpoint();                       // throws if the job was cancelled / the lease was lost
 *       return { type: 'done', effects: () => { ...store results... } };  // effects commit with "done"
 *     },
 *     onGiveUp(job, err) { ...mark your rows failed (same transaction as the job's "failed")... },
 *     onSettled(job, state) { ...emit a throttled progress event... },
 *   });
 *
 * ## Enqueue (inside the caller's transaction)
 *
 *   ctx.db.transaction(() => {
 *     ...insert your rows...
 *     enqueueJob(ctx, { kind: 'push.instantly', provider: 'instantly', payload, pushId, dedupeKey: `push:${id}:${n}` });
 *   });
 *   ctx.jobs.wake();   // after commit: local runners start now instead of at their next poll
 *
 * enqueueJob is synchronous on the app's single connection, so it commits or rolls back with your
 * writes. dedupeKey (optional, unique): a live job with that key is returned instead of a second one;
 * a finished one is re-armed.
 *
 * ## Outcomes a handler returns (JobOutcome)
 *
 *   { type: 'done', effects? }                    job done; effects run in the same CAS transaction
 *   { type: 'retry', afterMs, note?, effects? }   again later WITHOUT using an attempt (not ready, waiting for a slot)
 *   { type: 'fail', code, message, effects? }     give up now; onGiveUp runs in the same transaction
 *
 * Every finishing write is compare-and-swap on (lease_owner = this runner, state = 'running'): a
 * worker whose lease expired, or whose job was cancelled, writes nothing (its effects are dropped).
 *
 * ## Errors a handler throws are classified (classify.ts, `classifyFailure`)
 *
 *   401 / no key saved    provider paused 'auth' until a key is saved (keys.set calls clearAuthPause);
 *                         the job keeps its attempt and waits
 *   402                   provider paused 'credits' until the user resumes (resumeProvider)
 *   429                   retry after Retry-After (or a jittered wait) without using an attempt; the provider
 *                         is held that long; WORKSPACE_LIMIT lowers provider_state.concurrency (min 1), raised
 *                         back one slot per 10 successes up to DEFAULT_CONCURRENCY
 *   not sent (ECONNREFUSED, DNS)   offline: provider held 1 s, 2 s, 4 s ... 60 s (jittered), no attempt used,
 *                         one log line when it goes offline and one when it is back
 *   5xx, timeout, reset, unreadable answer, bugs   exponential backoff with full jitter
 *                         (random * min(60 s, 2^(attempt-1) s)), last_error kept; after maxAttempts -> failed
 *   400 / 403 / 404 / 409 failed at once (no blind retry) -> onGiveUp
 * A ProviderError with `ambiguous: true` means the provider may have acted: a non-idempotent handler
 * must reconcile before repeating (see the submit job in services/generation/jobs.ts). LeaseLostError and
 * JobCancelledError end the handler silently.
 *
 * ## Running it
 *
 *   const runner = createQueueRunner(ctx, { owner?, pollIntervalMs? });   // one per process
 *   runner.start(); ... await runner.stop();   // or: await runner.runUntilIdle()  (leadprep work --until-idle)
 *   startBackgroundQueue(ctx)                  // hosts: start + stop on ctx.close()
 *
 * A claim is one BEGIN IMMEDIATE transaction taking the oldest due queued job (or a running one whose
 * lease expired: that is crash recovery, nothing else is needed at start-up) of a provider that is not
 * paused, not held, and below its concurrency. Leases (LEADPREP_QUEUE_LEASE_MS, default 60 s) are
 * renewed every third of their length while the handler runs, so handlers need not renew.
 *
 * Cancel: cancelJobs(ctx, { runId } | { pushId }) -> queued and running jobs become 'cancelled'; a running
 * handler's next withLease/checkpoint/finish fails its CAS and it stops there.
 */
export type { JobOutcome, JobInfo, JobContext, JobKindDef, JobState, GiveUpInfo } from './types';
export { LeaseLostError, JobCancelledError } from './types';
export { classifyFailure, type FailureClass } from './classify';
export { createJobRegistry, type JobRegistry } from './registry';
export {
  enqueueJob,
  clearAuthPause,
  pauseProvider,
  resumeProvider,
  providerState,
  DEFAULT_CONCURRENCY,
  type EnqueueSpec,
  type PauseReason,
  type ProviderStateRow,
  type HasDatabase,
} from './store';
export { cancelJobs, listJobs, type JobSummary } from './admin';
export {
  createQueueRunner,
  type QueueRunner,
  type QueueRunnerOptions,
  type IdleReport,
  type QueueHost,
} from './runner';
export { startBackgroundQueue } from './background';
