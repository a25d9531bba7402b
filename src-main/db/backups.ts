/*
 * Copies of the database in the backups folder: one a day while the app runs, and one whenever the user
 * asks. SQLite's online backup copies a consistent snapshot while the app goes on working (better-sqlite3
 * copies it a batch of pages at a time between event-loop turns). Daily copies beyond the newest
 * DAILY_KEPT are removed; the user's own copies and the ones taken before a schema upgrade are kept.
 * When the database file is damaged, the newest copy is what the user puts back (see sqlite-errors.ts).
 */
import type Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DAILY_PREFIX = 'leadprep-daily-';
const COPY_PREFIX = 'leadprep-copy-';
export const DAILY_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 2026-12-06T14-05-09Z: sorts as time does, and is a file name everywhere. */
function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The copies in `dir` (every kind), newest first, with when each was taken. */
export function backupsIn(dir: string): { name: string; path: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith('leadprep-') && n.endsWith('.db'))
    .map((name) => {
      const path = join(dir, name);
      return { name, path, at: Math.floor(statSync(path).mtimeMs) };
    })
    .sort((a, b) => b.at - a.at);
}

/** A copy of the database taken now: `daily` as the app takes them, `copy` as the user asks. */
export async function backUp(
  sqlite: Database.Database,
  dir: string,
  kind: 'daily' | 'copy',
  now = new Date(),
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${kind === 'daily' ? DAILY_PREFIX : COPY_PREFIX}${stamp(now)}.db`);
  await sqlite.backup(path);
  return path;
}

/**
 * The day's copy, unless a copy of any kind was taken in the last day; then the daily copies beyond
 * the newest DAILY_KEPT are removed. The path of the copy taken, or null.
 */
export async function dailyBackup(
  sqlite: Database.Database,
  dir: string,
  now = new Date(),
): Promise<string | null> {
  const newest = backupsIn(dir)[0];
  if (newest && now.getTime() - newest.at < DAY_MS) return null;
  const path = await backUp(sqlite, dir, 'daily', now);
  for (const old of backupsIn(dir)
    .filter((b) => b.name.startsWith(DAILY_PREFIX))
    .slice(DAILY_KEPT)) {
    rmSync(old.path, { force: true });
  }
  return path;
}
