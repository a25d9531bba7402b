import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { upgradeFixture } from './previous-release';
import { createTestApp } from '../helpers/app';
import { csvBytes } from '../fixtures-gen';
import { importFile } from '../../src-main/services/imports/file-import';
import { findAssetDir } from '../../src-main/paths';

const upgrade = upgradeFixture();

/** When the migration named `prefix` was made: drizzle records it as the migration's created_at. */
function migratedAt(prefix: string): number {
  const journal = JSON.parse(readFileSync(join(findAssetDir('drizzle'), 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  const entry = journal.entries.find((e) => e.tag.startsWith(`${prefix}_`));
  if (!entry) throw new Error(`no migration ${prefix}`);
  return entry.when;
}

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

it('an open draft is checked against your leads again after the upgrade', async () => {
  const before = createTestApp();
  const home = before.dir;
  const header = ['Email', 'First Name', 'Last Name', 'LinkedIn'];
  const load = (row: string[], name: string, draft: boolean) =>
    importFile(before.call, csvBytes([header, row]), name, { draft }).then((r) => r.summary);
  try {
    const old = await load(['jane@gmial.com', 'Jane', 'Doe', 'linkedin.com/in/jane-doe'], 'old.csv', false);
    const [unused] = (await before.call('leads.page', { importId: old.id, limit: 10 })).rows;
    expect(unused?.state).toBe('needs_fix');
    // The key the release before kept for a lead committed needing a fix, and a draft checked against it.
    before.ctx.database.sqlite
      .prepare("INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('linkedin', ?, ?, ?)")
      .run('https://www.linkedin.com/in/jane-doe', unused!.id, old.id);
    const draft = await load(['jane@gmail.com', 'Jane', 'Doe', 'linkedin.com/in/jane-doe'], 'new.csv', true);
    const page = () => before.call('leads.page', { importId: draft.id, limit: 10 });
    expect((await page()).rows[0]?.state).toBe('duplicate');
    const databasePath = before.ctx.paths.databasePath;
    await before.ctx.close();
    // That release's database: migrated up to 0011. Of the migrations after it, 0013, 0014 and 0015 only
    // added a column each.
    const sqlite = new Database(databasePath);
    sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(migratedAt('0012'));
    sqlite.prepare('ALTER TABLE imports DROP COLUMN hidden_rows').run();
    sqlite.prepare('ALTER TABLE imports DROP COLUMN header_repeats').run();
    sqlite.prepare('ALTER TABLE imports DROP COLUMN footer_rows').run();
    sqlite.pragma('user_version = 12');
    sqlite.close();

    const after = createTestApp({ LEADPREP_HOME: home });
    try {
      expect(after.ctx.database.upgradedFrom).toBe(12);
      await vi.waitFor(
        async () => {
          const [jane] = (await after.call('leads.page', { importId: draft.id, limit: 10 })).rows;
          expect(jane).toMatchObject({ state: 'ready', reason: 'Ready' });
        },
        { timeout: 5000, interval: 50 },
      );
    } finally {
      await after.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
