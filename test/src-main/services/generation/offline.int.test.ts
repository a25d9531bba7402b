import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seedLeads } from './seed';
import { CAMPAIGN, genHarness, type GenHarness } from './harness';

let h: GenHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('offline', () => {
  it('waits while MachFive is unreachable and finishes on its own once it is back, without an error storm', async () => {
    h = await genHarness();
    const { app, sim } = h;
    const seeded = seedLeads(app.ctx, 12, { emailPrefix: 'offline' });
    const run = await app.call('runs.start', {
      campaignId: CAMPAIGN,
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: 4,
      options: { emailCount: 2 },
    });
    await sim.down();
    const drained = h.drain();
    await new Promise((r) => setTimeout(r, 2500));
    const during = await app.call('runs.get', { runId: run.id });
    expect(during.state).toBe('active');
    expect(during.leads.pending).toBe(12);
    await sim.up();
    await drained;

    const d = await app.call('runs.get', { runId: run.id });
    expect(d.state).toBe('done');
    expect(d.leads.generated).toBe(12);
    expect(sim.acceptedBatches).toHaveLength(3);
    const jobs = (await app.call('jobs.list', { runId: run.id })).jobs;
    // Being offline uses up no attempts: nothing comes close to giving up.
    expect(jobs.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    const log = readFileSync(app.ctx.paths.logPath, 'utf8').split('\n');
    expect(log.filter((l) => l.includes('cannot be reached')).length).toBe(1);
    expect(log.filter((l) => l.includes('reachable again')).length).toBe(1);
  });
});
