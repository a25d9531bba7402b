import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { leads } from './imports';

/** One "generate" request: campaign, options and the chosen leads. */
export const runs = sqliteTable('runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: text('campaign_id').notNull(),
  campaignName: text('campaign_name'),
  optionsJson: text('options_json').notNull(),
  batchSize: integer('batch_size').notNull(),
  leadCount: integer('lead_count').notNull(),
  state: text('state', { enum: ['active', 'done', 'cancelled', 'failed'] }).notNull(),
  message: text('message'),
  createdAt: integer('created_at').notNull(),
  finishedAt: integer('finished_at'),
});

/**
 * One generate-batch call; becomes one MachFive list. client_ref is written before the POST and also
 * sent in options.list_name, so an ambiguous failure can be reconciled instead of resubmitted.
 */
export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    clientRef: text('client_ref').notNull(),
    state: text('state', {
      enum: ['queued', 'submitting', 'processing', 'exporting', 'done', 'failed', 'stuck', 'cancelled'],
    }).notNull(),
    listId: text('list_id'),
    leadCount: integer('lead_count').notNull(),
    error: text('error'),
    errorCode: text('error_code'),
    submittedAt: integer('submitted_at'),
    pollDeadlineAt: integer('poll_deadline_at'),
    completedAt: integer('completed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('batches_client_ref_uq').on(t.clientRef), index('batches_run_idx').on(t.runId)],
);

/** A lead's place in a run: its batch, whether text came back, and the founder's review verdict. */
export const runLeads = sqliteTable(
  'run_leads',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    batchId: integer('batch_id'),
    genState: text('gen_state', { enum: ['pending', 'generated', 'not_generated', 'failed'] }).notNull(),
    genMessage: text('gen_message'),
    reviewState: text('review_state', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    flagsJson: text('flags_json').notNull().default('[]'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.leadId] }),
    index('run_leads_batch_idx').on(t.batchId),
    index('run_leads_lead_idx').on(t.leadId),
  ],
);

/** Generated text is kept beside the current (possibly edited) text so an edit can be reverted. */
export const sequenceSteps = sqliteTable(
  'sequence_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    subjectGenerated: text('subject_generated').notNull(),
    bodyGenerated: text('body_generated').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    editedAt: integer('edited_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sequence_steps_run_lead_step_uq').on(t.runId, t.leadId, t.step),
    index('sequence_steps_lead_idx').on(t.leadId),
  ],
);
