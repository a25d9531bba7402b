-- Addresses are compared by the mailbox they reach (emailKey in src-shared/import/email.ts): without a
-- +tag, and at Gmail without the dots. The keys stored before were the address lower-cased; each is
-- re-keyed by leadprep_email_key, which src-main/db/open.ts registers as that same function before
-- migrating. lead_keys is rebuilt row for row rather than updated in place, so no primary-key clash can
-- stop the migration.
UPDATE `leads` SET `email_key` = leadprep_email_key(`email_key`)
 WHERE `email_key` IS NOT NULL AND `email_key` != leadprep_email_key(`email_key`);--> statement-breakpoint
UPDATE `lead_undo_leads` SET `email_key` = leadprep_email_key(`email_key`)
 WHERE `email_key` IS NOT NULL AND `email_key` != leadprep_email_key(`email_key`);--> statement-breakpoint
INSERT OR IGNORE INTO `lead_keys` (`kind`, `key`, `lead_id`, `import_id`)
  SELECT 'email', leadprep_email_key(`key`), `lead_id`, `import_id` FROM `lead_keys`
   WHERE `kind` = 'email' AND `key` != leadprep_email_key(`key`);--> statement-breakpoint
DELETE FROM `lead_keys` WHERE `kind` = 'email' AND `key` != leadprep_email_key(`key`);
