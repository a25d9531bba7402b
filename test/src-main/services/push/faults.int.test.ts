import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INSTANTLY_IDS, SEGMENTFLOW_IDS } from '../../../sim';
import { FAST_ENV, approvedRun, itemStates, pushHarness, type PushHarness } from './harness';

let h: PushHarness;
beforeAll(async () => {
  h = await pushHarness(FAST_ENV);
  await h.app.call('push.saveProfile', { name: 'sim', settings: { templateId: SEGMENTFLOW_IDS.template } });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.instantly.reset();
  h.segmentflow.reset();
});

const inst = (runId: number) => ({
  destination: 'instantly' as const,
  runId,
  target: { kind: 'campaign' as const, id: INSTANTLY_IDS.campaign },
});

describe('push under provider faults', () => {
  it('401 pauses Instantly with the push waiting; saving a key resumes it', async () => {
    const { runId } = approvedRun(h.app, 3);
    h.instantly.inject({ route: 'leads-add', kind: 'status', status: 401 });
    const p = await h.app.call('push.start', { spec: inst(runId) });
    const report = await h.runner.runUntilIdle();
    expect(report.pausedProviders).toEqual(['instantly']);
    const paused = await h.app.call('push.get', { pushId: p.id });
    expect(paused.state).toBe('active');
    expect(paused.paused?.reason).toBe('auth');
    expect(paused.counts.added).toBe(0);
    await h.app.call('keys.set', { provider: 'instantly', key: 'in_test_key' });
    await h.drain();
    expect((await h.app.call('push.get', { pushId: p.id })).counts).toMatchObject({ added: 3, failed: 0 });
  });

  it('429 waits at least Retry-After before sending again', async () => {
    const { runId } = approvedRun(h.app, 2);
    h.instantly.inject({ route: 'leads-add', kind: 'status', status: 429, retryAfter: 1 });
    const p = await h.app.call('push.start', { spec: inst(runId) });
    await h.drain();
    const [first, second] = h.instantly.requestsFor('leads-add');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect((await h.app.call('push.get', { pushId: p.id })).counts.added).toBe(2);
  });

  it('5xx is retried with backoff until it goes through', async () => {
    const { runId } = approvedRun(h.app, 2);
    h.instantly.inject({ route: 'leads-add', kind: 'status', status: 502, times: 2 });
    const p = await h.app.call('push.start', { spec: inst(runId) });
    await h.drain();
    expect(h.instantly.requestsFor('leads-add')).toHaveLength(3);
    expect(itemStates(h.app, p.id).map((s) => s.state)).toEqual(['added', 'added']);
  });

  it('a timeout after Instantly stored the leads: the retry finds them in the campaign, none is added twice', async () => {
    const { runId, emails } = approvedRun(h.app, 2);
    h.instantly.inject({ route: 'leads-add', kind: 'slow', ms: 2500 });
    const p = await h.app.call('push.start', { spec: inst(runId) });
    await h.drain();
    const stored = h.instantly.leadsIn(INSTANTLY_IDS.campaign).filter((l) => emails.includes(l.email ?? ''));
    expect(stored).toHaveLength(2);
    const states = itemStates(h.app, p.id);
    expect(states.map((s) => s.reasonCode)).toEqual(['duplicate', 'duplicate']);
    expect(states[0]!.reason).toContain('earlier attempt');
  });

  it('Segmentflow timeouts and dropped answers are replayed by key: no email sent twice', async () => {
    const { runId } = approvedRun(h.app, 5);
    h.segmentflow.inject({ route: 'emails-batch', kind: 'slow', ms: 2500 });
    h.segmentflow.inject({ route: 'emails-batch', kind: 'drop-after-accept' });
    const p = await h.app.call('push.start', {
      spec: { destination: 'segmentflow', runId, profile: 'sim' },
      confirmSendCount: 5,
    });
    await h.drain();
    expect(h.segmentflow.requestsFor('emails-batch').length).toBe(3);
    expect(h.segmentflow.sends).toHaveLength(5);
    expect([...h.segmentflow.sendsByKey.values()].every((n) => n === 1)).toBe(true);
    expect((await h.app.call('push.get', { pushId: p.id })).counts.added).toBe(5);
  });

  it('404 (campaign gone) fails the push at once with a plain message, retryable later', async () => {
    const { runId } = approvedRun(h.app, 2);
    const p = await h.app.call('push.start', {
      spec: { ...inst(runId), target: { kind: 'campaign', id: '019cc043-e39c-7d91-a325-000000000000' } },
    });
    await h.drain();
    const s = await h.app.call('push.get', { pushId: p.id });
    expect(s).toMatchObject({ state: 'failed', counts: { failed: 2, retryable: 2 } });
    expect(h.instantly.requestsFor('leads-add')).toHaveLength(1);
    const rows = await h.app.call('push.results', { pushId: p.id, retryableOnly: true });
    expect(rows.items[0]?.reason).toMatch(/could not find/);
  });
});
