import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTANTLY_IDS, startInstantlySim, type InstantlySim } from '../sim';

let sim: InstantlySim;
beforeEach(async () => {
  sim = await startInstantlySim({ blocklist: ['blocked@x.test', 'spamtrap.test'] });
});
afterEach(async () => {
  await sim.close();
});

function add(body: unknown, key = 'in_test_key'): Promise<Response> {
  return fetch(`${sim.url}/api/v2/leads/add`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('Instantly simulator', () => {
  it('answers 401 to a wrong key and 429 with Retry-After when injected', async () => {
    const res = await add({ campaign_id: INSTANTLY_IDS.campaign, leads: [{ email: 'a@b.test' }] }, 'wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'Unauthorized' });
    sim.inject({ route: 'leads-add', kind: 'status', status: 429, retryAfter: 3 });
    const limited = await add({ campaign_id: INSTANTLY_IDS.campaign, leads: [{ email: 'a@b.test' }] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
  });

  it('requires exactly one of campaign_id / list_id and 1..1000 leads', async () => {
    expect((await add({ leads: [{ email: 'a@b.test' }] })).status).toBe(400);
    expect(
      (
        await add({
          campaign_id: INSTANTLY_IDS.campaign,
          list_id: INSTANTLY_IDS.list,
          leads: [{ email: 'a@b.test' }],
        })
      ).status,
    ).toBe(400);
    expect((await add({ campaign_id: INSTANTLY_IDS.campaign, leads: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ email: `l${i}@b.test` }));
    expect((await add({ campaign_id: INSTANTLY_IDS.campaign, leads: tooMany })).status).toBe(400);
  });

  it('counts every outcome and maps created_leads back to request indexes', async () => {
    const res = await add({
      campaign_id: INSTANTLY_IDS.campaign,
      leads: [
        { email: 'ok1@a.test', first_name: 'Ok', custom_variables: { step1_subject: 'Hi' } },
        { email: 'not-an-email' },
        { email: 'OK1@a.test' },
        { email: 'blocked@x.test' },
        { email: 'anyone@spamtrap.test' },
        { first_name: 'No email' },
        { email: 'ok2@a.test' },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'success',
      total_sent: 7,
      leads_uploaded: 2,
      invalid_email_count: 2,
      duplicate_email_count: 1,
      in_blocklist: 2,
      duplicated_leads: 0,
      skipped_count: 0,
      incomplete_count: 0,
      remaining_in_plan: 9998,
      blocklist_used: INSTANTLY_IDS.blocklist,
    });
    expect((body.created_leads as { email: string; index: number }[]).map((c) => [c.email, c.index])).toEqual(
      [
        ['ok1@a.test', 0],
        ['ok2@a.test', 6],
      ],
    );
    expect(sim.leadsIn(INSTANTLY_IDS.campaign)[0]?.custom_variables).toEqual({ step1_subject: 'Hi' });
  });

  it('a retry sees the earlier leads as duplicated_leads; skip flags and list-mode incomplete leads', async () => {
    await add({ campaign_id: INSTANTLY_IDS.campaign, leads: [{ email: 'a@b.test' }] });
    const retry = (await (
      await add({
        campaign_id: INSTANTLY_IDS.campaign,
        leads: [{ email: 'a@b.test' }, { email: 'c@b.test' }],
      })
    ).json()) as Record<string, unknown>;
    expect(retry).toMatchObject({ duplicated_leads: 1, leads_uploaded: 1 });
    expect(sim.leadsIn(INSTANTLY_IDS.campaign)).toHaveLength(2);

    const toList = (await (
      await add({
        list_id: INSTANTLY_IDS.list,
        skip_if_in_campaign: true,
        leads: [{ email: 'a@b.test' }, {}, { first_name: 'Only', last_name: 'Names' }],
      })
    ).json()) as Record<string, unknown>;
    expect(toList).toMatchObject({
      skipped_count: 1,
      incomplete_count: 1,
      leads_uploaded: 1,
      remaining_in_plan: null,
    });
  });
});
