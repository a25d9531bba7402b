import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckpointer, type Checkpointer } from '../../../src-main/db/checkpointer';

let dir: string;
let sqlite: Database.Database;
let checkpointer: Checkpointer | null;
const dbPath = (): string => join(dir, 'leadprep.db');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadprep-ckpt-'));
  sqlite = new Database(dbPath());
  sqlite.pragma('journal_mode = WAL');
  // As the import's bulk writes do: only the checkpointer moves the WAL into the file.
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  checkpointer = null;
});
afterEach(async () => {
  await checkpointer?.close();
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** ~3 MB of rows: they sit in the WAL until a checkpoint copies them into the database file. */
function writeRows(): void {
  const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`lead ${i} ${'x'.repeat(100)}`);
  })();
}

const fileSize = (): number => statSync(dbPath()).size;

describe('the WAL checkpointer', () => {
  it('copies committed writes into the database file on its own thread, and the data reads back', async () => {
    writeRows();
    const before = fileSize();
    const fallbacks: string[] = [];
    checkpointer = createCheckpointer({ sqlite, onFallback: (r) => fallbacks.push(r) });
    checkpointer.request();
    // Nothing ran on this thread: the file only grows once the worker has checkpointed.
    expect(fileSize()).toBe(before);
    await checkpointer.idle();
    expect(fileSize()).toBeGreaterThan(before + 2_000_000);
    expect(fallbacks).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(20_000);
  });

  it('coalesces requests made while a checkpoint runs, and checkpoints what was written meanwhile', async () => {
    checkpointer = createCheckpointer({ sqlite });
    // The thread is up: the first checkpoint starts at once and ends while the second batch is written.
    checkpointer.request();
    await checkpointer.idle();
    writeRows();
    checkpointer.request();
    writeRows();
    checkpointer.request();
    checkpointer.request();
    await checkpointer.idle();
    const afterWorker = fileSize();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The second batch was already in the file: a checkpoint here has nothing left to add.
    expect(fileSize()).toBe(afterWorker);
    expect(afterWorker).toBeGreaterThan(4_000_000);
  });

  it('checkpoints inline, and says why once, when the thread cannot load SQLite', async () => {
    writeRows();
    const before = fileSize();
    const fallbacks: string[] = [];
    checkpointer = createCheckpointer({
      sqlite,
      modulePath: join(dir, 'no-such-module.js'),
      onFallback: (r) => fallbacks.push(r),
    });
    checkpointer.request();
    await checkpointer.idle();
    expect(fileSize()).toBeGreaterThan(before + 2_000_000);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatch(/no-such-module/);

    writeRows();
    const afterFirst = fileSize();
    checkpointer.request();
    // From now on at once, on the caller's connection.
    expect(fileSize()).toBeGreaterThan(afterFirst);
    expect(fallbacks).toHaveLength(1);
  });

  it('after close, a request still checkpoints (inline) and the database stays usable', async () => {
    checkpointer = createCheckpointer({ sqlite });
    checkpointer.request();
    await checkpointer.close();
    writeRows();
    const before = fileSize();
    checkpointer.request();
    expect(fileSize()).toBeGreaterThan(before);
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(20_000);
  });

  it("a bulk write leaves its WAL to the thread and restores the connection's automatic checkpoint", async () => {
    sqlite.pragma('wal_autocheckpoint = 100');
    checkpointer = createCheckpointer({ sqlite });
    const before = fileSize();
    const n = checkpointer.bulkWrite(() => {
      writeRows();
      return sqlite.pragma('wal_autocheckpoint', { simple: true });
    });
    // ~600 pages of WAL, over the 100 set: SQLite would have checkpointed them at commit, on this thread.
    expect(n).toBe(0);
    expect(fileSize()).toBe(before);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(100);
    await checkpointer.idle();
    expect(fileSize()).toBeGreaterThan(before + 2_000_000);
  });
});
