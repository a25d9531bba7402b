import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMachFiveSim, type MachFiveSim } from '../../../sim';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { seedLeads } from './seed';
import { CAMPAIGN, FAST_ENV, acceptCounts, leadOutcomes } from './harness';

const ROOT = join(__dirname, '../../../..');

let app: TestApp | null = null;
let sim: MachFiveSim | null = null;
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

function spawnWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'work', '--until-idle'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== null && code !== 0) process.stderr.write(`worker exited ${code}: ${stderr}\n`);
      resolve(code);
    }),
  );
  return { child, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (cond()) return true;
    await sleep(3);
  }
  return false;
}

describe('crash safety: `leadprep work` SIGKILLed at many points', () => {
  it('never submits a batch twice, loses no sequence, and accounts for every lead', async () => {
    sim = await startMachFiveSim({ processingMs: 80, concurrencyLimit: 3 });
    app = createTestApp({ ...FAST_ENV, LEADPREP_MACHFIVE_URL: sim.url, LEADPREP_QUEUE_LEASE_MS: '600', LEADPREP_HTTP_TIMEOUT_MS: '5000' });
    await app.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
    const seeded = seedLeads(app.ctx, 60, { emailPrefix: 'crash' });
    const run = await app.call('runs.start', {
      campaignId: CAMPAIGN,
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: 4,
      options: { listName: 'Crash', emailCount: 3 },
    });
    const sqlite = app.ctx.database.sqlite;
    const runState = () => (sqlite.prepare(`SELECT state FROM runs WHERE id = ?`).get(run.id) as { state: string }).state;
    const env = app.env;

    const kills: string[] = [];
    for (let i = 0; i < 26 && runState() === 'active'; i++) {
      const mode = i % 4;
      const before = sim.requests.length;
      const acceptsBefore = sim.acceptedBatches.length;
      if (mode === 1) sim.inject({ route: 'generate-batch', kind: 'slow', ms: 4000 });
      if (mode === 2) sim.latencyMs = 15;
      const { child, exited } = spawnWorker(env);
      let point: string;
      let hit: boolean;
      switch (mode) {
        case 0: {
          // After the k-th request of this worker: between submit, poll, lookup and export steps.
          const k = 1 + (i % 7);
          hit = await waitFor(() => sim!.requests.length >= before + k, 15_000);
          point = `after request ${k}`;
          break;
        }
        case 1:
          // MachFive accepted the batch but the answer is held back: die before list_id is stored.
          hit = await waitFor(() => sim!.acceptedBatches.length > acceptsBefore, 15_000);
          point = 'between accepted POST and stored list_id';
          break;
        case 2: {
          // While an export answer is on its way / being stored.
          const extra = (i * 7) % 25;
          hit = await waitFor(() => sim!.requests.slice(before).some((r) => r.route === 'export'), 15_000);
          if (hit) await sleep(extra);
          point = `export +${extra} ms`;
          break;
        }
        default: {
          const ms = 150 + ((i * 137) % 900);
          hit = await Promise.race([sleep(ms).then(() => true), exited.then(() => false)]);
          point = `after ${ms} ms`;
        }
      }
      if (hit && child.exitCode === null) {
        child.kill('SIGKILL');
        kills.push(point);
      }
      await exited;
      sim.clearFaults();
      sim.latencyMs = 0;
    }
    expect(kills.length).toBeGreaterThanOrEqual(20);

    // Restart without interference until the run is finished.
    for (let i = 0; i < 5 && runState() === 'active'; i++) await spawnWorker(env).exited;
    expect(runState()).toBe('done');

    for (const [ref, n] of acceptCounts(app, sim, run.id)) expect(n, `batch ${ref}`).toBe(1);
    expect(sim.acceptedBatches).toHaveLength(15);
    const { rows } = leadOutcomes(app, run.id);
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => r.gen_state === 'generated' && r.steps === 3)).toHaveLength(60);
  }, 150_000);
});
