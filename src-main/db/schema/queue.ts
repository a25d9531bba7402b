import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One unit of remote work. A worker owns a job only while its lease (lease_owner + lease_expires_at)
 * is current; an expired lease is how a crashed worker's job comes back.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    provider: text('provider').notNull(),
    payloadJson: text('payload_json').notNull(),
    state: text('state', { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    runId: integer('run_id'),
    pushId: integer('push_id'),
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextRunAt: integer('next_run_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    lastError: text('last_error'),
    lastErrorCode: text('last_error_code'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.state, t.provider, t.nextRunAt),
    index('jobs_run_idx').on(t.runId),
    index('jobs_push_idx').on(t.pushId),
    uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey),
  ],
);

/** Per-provider switches: paused after 401/402 or by the user, and the adaptive concurrency limit. */
export const providerState = sqliteTable('provider_state', {
  provider: text('provider').primaryKey(),
  pausedReason: text('paused_reason', { enum: ['auth', 'credits', 'user'] }),
  pausedMessage: text('paused_message'),
  pausedAt: integer('paused_at'),
  concurrency: integer('concurrency').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
