import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedLeads } from './seed';
import { csvBytes } from '../../../fixtures-gen';
import { importFile } from '../../../../src-main/services/imports/file-import';
import { CAMPAIGN, genHarness, type GenHarness } from './harness';

let h: GenHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('a suppression added after commit', () => {
  it('keeps those committed leads out of the estimate and the run: no credit is spent on them', async () => {
    h = await genHarness();
    const { app, sim } = h;
    const kept = seedLeads(app.ctx, 4, { emailPrefix: 'keep' });
    const rival = seedLeads(app.ctx, 2, { emailPrefix: 'r', domain: 'eu.rival.io', importId: kept.importId });
    await app.call('suppressions.add', { entries: [kept.emails[0] as string, '@rival.io'], source: 'typed' });

    const selection = { kind: 'import' as const, importId: kept.importId };
    const estimate = await app.call('runs.estimate', { selection, batchSize: 10 });
    expect(estimate).toMatchObject({ leadCount: 3, credits: 3 });
    expect(estimate.excluded).toMatchObject({ suppressed: 3, notReady: 0 });
    expect((await app.call('runs.estimate', { selection: { kind: 'allReady' } })).excluded.suppressed).toBe(
      3,
    );

    await app.call('runs.start', {
      campaignId: CAMPAIGN,
      selection,
      batchSize: 10,
      options: { listName: 'Q4' },
    });
    await h.drain();
    const sent = sim.acceptedBatches.flatMap((b) => b.emails.map((e) => e.toLowerCase()));
    expect(sent.sort()).toEqual(
      kept.emails
        .slice(1)
        .map((e) => e.toLowerCase())
        .sort(),
    );
    expect(sent.some((e) => rival.emails.map((r) => r.toLowerCase()).includes(e))).toBe(false);
  });

  it('keeps out the other address of a person whose address was suppressed after commit', async () => {
    h = await genHarness();
    const { app } = h;
    const { summary } = await importFile(
      app.call,
      csvBytes([
        ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'LinkedIn'],
        ['jane.doe@gmail.com', 'Jane', 'Doe', 'Rival', 'CEO', 'linkedin.com/in/jane-doe'],
        ['jane@rival.io', 'Jane', 'Doe', '', '', 'linkedin.com/in/jane-doe'],
        ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', ''],
      ]),
      'jane.csv',
    );
    const selection = { kind: 'import' as const, importId: summary.id };
    expect(await app.call('runs.estimate', { selection })).toMatchObject({ leadCount: 2 });
    await app.call('suppressions.add', { entries: ['jane@rival.io'], source: 'typed' });
    const estimate = await app.call('runs.estimate', { selection });
    expect(estimate).toMatchObject({ leadCount: 1, excluded: { suppressed: 1 } });
  });

  it('sees the list as another process (the CLI) leaves it, between two estimates', async () => {
    h = await genHarness();
    const { app } = h;
    const seeded = seedLeads(app.ctx, 3, { emailPrefix: 'cli' });
    const selection = { kind: 'import' as const, importId: seeded.importId };
    const estimate = async () => (await app.call('runs.estimate', { selection })).excluded.suppressed;
    expect(await estimate()).toBe(0);

    const other = new Database(app.ctx.paths.databasePath);
    try {
      const add = other.prepare(
        "INSERT INTO suppressions (kind, value, source, created_at) VALUES ('email', ?, 'cli', 0) RETURNING id",
      );
      const first = (add.get((seeded.emails[0] as string).toLowerCase()) as { id: number }).id;
      expect(await estimate()).toBe(1);
      // One removed and another added: the same number of entries, a different list.
      other.prepare('DELETE FROM suppressions WHERE id = ?').run(first);
      add.get((seeded.emails[1] as string).toLowerCase());
      const only = async (i: number) =>
        (
          await app.call('runs.estimate', {
            selection: { kind: 'leads', leadIds: [seeded.leadIds[i] as number] },
          })
        ).excluded.suppressed;
      expect([await only(0), await only(1), await only(2)]).toEqual([0, 1, 0]);
      other.prepare('DELETE FROM suppressions').run();
      expect(await estimate()).toBe(0);
    } finally {
      other.close();
    }
  });
});
