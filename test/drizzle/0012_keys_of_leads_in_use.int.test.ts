import { expect, it } from 'vitest';
import { upgradeFixture } from './previous-release';

const upgrade = upgradeFixture();

it('an upgraded database no longer holds a person back by a committed lead that needs a fix', () => {
  const before = upgrade.before('0012');
  const addImport = before.sqlite.prepare<[string]>(
    `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, headers_json, mapping_json,
       status, row_count, rows_read, blank_rows, staged, counts_json, created_at)
     VALUES ('old.csv', 1, 'x', 'csv', 'Sheet1', 0, '[]', '[]', ?, 1, 1, 0, 1, '{}', 1)`,
  );
  const committed = Number(addImport.run('committed').lastInsertRowid);
  const halfway = Number(addImport.run('draft').lastInsertRowid);
  const addLead = before.sqlite.prepare<[number, number, number, string, string, string, string]>(
    `INSERT INTO leads (id, import_id, row_number, original_json, email, email_key, custom_json, state, reason,
       flags_json, created_at)
     VALUES (?, ?, ?, '[]', ?, ?, '{}', ?, '', ?, 1)`,
  );
  const addKey = before.sqlite.prepare<[string, number, number]>(
    "INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('email', ?, ?, ?)",
  );
  const addGroup = before.sqlite.prepare<[number, number, number]>(
    "INSERT INTO duplicate_groups (id, import_id, kind, survivor_lead_id, status, created_at) VALUES (?, ?, 'email', ?, 'open', 1)",
  );
  const addMember = before.sqlite.prepare<[number, number]>(
    'INSERT INTO duplicate_group_members (group_id, lead_id) VALUES (?, ?)',
  );
  const leads: Array<[id: number, importId: number, email: string, state: string, flags: string]> = [
    [1, committed, 'ann@acme.com', 'ready', '[]'],
    [2, committed, 'ann.lee@acme.com', 'duplicate', '[]'],
    [3, committed, 'jane@gmial.com', 'needs_fix', '["typo"]'],
    [4, committed, 'jane.doe@gmial.com', 'duplicate', '[]'],
    [5, committed, 'old@acme.com', 'duplicate', '["in_database"]'],
    [6, committed, 'out@acme.com', 'suppressed', '[]'],
    [7, committed, 'sam@beta.io', 'needs_fix', '[]'],
    [8, halfway, 'eve@gmial.com', 'needs_fix', '["typo"]'],
  ];
  for (const [id, importId, email, state, flags] of leads) {
    addLead.run(id, importId, id + 1, email, email, state, flags);
    addKey.run(email, id, importId);
  }
  addGroup.run(1, committed, 1);
  addMember.run(1, 1);
  addMember.run(1, 2);
  addGroup.run(2, committed, 3);
  addMember.run(2, 3);
  addMember.run(2, 4);
  before.close();

  const after = upgrade.after();
  // Kept: used or kept out, duplicates of such leads, and keys of an import not committed (its commit
  // writes them again).
  expect(after.sqlite.prepare('SELECT lead_id FROM lead_keys ORDER BY lead_id').pluck().all()).toEqual([
    1, 2, 5, 6, 8,
  ]);
  after.close();
});
