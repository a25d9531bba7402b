import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTANTLY_IDS, SEGMENTFLOW_IDS } from '../../../sim';
import { runCli } from '../../../helpers/cli';
import { approvedRun, pushHarness, type PushHarness } from './harness';

let h: PushHarness;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  h = await pushHarness();
  env = { ...h.app.env, LEADPREP_CLI_FROM_SOURCE: '1' };
});
afterAll(async () => {
  await h.close();
});

describe('leadprep push CLI', () => {
  it('dry-run, push --wait, pushes and push-results --failed', async () => {
    const { runId, emails } = approvedRun(h.app, 3);
    h.instantly.blocklist.add(emails[2]!.toLowerCase());
    const dry = await runCli(
      [
        'push',
        '--to',
        'instantly',
        '--run',
        String(runId),
        '--campaign',
        INSTANTLY_IDS.campaign,
        '--dry-run',
        '--json',
      ],
      env,
    );
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ leadCount: 3, requests: 1 });
    expect(h.instantly.requestsFor('leads-add')).toHaveLength(0);

    const pushed = await runCli(
      [
        'push',
        '--to',
        'instantly',
        '--run',
        String(runId),
        '--campaign',
        INSTANTLY_IDS.campaign,
        '--wait',
        '--json',
      ],
      env,
    );
    expect(pushed.code).toBe(0);
    const summary = JSON.parse(pushed.stdout) as { id: number; counts: { added: number; skipped: number } };
    expect(summary.counts).toMatchObject({ added: 2, skipped: 1 });

    const list = await runCli(['pushes', '--json'], env);
    expect((JSON.parse(list.stdout) as { id: number }[]).map((p) => p.id)).toContain(summary.id);
    const skipped = await runCli(
      ['push-results', '--push', String(summary.id), '--state', 'skipped', '--json'],
      env,
    );
    expect(JSON.parse(skipped.stdout)).toMatchObject({
      total: 1,
      items: [{ email: emails[2], reasonCode: 'blocklist' }],
    });
    const failed = await runCli(['push-results', '--push', String(summary.id), '--failed', '--json'], env);
    expect(JSON.parse(failed.stdout)).toMatchObject({ total: 0 });
    const retry = await runCli(['push', 'retry', '--push', String(summary.id), '--json'], env);
    expect(retry.code).toBe(1);
    expect(JSON.parse(retry.stdout).error.message).toMatch(/nothing to retry/);
  });

  it('Segmentflow refuses without --yes and says how many emails would go out', async () => {
    await h.app.call('push.saveProfile', { name: 'cli', settings: { templateId: SEGMENTFLOW_IDS.template } });
    const { runId } = approvedRun(h.app, 4, { steps: 2 });
    const refused = await runCli(
      ['push', '--to', 'segmentflow', '--run', String(runId), '--profile', 'cli', '--steps', '1,2'],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SEND 8 email(s)');
    expect(h.segmentflow.requests).toHaveLength(0);
    const sent = await runCli(
      [
        'push',
        '--to',
        'segmentflow',
        '--run',
        String(runId),
        '--profile',
        'cli',
        '--steps',
        '1,2',
        '--yes',
        '--wait',
        '--json',
      ],
      env,
    );
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ state: 'done', counts: { added: 8 } });
    expect(h.segmentflow.sends).toHaveLength(8);
  });
});
