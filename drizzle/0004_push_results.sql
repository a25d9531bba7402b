ALTER TABLE `push_items` ADD `reason_code` text;--> statement-breakpoint
ALTER TABLE `push_items` ADD `retryable` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `push_items_job_idx` ON `push_items` (`job_id`);--> statement-breakpoint
ALTER TABLE `pushes` ADD `target_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `pushes_run_idx` ON `pushes` (`run_id`);--> statement-breakpoint
CREATE INDEX `pushes_target_idx` ON `pushes` (`destination`,`target_key`);