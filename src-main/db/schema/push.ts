import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { runs } from './generation';
import { leads } from './imports';

/** Sending a run's approved leads to one destination. */
export const pushes = sqliteTable(
  'pushes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    destination: text('destination', { enum: ['instantly', 'sendkit', 'segmentflow'] }).notNull(),
    targetJson: text('target_json').notNull(),
    /** Destination+target identity ('instantly:campaign:<id>', 'segmentflow:<profile identity>'), for repeat warnings. */
    targetKey: text('target_key').notNull().default(''),
    optionsJson: text('options_json').notNull(),
    state: text('state', { enum: ['active', 'done', 'failed', 'cancelled'] }).notNull(),
    message: text('message'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('pushes_run_idx').on(t.runId), index('pushes_target_idx').on(t.destination, t.targetKey)],
);

/** One lead (or, for Segmentflow, one lead-step) of a push, with the provider's verdict. */
export const pushItems = sqliteTable(
  'push_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pushId: integer('push_id')
      .notNull()
      .references(() => pushes.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    step: integer('step'),
    idempotencyKey: text('idempotency_key').notNull(),
    jobId: integer('job_id'),
    state: text('state', {
      enum: ['pending', 'sending', 'added', 'skipped', 'rejected', 'failed'],
    }).notNull(),
    reason: text('reason'),
    /** Machine-readable reason (src-shared/push/types REASON_CODES) for filters. */
    reasonCode: text('reason_code'),
    /** A "retry failed" may send this item again (transport failures, fixable template problems). */
    retryable: integer('retryable', { mode: 'boolean' }).notNull().default(false),
    remoteId: text('remote_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('push_items_push_idx').on(t.pushId, t.state),
    index('push_items_lead_idx').on(t.leadId),
    uniqueIndex('push_items_push_key_uq').on(t.pushId, t.idempotencyKey),
    index('push_items_job_idx').on(t.jobId),
  ],
);

/** Saved per-destination settings, e.g. Segmentflow template/sender defaults. */
export const destinationProfiles = sqliteTable('destination_profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  destination: text('destination').notNull(),
  name: text('name').notNull().unique(),
  settingsJson: text('settings_json').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
