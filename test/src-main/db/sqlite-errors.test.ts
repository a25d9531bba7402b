import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteFailure } from '../../../src-main/db/sqlite-errors';

describe('sqliteFailure', () => {
  it.each([
    ['SQLITE_FULL', /^The disk is full/],
    ['SQLITE_BUSY', /busy with another LeadPrep/],
    ['SQLITE_BUSY_SNAPSHOT', /busy with another LeadPrep/],
    ['SQLITE_IOERR_WRITE', /could not read or write/],
    ['SQLITE_READONLY_DBMOVED', /cannot write to its database/],
    ['SQLITE_CORRUPT', /damaged.*backups/],
    ['SQLITE_NOTADB', /damaged.*backups/],
  ])('%s says what happened and what to do', (code, message) => {
    const failure = sqliteFailure(Object.assign(new Error('raw'), { code }));
    expect(failure).toMatchObject({ code: 'database', message: expect.stringMatching(message) });
  });

  it("reads better-sqlite3's own errors, and leaves others (a constraint is the caller's to explain) alone", () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    db.prepare('INSERT INTO t VALUES (1)').run();
    let thrown: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (1)').run();
    } catch (e) {
      thrown = e;
    }
    db.close();
    expect(thrown).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(sqliteFailure(thrown)).toBeNull();
    expect(sqliteFailure(new Error('no code'))).toBeNull();
    expect(sqliteFailure({ code: 'ENOSPC' })).toBeNull();
  });
});
