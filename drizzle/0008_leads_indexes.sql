DROP INDEX `leads_import_state_idx`;--> statement-breakpoint
CREATE INDEX `leads_import_state_row_idx` ON `leads` (`import_id`,`state`,`row_number`);--> statement-breakpoint
CREATE INDEX `leads_search_idx` ON `leads` (`import_id`,`row_number`,`state`,`email`,`full_name`,`company`);--> statement-breakpoint
CREATE INDEX `sequence_steps_lead_idx` ON `sequence_steps` (`lead_id`);--> statement-breakpoint
CREATE INDEX `step_edits_lead_idx` ON `step_edits` (`lead_id`);