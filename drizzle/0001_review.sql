CREATE TABLE `review_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`lead_id` integer,
	`step` integer,
	`session` text,
	`undo_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_actions_run_idx` ON `review_actions` (`run_id`,`undone_at`);--> statement-breakpoint
CREATE TABLE `review_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`flags_mask` integer DEFAULT 0 NOT NULL,
	`dirty` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`run_id`,`lead_id`) REFERENCES `run_leads`(`run_id`,`lead_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_docs_run_lead_uq` ON `review_docs` (`run_id`,`lead_id`);--> statement-breakpoint
CREATE INDEX `review_docs_lead_idx` ON `review_docs` (`lead_id`);--> statement-breakpoint
CREATE INDEX `review_docs_dirty_idx` ON `review_docs` (`run_id`) WHERE dirty = 1;--> statement-breakpoint
CREATE TABLE `step_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`step` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_before` text NOT NULL,
	`body_before` text NOT NULL,
	`subject_after` text NOT NULL,
	`body_after` text NOT NULL,
	`session` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `step_edits_run_lead_step_idx` ON `step_edits` (`run_id`,`lead_id`,`step`);