import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    status: text('status', { enum: ['draft', 'committed'] }).notNull(),
    rowCount: integer('row_count').notNull(),
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
    decision: text('decision', { enum: ['exclude', 'keep'] }),
    editedAt: integer('edited_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('leads_import_state_idx').on(t.importId, t.state),
    index('leads_email_key_idx').on(t.emailKey),
    index('leads_linkedin_idx').on(t.linkedinUrl),
  ],
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
