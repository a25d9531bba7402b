import { afterEach, describe, expect, it } from 'vitest';
import { MACHFIVE_CAMPAIGN_IDS } from '../../../sim';
import { providerState } from '../../../../src-main/queue';
import { seedLeads, type SeedLeadsOptions } from './seed';
import { CAMPAIGN, acceptCounts, genHarness, leadOutcomes, type GenHarness } from './harness';

type Fault = Parameters<GenHarness['sim']['inject']>[0];

let h: GenHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function startRun(harness: GenHarness, n = 12, batchSize = 4, override?: SeedLeadsOptions['override']) {
  const seeded = seedLeads(harness.app.ctx, n, {
    emailPrefix: `f${Math.random().toString(36).slice(2, 7)}-`,
    override,
  });
  const run = await harness.app.call('runs.start', {
    campaignId: CAMPAIGN,
    selection: { kind: 'import', importId: seeded.importId },
    batchSize,
    options: { listName: 'Faults', emailCount: 2 },
  });
  return { run, seeded };
}

/** The invariants every fault must keep: at most one accept per batch, every lead generated or marked with a reason. */
function expectAccountedFor(harness: GenHarness, runId: number) {
  for (const [ref, n] of acceptCounts(harness.app, harness.sim, runId))
    expect(n, `batch ${ref} accepted ${n} times`).toBeLessThanOrEqual(1);
  const { rows } = leadOutcomes(harness.app, runId);
  for (const r of rows) {
    if (r.gen_state === 'generated') expect(r.steps).toBe(2);
    else expect(r.gen_message, `lead ${r.email} is ${r.gen_state} without a reason`).toBeTruthy();
  }
}

async function expectAllGenerated(harness: GenHarness, runId: number, leads = 12) {
  const d = await harness.app.call('runs.get', { runId });
  expect(d.state).toBe('done');
  expect(d.leads).toEqual({ pending: 0, generated: leads, notGenerated: 0, failed: 0 });
  expectAccountedFor(harness, runId);
  for (const n of acceptCounts(harness.app, harness.sim, runId).values()) expect(n).toBe(1);
}

describe('fault matrix: transient faults end with every lead generated and each batch accepted once', () => {
  const cases: Array<[string, Fault[]]> = [
    ['429 with Retry-After', [{ route: 'generate-batch', kind: 'status', status: 429, retryAfter: 1 }]],
    ['500 on submit', [{ route: 'generate-batch', kind: 'status', status: 500 }]],
    ['slow answer past the client timeout', [{ route: 'generate-batch', kind: 'slow', ms: 2500 }]],
    ['connection dropped after accept', [{ route: 'generate-batch', kind: 'drop-after-accept' }]],
    ['malformed JSON after accept', [{ route: 'generate-batch', kind: 'malformed' }]],
    [
      '409 NOT_READY on export',
      [{ route: 'export', kind: 'status', status: 409, code: 'NOT_READY', times: 2 }],
    ],
    [
      '500 on poll and on the lists lookup',
      [
        { route: 'list', kind: 'status', status: 500, times: 2 },
        { route: 'generate-batch', kind: 'drop-after-accept' },
        { route: 'lists', kind: 'status', status: 500 },
      ],
    ],
  ];
  for (const [name, faults] of cases) {
    it(name, async () => {
      h = await genHarness();
      for (const f of faults) h.sim.inject(f);
      const { run } = await startRun(h);
      await h.drain();
      expect(h.sim.pendingFaults()).toEqual([]);
      await expectAllGenerated(h, run.id);
    });
  }

  it('429 WORKSPACE_LIMIT lowers MachFive concurrency without using up attempts', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'generate-batch', kind: 'status', status: 429, times: 2 });
    const seen: number[] = [];
    h.app.ctx.jobs.onProvidersChanged(() =>
      seen.push(providerState(h!.app.ctx.database.sqlite, 'machfive').concurrency),
    );
    const { run } = await startRun(h);
    await h.drain();
    await expectAllGenerated(h, run.id);
    expect(Math.min(...seen)).toBeLessThan(3);
    const jobs = (await h.app.call('jobs.list', { runId: run.id })).jobs.filter(
      (j) => j.kind === 'machfive.submit',
    );
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
  });

  it('a timeout is reconciled through GET /lists instead of a second POST', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'generate-batch', kind: 'slow', ms: 2500 });
    const { run } = await startRun(h, 4, 4);
    await h.drain();
    await expectAllGenerated(h, run.id, 4);
    expect(h.sim.requestsFor('generate-batch')).toHaveLength(1);
    expect(h.sim.requestsFor('lists').length).toBeGreaterThanOrEqual(1);
  });
});

describe('fault matrix: pauses wait for the user', () => {
  it('402 pauses MachFive until the user resumes', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'generate-batch', kind: 'status', status: 402 });
    const { run } = await startRun(h);
    await h.drain();
    const status = await h.app.call('queue.status', {});
    expect(status.providers.find((p) => p.provider === 'machfive')?.paused?.reason).toBe('credits');
    expect((await h.app.call('runs.get', { runId: run.id })).state).toBe('active');
    await h.app.call('queue.resume', { provider: 'machfive' });
    await h.drain();
    await expectAllGenerated(h, run.id);
  });

  it('401 pauses MachFive until a key is saved again', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'generate-batch', kind: 'status', status: 401 });
    const { run } = await startRun(h);
    await h.drain();
    expect(
      (await h.app.call('queue.status', {})).providers.find((p) => p.provider === 'machfive')?.paused?.reason,
    ).toBe('auth');
    expect((await h.app.call('runs.get', { runId: run.id })).leads.generated).toBeLessThan(12);
    await h.app.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
    expect(
      (await h.app.call('queue.status', {})).providers.find((p) => p.provider === 'machfive')?.paused,
    ).toBeNull();
    await h.drain();
    await expectAllGenerated(h, run.id);
  });
});

describe('fault matrix: results that need the user', () => {
  it('a list that ends failed is reported and "retry these leads" finishes it in a new batch', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'generate-batch', kind: 'list-fails' });
    const { run } = await startRun(h);
    await h.drain();
    const d = await h.app.call('runs.get', { runId: run.id });
    const failed = d.batches.filter((b) => b.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.canRetryLeads).toBe(true);
    expect(failed[0]!.message).toMatch(/Retry these leads/);
    expect(d.leads).toMatchObject({ generated: 8, notGenerated: 4 });
    expectAccountedFor(h, run.id);

    const retried = await h.app.call('runs.retryLeads', { runId: run.id, batchId: failed[0]!.id });
    expect(retried.batches).toHaveLength(4);
    await h.drain();
    await expectAllGenerated(h, run.id);
  });

  it('leads missing from the export are marked not generated, then retried', async () => {
    h = await genHarness();
    h.sim.inject({ route: 'export', kind: 'export-missing', count: 2 });
    const { run } = await startRun(h);
    await h.drain();
    const d = await h.app.call('runs.get', { runId: run.id });
    expect(d.leads).toEqual({ pending: 0, generated: 10, notGenerated: 2, failed: 0 });
    expect(d.batches.find((b) => b.leads.notGenerated === 2)?.message).toMatch(
      /missing from MachFive's export/,
    );
    expectAccountedFor(h, run.id);
    await h.app.call('runs.retryLeads', { runId: run.id });
    await h.drain();
    await expectAllGenerated(h, run.id);
  });

  it('400 points at the offending lead and does not retry blindly', async () => {
    h = await genHarness();
    const { run } = await startRun(h, 8, 4, (i) => (i === 5 ? { email: 'broken-at-example' } : {}));
    await h.drain();
    const d = await h.app.call('runs.get', { runId: run.id });
    const bad = d.batches.find((b) => b.state === 'failed');
    expect(bad?.message).toContain('broken-at-example');
    expect(d.leads).toEqual({ pending: 0, generated: 4, notGenerated: 3, failed: 1 });
    expect(h.sim.requestsFor('generate-batch')).toHaveLength(2);
    const badLead = leadOutcomes(h.app, run.id).rows.find((r) => r.email === 'broken-at-example');
    expect(badLead?.gen_state).toBe('failed');
    // The three good leads of that batch go out again without the bad one.
    await h.app.call('runs.retryLeads', { runId: run.id });
    await h.drain();
    expect((await h.app.call('runs.get', { runId: run.id })).leads).toEqual({
      pending: 0,
      generated: 7,
      notGenerated: 0,
      failed: 1,
    });
  });

  it('403 on the campaign stops the run with a plain message', async () => {
    h = await genHarness();
    const seeded = seedLeads(h.app.ctx, 8, { emailPrefix: 'foreign' });
    const run = await h.app.call('runs.start', {
      campaignId: MACHFIVE_CAMPAIGN_IDS.foreign,
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: 4,
      options: { emailCount: 2 },
    });
    await h.drain();
    const d = await h.app.call('runs.get', { runId: run.id });
    expect(d.state).toBe('failed');
    expect(d.message).toMatch(/refused access to this campaign/);
    expect(d.leads.notGenerated).toBe(8);
    expect(h.sim.acceptedBatches).toHaveLength(0);
  });

  it('cancelling a run stops its queued work and marks its leads', async () => {
    h = await genHarness({ processingMs: 5_000 });
    const { run } = await startRun(h);
    h.runner.start();
    await new Promise((r) => setTimeout(r, 300));
    const d = await h.app.call('runs.cancel', { runId: run.id });
    expect(d.state).toBe('cancelled');
    await h.runner.stop();
    await h.drain();
    const after = await h.app.call('runs.get', { runId: run.id });
    expect(after.leads.pending).toBe(0);
    expect(after.batches.every((b) => b.state === 'cancelled')).toBe(true);
    expect(
      (await h.app.call('jobs.list', { runId: run.id })).jobs.every(
        (j) => j.state !== 'queued' && j.state !== 'running',
      ),
    ).toBe(true);
  });
});

describe('fault matrix: mixed', () => {
  it('many faults at once still end with every lead accounted for and no double submission', async () => {
    h = await genHarness({ concurrencyLimit: 2 });
    const faults: Fault[] = [
      { route: 'generate-batch', kind: 'status', status: 429, retryAfter: 1 },
      { route: 'generate-batch', kind: 'drop-after-accept' },
      { route: 'generate-batch', kind: 'status', status: 500 },
      { route: 'generate-batch', kind: 'malformed' },
      { route: 'generate-batch', kind: 'slow', ms: 2500 },
      { route: 'generate-batch', kind: 'list-fails' },
      { route: 'list', kind: 'status', status: 503 },
      { route: 'lists', kind: 'drop' },
      { route: 'export', kind: 'status', status: 409, code: 'NOT_READY' },
      { route: 'export', kind: 'export-missing', count: 1 },
    ];
    for (const f of faults) h.sim.inject(f);
    const { run } = await startRun(h, 30, 5);
    await h.drain();
    expectAccountedFor(h, run.id);
    const d = await h.app.call('runs.get', { runId: run.id });
    expect(d.leads.pending).toBe(0);
    expect(d.leads.generated + d.leads.notGenerated).toBe(30);
    await h.app.call('runs.retryLeads', { runId: run.id });
    await h.drain();
    await expectAllGenerated(h, run.id, 30);
  });
});
