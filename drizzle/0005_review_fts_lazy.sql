-- Review search documents are now (re)built by the review service, not inside the writer's
-- transaction: the triggers only mark a document dirty, which costs the generation code's
-- "store this batch's sequences" transaction almost nothing. The review service refreshes dirty
-- documents (FTS text and quality flags) in small chunks before it lists, searches or counts, and
-- right away for its own edits (src-main/services/review/flags-store.ts).
DROP TRIGGER IF EXISTS `review_run_leads_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_steps_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_steps_after_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_steps_after_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_leads_after_update`;
--> statement-breakpoint
CREATE TRIGGER `review_run_leads_after_insert` AFTER INSERT ON `run_leads` BEGIN
  INSERT INTO review_docs(run_id, lead_id) VALUES (NEW.run_id, NEW.lead_id) ON CONFLICT DO UPDATE SET dirty = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_insert` AFTER INSERT ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id AND dirty = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_update` AFTER UPDATE OF subject, body ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id AND dirty = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_delete` AFTER DELETE ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = OLD.run_id AND lead_id = OLD.lead_id AND dirty = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `review_leads_after_update` AFTER UPDATE OF first_name, last_name, full_name, title, company, email ON `leads` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE lead_id = NEW.id AND dirty = 0;
END;
