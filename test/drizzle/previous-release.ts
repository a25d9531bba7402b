import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAssetDir } from '../../src-main/paths';

export const realMigrations = findAssetDir('drizzle');

/**
 * A copy (in `dir`) of the shipped migrations before `tag`: the schema a user upgrading from the
 * release before that migration has.
 */
export function migrationsBefore(dir: string, tag: string): string {
  const folder = join(dir, `before-${tag}`);
  cpSync(realMigrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
