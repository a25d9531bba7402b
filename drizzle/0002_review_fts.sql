-- Full-text search for the review screen (issue 6). One document per review_docs row (a lead in a run):
-- all step subjects, all step bodies, the person's name and title, company, email. Contentless with
-- contentless_delete so the text is not stored twice; triggers below keep it current whoever writes
-- run_leads, sequence_steps or leads, and mark the document dirty so review flags get recomputed.
CREATE VIRTUAL TABLE `review_fts` USING fts5(subjects, bodies, person, company, email, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `review_docs_after_delete` AFTER DELETE ON `review_docs` BEGIN
  DELETE FROM review_fts WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_run_leads_after_insert` AFTER INSERT ON `run_leads` BEGIN
  INSERT INTO review_docs(run_id, lead_id) VALUES (NEW.run_id, NEW.lead_id) ON CONFLICT DO NOTHING;
  DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id);
  INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
    SELECT d.id,
      (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
      l.company,
      l.email
    FROM review_docs d JOIN leads l ON l.id = d.lead_id
    WHERE d.run_id = NEW.run_id AND d.lead_id = NEW.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_insert` AFTER INSERT ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id;
  DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id);
  INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
    SELECT d.id,
      (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
      l.company,
      l.email
    FROM review_docs d JOIN leads l ON l.id = d.lead_id
    WHERE d.run_id = NEW.run_id AND d.lead_id = NEW.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_update` AFTER UPDATE OF subject, body ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id;
  DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE run_id = NEW.run_id AND lead_id = NEW.lead_id);
  INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
    SELECT d.id,
      (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
      l.company,
      l.email
    FROM review_docs d JOIN leads l ON l.id = d.lead_id
    WHERE d.run_id = NEW.run_id AND d.lead_id = NEW.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_steps_after_delete` AFTER DELETE ON `sequence_steps` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE run_id = OLD.run_id AND lead_id = OLD.lead_id;
  DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE run_id = OLD.run_id AND lead_id = OLD.lead_id);
  INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
    SELECT d.id,
      (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
      l.company,
      l.email
    FROM review_docs d JOIN leads l ON l.id = d.lead_id
    WHERE d.run_id = OLD.run_id AND d.lead_id = OLD.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `review_leads_after_update` AFTER UPDATE OF first_name, last_name, full_name, title, company, email ON `leads` BEGIN
  UPDATE review_docs SET dirty = 1 WHERE lead_id = NEW.id;
  DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE lead_id = NEW.id);
  INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
    SELECT d.id,
      (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
      concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
      l.company,
      l.email
    FROM review_docs d JOIN leads l ON l.id = d.lead_id
    WHERE d.lead_id = NEW.id;
END;
--> statement-breakpoint
INSERT INTO review_docs(run_id, lead_id) SELECT run_id, lead_id FROM run_leads WHERE true ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
  SELECT d.id,
    (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
    (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
    concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
    l.company,
    l.email
  FROM review_docs d JOIN leads l ON l.id = d.lead_id;
