import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMachFiveSim, type MachFiveSim } from '../../../sim';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { seedLeads } from './seed';
import { CAMPAIGN, FAST_ENV, acceptCounts, leadOutcomes } from './harness';

const ROOT = join(__dirname, '../../../..');
const LEADS = 90;
const BATCH_SIZE = 2;
const BATCHES = LEADS / BATCH_SIZE;
/** A worker whose kill point has not come after this many requests is killed anyway, so no worker finishes the run. */
const FALLBACK_REQUESTS = 12;
const KILLS_WANTED = 20;

let app: TestApp | null = null;
let sim: MachFiveSim | null = null;
let bundleDir: string | null = null;
let cli = '';

// The worker is the real CLI, bundled fresh from the source under test: a bundle starts in a fraction
// of tsx's time, which keeps ~25 restarts affordable on a slow, busy machine. It lives under out/ so
// the CLI finds the migrations folder the way the built app does.
beforeAll(async () => {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  bundleDir = mkdtempSync(join(ROOT, 'out', 'crash-test-'));
  cli = join(bundleDir, 'leadprep.cjs');
  await build({
    entryPoints: [join(ROOT, 'src-main/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'keytar', 'electron', 'xlsx'],
    logLevel: 'error',
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

function spawnWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, 'work', '--until-idle'], {
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

/** What a kill point sees of the worker it is watching: everything since that worker was spawned. */
interface Watch {
  /** Requests the simulator recorded from this worker, in order. */
  requests(): Array<{ route: string | null }>;
  acceptedSince(): number;
  /** Batches of the run that entered `state` since the worker started (setBatch stamps updated_at). */
  batchesEntered(state: string): number;
}

interface KillPoint {
  label: string;
  /** Only worth a worker when the run still has work of this kind. */
  ready?: () => boolean;
  setup?: () => void;
  /** An observed event, never a timer: the k-th request, an accepted batch, a batch state in the database. */
  fired(w: Watch): boolean;
  /** Kill this long after the event (ms), for points inside a step rather than at its start. */
  delayMs?: number;
}

describe('crash safety: `leadprep work` SIGKILLed at many points', () => {
  it('never submits a batch twice, loses no sequence, and accounts for every lead', async () => {
    sim = await startMachFiveSim({ processingMs: 80, concurrencyLimit: 3 });
    app = createTestApp({
      ...FAST_ENV,
      LEADPREP_MACHFIVE_URL: sim.url,
      LEADPREP_QUEUE_LEASE_MS: '600',
      LEADPREP_HTTP_TIMEOUT_MS: '5000',
    });
    await app.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
    const seeded = seedLeads(app.ctx, LEADS, { emailPrefix: 'crash' });
    const run = await app.call('runs.start', {
      campaignId: CAMPAIGN,
      selection: { kind: 'import', importId: seeded.importId },
      batchSize: BATCH_SIZE,
      options: { listName: 'Crash', emailCount: 3 },
    });
    const s = sim;
    const sqlite = app.ctx.database.sqlite;
    const runState = () =>
      (sqlite.prepare(`SELECT state FROM runs WHERE id = ?`).get(run.id) as { state: string }).state;
    const batchesIn = (state: string) =>
      (
        sqlite
          .prepare(`SELECT COUNT(*) AS n FROM batches WHERE run_id = ? AND state = ?`)
          .get(run.id, state) as { n: number }
      ).n;
    const unsubmitted = () => batchesIn('queued') > 0;
    const nth = (route: string | null, k: number) => (w: Watch) =>
      w.requests().filter((r) => route === null || r.route === route).length >= k;
    const entered = (state: string) => (w: Watch) => w.batchesEntered(state) > 0;

    const points: KillPoint[] = [
      { label: 'after the 1st request', fired: nth(null, 1) },
      {
        label: 'batch written as submitting (POST maybe not sent)',
        ready: unsubmitted,
        fired: entered('submitting'),
      },
      {
        label: 'between an accepted POST and the stored list_id',
        ready: unsubmitted,
        // MachFive accepts the batch but its answer is held back, so the worker dies without the list_id.
        setup: () => s.inject({ route: 'generate-batch', kind: 'slow', ms: 10_000 }),
        fired: (w) => w.acceptedSince() > 0,
      },
      {
        label: 'during reconciliation (GET /lists)',
        ready: () => batchesIn('submitting') > 0,
        fired: nth('lists', 1),
      },
      { label: 'after the 2nd request', fired: nth(null, 2) },
      { label: 'list_id stored, before the first poll', ready: unsubmitted, fired: entered('processing') },
      { label: 'during the 1st poll', fired: nth('list', 1) },
      { label: 'after the 3rd request', fired: nth(null, 3) },
      { label: 'poll saw completed, before the export', fired: entered('exporting') },
      { label: 'during an export request', fired: nth('export', 1) },
      { label: 'after the 4th request', fired: nth(null, 4) },
      {
        label: 'while a generate-batch POST is in flight',
        ready: unsubmitted,
        fired: nth('generate-batch', 1),
      },
      { label: 'during the 2nd poll', fired: nth('list', 2) },
      { label: 'export answer +5 ms (storing it)', fired: nth('export', 1), delayMs: 5 },
      { label: 'after the 5th request', fired: nth(null, 5) },
      { label: 'just after an export was stored', fired: entered('done') },
      { label: 'export answer +15 ms', fired: nth('export', 1), delayMs: 15 },
      { label: 'after the 6th request', fired: nth(null, 6) },
      { label: 'during the 3rd poll', fired: nth('list', 3) },
      { label: 'export answer +30 ms', fired: nth('export', 1), delayMs: 30 },
      { label: 'after the 7th request', fired: nth(null, 7) },
      { label: 'after the 8th request', fired: nth(null, 8) },
      { label: 'after the 10th request', fired: nth(null, 10) },
    ];

    const kills = new Set<string>();
    const missed: string[] = [];
    const queue = [...points];
    // Generous: only a very slow machine gets near it; the loop normally ends at KILLS_WANTED.
    const deadline = Date.now() + 100_000;
    let workers = 0;
    while (
      kills.size < KILLS_WANTED &&
      queue.length > 0 &&
      runState() === 'active' &&
      Date.now() < deadline &&
      workers < 2 * points.length
    ) {
      const i = queue.findIndex((p) => !p.ready || p.ready());
      if (i < 0) break;
      const [point] = queue.splice(i, 1) as [KillPoint];
      point.setup?.();
      const startedAt = Date.now();
      const requestsBefore = s.requests.length;
      const acceptsBefore = s.acceptedBatches.length;
      const watch: Watch = {
        requests: () => s.requests.slice(requestsBefore),
        acceptedSince: () => s.acceptedBatches.length - acceptsBefore,
        batchesEntered: (state) =>
          (
            sqlite
              .prepare(`SELECT COUNT(*) AS n FROM batches WHERE run_id = ? AND state = ? AND updated_at >= ?`)
              .get(run.id, state, startedAt) as {
              n: number;
            }
          ).n,
      };
      const { child, exited } = spawnWorker(app.env);
      workers++;
      let gone = false;
      void exited.then(() => (gone = true));
      let fired = false;
      let fallback = false;
      while (!gone && Date.now() < deadline) {
        if (point.fired(watch)) {
          fired = true;
          break;
        }
        if (watch.requests().length >= FALLBACK_REQUESTS) {
          fallback = true;
          break;
        }
        await sleep(2);
      }
      if (fired && point.delayMs) await sleep(point.delayMs);
      const alive = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
      if (alive && fired) kills.add(point.label);
      else if (alive && fallback) kills.add(`after ${FALLBACK_REQUESTS} requests (fallback)`);
      if (!fired) {
        missed.push(point.label);
        // Another chance later: the run's state may suit it better then.
        if (missed.filter((m) => m === point.label).length < 2) queue.push(point);
      }
      await exited;
      s.clearFaults();
    }
    expect(
      kills.size,
      `kill points reached: ${[...kills].join('; ')}; missed: ${missed.join('; ')}`,
    ).toBeGreaterThanOrEqual(KILLS_WANTED);

    // Restart without interference until the run is finished.
    for (let i = 0; i < 5 && runState() === 'active'; i++) await spawnWorker(app.env).exited;
    expect(runState()).toBe('done');

    for (const [ref, n] of acceptCounts(app, s, run.id)) expect(n, `batch ${ref}`).toBe(1);
    expect(s.acceptedBatches).toHaveLength(BATCHES);
    const { rows } = leadOutcomes(app, run.id);
    expect(rows).toHaveLength(LEADS);
    expect(rows.filter((r) => r.gen_state === 'generated' && r.steps === 3)).toHaveLength(LEADS);
  }, 150_000);
});
