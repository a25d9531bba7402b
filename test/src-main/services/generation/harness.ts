import {
  MACHFIVE_CAMPAIGN_IDS,
  startMachFiveSim,
  type MachFiveSim,
  type MachFiveSimOptions,
} from '../../../sim';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { createQueueRunner, type QueueRunner } from '../../../../src-main/queue';

export const CAMPAIGN = MACHFIVE_CAMPAIGN_IDS.founders;

/** Fast timings: the flows are the real ones, only the waits shrink. */
export const FAST_ENV = {
  LEADPREP_MACHFIVE_POLL_MIN_MS: '40',
  LEADPREP_MACHFIVE_POLL_MAX_MS: '200',
  LEADPREP_HTTP_TIMEOUT_MS: '1500',
  LEADPREP_QUEUE_LEASE_MS: '3000',
};

export interface GenHarness {
  app: TestApp;
  sim: MachFiveSim;
  runner: QueueRunner;
  /** Runs the queue until it has nothing left to do (paused providers excepted). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function genHarness(
  simOpts: MachFiveSimOptions = {},
  env: Record<string, string> = {},
): Promise<GenHarness> {
  const sim = await startMachFiveSim({ processingMs: 60, ...simOpts });
  const app = createTestApp({ ...FAST_ENV, LEADPREP_MACHFIVE_URL: sim.url, ...env });
  await app.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
  const runner = createQueueRunner(app.ctx, { pollIntervalMs: 50, backoff: { baseMs: 50, capMs: 400 } });
  return {
    app,
    sim,
    runner,
    async drain() {
      await runner.runUntilIdle();
    },
    async close() {
      await runner.stop();
      await app.close();
      await sim.close();
    },
  };
}

/** Every lead of the run: generated with `steps` steps, or marked with a reason. Returns counts by state. */
export function leadOutcomes(app: TestApp, runId: number) {
  const rows = app.ctx.database.sqlite
    .prepare(
      `SELECT rl.lead_id, rl.gen_state, rl.gen_message, l.email, (SELECT COUNT(*) FROM sequence_steps s WHERE s.run_id = rl.run_id AND s.lead_id = rl.lead_id) AS steps
       FROM run_leads rl JOIN leads l ON l.id = rl.lead_id WHERE rl.run_id = ?`,
    )
    .all(runId) as Array<{
    lead_id: number;
    gen_state: string;
    gen_message: string | null;
    email: string;
    steps: number;
  }>;
  const byState: Record<string, number> = {};
  for (const r of rows) byState[r.gen_state] = (byState[r.gen_state] ?? 0) + 1;
  return { rows, byState };
}

/** How many times MachFive accepted each of the run's batches (must be at most 1 each). */
export function acceptCounts(app: TestApp, sim: MachFiveSim, runId: number): Map<string, number> {
  const refs = app.ctx.database.sqlite
    .prepare(`SELECT client_ref FROM batches WHERE run_id = ?`)
    .all(runId) as Array<{ client_ref: string }>;
  const out = new Map<string, number>();
  for (const { client_ref } of refs) {
    out.set(
      client_ref,
      sim.acceptedBatches.filter((b) => (b.listName ?? '').includes(`[${client_ref}]`)).length,
    );
  }
  return out;
}
