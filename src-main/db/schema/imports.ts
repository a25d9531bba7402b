import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/** One file read once. Draft imports hold decisions that stay reversible until committed. */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    sourceKind: text('source_kind').notNull(),
    sheet: text('sheet').notNull(),
    headerRow: integer('header_row').notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    headersJson: text('headers_json').notNull(),
    mappingJson: text('mapping_json').notNull(),
    templateId: integer('template_id'),
    // 'deleting': a rollback in progress (leads are removed in chunks); invisible everywhere, finished on next open.
    status: text('status', { enum: ['draft', 'committed', 'deleting'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    /** Rows below the header row (= row_count leads + blank_rows + hidden_rows + header_repeats + footer_rows). */
    rowsRead: integer('rows_read').notNull().default(0),
    blankRows: integer('blank_rows').notNull().default(0),
    /** Rows hidden in the sheet (a filter in Excel) that the user left out. */
    hiddenRows: integer('hidden_rows').notNull().default(0),
    /** Rows that repeat the header row (files joined one after another), not leads. */
    headerRepeats: integer('header_repeats').notNull().default(0),
    /** Rows of a report's footer below the table ("Copyright …", "Confidential Information"), not leads. */
    footerRows: integer('footer_rows').notNull().default(0),
    /** 1 once every staged row arrived and the counts added up; a draft at 0 was left by a crash. */
    staged: integer('staged', { mode: 'boolean' }).notNull().default(false),
    countsJson: text('counts_json').notNull(),
    createdAt: integer('created_at').notNull(),
    committedAt: integer('committed_at'),
  },
  (t) => [index('imports_sha256_idx').on(t.sha256)],
);

/** One person row of an import: original cells, normalised fields, exactly one state and its reason. */
export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    originalJson: text('original_json').notNull(),
    email: text('email'),
    emailKey: text('email_key'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    fullName: text('full_name'),
    title: text('title'),
    company: text('company'),
    website: text('website'),
    domain: text('domain'),
    linkedinUrl: text('linkedin_url'),
    phone: text('phone'),
    customJson: text('custom_json').notNull(),
    state: text('state', { enum: ['ready', 'needs_fix', 'invalid', 'duplicate', 'suppressed'] }).notNull(),
    reason: text('reason').notNull(),
    flagsJson: text('flags_json').notNull(),
    suggestion: text('suggestion'),
    groupId: integer('group_id'),
    decision: text('decision', { enum: ['exclude', 'keep', 'duplicate'] }),
    editedAt: integer('edited_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // Counts per state, and a state's page in row order without a sort.
    index('leads_import_state_row_idx').on(t.importId, t.state, t.rowNumber),
    // Search reads only this index (row order, state for the counts, the searched columns): appended in row order while staging.
    index('leads_search_idx').on(t.importId, t.rowNumber, t.state, t.email, t.fullName, t.company),
    uniqueIndex('leads_import_row_uq').on(t.importId, t.rowNumber),
  ],
);

/**
 * The dedupe keys (email key, LinkedIn URL) of committed leads that stand for their person (used, kept
 * out, or a duplicate of such a lead: `STANDS_FOR_PERSON` in services/imports/rows.ts): what "already in
 * your leads" is checked against. Named ones also have their company domain (lower case) as a key, for
 * "possibly already in your leads" (a similar name at the same domain). Written at commit in key order, not per staged row: an index on
 * leads.email_key took random-key inserts for every staged row, most of the cost of staging 100k rows.
 * No foreign keys: an import's keys are deleted in chunks before its leads (a cascade would take them
 * all at once), and a lookup joins `imports` so keys of an import whose commit did not finish never count.
 */
export const leadKeys = sqliteTable(
  'lead_keys',
  {
    kind: text('kind', { enum: ['email', 'linkedin', 'domain'] }).notNull(),
    key: text('key').notNull(),
    leadId: integer('lead_id').notNull(),
    importId: integer('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key, t.leadId] }), index('lead_keys_import_idx').on(t.importId)],
);

/** A set of leads that look like the same person; members point here through leads.group_id. */
export const duplicateGroups = sqliteTable(
  'duplicate_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['email', 'linkedin', 'name_company', 'existing'] }).notNull(),
    survivorLeadId: integer('survivor_lead_id'),
    status: text('status', { enum: ['open', 'resolved', 'kept_both'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('duplicate_groups_import_idx').on(t.importId)],
);

/**
 * Every group a lead belongs to (a survivor of an exact group can also be in a fuzzy group);
 * leads.group_id is only the one shown in the table.
 */
export const duplicateGroupMembers = sqliteTable(
  'duplicate_group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => duplicateGroups.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.leadId] }),
    index('duplicate_group_members_lead_idx').on(t.leadId),
  ],
);

/** One undoable step on a draft import (an edit, a bulk action, a group decision); dropped at commit. */
export const leadUndoBatches = sqliteTable(
  'lead_undo_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('lead_undo_batches_import_idx').on(t.importId)],
);

/** The mutable columns of a lead as they were before an undoable step. */
export const leadUndoLeads = sqliteTable(
  'lead_undo_leads',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => leadUndoBatches.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').notNull(),
    email: text('email'),
    emailKey: text('email_key'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    fullName: text('full_name'),
    title: text('title'),
    company: text('company'),
    website: text('website'),
    domain: text('domain'),
    linkedinUrl: text('linkedin_url'),
    phone: text('phone'),
    customJson: text('custom_json').notNull(),
    state: text('state').notNull(),
    reason: text('reason').notNull(),
    flagsJson: text('flags_json').notNull(),
    suggestion: text('suggestion'),
    decision: text('decision'),
    editedAt: integer('edited_at'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.leadId] })],
);

/** A duplicate group's decision as it was before an undoable step. */
export const leadUndoGroups = sqliteTable(
  'lead_undo_groups',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => leadUndoBatches.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').notNull(),
    survivorLeadId: integer('survivor_lead_id'),
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.groupId] })],
);

export const suppressions = sqliteTable(
  'suppressions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['email', 'domain'] }).notNull(),
    value: text('value').notNull(),
    source: text('source').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('suppressions_kind_value_uq').on(t.kind, t.value)],
);

export const mappingTemplates = sqliteTable(
  'mapping_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    headerSignature: text('header_signature').notNull(),
    headersJson: text('headers_json').notNull(),
    mappingJson: text('mapping_json').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('mapping_templates_signature_idx').on(t.headerSignature)],
);
