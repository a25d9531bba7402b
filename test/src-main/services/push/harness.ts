import { createTestApp, type TestApp } from '../../../helpers/app';
import {
  startInstantlySim,
  startSegmentflowSim,
  startSendkitSim,
  type InstantlySim,
  type SegmentflowSim,
  type SendkitSim,
} from '../../../sim';
import { createQueueRunner, type QueueRunner } from '../../../../src-main/queue';
import { seedGeneratedRun, seedLeads } from '../generation/seed';

/** Short enough for timeout tests to be quick; only for tests that provoke timeouts on purpose. */
export const FAST_ENV = { LEADPREP_PUSH_TIMEOUT_MS: '1500', LEADPREP_QUEUE_LEASE_MS: '3000' };
/** A 5000-lead request on a busy 2-core CI machine can take seconds; ordinary tests must not time out. */
const STEADY_ENV = { LEADPREP_PUSH_TIMEOUT_MS: '30000', LEADPREP_QUEUE_LEASE_MS: '30000' };

export interface PushHarness {
  app: TestApp;
  instantly: InstantlySim;
  sendkit: SendkitSim;
  segmentflow: SegmentflowSim;
  runner: QueueRunner;
  /** Runs the queue until nothing is left except paused providers' work. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function pushHarness(env: Record<string, string> = {}): Promise<PushHarness> {
  const [instantly, sendkit, segmentflow] = await Promise.all([
    startInstantlySim(),
    startSendkitSim(),
    startSegmentflowSim(),
  ]);
  const app = createTestApp({
    ...STEADY_ENV,
    LEADPREP_INSTANTLY_URL: instantly.url,
    LEADPREP_SENDKIT_URL: sendkit.url,
    LEADPREP_SEGMENTFLOW_URL: segmentflow.url,
    ...env,
  });
  await app.call('keys.set', { provider: 'instantly', key: 'in_test_key' });
  await app.call('keys.set', { provider: 'sendkit', key: 'sk_test_key' });
  await app.call('keys.set', { provider: 'segmentflow', key: 'sf_test_key' });
  const runner = createQueueRunner(app.ctx, { pollIntervalMs: 30, backoff: { baseMs: 30, capMs: 200 } });
  return {
    app,
    instantly,
    sendkit,
    segmentflow,
    runner,
    drain: async () => {
      await runner.runUntilIdle();
    },
    async close() {
      await runner.stop();
      await app.close();
      await Promise.all([instantly.close(), sendkit.close(), segmentflow.close()]);
    },
  };
}

let seq = 0;

/**
 * A generated run of `n` leads with `steps` steps each, all approved unless `approve` picks some.
 * Emails are unique per call.
 */
export function approvedRun(
  app: TestApp,
  n: number,
  opts: { steps?: number; approve?: (i: number) => boolean; email?: (i: number) => string | null } = {},
): { runId: number; leadIds: number[]; emails: (string | null)[] } {
  seq++;
  const prefix = `p${seq}x${Date.now() % 100000}l`;
  const seeded = seedLeads(app.ctx, n, {
    emailPrefix: prefix,
    domain: 'push.example.com',
    override: opts.email ? (i) => ({ email: opts.email!(i) }) : undefined,
  });
  const { runId, leadIds } = seedGeneratedRun(app.ctx, { leads: seeded.leadIds, steps: opts.steps ?? 2 });
  const approve = app.ctx.database.sqlite.prepare(
    `UPDATE run_leads SET review_state = ? WHERE run_id = ? AND lead_id = ?`,
  );
  leadIds.forEach((id, i) =>
    approve.run(opts.approve && !opts.approve(i) ? 'rejected' : 'approved', runId, id),
  );
  const emails = leadIds.map((_, i) => (opts.email ? opts.email(i) : `${prefix}${i}@push.example.com`));
  return { runId, leadIds, emails };
}

/** Every item of a push with its state, for assertions. */
export function itemStates(
  app: TestApp,
  pushId: number,
): {
  leadId: number;
  step: number | null;
  state: string;
  reasonCode: string | null;
  reason: string | null;
}[] {
  return app.ctx.database.sqlite
    .prepare(
      `SELECT lead_id AS leadId, step, state, reason_code AS reasonCode, reason FROM push_items WHERE push_id = ? ORDER BY id`,
    )
    .all(pushId) as never;
}
