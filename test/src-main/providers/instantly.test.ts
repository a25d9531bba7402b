import { describe, expect, it } from 'vitest';
import { createInstantlyClient } from '../../../src-main/providers/instantly';

const answer = (json: unknown, status = 200) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
};
const key = async () => 'k_test';

describe('Instantly client', () => {
  it('posts to leads/add with Bearer auth and tolerates missing counters', async () => {
    const { calls, fetchImpl } = answer({ status: 'success', created_leads: [{ id: 'x', index: 0 }] });
    const res = await createInstantlyClient({ baseUrl: 'http://in', key, fetchImpl }).addLeads(
      [{ email: 'a@x.com', custom_variables: {} }],
      {
        campaign_id: 'c',
        verify_leads_on_import: false,
        skip_if_in_workspace: true,
        skip_if_in_campaign: false,
        skip_if_in_list: false,
      },
    );
    expect(res).toMatchObject({
      in_blocklist: 0,
      duplicated_leads: 0,
      created_leads: [{ id: 'x', index: 0 }],
    });
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer k_test');
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({
      campaign_id: 'c',
      leads: [{ email: 'a@x.com' }],
    });
  });
});
