import { describe, expect, it } from 'vitest';
import { createSendkitClient } from '../../../src-main/providers/sendkit';

const answer = (json: unknown, status = 200) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
};
const key = async () => 'k_test';

describe('Sendkit client', () => {
  it('sends both auth headers and reads a response without errors[]', async () => {
    const { calls, fetchImpl } = answer({ success: true, data: { added: 2, skipped: 0 } });
    const res = await createSendkitClient({ baseUrl: 'http://sk', key, fetchImpl }).addLeadsToCampaign(
      'c/1',
      [{ email: 'a@x.com' }],
    );
    expect(res).toEqual({ added: 2, skipped: 0, errors: [] });
    expect(calls[0]!.url).toBe('http://sk/v1/campaigns/c%2F1/leads');
    const h = new Headers(calls[0]!.init.headers);
    expect([h.get('x-api-key'), h.get('authorization')]).toEqual(['k_test', 'Bearer k_test']);
  });

  it('maps a 404 body to a typed not-found error with the provider message', async () => {
    const { fetchImpl } = answer(
      { success: false, error: { code: 'NOT_FOUND', message: 'Campaign not found' } },
      404,
    );
    await expect(
      createSendkitClient({ baseUrl: 'http://sk', key, fetchImpl }).addLeadsToCampaign('c', [
        { email: 'a@x.com' },
      ]),
    ).rejects.toMatchObject({
      code: 'provider_not_found',
      providerCode: 'NOT_FOUND',
      message: expect.stringContaining('Campaign not found'),
    });
  });
});
