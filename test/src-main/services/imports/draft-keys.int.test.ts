import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { csvBytes } from '../../../fixtures-gen';
import { importFile } from '../../../../src-main/services/imports/file-import';
import { createDraftKeys } from '../../../../src-main/services/imports/draft-keys';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(async () => {
  await app.close();
});

/** A draft of `n` leads, a@1.io … (ids in row order), and its id range. */
async function draft(n: number): Promise<{ importId: number; lo: number; hi: number }> {
  const rows = [['Email'], ...Array.from({ length: n }, (_, i) => [`a@${i + 1}.io`])];
  const { summary } = await importFile(app.call, csvBytes(rows), 'keys.csv', { draft: true });
  const range = app.ctx.database.sqlite
    .prepare('SELECT min(id) AS lo, max(id) AS hi FROM leads WHERE import_id = ?')
    .get(summary.id) as { lo: number; hi: number };
  return { importId: summary.id, ...range };
}

describe("reading a draft's keys ahead", () => {
  it('finds every lead by its keys after a read in several steps', async () => {
    const { importId, lo, hi } = await draft(10);
    const keys = createDraftKeys(app.ctx.database.sqlite);
    async function* windows(): AsyncGenerator<[number, number]> {
      for (let from = lo; from <= hi; from += 3) yield [from, from + 3];
    }
    await keys.warm(importId, windows());
    for (let i = 1; i <= 10; i++)
      expect(keys.leadsWith(importId, 'email', `a@${i}.io`)).toEqual([lo + i - 1]);
  });

  it('keeps nothing it read while a lead changed, so the lookup sees the change', async () => {
    const { importId, lo, hi } = await draft(10);
    const sqlite = app.ctx.database.sqlite;
    const keys = createDraftKeys(sqlite);
    async function* windows(): AsyncGenerator<[number, number]> {
      yield [lo, lo + 5];
      // Between two steps, another call moves the first lead (already read) to a new address.
      sqlite.prepare("UPDATE leads SET email_key = 'moved@1.io' WHERE id = ?").run(lo);
      keys.moved(
        importId,
        lo,
        { email_key: 'a@1.io', linkedin_url: null },
        { email_key: 'moved@1.io', linkedin_url: null },
      );
      yield [lo + 5, hi + 1];
    }
    await keys.warm(importId, windows());
    expect(keys.leadsWith(importId, 'email', 'moved@1.io')).toEqual([lo]);
    expect(keys.leadsWith(importId, 'email', 'a@1.io')).toEqual([]);
  });
});

describe("a draft's key lists", () => {
  it('stay in row order when a lead moves to a key later rows already have', async () => {
    const { importId, lo } = await draft(10);
    const keys = createDraftKeys(app.ctx.database.sqlite);
    keys.leadsWith(importId, 'email', 'a@1.io');
    for (const row of [9, 3, 6]) {
      keys.moved(
        importId,
        lo + row - 1,
        { email_key: `a@${row}.io`, linkedin_url: null },
        { email_key: 'a@10.io', linkedin_url: null },
      );
    }
    expect(keys.leadsWith(importId, 'email', 'a@10.io')).toEqual([lo + 2, lo + 5, lo + 8, lo + 9]);
  });
});
