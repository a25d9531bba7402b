CREATE TABLE `duplicate_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`kind` text NOT NULL,
	`survivor_lead_id` integer,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duplicate_groups_import_idx` ON `duplicate_groups` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`source_kind` text NOT NULL,
	`sheet` text NOT NULL,
	`header_row` integer NOT NULL,
	`encoding` text,
	`delimiter` text,
	`headers_json` text NOT NULL,
	`mapping_json` text NOT NULL,
	`template_id` integer,
	`status` text NOT NULL,
	`row_count` integer NOT NULL,
	`counts_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`committed_at` integer
);
--> statement-breakpoint
CREATE INDEX `imports_sha256_idx` ON `imports` (`sha256`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`original_json` text NOT NULL,
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
	`group_id` integer,
	`decision` text,
	`edited_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `leads_import_state_idx` ON `leads` (`import_id`,`state`);--> statement-breakpoint
CREATE INDEX `leads_email_key_idx` ON `leads` (`email_key`);--> statement-breakpoint
CREATE INDEX `leads_linkedin_idx` ON `leads` (`linkedin_url`);--> statement-breakpoint
CREATE TABLE `mapping_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`header_signature` text NOT NULL,
	`headers_json` text NOT NULL,
	`mapping_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mapping_templates_name_unique` ON `mapping_templates` (`name`);--> statement-breakpoint
CREATE INDEX `mapping_templates_signature_idx` ON `mapping_templates` (`header_signature`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppressions_kind_value_uq` ON `suppressions` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`provider` text NOT NULL,
	`payload_json` text NOT NULL,
	`state` text NOT NULL,
	`run_id` integer,
	`push_id` integer,
	`dedupe_key` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 8 NOT NULL,
	`next_run_at` integer NOT NULL,
	`lease_owner` text,
	`lease_expires_at` integer,
	`last_error` text,
	`last_error_code` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`state`,`provider`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `jobs_run_idx` ON `jobs` (`run_id`);--> statement-breakpoint
CREATE INDEX `jobs_push_idx` ON `jobs` (`push_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe_uq` ON `jobs` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `provider_state` (
	`provider` text PRIMARY KEY NOT NULL,
	`paused_reason` text,
	`paused_message` text,
	`paused_at` integer,
	`concurrency` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`client_ref` text NOT NULL,
	`state` text NOT NULL,
	`list_id` text,
	`lead_count` integer NOT NULL,
	`error` text,
	`error_code` text,
	`submitted_at` integer,
	`poll_deadline_at` integer,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_client_ref_uq` ON `batches` (`client_ref`);--> statement-breakpoint
CREATE INDEX `batches_run_idx` ON `batches` (`run_id`);--> statement-breakpoint
CREATE TABLE `run_leads` (
	`run_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`batch_id` integer,
	`gen_state` text NOT NULL,
	`gen_message` text,
	`review_state` text NOT NULL,
	`flags_json` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `lead_id`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_leads_batch_idx` ON `run_leads` (`batch_id`);--> statement-breakpoint
CREATE INDEX `run_leads_lead_idx` ON `run_leads` (`lead_id`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`campaign_name` text,
	`options_json` text NOT NULL,
	`batch_size` integer NOT NULL,
	`lead_count` integer NOT NULL,
	`state` text NOT NULL,
	`message` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `sequence_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`step` integer NOT NULL,
	`subject_generated` text NOT NULL,
	`body_generated` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`edited_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sequence_steps_run_lead_step_uq` ON `sequence_steps` (`run_id`,`lead_id`,`step`);--> statement-breakpoint
CREATE TABLE `destination_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`destination` text NOT NULL,
	`name` text NOT NULL,
	`settings_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destination_profiles_name_unique` ON `destination_profiles` (`name`);--> statement-breakpoint
CREATE TABLE `push_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`push_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`step` integer,
	`idempotency_key` text NOT NULL,
	`job_id` integer,
	`state` text NOT NULL,
	`reason` text,
	`remote_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`push_id`) REFERENCES `pushes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `push_items_push_idx` ON `push_items` (`push_id`,`state`);--> statement-breakpoint
CREATE INDEX `push_items_lead_idx` ON `push_items` (`lead_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `push_items_push_key_uq` ON `push_items` (`push_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `pushes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`destination` text NOT NULL,
	`target_json` text NOT NULL,
	`options_json` text NOT NULL,
	`state` text NOT NULL,
	`message` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `key_checks` (
	`provider` text PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL,
	`outcome` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `preferences` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
