import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { findAssetDir } from '../../src-main/paths';

const realMigrations = findAssetDir('drizzle');

/**
 * A copy (in `dir`) of the shipped migrations before `tag`: the schema a user upgrading from the
 * release before that migration has.
 */
function migrationsBefore(dir: string, tag: string): string {
  const folder = join(dir, `before-${tag}`);
  cpSync(realMigrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/**
 * One database per test in a folder of its own: `before(tag)` opens it with the migrations a user
 * had before `tag`, `after()` with every shipped migration, as the upgraded app opens it.
 */
export function upgradeFixture() {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadprep-upgrade-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const open = (migrationsDir: string) =>
    openDatabase({
      databasePath: join(dir, 'leadprep.db'),
      migrationsDir,
      backupDir: join(dir, 'backups'),
    });
  return { before: (tag: string) => open(migrationsBefore(dir, tag)), after: () => open(realMigrations) };
}
