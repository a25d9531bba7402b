import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { emailKey } from '../../src-shared/import/email';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
  backupPath: string | null;
  /** The schema version an existing database had before this open migrated it; null when none ran. */
  upgradedFrom: number | null;
  close(): void;
}

export interface OpenOptions {
  databasePath: string;
  migrationsDir: string;
  backupDir: string;
  /** Native binding built for Electron's ABI; the Node build is used when absent. */
  nativeBinding?: string;
  now?: () => Date;
}

const Journal = z.object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() })) });

/** The schema version this build knows: the number of migrations it ships. */
export function knownSchemaVersion(migrationsDir: string): number {
  const journal = Journal.parse(
    JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')),
  );
  return journal.entries.length;
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (creating if needed) the database and brings its schema up to date. PRAGMA user_version
 * holds the number of migrations applied, which lets an older LeadPrep refuse a newer database
 * instead of damaging it. An existing database is copied aside before any migration touches it;
 * drizzle applies pending migrations in one transaction, so a failure leaves the old schema intact.
 */
export function openDatabase(opts: OpenOptions): OpenedDatabase {
  const known = knownSchemaVersion(opts.migrationsDir);
  const existed = existsSync(opts.databasePath);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(opts.databasePath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    throw new AppError(
      'database',
      `LeadPrep could not open its database at ${opts.databasePath}: ${(e as Error).message}. Check that the folder is writable and not on a full disk.`,
    );
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Migration 0010 re-keys stored addresses with the rule the app compares them by: one definition, in JS.
    sqlite.function('leadprep_email_key', { deterministic: true }, (key: unknown) =>
      typeof key === 'string' ? emailKey(key) : key,
    );
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new AppError(
        'database',
        `This data was saved by a newer version of LeadPrep (schema ${current}; this version knows ${known}). Update LeadPrep to open it — nothing was changed.`,
      );
    }
    let backupPath: string | null = null;
    const upgradedFrom = existed && current > 0 && current < known ? current : null;
    if (current < known) {
      if (upgradedFrom !== null) {
        mkdirSync(opts.backupDir, { recursive: true });
        backupPath = join(
          opts.backupDir,
          `leadprep-schema${current}-${timestamp(opts.now?.() ?? new Date())}.db`,
        );
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(opts.databasePath, backupPath);
      }
      try {
        migrate(drizzle(sqlite), { migrationsFolder: opts.migrationsDir });
        sqlite.pragma(`user_version = ${known}`);
      } catch (e) {
        throw new AppError(
          'database',
          `Updating the database failed, so LeadPrep left it as it was${backupPath ? ` (a copy is at ${backupPath})` : ''}: ${(e as Error).message}`,
        );
      }
    }
    const db = drizzle(sqlite, { schema });
    return { sqlite, db, schemaVersion: known, backupPath, upgradedFrom, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
