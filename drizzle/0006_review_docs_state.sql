ALTER TABLE `review_docs` ADD `review_state` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
CREATE INDEX `review_docs_counts_idx` ON `review_docs` (`run_id`,`review_state`,`flags_mask`);--> statement-breakpoint
CREATE INDEX `review_docs_page_idx` ON `review_docs` (`run_id`,`lead_id`,`review_state`,`flags_mask`);