import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEGMENTFLOW_IDS, SENDKIT_IDS } from '../../../sim';
import { approvedRun, itemStates, pushHarness, type PushHarness } from './harness';

let h: PushHarness;
beforeAll(async () => {
  h = await pushHarness();
  await h.app.call('push.saveProfile', {
    name: 'sim',
    settings: { templateId: SEGMENTFLOW_IDS.template, senderProfileId: SEGMENTFLOW_IDS.senderProfile },
  });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.sendkit.reset();
  h.segmentflow.reset();
});

const sk = (runId: number) => ({
  destination: 'sendkit' as const,
  runId,
  target: { kind: 'campaign' as const, id: SENDKIT_IDS.activeCampaign },
});
const sf = (runId: number, steps = [1]) => ({
  destination: 'segmentflow' as const,
  runId,
  profile: 'sim',
  options: { steps },
});

describe('push to Sendkit', () => {
  it.each([
    [5000, [5000]],
    [5001, [5000, 1]],
  ])('%i leads -> requests of %j, with both auth headers', async (n, sizes) => {
    const { runId } = approvedRun(h.app, n, { steps: 1 });
    const p = await h.app.call('push.start', { spec: sk(runId) });
    await h.drain();
    const reqs = h.sendkit.requestsFor('leads-add');
    expect(reqs.map((r) => (r.body as { leads: unknown[] }).leads.length).sort((a, b) => b - a)).toEqual(
      sizes,
    ); // chunks run concurrently: order of arrival varies
    expect(reqs[0]!.headers['x-api-key']).toBe('sk_test_key');
    expect(reqs[0]!.headers.authorization).toBe('Bearer sk_test_key');
    expect((await h.app.call('push.get', { pushId: p.id })).counts.added).toBe(n);
  });

  it('says plainly that no custom variables travel, and maps errors[] to rejected leads', async () => {
    const { runId, emails } = approvedRun(h.app, 3, {
      email: (i) => (i === 1 ? 'broken@' : `sk${i}@push.example.com`),
    });
    const preview = await h.app.call('push.preview', { spec: sk(runId) });
    expect(preview.notes.join(' ')).toMatch(/no custom variables/);
    expect(preview.sample).toEqual({
      leads: [{ email: emails[0], firstName: 'First0', lastName: 'Last0', companyName: 'Company 0' }],
    });
    const p = await h.app.call('push.start', { spec: sk(runId) });
    await h.drain();
    const states = itemStates(h.app, p.id);
    expect(states.map((s) => s.state)).toEqual(['added', 'rejected', 'added']);
    expect(states[1]!.reason).toBe('Sendkit: Either leadId or email is required');
  });

  it('offers no picker (the API lists no campaigns) but remembers recent IDs', async () => {
    const t = await h.app.call('push.targets', { destination: 'sendkit', kind: 'campaign' });
    expect(t.picker).toBe(false);
    expect(t.recent.map((r) => r.id)).toContain(SENDKIT_IDS.activeCampaign);
  });
});

describe('push to Segmentflow', () => {
  it.each([
    [50, [1, 2], [100]],
    [101, [1], [100, 1]],
  ])('%i leads x steps %j -> requests of %j items', async (n, steps, sizes) => {
    const { runId } = approvedRun(h.app, n, { steps: 2 });
    const preview = await h.app.call('push.preview', { spec: sf(runId, steps) });
    expect(preview.emailsToSend).toBe(n * steps.length);
    await h.app.call('push.start', { spec: sf(runId, steps), confirmSendCount: n * steps.length });
    await h.drain();
    const reqs = h.segmentflow.requestsFor('emails-batch');
    expect(reqs.map((r) => (r.body as { items: unknown[] }).items.length).sort((a, b) => b - a)).toEqual(
      sizes,
    ); // chunks run concurrently: order of arrival varies
    expect(reqs[0]!.headers['x-api-key']).toBe('sf_test_key');
    expect(reqs[0]!.body).toMatchObject({
      defaults: { templateId: SEGMENTFLOW_IDS.template, senderProfileId: SEGMENTFLOW_IDS.senderProfile },
    });
    expect(h.segmentflow.sends).toHaveLength(n * steps.length);
    expect([...h.segmentflow.sendsByKey.values()].every((c) => c === 1)).toBe(true);
  });

  it('refuses to start without the exact send count', async () => {
    const { runId } = approvedRun(h.app, 3);
    await expect(h.app.call('push.start', { spec: sf(runId) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('3 emails'),
    });
    await expect(h.app.call('push.start', { spec: sf(runId), confirmSendCount: 2 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(h.segmentflow.requests).toHaveLength(0);
  });

  it('maps mixed accepted/rejected items; retry failed resends only what can succeed, with the same keys', async () => {
    const { runId, emails } = approvedRun(h.app, 4);
    h.segmentflow.rejectRecipients.add(emails[1]!.toLowerCase());
    const p = await h.app.call('push.start', { spec: sf(runId), confirmSendCount: 4 });
    await h.drain();
    let states = itemStates(h.app, p.id);
    expect(states.map((s) => s.state)).toEqual(['added', 'rejected', 'added', 'added']);
    expect(states[1]!.reason).toContain('RECIPIENT_SUPPRESSED');
    // Suppressed recipients are not retryable.
    await expect(h.app.call('push.retry', { pushId: p.id })).rejects.toMatchObject({ code: 'invalid_input' });

    // A transport failure on the next push: one chunk gets a 503 until the queue gives up.
    const second = approvedRun(h.app, 3);
    h.segmentflow.inject({ route: 'emails-batch', kind: 'status', status: 503, times: 8 });
    const p2 = await h.app.call('push.start', { spec: sf(second.runId), confirmSendCount: 3 });
    await h.drain();
    const failed = await h.app.call('push.get', { pushId: p2.id });
    expect(failed).toMatchObject({ state: 'failed', counts: { failed: 3, retryable: 3 } });
    const keysBefore = h.app.ctx.database.sqlite
      .prepare(`SELECT idempotency_key FROM push_items WHERE push_id = ? ORDER BY id`)
      .pluck()
      .all(p2.id);
    const before = h.segmentflow.requestsFor('emails-batch').length;
    await h.app.call('push.retry', { pushId: p2.id });
    await h.drain();
    const after = h.segmentflow.requestsFor('emails-batch').slice(before);
    expect(after).toHaveLength(1);
    expect(
      (after[0]!.body as { items: { idempotencyKey: string }[] }).items.map((i) => i.idempotencyKey),
    ).toEqual(keysBefore);
    states = itemStates(h.app, p2.id);
    expect(states.every((s) => s.state === 'added')).toBe(true);
    expect((await h.app.call('push.get', { pushId: p2.id })).state).toBe('done');
  });

  it('never sends a lead-step twice, even when pushed again on purpose', async () => {
    const { runId } = approvedRun(h.app, 2);
    await h.app.call('push.start', { spec: sf(runId), confirmSendCount: 2 });
    await h.drain();
    const preview = await h.app.call('push.preview', { spec: sf(runId) });
    expect(preview.repeatCount).toBe(2);
    await h.app.call('push.start', { spec: sf(runId), confirmSendCount: 2, acknowledgeRepeat: true });
    await h.drain();
    expect(h.segmentflow.sends).toHaveLength(2);
    expect([...h.segmentflow.attemptsByKey.values()]).toEqual([2, 2]);
  });
});
