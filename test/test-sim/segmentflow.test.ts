import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEGMENTFLOW_IDS, startSegmentflowSim, type SegmentflowSim } from '../sim';

let sim: SegmentflowSim;
beforeEach(async () => {
  sim = await startSegmentflowSim({ rejectRecipients: ['suppressed@b.test'] });
});
afterEach(async () => {
  await sim.close();
});

function batch(body: unknown, key = 'sf_test_key'): Promise<Response> {
  return fetch(`${sim.url}/api/v1/emails/batch`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

type Item = {
  index: number;
  idempotencyKey: string;
  send?: { id: string; to: { email: string }; subject: string };
  error?: { code: string };
};
const item = (key: string, email: string) => ({
  idempotencyKey: key,
  to: { email },
  subject: `S ${key}`,
  data: { body: `B ${key}` },
});
const defaults = { templateId: SEGMENTFLOW_IDS.template, senderProfileId: SEGMENTFLOW_IDS.senderProfile };

describe('Segmentflow simulator', () => {
  it('needs x-api-key', async () => {
    expect((await batch({ items: [item('k', 'a@b.test')], defaults }, 'wrong')).status).toBe(401);
  });

  it('replays an idempotencyKey with the same send instead of creating a new one', async () => {
    const first = (await (await batch({ items: [item('lead1:step1', 'a@b.test')], defaults })).json()) as {
      items: Item[];
    };
    const again = (await (
      await batch({ items: [item('lead1:step1', 'a@b.test'), item('lead1:step2', 'a@b.test')], defaults })
    ).json()) as { accepted: number; items: Item[] };
    expect(again.accepted).toBe(2);
    expect(again.items[0]?.send?.id).toBe(first.items[0]?.send?.id);
    expect(sim.sends).toHaveLength(2);
    expect(sim.sendsByKey.get('lead1:step1')).toBe(1);
    expect(sim.attemptsByKey.get('lead1:step1')).toBe(2);
    expect(sim.sends[0]?.data).toEqual({ body: 'B lead1:step1' });
  });

  it('returns mixed accepted and rejected items in request order', async () => {
    const res = await batch({
      items: [
        item('k0', 'ok@b.test'),
        item('k1', 'suppressed@b.test'),
        item('k2', 'not-an-email'),
        { ...item('k3', 'c@b.test'), templateId: 'unknown-template' },
        { idempotencyKey: 'k4', to: { email: 'd@b.test' } },
        { idempotencyKey: 'k5', to: { email: 'e@b.test' }, templateId: SEGMENTFLOW_IDS.templateWithSubject },
      ],
      defaults: { senderProfileId: SEGMENTFLOW_IDS.senderProfile, templateId: SEGMENTFLOW_IDS.template },
    });
    const body = (await res.json()) as { total: number; accepted: number; rejected: number; items: Item[] };
    expect(body).toMatchObject({ total: 6, accepted: 2, rejected: 4 });
    expect(body.items.map((i) => [i.index, i.idempotencyKey, i.error?.code ?? 'sent'])).toEqual([
      [0, 'k0', 'sent'],
      [1, 'k1', 'RECIPIENT_SUPPRESSED'],
      [2, 'k2', 'INVALID_RECIPIENT'],
      [3, 'k3', 'TEMPLATE_NOT_FOUND'],
      [4, 'k4', 'SUBJECT_REQUIRED'],
      [5, 'k5', 'sent'],
    ]);
    expect(body.items[5]?.send?.subject).toBe('Hello from the sim');
  });

  it('400s an empty or oversized batch and recipient fields in defaults', async () => {
    expect((await batch({ items: [] })).status).toBe(400);
    const big = Array.from({ length: 101 }, (_, i) => item(`k${i}`, `l${i}@b.test`));
    expect((await batch({ items: big, defaults })).status).toBe(400);
    expect(
      (await batch({ items: [item('k', 'a@b.test')], defaults: { ...defaults, to: { email: 'x@b.test' } } }))
        .status,
    ).toBe(400);
    expect(sim.sends).toHaveLength(0);
  });
});
