import { describe, expect, it } from 'vitest';
import { createSegmentflowClient } from '../../../src-main/providers/segmentflow';

const answer = (json: unknown, status = 200) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
};
const key = async () => 'k_test';
const item = { idempotencyKey: 'a', to: { email: 'a@x.com', externalId: '1' }, subject: 's', data: {} };

describe('Segmentflow client', () => {
  it('reads accepted items and rejected items whatever shape their error takes, ignoring extra fields', async () => {
    const { calls, fetchImpl } = answer({
      total: 4,
      accepted: 1,
      rejected: 3,
      extra: true,
      items: [
        { index: 0, idempotencyKey: 'a', send: { id: 's1', whatever: 1 } },
        { index: 1, idempotencyKey: 'b', error: { code: 'INVALID_RECIPIENT', message: 'bad' } },
        { index: 2, idempotencyKey: 'c', error: 'plain text' },
        { index: 3, idempotencyKey: 'd', code: 'X', message: 'top-level' },
      ],
    });
    const res = await createSegmentflowClient({ baseUrl: 'http://sf', key, fetchImpl }).sendBatch([item], {
      templateId: 't',
    });
    expect(res.items).toEqual([
      { kind: 'accepted', index: 0, idempotencyKey: 'a', sendId: 's1' },
      { kind: 'rejected', index: 1, idempotencyKey: 'b', code: 'INVALID_RECIPIENT', message: 'bad' },
      { kind: 'rejected', index: 2, idempotencyKey: 'c', code: null, message: 'plain text' },
      { kind: 'rejected', index: 3, idempotencyKey: 'd', code: 'X', message: 'top-level' },
    ]);
    expect(calls[0]!.url).toBe('http://sf/api/v1/emails/batch');
    expect(new Headers(calls[0]!.init.headers).get('x-api-key')).toBe('k_test');
  });

  it('turns an unrecognisable answer into a typed provider error', async () => {
    const { fetchImpl } = answer({ ok: 1 });
    await expect(
      createSegmentflowClient({ baseUrl: 'http://sf', key, fetchImpl }).sendBatch([item], {
        templateId: 't',
      }),
    ).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unexpected',
    });
  });

  it('refuses more than 100 items before calling', async () => {
    const { calls, fetchImpl } = answer({});
    await expect(
      createSegmentflowClient({ baseUrl: 'http://sf', key, fetchImpl }).sendBatch(Array(101).fill(item), {
        templateId: 't',
      }),
    ).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});
