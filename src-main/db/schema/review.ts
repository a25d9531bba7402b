import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, foreignKey } from 'drizzle-orm/sqlite-core';
import { runs, runLeads } from './generation';
import { leads } from './imports';

/**
 * One searchable review document per lead per run. Its integer id is the rowid of the FTS5 table
 * review_fts (see the review_fts migration), because run_leads has no stable integer key of its own.
 * Triggers on run_leads, sequence_steps and leads create it and set `dirty` whoever writes them; the
 * review service then rebuilds its search text and quality flags (recomputeFlags / recomputeDirty).
 * flags_mask holds one bit per flag (bit order is REVIEW_FLAGS in src-shared/review/flags.ts, append-only)
 * so filters and counts over 100k leads are one scan, not a JSON parse per row.
 */
export const reviewDocs = sqliteTable(
  'review_docs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').notNull(),
    leadId: integer('lead_id').notNull(),
    flagsMask: integer('flags_mask').notNull().default(0),
    /** Copy of run_leads.review_state kept by a trigger, so filters and counts read one covering index. */
    reviewState: text('review_state', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    dirty: integer('dirty').notNull().default(1),
  },
  (t) => [
    uniqueIndex('review_docs_run_lead_uq').on(t.runId, t.leadId),
    index('review_docs_counts_idx').on(t.runId, t.reviewState, t.flagsMask),
    index('review_docs_page_idx').on(t.runId, t.leadId, t.reviewState, t.flagsMask),
    index('review_docs_lead_idx').on(t.leadId),
    index('review_docs_dirty_idx')
      .on(t.runId)
      .where(sql`dirty = 1`),
    foreignKey({ columns: [t.runId, t.leadId], foreignColumns: [runLeads.runId, runLeads.leadId] }).onDelete(
      'cascade',
    ),
  ],
);

/** Every change to a step's text, newest last: autosaves of one editing session update a single entry. */
export const stepEdits = sqliteTable(
  'step_edits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    kind: text('kind', { enum: ['edit', 'revert', 'undo', 'regenerated'] }).notNull(),
    subjectBefore: text('subject_before').notNull(),
    bodyBefore: text('body_before').notNull(),
    subjectAfter: text('subject_after').notNull(),
    bodyAfter: text('body_after').notNull(),
    session: text('session'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('step_edits_run_lead_step_idx').on(t.runId, t.leadId, t.step),
    index('step_edits_lead_idx').on(t.leadId),
  ],
);

/**
 * The undo stack of a run's review: each row is one user action with what is needed to reverse it
 * (undo_json: previous text of a step, or previous review states of the leads a bulk change touched).
 */
export const reviewActions = sqliteTable(
  'review_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['edit', 'revert', 'state'] }).notNull(),
    label: text('label').notNull(),
    leadId: integer('lead_id'),
    step: integer('step'),
    session: text('session'),
    undoJson: text('undo_json').notNull(),
    createdAt: integer('created_at').notNull(),
    undoneAt: integer('undone_at'),
  },
  (t) => [index('review_actions_run_idx').on(t.runId, t.undoneAt)],
);
