import { expect, it } from 'vitest';
import { upgradeFixture } from './previous-release';

const upgrade = upgradeFixture();

it('an upgraded database keeps deduping against the leads committed before the upgrade', () => {
  const before = upgrade.before('0009');
  const insertImport = before.sqlite.prepare(
    `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, headers_json, mapping_json,
       status, row_count, rows_read, blank_rows, staged, counts_json, created_at)
     VALUES (?, 1, 'x', 'csv', 'Sheet1', 0, '[]', '[]', ?, 2, 2, 0, 1, '{}', 1)`,
  );
  const insertLead = before.sqlite.prepare(
    `INSERT INTO leads (import_id, row_number, original_json, email_key, linkedin_url, custom_json, state, reason,
       flags_json, created_at)
     VALUES (?, ?, '[]', ?, ?, '{}', ?, '', '[]', 1)`,
  );
  const committed = Number(insertImport.run('old.csv', 'committed').lastInsertRowid);
  const draft = Number(insertImport.run('draft.csv', 'draft').lastInsertRowid);
  insertLead.run(committed, 2, 'ann@acme.com', 'https://www.linkedin.com/in/ann', 'ready');
  insertLead.run(committed, 3, 'bad@', null, 'invalid');
  insertLead.run(draft, 2, 'bob@beta.io', null, 'ready');
  before.close();

  const after = upgrade.after();
  expect(after.backupPath).not.toBeNull();
  const keys = after.sqlite
    .prepare('SELECT kind, key, import_id FROM lead_keys ORDER BY kind, key')
    .all() as Array<{ kind: string; key: string; import_id: number }>;
  expect(keys).toEqual([
    { kind: 'email', key: 'ann@acme.com', import_id: committed },
    { kind: 'linkedin', key: 'https://www.linkedin.com/in/ann', import_id: committed },
  ]);
  const leadIndexes = after.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'")
    .pluck()
    .all();
  expect(leadIndexes).not.toContain('leads_email_key_idx');
  expect(leadIndexes).not.toContain('leads_linkedin_idx');
  after.close();
});
