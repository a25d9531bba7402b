import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDailyBackups } from '../../../src-main/app/daily-backups';
import { backupsIn, dailyBackup, DAILY_KEPT } from '../../../src-main/db/backups';
import { createTestApp, type TestApp } from '../../helpers/app';

let dir: string;
let sqlite: Database.Database;
const backups = (): string => join(dir, 'backups');
const HOUR = 60 * 60 * 1000;

/** Makes the copy at `path` look `hoursAgo` old, as a copy taken then would be. */
function age(path: string, hoursAgo: number): void {
  const at = new Date(Date.now() - hoursAgo * HOUR);
  utimesSync(path, at, at);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadprep-backups-'));
  sqlite = new Database(join(dir, 'leadprep.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE leads (id INTEGER PRIMARY KEY, email TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO leads (email) VALUES (?)');
  for (let i = 0; i < 500; i++) insert.run(`lead${i}@acme.io`);
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('daily copies of the database', () => {
  it('copies every lead, written so far, into the backups folder, and takes one a day', async () => {
    const path = await dailyBackup(sqlite, backups());
    expect(path).toMatch(/backups[/\\]leadprep-daily-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    const copy = new Database(path ?? '', { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 500 });
    copy.close();

    expect(await dailyBackup(sqlite, backups())).toBeNull();
    age(path ?? '', 25);
    const next = await dailyBackup(sqlite, backups(), new Date(Date.now() + 1000));
    expect(next).not.toBeNull();
    expect(backupsIn(backups()).map((b) => b.path)).toEqual([next, path]);
  });

  it(`keeps the ${DAILY_KEPT} newest daily copies, and every copy taken before an upgrade or by the user`, async () => {
    mkdirSync(backups(), { recursive: true });
    const kept = ['leadprep-schema12-20261101-101010.db', 'leadprep-copy-2026-11-02T10-00-00Z.db'];
    for (const name of kept) {
      writeFileSync(join(backups(), name), 'older copy');
      age(join(backups(), name), 24 * 40);
    }
    for (let day = 1; day <= 9; day++) {
      const name = `leadprep-daily-2026-11-${String(10 + day).padStart(2, '0')}T09-00-00Z.db`;
      writeFileSync(join(backups(), name), 'daily copy');
      age(join(backups(), name), 24 * (20 - day));
    }
    const taken = await dailyBackup(sqlite, backups());
    const left = readdirSync(backups()).sort();
    expect(left.filter((n) => n.startsWith('leadprep-daily-'))).toHaveLength(DAILY_KEPT);
    expect(left).toEqual(expect.arrayContaining(kept));
    // The oldest daily copies went: 11th to 13th November.
    expect(left).not.toContain('leadprep-daily-2026-11-13T09-00-00Z.db');
    expect(left).toContain('leadprep-daily-2026-11-14T09-00-00Z.db');
    expect(left).toContain(taken?.split(/[/\\]/).pop());
  });
});

describe('backups in a running app', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it("takes the day's copy as the app starts, a copy when the user asks, and says when the newest was taken", async () => {
    expect((await app.call('app.info', {})).lastBackupAt).toBeNull();
    startDailyBackups(app.ctx);
    const { path, at } = await app.call('app.backup', {});
    expect(path.startsWith(join(app.dir, 'backups', 'leadprep-copy-'))).toBe(true);
    const info = await app.call('app.info', {});
    expect(info.backupDir).toBe(join(app.dir, 'backups'));
    expect(info.lastBackupAt).toBeGreaterThanOrEqual(at - 5_000);
    await expect
      .poll(() => readdirSync(join(app.dir, 'backups')).filter((n) => n.startsWith('leadprep-daily-')).length)
      .toBe(1);
  });
});
