-- "Possibly already in your leads": a named lead of a committed import is found by its company domain
-- (lower case) in lead_keys, where the fuzzy name rule then compares the names. Imports committed
-- before this get their keys here; drafts are checked when they are committed.
INSERT OR IGNORE INTO `lead_keys` (`kind`, `key`, `lead_id`, `import_id`)
  SELECT 'domain', lower(l.`domain`), l.`id`, l.`import_id` FROM `leads` l JOIN `imports` i ON i.`id` = l.`import_id`
   WHERE i.`status` = 'committed' AND l.`state` != 'invalid' AND l.`domain` IS NOT NULL AND l.`domain` != ''
     AND (l.`first_name` IS NOT NULL OR l.`last_name` IS NOT NULL OR l.`full_name` IS NOT NULL)
   ORDER BY lower(l.`domain`);
