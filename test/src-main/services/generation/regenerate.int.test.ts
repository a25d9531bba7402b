import { afterEach, describe, expect, it } from 'vitest';
import { seedLeads } from './seed';
import { CAMPAIGN, acceptCounts, genHarness, type GenHarness } from './harness';

let h: GenHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A done run of 4 leads generated through the simulator, with lead 0 approved and its step 2 edited. */
async function doneRun() {
  h = await genHarness();
  const { app } = h;
  const seeded = seedLeads(app.ctx, 4, { emailPrefix: 'regen' });
  const run = await app.call('runs.start', {
    campaignId: CAMPAIGN,
    selection: { kind: 'import', importId: seeded.importId },
    batchSize: 10,
    options: { listName: 'Regen', emailCount: 3 },
  });
  await h.drain();
  const [target, other] = seeded.leadIds as [number, number];
  await app.call('review.setState', {
    runId: run.id,
    state: 'approved',
    target: { kind: 'leads', leadIds: [target, other] },
  });
  await app.call('review.editStep', {
    runId: run.id,
    leadId: target,
    step: 2,
    body: 'My own words for {{first_name}}',
  });
  return { run, target, other, seeded };
}

describe('regenerate leads of a done run through the queue', () => {
  it('keeps the old text until the new export arrives, then replaces it; MachFive accepts exactly one new batch', async () => {
    const { run, target, other } = await doneRun();
    const { app, sim } = h!;
    const sqlite = app.ctx.database.sqlite;
    const before = await app.call('review.lead', { runId: run.id, leadId: target });
    const otherBefore = await app.call('review.lead', { runId: run.id, leadId: other });
    expect(before.flags.map((f) => f.flag)).toContain('placeholder');
    // The founder fixed the company name, so MachFive's new text differs from the old.
    sqlite.prepare(`UPDATE leads SET company = 'Renamed Co' WHERE id = ?`).run(target);

    sim.processingMs = 60_000;
    const r = await app.call('review.regenerate', { runId: run.id, leadIds: [target] });
    expect(r.queued).toBe(1);
    expect((await app.call('runs.get', { runId: run.id })).state).toBe('active');

    h!.runner.start();
    const batchState = () =>
      (
        sqlite
          .prepare(`SELECT state FROM batches WHERE run_id = ? ORDER BY seq DESC LIMIT 1`)
          .get(run.id) as { state: string }
      ).state;
    await until(() => batchState() === 'processing', 'the new batch to be accepted');
    const polls = sim.requestsFor('list').length;
    await until(() => sim.requestsFor('list').length > polls, 'a poll of the new list');

    // Still processing: the old (edited) text is what the review screen shows, marked as regenerating.
    const during = await app.call('review.lead', { runId: run.id, leadId: target });
    expect(during.genState).toBe('pending');
    expect(during.steps.map((s) => [s.subject, s.body])).toEqual(
      before.steps.map((s) => [s.subject, s.body]),
    );
    expect(during.steps[1]!.body).toBe('My own words for {{first_name}}');
    expect(during.reviewState).toBe('approved');

    sim.completeNow();
    await h!.drain();

    const after = await app.call('review.lead', { runId: run.id, leadId: target });
    expect(after.genState).toBe('generated');
    expect(after.reviewState).toBe('pending');
    expect(after.steps).toHaveLength(3);
    expect(after.steps[0]!.subject).toBe('Quick idea for Renamed Co');
    for (const s of after.steps) {
      expect(s.subject).toBe(s.subjectGenerated);
      expect(s.body).toBe(s.bodyGenerated);
      expect(s.edited).toBe(false);
      expect(s.body).toContain('Renamed Co');
    }
    // Flags follow the new text: the placeholder of the replaced edit is gone.
    expect(after.flags.map((f) => f.flag)).not.toContain('placeholder');
    // The edit and the text it replaced stay in the step's history.
    const history = (await app.call('review.history', { runId: run.id, leadId: target, step: 2 })).entries;
    expect(history.map((e) => e.kind)).toEqual(['edit', 'regenerated']);
    expect(history[1]).toMatchObject({
      bodyBefore: 'My own words for {{first_name}}',
      bodyAfter: after.steps[1]!.body,
    });

    // Other leads of the run are untouched.
    const otherAfter = await app.call('review.lead', { runId: run.id, leadId: other });
    expect(otherAfter.reviewState).toBe('approved');
    expect(otherAfter.steps).toEqual(otherBefore.steps);

    expect(sim.acceptedBatches).toHaveLength(2);
    expect(sim.acceptedBatches[1]!.emails).toEqual(['regen0@example.com']);
    expect([...acceptCounts(app, sim, run.id).values()]).toEqual([1, 1]);
    const detail = await app.call('runs.get', { runId: run.id });
    expect(detail.state).toBe('done');
    expect(detail.leads).toEqual({ pending: 0, generated: 4, notGenerated: 0, failed: 0 });
  });

  it('keeps the previous text when the new list fails, and refuses a lead that is already being generated', async () => {
    const { run, target } = await doneRun();
    const { app, sim } = h!;
    const before = await app.call('review.lead', { runId: run.id, leadId: target });

    sim.inject({ route: 'generate-batch', kind: 'list-fails' });
    await app.call('review.regenerate', { runId: run.id, leadIds: [target] });
    await expect(app.call('review.regenerate', { runId: run.id, leadIds: [target] })).rejects.toThrow(
      /already being generated/,
    );
    await h!.drain();

    const after = await app.call('review.lead', { runId: run.id, leadId: target });
    expect(after.genState).toBe('generated');
    expect(after.genMessage).toMatch(/previous text is kept/);
    expect(after.steps).toEqual(before.steps);
    expect(after.reviewState).toBe('approved');
    const detail = await app.call('runs.get', { runId: run.id });
    expect(detail.batches.map((b) => b.state)).toEqual(['done', 'failed']);
    expect(detail.leads.generated).toBe(4);
    expect(sim.acceptedBatches).toHaveLength(2);
  });
});
