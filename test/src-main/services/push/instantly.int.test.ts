import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INSTANTLY_IDS } from '../../../sim';
import { itemStates, approvedRun, pushHarness, type PushHarness } from './harness';

let h: PushHarness;
beforeAll(async () => {
  h = await pushHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.instantly.reset();
});

const spec = (runId: number, extra: Record<string, unknown> = {}) => ({
  destination: 'instantly' as const,
  runId,
  target: { kind: 'campaign' as const, id: INSTANTLY_IDS.campaign },
  ...extra,
});

describe('push to Instantly', () => {
  it.each([
    [999, [999]],
    [1000, [1000]],
    [1001, [1000, 1]],
  ])('%i approved leads go out in requests of %j', async (n, sizes) => {
    const { runId } = approvedRun(h.app, n, { steps: 1 });
    const preview = await h.app.call('push.preview', { spec: spec(runId) });
    expect(preview).toMatchObject({ leadCount: n, itemCount: n, requests: sizes.length, emailsToSend: null });
    const started = await h.app.call('push.start', { spec: spec(runId) });
    await h.drain();
    const reqs = h.instantly.requestsFor('leads-add');
    expect(reqs.map((r) => (r.body as { leads: unknown[] }).leads.length).sort((a, b) => b - a)).toEqual(
      sizes,
    ); // chunks run concurrently: order of arrival varies
    const done = await h.app.call('push.get', { pushId: started.id });
    expect(done.state).toBe('done');
    expect(done.counts).toMatchObject({ total: n, added: n, pending: 0, sending: 0 });
    expect(h.instantly.leadsIn(INSTANTLY_IDS.campaign)).toHaveLength(n);
  });

  it('sends only approved leads, with sequence variables, the opener and the safe default options', async () => {
    const { runId, emails } = approvedRun(h.app, 4, { approve: (i) => i !== 1 });
    const pushed = await h.app.call('push.start', { spec: spec(runId) });
    await h.drain();
    const body = h.instantly.requestsFor('leads-add')[0]!.body as Record<string, unknown> & {
      leads: Record<string, unknown>[];
    };
    expect(body).toMatchObject({
      campaign_id: INSTANTLY_IDS.campaign,
      skip_if_in_workspace: true,
      verify_leads_on_import: false,
    });
    expect(body).not.toHaveProperty('list_id');
    expect(body.leads.map((l) => l.email)).toEqual([emails[0], emails[2], emails[3]]);
    expect(body.leads[0]).toMatchObject({
      first_name: 'First0',
      company_name: 'Company 0',
      custom_variables: expect.objectContaining({
        step_1_subject: expect.stringContaining('Step 1'),
        step_2_body: expect.any(String),
      }),
    });
    expect(h.instantly.requestsFor('leads-add')[0]!.headers.authorization).toBe('Bearer in_test_key');
    expect((await h.app.call('push.get', { pushId: pushed.id })).counts.total).toBe(3);
  });

  it('leaves out approved leads put on the suppression list after review, saying which entry', async () => {
    const { runId, emails } = approvedRun(h.app, 3, {
      email: (i) => ['ann@acme.io', 'joe@eu.rival.io', 'kim@beta.io'][i] ?? null,
    });
    await h.app.call('suppressions.add', { entries: ['rival.io', 'KIM@beta.io'], source: 'typed' });
    const preview = await h.app.call('push.preview', { spec: spec(runId) });
    expect(preview).toMatchObject({ leadCount: 1, excludedCount: 2 });
    expect(preview.excluded.map((e) => [e.email, e.reason])).toEqual([
      ['joe@eu.rival.io', 'The domain rival.io is on your suppression list.'],
      ['kim@beta.io', 'On your suppression list.'],
    ]);
    await h.app.call('push.start', { spec: spec(runId) });
    await h.drain();
    const body = h.instantly.requestsFor('leads-add')[0]!.body as { leads: { email: string }[] };
    expect(body.leads.map((l) => l.email)).toEqual([emails[0]]);
    await h.app.call('suppressions.remove', {
      ids: (await h.app.call('suppressions.list', { limit: 10 })).entries.map((e) => e.id),
    });
  });

  it('maps blocklist, duplicate and invalid counts to per-lead reasons', async () => {
    const { runId, emails } = approvedRun(h.app, 5);
    h.instantly.blocklist.add(emails[1]!.toLowerCase());
    // Already in the campaign from an earlier upload outside LeadPrep.
    await fetch(`${h.instantly.url}/api/v2/leads/add`, {
      method: 'POST',
      headers: { authorization: 'Bearer in_test_key', 'content-type': 'application/json' },
      body: JSON.stringify({ campaign_id: INSTANTLY_IDS.campaign, leads: [{ email: emails[3] }] }),
    });
    const pushed = await h.app.call('push.start', { spec: spec(runId) });
    await h.drain();
    const states = itemStates(h.app, pushed.id);
    expect(states.map((s) => s.state)).toEqual(['added', 'skipped', 'added', 'skipped', 'added']);
    // Two different counters are non-zero: Instantly does not say which lead got which.
    expect(states[1]!.reasonCode).toBe('unattributed');
    expect(states[1]!.reason).toContain('does not say which');

    const single = approvedRun(h.app, 3);
    h.instantly.blocklist.add(single.emails[2]!.toLowerCase());
    const p2 = await h.app.call('push.start', { spec: spec(single.runId) });
    await h.drain();
    expect(itemStates(h.app, p2.id).map((s) => s.reasonCode)).toEqual([null, null, 'blocklist']);
    const results = await h.app.call('push.results', { pushId: p2.id, states: ['skipped'] });
    expect(results.total).toBe(1);
    expect(results.items[0]).toMatchObject({
      email: single.emails[2],
      reason: 'Skipped by Instantly: on your Instantly blocklist.',
    });
  });

  it('warns before pushing leads already added to the same campaign, and can leave them out', async () => {
    const { runId } = approvedRun(h.app, 3);
    await h.app.call('push.start', { spec: spec(runId) });
    await h.drain();
    const preview = await h.app.call('push.preview', { spec: spec(runId) });
    expect(preview.repeatCount).toBe(3);
    await expect(h.app.call('push.start', { spec: spec(runId) })).rejects.toMatchObject({ code: 'conflict' });
    const skip = await h.app.call('push.preview', { spec: spec(runId, { skipAlreadyPushed: true }) });
    expect(skip).toMatchObject({ itemCount: 0, excludedCount: 3 });
    const other = await h.app.call('push.preview', {
      spec: { ...spec(runId), target: { kind: 'campaign', id: INSTANTLY_IDS.campaign2 } },
    });
    expect(other.repeatCount).toBe(0);
    const again = await h.app.call('push.start', { spec: spec(runId), acknowledgeRepeat: true });
    await h.drain();
    expect(itemStates(h.app, again.id).every((s) => s.reasonCode === 'duplicate')).toBe(true);
  });

  it('lists campaigns and lists for the picker and remembers recent IDs', async () => {
    const campaigns = await h.app.call('push.targets', { destination: 'instantly', kind: 'campaign' });
    expect(campaigns.picker).toBe(true);
    expect(campaigns.items.map((c) => c.id)).toContain(INSTANTLY_IDS.campaign);
    expect(campaigns.recent[0]?.id).toBe(INSTANTLY_IDS.campaign);
    const lists = await h.app.call('push.targets', { destination: 'instantly', kind: 'list' });
    expect(lists.items.map((c) => c.id)).toContain(INSTANTLY_IDS.list);
  });
});
