import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENTFLOW_IDS } from '../../../sim';
import { runCli, spawnCli } from '../../../helpers/cli';
import { FAST_ENV, approvedRun, itemStates, pushHarness, type PushHarness } from './harness';

let h: PushHarness;
beforeAll(async () => {
  h = await pushHarness(FAST_ENV);
  await h.app.call('push.saveProfile', { name: 'sim', settings: { templateId: SEGMENTFLOW_IDS.template } });
});
afterAll(async () => {
  await h.close();
});

const waitFor = async (cond: () => boolean, what: string, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

describe('SIGKILL during a Segmentflow push', () => {
  it('resumes after the worker is killed at several points and never sends an email twice', async () => {
    // Source, not a possibly stale bundle; short leases so a killed worker's chunk comes back quickly.
    const env = { ...h.app.env, LEADPREP_CLI_FROM_SOURCE: '1', LEADPREP_QUEUE_LEASE_MS: '1500' };
    const { runId } = approvedRun(h.app, 250, { steps: 2 });
    const p = await h.app.call('push.start', {
      spec: { destination: 'segmentflow', runId, profile: 'sim', options: { steps: [1, 2] } },
      confirmSendCount: 500,
    });
    expect(p.counts.total).toBe(500);
    // Every answer is held back: a kill lands after Segmentflow has sent but before LeadPrep knows.
    h.segmentflow.inject({ route: 'emails-batch', kind: 'slow', ms: 400, times: 'always' });

    // Kill points: as soon as the first request arrives, mid-way through later ones, and after some answers were stored.
    for (const killAfterRequests of [1, 3, 6]) {
      const child = spawnCli(['work'], env);
      child.stdout?.resume();
      child.stderr?.resume();
      await waitFor(
        () => h.segmentflow.requestsFor('emails-batch').length >= killAfterRequests,
        `${killAfterRequests} requests`,
      );
      child.kill('SIGKILL');
      await killed(child);
    }
    const mid = await h.app.call('push.get', { pushId: p.id });
    expect(mid.counts.pending + mid.counts.sending).toBeGreaterThan(0);

    h.segmentflow.clearFaults();
    const finish = await runCli(['work', '--until-idle'], env);
    expect(finish.code).toBe(0);

    const done = await h.app.call('push.get', { pushId: p.id });
    expect(done).toMatchObject({
      state: 'done',
      counts: { total: 500, added: 500, pending: 0, sending: 0, failed: 0 },
    });
    expect(itemStates(h.app, p.id).every((s) => s.state === 'added')).toBe(true);
    expect(h.segmentflow.sends).toHaveLength(500);
    expect([...h.segmentflow.sendsByKey.values()].every((n) => n === 1)).toBe(true);
    // The kills really interrupted work: some keys were submitted more than once and replayed.
    expect([...h.segmentflow.attemptsByKey.values()].some((n) => n > 1)).toBe(true);
    // Every item's stored send id is the one Segmentflow created for its key.
    const rows = h.app.ctx.database.sqlite
      .prepare(`SELECT idempotency_key AS k, remote_id AS id FROM push_items WHERE push_id = ?`)
      .all(p.id) as { k: string; id: string }[];
    const sendIdByKey = new Map(h.segmentflow.sends.map((s) => [s.idempotencyKey, s.send.id]));
    expect(rows.every((r) => sendIdByKey.get(r.k) === r.id)).toBe(true);
  });
});
