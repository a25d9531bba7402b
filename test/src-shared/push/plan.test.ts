import { describe, expect, it } from 'vitest';
import { planPush } from '../../../src-shared/push/plan';
import { PushSpec, type PushLead } from '../../../src-shared/push/types';

const T = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const C = '019cc043-e39c-7d91-a325-6615db0e1b14';

let nextId = 1;
const lead = (email: string | null, steps = 2, over: Partial<PushLead> = {}): PushLead => ({
  leadId: nextId++,
  email,
  emailKey: email?.toLowerCase() ?? null,
  firstName: 'A',
  lastName: null,
  fullName: null,
  title: null,
  company: null,
  website: null,
  linkedinUrl: null,
  phone: null,
  custom: {},
  steps: Array.from({ length: steps }, (_, i) => ({ step: i + 1, subject: `s${i + 1}`, body: `b${i + 1}` })),
  ...over,
});

const none = () => null;

describe('planPush', () => {
  it('excludes leads without email, blocked, repeated emails and missing sequences, saying why', () => {
    const ok = lead('ok@x.com');
    const noEmail = lead(null);
    const blocked = lead('blocked@x.com');
    const dup = lead('OK@x.com');
    const noSeq = lead('noseq@x.com', 0);
    const plan = planPush({
      spec: PushSpec.parse({ destination: 'instantly', runId: 1, target: { kind: 'campaign', id: C } }),
      leads: [ok, noEmail, blocked, dup, noSeq],
      profile: null,
      blocked: new Map([[blocked.leadId, 'On your suppression list.']]),
      previous: none,
    });
    expect(plan.items.map((i) => i.leadId)).toEqual([ok.leadId]);
    expect(plan.excluded.map((e) => [e.leadId, e.reason])).toEqual([
      [noEmail.leadId, 'No email address.'],
      [blocked.leadId, 'On your suppression list.'],
      [dup.leadId, `Same email as lead #${ok.leadId} in this run; sent once.`],
      [noSeq.leadId, 'No generated sequence for this lead.'],
    ]);
    expect(plan.requests).toBe(1);
  });

  it('keeps Sendkit leads without a sequence (Sendkit carries none)', () => {
    const plan = planPush({
      spec: PushSpec.parse({ destination: 'sendkit', runId: 1, target: { kind: 'campaign', id: 'abc' } }),
      leads: [lead('a@x.com', 0)],
      profile: null,
      blocked: new Map(),
      previous: none,
    });
    expect(plan.items).toHaveLength(1);
  });

  it('Segmentflow: one item per requested step, step 1 by default, empty steps excluded', () => {
    const a = lead('a@x.com', 3);
    const b = lead('b@x.com', 1);
    const c = lead('c@x.com', 2, {
      steps: [
        { step: 1, subject: ' ', body: 'b' },
        { step: 2, subject: 's', body: 'b' },
      ],
    });
    const base = { leads: [a, b, c], profile: { templateId: T }, blocked: new Map(), previous: none };
    const def = planPush({
      ...base,
      spec: PushSpec.parse({ destination: 'segmentflow', runId: 1, profile: 'p' }),
    });
    expect(def.items.map((i) => [i.leadId, i.step])).toEqual([
      [a.leadId, 1],
      [b.leadId, 1],
    ]);
    const all = planPush({
      ...base,
      spec: PushSpec.parse({
        destination: 'segmentflow',
        runId: 1,
        profile: 'p',
        options: { steps: [1, 2] },
      }),
    });
    expect(all.items.map((i) => [i.leadId, i.step])).toEqual([
      [a.leadId, 1],
      [a.leadId, 2],
      [b.leadId, 1],
      [c.leadId, 2],
    ]);
    expect(all.excluded.map((e) => [e.leadId, e.step, e.reason])).toEqual([
      [b.leadId, 2, 'The sequence has no step 2.'],
      [c.leadId, 1, 'Step 1 has an empty subject.'],
    ]);
    expect(new Set(all.items.map((i) => i.idempotencyKey)).size).toBe(4);
    expect(all.leadCount).toBe(3);
  });

  it('lists repeats, or leaves them out with skipAlreadyPushed', () => {
    const a = lead('a@x.com');
    const b = lead('b@x.com');
    const previous = (emailKey: string) => (emailKey === 'a@x.com' ? { pushId: 9, pushedAt: 5 } : null);
    const base = { leads: [a, b], profile: null, blocked: new Map(), previous };
    const warn = planPush({
      ...base,
      spec: PushSpec.parse({ destination: 'sendkit', runId: 1, target: { kind: 'campaign', id: 'x' } }),
    });
    expect(warn.repeats).toEqual([
      { leadId: a.leadId, email: 'a@x.com', step: null, pushId: 9, pushedAt: 5 },
    ]);
    expect(warn.items).toHaveLength(2);
    expect(warn.latestRepeatPushId).toBe(9);
    const skip = planPush({
      ...base,
      spec: PushSpec.parse({
        destination: 'sendkit',
        runId: 1,
        target: { kind: 'campaign', id: 'x' },
        skipAlreadyPushed: true,
      }),
    });
    expect(skip.items.map((i) => i.leadId)).toEqual([b.leadId]);
    expect(skip.excluded[0]?.reason).toBe('Already pushed here in push #9.');
  });

  it('names the latest earlier push among 200,000 repeats (a list too long to spread into Math.max)', () => {
    const leads = Array.from({ length: 200_000 }, (_, i) => lead(`r${i}@x.com`, 1));
    const p = planPush({
      spec: PushSpec.parse({ destination: 'instantly', runId: 1, target: { kind: 'list', id: C } }),
      leads,
      profile: null,
      blocked: new Map(),
      previous: (emailKey) => ({ pushId: (Number(emailKey.slice(1, -6)) % 7) + 1, pushedAt: 1 }),
    });
    expect(p.repeats).toHaveLength(200_000);
    expect(p.latestRepeatPushId).toBe(7);
  });

  it('counts requests per destination limit', () => {
    const leads = Array.from({ length: 1001 }, (_, i) => lead(`l${i}@x.com`, 1));
    const p = planPush({
      spec: PushSpec.parse({ destination: 'instantly', runId: 1, target: { kind: 'list', id: C } }),
      leads,
      profile: null,
      blocked: new Map(),
      previous: none,
    });
    expect(p.requests).toBe(2);
  });
});
