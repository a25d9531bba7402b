import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownSchemaVersion, openDatabase } from '../../../src-main/db/open';
import { findAssetDir } from '../../../src-main/paths';

const realMigrations = findAssetDir('drizzle');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadprep-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (migrationsDir = realMigrations) =>
  openDatabase({ databasePath: join(dir, 'leadprep.db'), migrationsDir, backupDir: join(dir, 'backups') });

/** A copy of the shipped migrations plus one more, as the next LeadPrep release would ship. */
function migrationsWithExtra(sql: string): string {
  const folder = join(dir, 'next-migrations');
  cpSync(realMigrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: Array<Record<string, unknown>>;
  };
  const last = journal.entries[journal.entries.length - 1]!;
  const tag = `9999_next_release`;
  journal.entries.push({ ...last, idx: journal.entries.length, tag, when: Number(last.when) + 1000 });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

/** A copy of the shipped migrations up to and including `tag`, as an earlier LeadPrep release shipped them. */
function migrationsUpTo(tag: string): string {
  const folder = join(dir, 'earlier-migrations');
  cpSync(realMigrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, at + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('database migrations', () => {
  it('creates every table on an empty database with WAL and foreign keys on', () => {
    const db = open();
    const tables = db.sqlite
      .prepare("select name from sqlite_master where type = 'table'")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      expect.arrayContaining(['imports', 'leads', 'jobs', 'runs', 'batches', 'sequence_steps', 'pushes']),
    );
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.schemaVersion).toBe(knownSchemaVersion(realMigrations));
    expect(db.backupPath).toBeNull();
    expect(db.upgradedFrom).toBeNull();
    db.close();
  });

  it('re-opening an up-to-date database changes nothing and makes no backup', () => {
    open().close();
    const again = open();
    expect(again.backupPath).toBeNull();
    expect(again.upgradedFrom).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    again.close();
  });

  it('an upgrade keeps existing rows and leaves a backup copy first', () => {
    const v1 = open();
    v1.sqlite
      .prepare(
        "insert into suppressions (kind, value, source, created_at) values ('email', 'keep@me.test', 'test', 1)",
      )
      .run();
    v1.close();
    const next = open(migrationsWithExtra('ALTER TABLE `suppressions` ADD `note` text;'));
    expect(next.schemaVersion).toBe(knownSchemaVersion(realMigrations) + 1);
    expect(next.sqlite.prepare('select value from suppressions').pluck().all()).toEqual(['keep@me.test']);
    expect(next.backupPath).not.toBeNull();
    expect(next.upgradedFrom).toBe(knownSchemaVersion(realMigrations));
    const backup = new Database(next.backupPath!, { readonly: true });
    expect(backup.prepare('select value from suppressions').pluck().all()).toEqual(['keep@me.test']);
    backup.close();
    next.close();
  });

  it('a failed migration leaves the old database usable and says where the backup is', () => {
    const v1 = open();
    v1.sqlite
      .prepare(
        "insert into suppressions (kind, value, source, created_at) values ('domain', 'old.test', 'test', 1)",
      )
      .run();
    v1.close();
    const broken = migrationsWithExtra('ALTER TABLE `no_such_table` ADD `x` text;');
    expect(() => open(broken)).toThrow(/left it as it was.*backups/s);
    const again = open();
    expect(again.sqlite.prepare('select value from suppressions').pluck().all()).toEqual(['old.test']);
    again.close();
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('gives the named leads of imports committed before it their company domain as a key (0011)', () => {
    const before = open(migrationsUpTo('0010_email_mailbox_keys'));
    const insertImport = before.sqlite.prepare(
      `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, headers_json, mapping_json,
         status, row_count, counts_json, created_at)
       VALUES (?, 1, ?, 'csv', 'leads', 0, '[]', '[]', ?, 4, '{}', 1)`,
    );
    const committed = Number(insertImport.run('march.csv', 'a'.repeat(64), 'committed').lastInsertRowid);
    const draft = Number(insertImport.run('april.csv', 'b'.repeat(64), 'draft').lastInsertRowid);
    const insertLead = before.sqlite.prepare(
      `INSERT INTO leads (id, import_id, row_number, original_json, full_name, domain, custom_json, state, reason,
         flags_json, created_at)
       VALUES (?, ?, ?, '[]', ?, ?, '{}', ?, '', '[]', 1)`,
    );
    insertLead.run(1, committed, 2, 'Robert Stone', 'Acme.com', 'ready');
    insertLead.run(2, committed, 3, null, 'beta.io', 'ready');
    insertLead.run(3, committed, 4, 'Ann Lee', 'gamma.io', 'invalid');
    insertLead.run(4, committed, 5, 'Cy Li', null, 'ready');
    insertLead.run(5, draft, 2, 'Dee Ray', 'delta.io', 'ready');
    before.close();

    const after = open();
    expect(
      after.sqlite.prepare("SELECT key, lead_id, import_id FROM lead_keys WHERE kind = 'domain'").all(),
    ).toEqual([{ key: 'acme.com', lead_id: 1, import_id: committed }]);
    after.close();
  });

  it('refuses a database written by a newer LeadPrep without touching it', () => {
    open().close();
    const raw = new Database(join(dir, 'leadprep.db'));
    raw.pragma(`user_version = ${knownSchemaVersion(realMigrations) + 5}`);
    raw.close();
    const before = readFileSync(join(dir, 'leadprep.db'));
    expect(() => open()).toThrow(/newer version of LeadPrep/);
    expect(readFileSync(join(dir, 'leadprep.db')).equals(before)).toBe(true);
  });
});
