-- A committed lead that needs a fix is never used: its keys no longer make the same person in a later
-- import (the address mended) "already in your leads", nor do those of its duplicates when no lead of
-- their group is used or kept out. Keys stay for leads ready or suppressed, and for duplicates of
-- those or of a lead already in your leads. Invalid leads never had keys.
DELETE FROM `lead_keys` WHERE `lead_id` IN (
  SELECT l.`id` FROM `leads` l JOIN `imports` i ON i.`id` = l.`import_id`
   WHERE i.`status` = 'committed' AND l.`state` NOT IN ('ready', 'suppressed')
     AND NOT (l.`state` = 'duplicate' AND (
       l.`flags_json` LIKE '%"in_database"%' OR EXISTS (
         SELECT 1 FROM `duplicate_group_members` m JOIN `duplicate_group_members` o ON o.`group_id` = m.`group_id`
           JOIN `leads` s ON s.`id` = o.`lead_id`
          WHERE m.`lead_id` = l.`id` AND s.`state` IN ('ready', 'suppressed'))))
);
