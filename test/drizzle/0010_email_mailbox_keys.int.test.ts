import { expect, it } from 'vitest';
import { upgradeFixture } from './previous-release';

const upgrade = upgradeFixture();

it('an upgraded database compares the addresses stored before by their mailbox', () => {
  const before = upgrade.before('0010');
  const importId = Number(
    before.sqlite
      .prepare(
        `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, headers_json, mapping_json,
           status, row_count, rows_read, blank_rows, staged, counts_json, created_at)
         VALUES ('old.csv', 1, 'x', 'csv', 'Sheet1', 0, '[]', '[]', 'committed', 3, 3, 0, 1, '{}', 1)`,
      )
      .run().lastInsertRowid,
  );
  const insertLead = before.sqlite.prepare(
    `INSERT INTO leads (id, import_id, row_number, original_json, email, email_key, custom_json, state, reason,
       flags_json, created_at)
     VALUES (?, ?, ?, '[]', ?, ?, '{}', 'ready', '', '[]', 1)`,
  );
  const insertKey = before.sqlite.prepare(
    "INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('email', ?, ?, ?)",
  );
  const stored: Array<[id: number, email: string]> = [
    [1, 'J.Ane+News@Gmail.com'],
    [2, 'Bob+crm@Acme.com'],
    [3, 'carol@acme.com'],
  ];
  for (const [id, email] of stored) {
    insertLead.run(id, importId, id + 1, email, email.toLowerCase());
    insertKey.run(email.toLowerCase(), id, importId);
  }
  const batch = Number(
    before.sqlite
      .prepare("INSERT INTO lead_undo_batches (import_id, label, created_at) VALUES (?, 'Edit', 1)")
      .run(importId).lastInsertRowid,
  );
  before.sqlite
    .prepare(
      `INSERT INTO lead_undo_leads (batch_id, lead_id, email, email_key, custom_json, state, reason, flags_json)
       VALUES (?, 2, 'Bob+crm@Acme.com', 'bob+crm@acme.com', '{}', 'ready', '', '[]')`,
    )
    .run(batch);
  before.close();

  const after = upgrade.after();
  expect(after.sqlite.prepare('SELECT id, email, email_key FROM leads ORDER BY id').all()).toEqual([
    { id: 1, email: 'J.Ane+News@Gmail.com', email_key: 'jane@gmail.com' },
    { id: 2, email: 'Bob+crm@Acme.com', email_key: 'bob@acme.com' },
    { id: 3, email: 'carol@acme.com', email_key: 'carol@acme.com' },
  ]);
  expect(
    after.sqlite.prepare("SELECT key, lead_id FROM lead_keys WHERE kind = 'email' ORDER BY lead_id").all(),
  ).toEqual([
    { key: 'jane@gmail.com', lead_id: 1 },
    { key: 'bob@acme.com', lead_id: 2 },
    { key: 'carol@acme.com', lead_id: 3 },
  ]);
  expect(after.sqlite.prepare('SELECT email_key FROM lead_undo_leads').pluck().all()).toEqual(['bob@acme.com']);
  after.close();
});
