import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** When a provider's key last passed "Test connection". Only the outcome is stored, never the key. */
export const keyChecks = sqliteTable('key_checks', {
  provider: text('provider').primaryKey(),
  checkedAt: integer('checked_at').notNull(),
  outcome: text('outcome', { enum: ['ok', 'unauthorized', 'offline', 'unexpected'] }).notNull(),
});

/** Small remembered UI values (recent campaign/list IDs, last options) keyed by name. */
export const preferences = sqliteTable('preferences', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
