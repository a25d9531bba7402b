/*
 * What a SQLite failure means to the user, and what to do next. Without this a full disk, a file held
 * by another process or a damaged database all read "Something went wrong". Every write LeadPrep makes
 * is one transaction, so a write that failed left nothing half-saved, and the messages say so.
 */
import { AppError } from '../../src-shared/errors';

const WHERE = 'Settings › About this copy of LeadPrep shows where its data folder is.';

const BUSY =
  'The database is busy with another LeadPrep (the command line, or a second copy of the app). Try again in a moment; nothing was half-saved.';
const DAMAGED = `LeadPrep's database file is damaged. Quit LeadPrep and put back the latest copy from the "backups" folder beside it; the log has the details. ${WHERE}`;

/** By SQLite's primary result code: an extended code ("SQLITE_IOERR_WRITE") reads as its primary one. */
const MESSAGES: Readonly<Record<string, string>> = {
  SQLITE_FULL:
    'The disk is full, so LeadPrep could not save this. Free some space, then try again; nothing was half-saved.',
  SQLITE_BUSY: BUSY,
  SQLITE_LOCKED: BUSY,
  SQLITE_READONLY: `LeadPrep cannot write to its database: check that its data folder is writable and not on a read-only disk, then try again. ${WHERE}`,
  SQLITE_IOERR: `The disk could not read or write LeadPrep's database (a drive removed, a full disk, a sync tool holding the file?). Check the data folder, then try again; nothing was half-saved. ${WHERE}`,
  SQLITE_CANTOPEN: `LeadPrep cannot open its database file: check that its data folder still exists and is writable. ${WHERE}`,
  SQLITE_CORRUPT: DAMAGED,
  SQLITE_NOTADB: DAMAGED,
};

/** The AppError a SQLite failure (better-sqlite3's SqliteError, by its `code`) stands for; null for any other error. */
export function sqliteFailure(e: unknown): AppError | null {
  if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'string') return null;
  const primary = /^SQLITE_[A-Z]+/.exec(e.code)?.[0];
  const message = primary === undefined ? undefined : MESSAGES[primary];
  return message === undefined ? null : new AppError('database', message);
}
