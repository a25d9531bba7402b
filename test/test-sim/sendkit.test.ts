import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SENDKIT_IDS, startSendkitSim, type SendkitSim } from '../sim';

let sim: SendkitSim;
beforeEach(async () => {
  sim = await startSendkitSim();
});
afterEach(async () => {
  await sim.close();
});

function add(
  campaign: string,
  body: unknown,
  headers: Record<string, string> = { 'x-api-key': 'sk_test_key' },
): Promise<Response> {
  return fetch(`${sim.url}/v1/campaigns/${campaign}/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('Sendkit simulator', () => {
  it('accepts the key in X-Api-Key or as a Bearer token, else 401 in the success:false shape', async () => {
    const body = { leads: [{ email: 'a@b.test' }] };
    expect(
      (await add(SENDKIT_IDS.activeCampaign, body, { authorization: 'Bearer sk_test_key' })).status,
    ).toBe(200);
    const bad = await add(SENDKIT_IDS.activeCampaign, body, { 'x-api-key': 'nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('reports unusable entries in errors[] with the entry echoed, and skips leads already in the campaign', async () => {
    await add(SENDKIT_IDS.activeCampaign, { leads: [{ email: 'already@b.test' }] });
    const res = await add(SENDKIT_IDS.activeCampaign, {
      leads: [
        { email: 'john@acme.test', firstName: 'John' },
        { email: 'invalid@' },
        { firstName: 'NoEmail' },
        { email: 'ALREADY@b.test' },
        { leadId: SENDKIT_IDS.knownLead },
        { leadId: 'ffffffffffffffffffffffff' },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      data: {
        added: 2,
        skipped: 1,
        errors: [
          { entry: { email: 'invalid@' }, message: 'Either leadId or email is required' },
          { entry: { firstName: 'NoEmail' }, message: 'Either leadId or email is required' },
          { entry: { leadId: 'ffffffffffffffffffffffff' }, message: 'Lead not found' },
        ],
      },
    });
    expect(sim.leadsIn(SENDKIT_IDS.activeCampaign).map((l) => [l.email, l.status])).toEqual([
      ['already@b.test', 'active'],
      ['john@acme.test', 'active'],
      ['known.lead@example.com', 'active'],
    ]);
  });

  it('404s an unknown campaign and 400s a missing or oversized leads array', async () => {
    const missing = await add('000000000000000000000000', { leads: [{ email: 'a@b.test' }] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Campaign not found' },
    });
    const none = await add(SENDKIT_IDS.activeCampaign, {});
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    const big = Array.from({ length: 5001 }, (_, i) => ({ email: `l${i}@b.test` }));
    expect((await add(SENDKIT_IDS.activeCampaign, { leads: big })).status).toBe(400);
  });
});
