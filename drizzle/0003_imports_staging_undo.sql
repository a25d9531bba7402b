CREATE TABLE `duplicate_group_members` (
	`group_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `lead_id`),
	FOREIGN KEY (`group_id`) REFERENCES `duplicate_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duplicate_group_members_lead_idx` ON `duplicate_group_members` (`lead_id`);--> statement-breakpoint
CREATE TABLE `lead_undo_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_undo_batches_import_idx` ON `lead_undo_batches` (`import_id`);--> statement-breakpoint
CREATE TABLE `lead_undo_groups` (
	`batch_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`survivor_lead_id` integer,
	`status` text NOT NULL,
	PRIMARY KEY(`batch_id`, `group_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `lead_undo_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lead_undo_leads` (
	`batch_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`email` text,
	`email_key` text,
	`first_name` text,
	`last_name` text,
	`full_name` text,
	`title` text,
	`company` text,
	`website` text,
	`domain` text,
	`linkedin_url` text,
	`phone` text,
	`custom_json` text NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`flags_json` text NOT NULL,
	`suggestion` text,
	`decision` text,
	`edited_at` integer,
	PRIMARY KEY(`batch_id`, `lead_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `lead_undo_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `imports` ADD `rows_read` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `blank_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `staged` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `leads_import_row_uq` ON `leads` (`import_id`,`row_number`);