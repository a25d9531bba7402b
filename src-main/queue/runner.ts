import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PROVIDER_LABELS, type Provider } from '../../src-shared/providers';
import {
  DEFAULT_BACKOFF,
  equalJitterDelayMs,
  fullJitterDelayMs,
  lowerConcurrency,
  offlineDelayMs,
  raiseConcurrency,
  type BackoffPolicy,
} from '../../src-shared/generation/backoff';
import type { Logger } from '../logging/log';
import type { OpenedDatabase } from '../db/open';
import type { EventBus } from '../app/events';
import { classifyFailure } from './classify';
import type { JobRegistry } from './registry';
import {
  DEFAULT_CONCURRENCY,
  pauseProvider,
  providerState,
  setProviderConcurrency,
  type JobRow,
} from './store';
import {
  JobCancelledError,
  LeaseLostError,
  type GiveUpInfo,
  type JobContext,
  type JobInfo,
  type JobOutcome,
} from './types';

export interface QueueRunnerOptions {
  /** Random per runner by default; it is the lease token. */
  owner?: string;
  /** How often an idle runner looks for due work (new work also wakes it at once). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Lease length; renewed every third of it while a handler runs. Default LEADPREP_QUEUE_LEASE_MS or 60 s. */
  leaseMs?: number;
  /** Handlers running at once in this runner, across providers. Default 8. */
  maxInFlight?: number;
  backoff?: BackoffPolicy;
  /** How long stop() waits for running handlers before leaving their leases to expire. Default 5 s. */
  stopGraceMs?: number;
}

export interface IdleReport {
  /** Providers that still have work but are paused (auth, credits, user). */
  pausedProviders: Provider[];
  /** Jobs left queued or running (all belonging to paused providers when the runner went idle). */
  remainingJobs: number;
}

export interface QueueRunner {
  readonly owner: string;
  start(): void;
  stop(): Promise<void>;
  /** Starts if needed, returns once nothing is left to do except paused providers' work, then stops. */
  runUntilIdle(): Promise<IdleReport>;
  wake(): void;
}

/** What the runner needs from the app core (an AppContext satisfies it). */
export interface QueueHost {
  database: OpenedDatabase;
  log: Logger;
  events: EventBus;
  env: NodeJS.ProcessEnv;
  jobs: JobRegistry;
}

interface InFlight {
  row: JobRow;
  ac: AbortController;
  done: Promise<void>;
}

const envInt = (v: string | undefined): number | undefined => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export function createQueueRunner(host: QueueHost, opts: QueueRunnerOptions = {}): QueueRunner {
  const sqlite: Database.Database = host.database.sqlite;
  const log = host.log;
  const owner = opts.owner ?? `runner-${randomBytes(6).toString('hex')}`;
  const pollIntervalMs = opts.pollIntervalMs ?? 1000;
  const leaseMs = opts.leaseMs ?? envInt(host.env.LEADPREP_QUEUE_LEASE_MS) ?? 60_000;
  const maxInFlight = opts.maxInFlight ?? 8;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const stopGraceMs = opts.stopGraceMs ?? 5_000;

  const inflight = new Map<number, InFlight>();
  /** In-memory provider holds (offline probing, Retry-After): not persisted, a restart simply probes again. */
  const holdUntil = new Map<Provider, number>();
  const offlineStreak = new Map<Provider, number>();
  const successRun = new Map<Provider, number>();
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let unsubscribeWake: (() => void) | null = null;
  let unsubscribeEvents: (() => void) | null = null;
  let idleWaiters: Array<(r: IdleReport) => void> = [];
  let lastLoopError: string | null = null;

  const q = {
    runningCounts: sqlite.prepare(
      `SELECT provider, COUNT(*) AS n FROM jobs WHERE state = 'running' AND lease_expires_at >= ? GROUP BY provider`,
    ),
    dueQueued: sqlite.prepare(
      `SELECT * FROM jobs WHERE state = 'queued' AND provider = ? AND next_run_at <= ?
         AND kind IN (SELECT value FROM json_each(?)) ORDER BY next_run_at, id LIMIT 1`,
    ),
    expiredRunning: sqlite.prepare(
      `SELECT * FROM jobs WHERE state = 'running' AND provider = ? AND lease_expires_at < ?
         AND kind IN (SELECT value FROM json_each(?)) ORDER BY lease_expires_at, id LIMIT 1`,
    ),
    take: sqlite.prepare(
      `UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
       WHERE id = ? AND (state = 'queued' OR (state = 'running' AND lease_expires_at < ?))`,
    ),
    renew: sqlite.prepare(
      `UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'`,
    ),
    owned: sqlite.prepare(`SELECT state, lease_owner FROM jobs WHERE id = ?`),
    finish: sqlite.prepare(
      `UPDATE jobs SET state = @state, next_run_at = COALESCE(@nextRunAt, next_run_at), attempts = MAX(0, attempts - @refund),
         lease_owner = NULL, lease_expires_at = NULL,
         last_error = CASE WHEN @setError = 1 THEN @lastError ELSE last_error END,
         last_error_code = CASE WHEN @setError = 1 THEN @lastErrorCode ELSE last_error_code END,
         finished_at = @finishedAt, updated_at = @now
       WHERE id = @id AND lease_owner = @owner AND state = 'running'`,
    ),
    nextDue: sqlite.prepare(`SELECT MIN(next_run_at) AS at FROM jobs WHERE state = 'queued'`),
    nextExpiry: sqlite.prepare(`SELECT MIN(lease_expires_at) AS at FROM jobs WHERE state = 'running'`),
    pendingByProvider: sqlite.prepare(
      `SELECT provider, COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running')
         AND kind IN (SELECT value FROM json_each(?)) GROUP BY provider`,
    ),
  };

  const registeredProviders = (): Map<Provider, string> => {
    const byProvider = new Map<Provider, string[]>();
    for (const kind of host.jobs.kinds()) {
      const def = host.jobs.get(kind);
      if (!def) continue;
      const list = byProvider.get(def.provider) ?? [];
      list.push(kind);
      byProvider.set(def.provider, list);
    }
    return new Map([...byProvider].map(([p, kinds]) => [p, JSON.stringify(kinds)]));
  };

  const emitProviders = () => host.jobs.providersChanged();

  /** One BEGIN IMMEDIATE transaction: pick a due job of a provider that is not paused and has a free slot. */
  const claimTx = sqlite.transaction((now: number): JobRow | null => {
    const providers = registeredProviders();
    if (providers.size === 0) return null;
    const running = new Map<string, number>();
    for (const r of q.runningCounts.all(now) as Array<{ provider: string; n: number }>)
      running.set(r.provider, r.n);
    let best: JobRow | null = null;
    for (const [provider, kindsJson] of providers) {
      if ((holdUntil.get(provider) ?? 0) > now) continue;
      const state = providerState(sqlite, provider, now);
      if (state.paused_reason) continue;
      if ((running.get(provider) ?? 0) >= state.concurrency) continue;
      const candidate =
        (q.expiredRunning.get(provider, now, kindsJson) as JobRow | undefined) ??
        (q.dueQueued.get(provider, now, kindsJson) as JobRow | undefined);
      if (candidate && (!best || candidate.next_run_at < best.next_run_at)) best = candidate;
    }
    if (!best) return null;
    const expires = now + leaseMs;
    if (q.take.run(owner, expires, now, best.id, now).changes !== 1) return null;
    return {
      ...best,
      state: 'running',
      lease_owner: owner,
      lease_expires_at: expires,
      attempts: best.attempts + 1,
    };
  });

  function infoOf<P>(row: JobRow, payload: P): JobInfo<P> {
    return {
      id: row.id,
      kind: row.kind,
      provider: row.provider,
      payload,
      runId: row.run_id,
      pushId: row.push_id,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: row.last_error,
      lastErrorCode: row.last_error_code,
    };
  }

  interface FinishSpec {
    state: 'queued' | 'done' | 'failed';
    nextRunAt?: number;
    refund: boolean;
    error?: { message: string | null; code: string | null };
    effects?: () => void;
    giveUp?: GiveUpInfo;
  }

  /** Compare-and-swap on lease_owner: returns false (and writes nothing) when the lease is no longer ours. */
  function finish<P>(row: JobRow, info: JobInfo<P> | null, spec: FinishSpec): boolean {
    const now = Date.now();
    const def = host.jobs.get(row.kind);
    const write = (withSideEffects: boolean) =>
      sqlite
        .transaction(() => {
          const changes = q.finish.run({
            state: spec.state,
            nextRunAt: spec.nextRunAt ?? null,
            refund: spec.refund ? 1 : 0,
            setError: spec.error ? 1 : 0,
            lastError: spec.error?.message ?? null,
            lastErrorCode: spec.error?.code ?? null,
            finishedAt: spec.state === 'queued' ? null : now,
            now,
            id: row.id,
            owner,
          }).changes;
          if (changes !== 1) return false;
          if (withSideEffects) {
            spec.effects?.();
            if (spec.giveUp && info && def?.onGiveUp) def.onGiveUp(info, spec.giveUp);
          }
          return true;
        })
        .immediate();
    let ok: boolean;
    try {
      ok = write(true);
    } catch (e) {
      // A failing side effect is a bug in the handler, not a reason to lose the job: record and back off.
      log.error(
        `Job ${row.id} (${row.kind}) could not save its result: ${e instanceof Error ? e.message : String(e)}`,
      );
      ok = write(false);
      if (ok && spec.state !== 'queued') {
        sqlite
          .prepare(
            `UPDATE jobs SET state = 'queued', next_run_at = ?, finished_at = NULL, last_error = ? WHERE id = ?`,
          )
          .run(
            now + fullJitterDelayMs(row.attempts, backoff),
            `Saving the result failed: ${String(e)}`,
            row.id,
          );
      }
    }
    if (ok && info) {
      try {
        def?.onSettled?.(info, spec.state);
      } catch (e) {
        log.error(`onSettled of ${row.kind} failed: ${String(e)}`);
      }
    }
    return ok;
  }

  function noteSuccess(provider: Provider, finished: boolean) {
    const streak = offlineStreak.get(provider) ?? 0;
    if (streak > 0) {
      offlineStreak.set(provider, 0);
      holdUntil.delete(provider);
      log.info(`${PROVIDER_LABELS[provider]} is reachable again; queued work continues.`);
      emitProviders();
    }
    // Only finished jobs earn back concurrency: "not ready yet" polls say nothing about the provider's load.
    if (!finished) return;
    const state = providerState(sqlite, provider);
    const ceiling = DEFAULT_CONCURRENCY[provider];
    if (state.concurrency < ceiling) {
      const next = raiseConcurrency(
        { concurrency: state.concurrency, successes: successRun.get(provider) ?? 0 },
        ceiling,
      );
      successRun.set(provider, next.successes);
      if (
        next.concurrency !== state.concurrency &&
        setProviderConcurrency(sqlite, provider, next.concurrency)
      ) {
        log.info(`${PROVIDER_LABELS[provider]} concurrency raised to ${next.concurrency}.`);
        emitProviders();
      }
    }
  }

  function handleThrown<P>(row: JobRow, info: JobInfo<P> | null, e: unknown) {
    if (e instanceof LeaseLostError || e instanceof JobCancelledError) return;
    const provider = row.provider;
    const label = PROVIDER_LABELS[provider];
    const now = Date.now();
    const f = classifyFailure(e);
    switch (f.action) {
      case 'pause': {
        const fresh = pauseProvider(sqlite, provider, f.reason, f.message, now);
        finish(row, info, {
          state: 'queued',
          nextRunAt: now,
          refund: true,
          error: { message: f.message, code: f.code },
        });
        if (fresh) {
          log.warn(`${label} paused (${f.reason}): ${f.message}`);
          emitProviders();
        }
        return;
      }
      case 'rate_limited': {
        const delay =
          f.retryAfterMs ??
          equalJitterDelayMs(Math.min(backoff.capMs, 2_000 * 2 ** Math.min(row.attempts, 5)));
        holdUntil.set(provider, Math.max(holdUntil.get(provider) ?? 0, now + delay));
        if (f.lowerConcurrency) {
          const state = providerState(sqlite, provider, now);
          successRun.set(provider, 0);
          if (setProviderConcurrency(sqlite, provider, lowerConcurrency(state.concurrency), now)) {
            log.info(
              `${label} asked to slow down; concurrency lowered to ${lowerConcurrency(state.concurrency)}.`,
            );
            emitProviders();
          }
        }
        finish(row, info, {
          state: 'queued',
          nextRunAt: now + delay,
          refund: true,
          error: { message: f.message, code: f.code },
        });
        return;
      }
      case 'offline': {
        const streak = (offlineStreak.get(provider) ?? 0) + 1;
        offlineStreak.set(provider, streak);
        const delay = offlineDelayMs(streak, backoff.capMs);
        holdUntil.set(provider, Math.max(holdUntil.get(provider) ?? 0, now + delay));
        if (streak === 1) {
          log.warn(`${label} cannot be reached (${f.message}). Work waits and retries on its own.`);
          emitProviders();
        }
        finish(row, info, {
          state: 'queued',
          nextRunAt: now + delay,
          refund: true,
          error: { message: f.message, code: f.code },
        });
        return;
      }
      case 'backoff': {
        if (row.attempts >= row.max_attempts) {
          log.warn(`Job ${row.id} (${row.kind}) gave up after ${row.attempts} attempts: ${f.message}`);
          finish(row, info, {
            state: 'failed',
            refund: false,
            error: { message: f.message, code: f.code },
            giveUp: f,
          });
          return;
        }
        finish(row, info, {
          state: 'queued',
          nextRunAt: now + fullJitterDelayMs(row.attempts, backoff),
          refund: false,
          error: { message: f.message, code: f.code },
        });
        return;
      }
      case 'fail':
        log.warn(`Job ${row.id} (${row.kind}) failed: ${f.message}`);
        finish(row, info, {
          state: 'failed',
          refund: false,
          error: { message: f.message, code: f.code },
          giveUp: f,
        });
        return;
    }
  }

  function applyOutcome<P>(row: JobRow, info: JobInfo<P>, outcome: JobOutcome) {
    const now = Date.now();
    switch (outcome.type) {
      case 'done':
        if (
          finish(row, info, {
            state: 'done',
            refund: false,
            error: { message: null, code: null },
            effects: outcome.effects,
          })
        ) {
          noteSuccess(row.provider, true);
        }
        return;
      case 'retry':
        if (
          finish(row, info, {
            state: 'queued',
            nextRunAt: now + Math.max(0, outcome.afterMs),
            refund: true,
            error: outcome.note === undefined ? undefined : { message: outcome.note, code: null },
            effects: outcome.effects,
          })
        ) {
          noteSuccess(row.provider, false);
        }
        return;
      case 'fail':
        finish(row, info, {
          state: 'failed',
          refund: false,
          error: { message: outcome.message, code: outcome.code },
          effects: outcome.effects,
          giveUp: { code: outcome.code, message: outcome.message },
        });
        return;
    }
  }

  async function execute(row: JobRow, ac: AbortController): Promise<void> {
    const def = host.jobs.get(row.kind);
    if (!def) return;
    let payload: unknown;
    try {
      payload = def.payload.parse(JSON.parse(row.payload_json));
    } catch (e) {
      finish(row, null, {
        state: 'failed',
        refund: false,
        error: {
          message: `The job's saved data is unreadable: ${e instanceof Error ? e.message : String(e)}`,
          code: 'internal',
        },
      });
      return;
    }
    const info = infoOf(row, payload);
    const stillOurs = () => {
      const cur = q.owned.get(row.id) as { state: string; lease_owner: string | null } | undefined;
      if (!cur || cur.state === 'cancelled') throw new JobCancelledError(row.id);
      if (cur.state !== 'running' || cur.lease_owner !== owner) throw new LeaseLostError(row.id);
    };
    const job: JobContext<unknown> = {
      ...info,
      owner,
      log,
      signal: ac.signal,
      withLease: <T>(fn: () => T): T =>
        sqlite
          .transaction(() => {
            stillOurs();
            return fn();
          })
          .immediate(),
      checkpoint: () => {
        if (ac.signal.aborted) throw new LeaseLostError(row.id);
        stillOurs();
      },
    };
    try {
      const outcome = await def.handle(job);
      applyOutcome(row, info, outcome);
    } catch (e) {
      handleThrown(row, info, e);
    }
  }

  function launch(row: JobRow) {
    const ac = new AbortController();
    const entry: InFlight = { row, ac, done: Promise.resolve() };
    entry.done = execute(row, ac)
      .catch((e) => log.error(`Queue job ${row.id} crashed the runner loop: ${String(e)}`))
      .finally(() => {
        inflight.delete(row.id);
        schedule(0);
      });
    inflight.set(row.id, entry);
  }

  function schedule(ms: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, ms));
  }

  function nextDelay(now: number): number {
    let delay = pollIntervalMs;
    const due = (q.nextDue.get() as { at: number | null }).at;
    if (due !== null) delay = Math.min(delay, due - now);
    const expiry = (q.nextExpiry.get() as { at: number | null }).at;
    if (expiry !== null && expiry > now) delay = Math.min(delay, expiry - now + 5);
    for (const until of holdUntil.values()) if (until > now) delay = Math.min(delay, until - now);
    return Math.max(10, delay);
  }

  function idleReport(): IdleReport | null {
    if (inflight.size > 0) return null;
    const kinds = JSON.stringify(host.jobs.kinds());
    const rows = q.pendingByProvider.all(kinds) as Array<{ provider: Provider; n: number }>;
    const paused: Provider[] = [];
    let remaining = 0;
    for (const r of rows) {
      const state = providerState(sqlite, r.provider);
      if (!state.paused_reason) return null;
      paused.push(r.provider);
      remaining += r.n;
    }
    return { pausedProviders: paused, remainingJobs: remaining };
  }

  function tick() {
    timer = null;
    if (!started) return;
    const now = Date.now();
    try {
      // Claims are small transactions; one per free slot keeps each synchronous step short.
      while (inflight.size < maxInFlight) {
        const row = claimTx.immediate(now);
        if (!row) break;
        launch(row);
      }
      lastLoopError = null;
      if (idleWaiters.length > 0) {
        const report = idleReport();
        if (report) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const w of waiters) w(report);
          return;
        }
      }
      schedule(nextDelay(now));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (msg !== lastLoopError) log.error(`Queue runner could not read the job table: ${msg}`);
      lastLoopError = msg;
      schedule(pollIntervalMs);
    }
  }

  function renewLeases() {
    const expires = Date.now() + leaseMs;
    for (const [id, entry] of inflight) {
      if (q.renew.run(expires, id, owner).changes !== 1) entry.ac.abort();
    }
  }

  const runner: QueueRunner = {
    owner,
    start() {
      if (started) return;
      started = true;
      unsubscribeWake = host.jobs.onWake(() => schedule(0));
      // A saved key or a resumed provider can unblock work at once.
      unsubscribeEvents = host.events.subscribe((name) => {
        if (name === 'keys.changed') schedule(0);
      });
      heartbeat = setInterval(renewLeases, Math.max(50, Math.floor(leaseMs / 3)));
      heartbeat.unref?.();
      schedule(0);
    },
    async stop() {
      if (!started) return;
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      unsubscribeWake?.();
      unsubscribeEvents?.();
      const pending = [...inflight.values()];
      await Promise.race([
        Promise.all(pending.map((p) => p.done)),
        new Promise((r) => setTimeout(r, stopGraceMs).unref?.()),
      ]);
      // Whatever is still running keeps its lease until it expires; another runner then takes it over.
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      for (const p of inflight.values()) p.ac.abort();
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w(idleReport() ?? { pausedProviders: [], remainingJobs: -1 });
    },
    async runUntilIdle() {
      const report = new Promise<IdleReport>((resolve) => idleWaiters.push(resolve));
      runner.start();
      schedule(0);
      const r = await report;
      await runner.stop();
      return r;
    },
    wake: () => schedule(0),
  };
  return runner;
}
