import { describe, expect, it } from 'vitest';
import { leadItemKey, segmentflowIdentity, segmentflowKey, targetKeyOf } from '../../../src-shared/push/keys';

const T1 = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const T2 = '3c90c3cc-0d44-4b50-8888-8dd25736052b';

describe('segmentflow idempotency keys', () => {
  const base = segmentflowIdentity({ templateId: T1 });
  it.each([
    ['same inputs', () => segmentflowKey(base, 'ana@x.com', 1), true],
    [
      'template id case',
      () => segmentflowKey(segmentflowIdentity({ templateId: T1.toUpperCase() }), 'ana@x.com', 1),
      true,
    ],
    [
      'reply-to or tracking change',
      () =>
        segmentflowKey(
          segmentflowIdentity({ templateId: T1, replyTo: 'r@x.com', trackClicks: true }),
          'ana@x.com',
          1,
        ),
      true,
    ],
    ['other step', () => segmentflowKey(base, 'ana@x.com', 2), false],
    ['other lead', () => segmentflowKey(base, 'bob@x.com', 1), false],
    ['other template', () => segmentflowKey(segmentflowIdentity({ templateId: T2 }), 'ana@x.com', 1), false],
    [
      'other from',
      () => segmentflowKey(segmentflowIdentity({ templateId: T1, from: 'me@x.com' }), 'ana@x.com', 1),
      false,
    ],
  ])('%s -> same key: %s', (_name, make, same) => {
    expect(make() === segmentflowKey(base, 'ana@x.com', 1)).toBe(same);
  });

  it('is a short opaque token', () => {
    expect(segmentflowKey(base, 'ana@x.com', 1)).toMatch(/^lp_[0-9a-f]{64}$/);
  });
});

describe('lead item keys and target keys', () => {
  it('differ per target and destination', () => {
    const c1 = targetKeyOf({ destination: 'instantly', target: { kind: 'campaign', id: T1 } });
    const l1 = targetKeyOf({ destination: 'instantly', target: { kind: 'list', id: T1 } });
    expect(c1).not.toBe(l1);
    expect(leadItemKey('instantly', c1, 'a@x.com')).not.toBe(leadItemKey('instantly', l1, 'a@x.com'));
    expect(leadItemKey('instantly', c1, 'a@x.com')).toBe(leadItemKey('instantly', c1, 'a@x.com'));
    expect(targetKeyOf({ destination: 'sendkit', target: { id: 'abc' } })).toBe('sendkit:campaign:abc');
  });
});
