import { describe, expect, it } from 'vitest';
import {
  mapInstantlyResult,
  mapSegmentflowResult,
  mapSendkitResult,
  type InstantlyAddResult,
} from '../../../src-shared/push/results';

const zero: Omit<InstantlyAddResult, 'created_leads'> = {
  in_blocklist: 0,
  duplicated_leads: 0,
  skipped_count: 0,
  invalid_email_count: 0,
  incomplete_count: 0,
  duplicate_email_count: 0,
};

describe('mapInstantlyResult', () => {
  const sent = ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'];
  it.each([
    ['one reason: blocklist', { in_blocklist: 2 }, ['added', 'blocklist', 'added', 'blocklist']],
    [
      'one reason: already in campaign',
      { duplicated_leads: 2 },
      ['added', 'duplicate', 'added', 'duplicate'],
    ],
    ['one reason: skip flags', { skipped_count: 2 }, ['added', 'skip_flag', 'added', 'skip_flag']],
    [
      'two reasons: honest unattributed',
      { in_blocklist: 1, duplicated_leads: 1 },
      ['added', 'unattributed', 'added', 'unattributed'],
    ],
    ['counts missing', {}, ['added', 'unattributed', 'added', 'unattributed']],
  ])('%s', (_n, counts, want) => {
    const res = {
      ...zero,
      ...counts,
      created_leads: [
        { id: 'i0', index: 0 },
        { id: 'i2', index: 2 },
      ],
    };
    const out = mapInstantlyResult(sent, res);
    expect(out.map((o) => (o.state === 'added' ? 'added' : o.reasonCode))).toEqual(want);
    expect(out[0]).toMatchObject({ remoteId: 'i0' });
    expect(
      out.filter((o) => o.state === 'skipped').every((o) => o.reason?.startsWith('Skipped by Instantly')),
    ).toBe(true);
  });

  it('names the candidate reasons when it cannot attribute them', () => {
    const out = mapInstantlyResult(sent, {
      ...zero,
      in_blocklist: 1,
      duplicated_leads: 1,
      created_leads: [
        { id: 'x', index: 0 },
        { id: 'y', index: 1 },
      ],
    });
    expect(out[2]?.reason).toContain('blocklist');
    expect(out[2]?.reason).toContain('does not say which');
  });

  it('attributes an obviously invalid email locally, leaving the other counter unambiguous', () => {
    const out = mapInstantlyResult(['a@x.com', 'broken', 'c@x.com'], {
      ...zero,
      invalid_email_count: 1,
      in_blocklist: 1,
      created_leads: [{ id: 'i0', index: 0 }],
    });
    expect(out.map((o) => o.reasonCode)).toEqual([null, 'invalid', 'blocklist']);
  });

  it('ignores out-of-range or repeated indexes', () => {
    const out = mapInstantlyResult(['a@x.com'], {
      ...zero,
      created_leads: [
        { id: 'z', index: 5 },
        { id: 'a', index: 0 },
        { id: 'b', index: 0 },
      ],
    });
    expect(out).toEqual([
      { state: 'added', reasonCode: null, reason: null, remoteId: 'a', retryable: false },
    ]);
  });
});

describe('mapSendkitResult', () => {
  const sent = ['a@x.com', 'Bad@X.com', 'c@x.com'];
  const errors = [{ entry: { email: 'bad@x.com' }, message: 'Either leadId or email is required' }];
  it.each([
    [
      'no skips: all added',
      { added: 2, skipped: 0 },
      ['added', 'rejected', 'added'],
      [null, 'provider_rejected', null],
    ],
    [
      'no adds: all already there',
      { added: 0, skipped: 2 },
      ['skipped', 'rejected', 'skipped'],
      ['duplicate', 'provider_rejected', 'duplicate'],
    ],
    [
      'mixed: in campaign, unattributed',
      { added: 1, skipped: 1 },
      ['added', 'rejected', 'added'],
      ['in_campaign', 'provider_rejected', 'in_campaign'],
    ],
  ])('%s', (_n, counts, states, codes) => {
    const out = mapSendkitResult(sent, { ...counts, errors });
    expect(out.map((o) => o.state)).toEqual(states);
    expect(out.map((o) => o.reasonCode)).toEqual(codes);
    expect(out[1]?.reason).toBe('Sendkit: Either leadId or email is required');
  });
});

describe('mapSegmentflowResult', () => {
  it('maps accepted and rejected items by key, marking fixable rejections retryable', () => {
    const out = mapSegmentflowResult(
      ['k0', 'k1', 'k2', 'k3'],
      [
        {
          kind: 'rejected',
          index: 1,
          idempotencyKey: 'k1',
          code: 'RECIPIENT_SUPPRESSED',
          message: 'x is suppressed',
        },
        { kind: 'accepted', index: 0, idempotencyKey: 'k0', sendId: 's0' },
        {
          kind: 'rejected',
          index: 2,
          idempotencyKey: 'k2',
          code: 'TEMPLATE_NOT_FOUND',
          message: 'not found',
        },
      ],
    );
    expect(out.map((o) => [o.state, o.remoteId, o.retryable])).toEqual([
      ['added', 's0', false],
      ['rejected', null, false],
      ['rejected', null, true],
      ['failed', null, true],
    ]);
    expect(out[1]?.reason).toBe('Segmentflow: RECIPIENT_SUPPRESSED: x is suppressed');
  });

  it('never credits an item with a result carrying another key', () => {
    const out = mapSegmentflowResult(
      ['k0'],
      [{ kind: 'accepted', index: 0, idempotencyKey: 'other', sendId: 's' }],
    );
    expect(out[0]?.state).toBe('failed');
  });
});
