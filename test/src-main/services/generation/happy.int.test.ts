import { afterEach, describe, expect, it } from 'vitest';
import { seedLeads } from './seed';
import { CAMPAIGN, acceptCounts, genHarness, leadOutcomes, type GenHarness } from './harness';

let h: GenHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('generate run against the MachFive simulator', () => {
  it("submits each batch once, stores every lead's steps, and reports the run done", async () => {
    h = await genHarness();
    const { app, sim } = h;
    const seeded = seedLeads(app.ctx, 25, { emailPrefix: 'Happy' });
    seedLeads(app.ctx, 3, { emailPrefix: 'fix', state: 'needs_fix', importId: seeded.importId });

    const estimate = await app.call('runs.estimate', {
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: 10,
    });
    expect(estimate).toMatchObject({ leadCount: 25, batchCount: 3, credits: 25 });
    expect(estimate.excluded.notReady).toBe(3);

    const events: number[] = [];
    app.ctx.events.subscribe((name, payload) => {
      if (name === 'runs.changed') events.push((payload as { id: number }).id);
    });
    const run = await app.call('runs.start', {
      campaignId: CAMPAIGN,
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: 10,
      options: { listName: 'Q3 founders', emailCount: 2, emailSignature: '-- Sam' },
    });
    expect(run.batches.map((b) => b.state)).toEqual(['queued', 'queued', 'queued']);
    await h.drain();

    const done = await app.call('runs.get', { runId: run.id });
    expect(done.state).toBe('done');
    expect(done.leads).toEqual({ pending: 0, generated: 25, notGenerated: 0, failed: 0 });
    expect(done.batches.every((b) => b.state === 'done' && b.listId)).toBe(true);
    expect([...acceptCounts(app, sim, run.id).values()]).toEqual([1, 1, 1]);
    expect(sim.acceptedBatches[0]!.listName).toMatch(/^Q3 founders \[lp-\d+-\d+-[a-z0-9]+\]$/);
    expect(sim.acceptedBatches[0]!.options.email_signature).toBe('-- Sam');

    const { rows } = leadOutcomes(app, run.id);
    expect(rows.every((r) => r.gen_state === 'generated' && r.steps === 2)).toBe(true);
    const step = app.ctx.database.sqlite
      .prepare(
        `SELECT subject, body, subject_generated FROM sequence_steps WHERE run_id = ? AND lead_id = ? AND step = 1`,
      )
      .get(run.id, seeded.leadIds[0]) as { subject: string; body: string; subject_generated: string };
    expect(step.body).toMatch(/^Hi First0,/);
    expect(step.body).toContain('-- Sam');
    expect(step.subject).toBe(step.subject_generated);

    // Already generated leads are left out of the next estimate unless asked for.
    const again = await app.call('runs.estimate', { selection: { kind: 'allReady' } });
    expect(again.leadCount).toBe(0);
    expect(again.excluded.alreadyGenerated).toBe(25);
    expect(
      (await app.call('runs.estimate', { selection: { kind: 'allReady' }, includeGenerated: true }))
        .leadCount,
    ).toBe(25);

    await new Promise((r) => setTimeout(r, 300));
    expect(events).toContain(run.id);
    const listed = await app.call('runs.list', {});
    expect(listed.runs[0]).toMatchObject({ id: run.id, state: 'done' });
    const jobs = await app.call('jobs.list', { runId: run.id });
    expect(jobs.jobs.every((j) => j.state === 'done')).toBe(true);
    expect(jobs.jobs.filter((j) => j.kind === 'machfive.submit')).toHaveLength(3);
  });
});
