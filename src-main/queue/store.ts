import type Database from 'better-sqlite3';
import type { Provider } from '../../src-shared/providers';
import type { OpenedDatabase } from '../db/open';

/**
 * SQL of the queue on the raw better-sqlite3 connection (prepared once per connection): the hot path
 * runs for every job, and the raw driver keeps it well under a millisecond.
 */

export interface HasDatabase {
  database: OpenedDatabase;
}

export const DEFAULT_CONCURRENCY: Record<Provider, number> = {
  machfive: 3,
  instantly: 2,
  sendkit: 2,
  segmentflow: 2,
};

export type PauseReason = 'auth' | 'credits' | 'user';

export interface EnqueueSpec {
  kind: string;
  provider: Provider;
  payload: unknown;
  runId?: number | null;
  pushId?: number | null;
  /**
   * At most one live job per key. Enqueueing a key whose job is queued/running returns that job;
   * a finished (done/failed/cancelled) one is re-armed with the new payload.
   */
  dedupeKey?: string | null;
  /** Not before now + delayMs. */
  delayMs?: number;
  maxAttempts?: number;
}

export interface JobRow {
  id: number;
  kind: string;
  provider: Provider;
  payload_json: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  run_id: number | null;
  push_id: number | null;
  dedupe_key: string | null;
  attempts: number;
  max_attempts: number;
  next_run_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_error: string | null;
  last_error_code: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface ProviderStateRow {
  provider: Provider;
  paused_reason: PauseReason | null;
  paused_message: string | null;
  paused_at: number | null;
  concurrency: number;
  updated_at: number;
}

function statements(sqlite: Database.Database) {
  return {
    insert: sqlite.prepare(
      `INSERT INTO jobs (kind, provider, payload_json, state, run_id, push_id, dedupe_key, attempts, max_attempts, next_run_at, created_at, updated_at)
       VALUES (@kind, @provider, @payload, 'queued', @runId, @pushId, @dedupeKey, 0, @maxAttempts, @nextRunAt, @now, @now)
       ON CONFLICT(dedupe_key) DO UPDATE SET
         kind = excluded.kind, provider = excluded.provider, payload_json = excluded.payload_json, state = 'queued',
         run_id = excluded.run_id, push_id = excluded.push_id, attempts = 0, max_attempts = excluded.max_attempts,
         next_run_at = excluded.next_run_at, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL,
         last_error_code = NULL, updated_at = excluded.updated_at, finished_at = NULL
       WHERE jobs.state IN ('done', 'failed', 'cancelled')
       RETURNING id`,
    ),
    byDedupe: sqlite.prepare(`SELECT id FROM jobs WHERE dedupe_key = ?`),
    providerRow: sqlite.prepare(`SELECT * FROM provider_state WHERE provider = ?`),
    ensureProvider: sqlite.prepare(
      `INSERT INTO provider_state (provider, concurrency, updated_at) VALUES (?, ?, ?) ON CONFLICT(provider) DO NOTHING`,
    ),
    pause: sqlite.prepare(
      `UPDATE provider_state SET paused_reason = @reason, paused_message = @message, paused_at = @now, updated_at = @now
       WHERE provider = @provider AND (paused_reason IS NULL OR paused_reason != @reason OR paused_message IS NOT @message)`,
    ),
    resume: sqlite.prepare(
      `UPDATE provider_state SET paused_reason = NULL, paused_message = NULL, paused_at = NULL, updated_at = ?
       WHERE provider = ? AND paused_reason IS NOT NULL`,
    ),
    resumeIf: sqlite.prepare(
      `UPDATE provider_state SET paused_reason = NULL, paused_message = NULL, paused_at = NULL, updated_at = ?
       WHERE provider = ? AND paused_reason = ?`,
    ),
    setConcurrency: sqlite.prepare(
      `UPDATE provider_state SET concurrency = ?, updated_at = ? WHERE provider = ? AND concurrency != ?`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) {
    s = statements(sqlite);
    cache.set(sqlite, s);
  }
  return s;
}

/**
 * Adds a job. Synchronous and on the app's single connection, so calling it inside your own
 * `ctx.db.transaction(...)` makes the job commit or roll back together with your rows.
 */
export function enqueueJob(ctx: HasDatabase, spec: EnqueueSpec, now = Date.now()): number {
  const s = stmts(ctx.database.sqlite);
  const row = s.insert.get({
    kind: spec.kind,
    provider: spec.provider,
    payload: JSON.stringify(spec.payload ?? {}),
    runId: spec.runId ?? null,
    pushId: spec.pushId ?? null,
    dedupeKey: spec.dedupeKey ?? null,
    maxAttempts: spec.maxAttempts ?? 8,
    nextRunAt: now + Math.max(0, spec.delayMs ?? 0),
    now,
  }) as { id: number } | undefined;
  if (row) return row.id;
  const existing = s.byDedupe.get(spec.dedupeKey) as { id: number } | undefined;
  if (!existing) throw new Error(`enqueueJob: no job for dedupe key ${spec.dedupeKey}`);
  return existing.id;
}

export function providerState(
  sqlite: Database.Database,
  provider: Provider,
  now = Date.now(),
): ProviderStateRow {
  const s = stmts(sqlite);
  s.ensureProvider.run(provider, DEFAULT_CONCURRENCY[provider], now);
  return s.providerRow.get(provider) as ProviderStateRow;
}

/** Returns true when the pause is new (or its reason/message changed), so callers log once per change. */
export function pauseProvider(
  sqlite: Database.Database,
  provider: Provider,
  reason: PauseReason,
  message: string,
  now = Date.now(),
): boolean {
  providerState(sqlite, provider, now);
  return stmts(sqlite).pause.run({ provider, reason, message, now }).changes > 0;
}

/** Clears any pause; returns true when the provider was paused. */
export function resumeProvider(sqlite: Database.Database, provider: Provider, now = Date.now()): boolean {
  providerState(sqlite, provider, now);
  return stmts(sqlite).resume.run(now, provider).changes > 0;
}

/** A key was saved: an 'auth' pause of that provider is over (other pauses stay until the user resumes). */
export function clearAuthPause(ctx: HasDatabase, provider: Provider, now = Date.now()): boolean {
  providerState(ctx.database.sqlite, provider, now);
  return stmts(ctx.database.sqlite).resumeIf.run(now, provider, 'auth').changes > 0;
}

export function setProviderConcurrency(
  sqlite: Database.Database,
  provider: Provider,
  concurrency: number,
  now = Date.now(),
): boolean {
  providerState(sqlite, provider, now);
  return stmts(sqlite).setConcurrency.run(concurrency, now, provider, concurrency).changes > 0;
}
