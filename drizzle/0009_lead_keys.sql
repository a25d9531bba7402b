CREATE TABLE `lead_keys` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`lead_id` integer NOT NULL,
	`import_id` integer NOT NULL,
	PRIMARY KEY(`kind`, `key`, `lead_id`)
);
--> statement-breakpoint
CREATE INDEX `lead_keys_import_idx` ON `lead_keys` (`import_id`);--> statement-breakpoint
DROP INDEX `leads_email_key_idx`;--> statement-breakpoint
DROP INDEX `leads_linkedin_idx`;--> statement-breakpoint
INSERT OR IGNORE INTO `lead_keys` (`kind`, `key`, `lead_id`, `import_id`)
  SELECT 'email', l.`email_key`, l.`id`, l.`import_id` FROM `leads` l JOIN `imports` i ON i.`id` = l.`import_id`
   WHERE i.`status` = 'committed' AND l.`state` != 'invalid' AND l.`email_key` IS NOT NULL ORDER BY l.`email_key`;--> statement-breakpoint
INSERT OR IGNORE INTO `lead_keys` (`kind`, `key`, `lead_id`, `import_id`)
  SELECT 'linkedin', l.`linkedin_url`, l.`id`, l.`import_id` FROM `leads` l JOIN `imports` i ON i.`id` = l.`import_id`
   WHERE i.`status` = 'committed' AND l.`state` != 'invalid' AND l.`linkedin_url` IS NOT NULL ORDER BY l.`linkedin_url`;
