-- review_docs.review_state mirrors run_leads.review_state (whoever changes it) so the review screen's
-- filters and counts read one covering index instead of joining 100k run_leads rows.
UPDATE review_docs SET review_state = (
  SELECT coalesce(max(rl.review_state), 'pending') FROM run_leads rl WHERE rl.run_id = review_docs.run_id AND rl.lead_id = review_docs.lead_id
);
--> statement-breakpoint
DROP TRIGGER IF EXISTS `review_run_leads_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `review_run_leads_after_insert` AFTER INSERT ON `run_leads` BEGIN
  INSERT INTO review_docs(run_id, lead_id, review_state) VALUES (NEW.run_id, NEW.lead_id, NEW.review_state)
    ON CONFLICT DO UPDATE SET dirty = 1, review_state = excluded.review_state;
END;
--> statement-breakpoint
CREATE TRIGGER `review_run_leads_after_state` AFTER UPDATE OF review_state ON `run_leads` BEGIN
  UPDATE review_docs SET review_state = NEW.review_state WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id;
END;
