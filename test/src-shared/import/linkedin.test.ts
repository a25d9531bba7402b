import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalLinkedIn } from '../../../src-shared/import/linkedin';

const JANE = 'https://www.linkedin.com/in/jane-doe';

describe('canonicalLinkedIn', () => {
  it.each([
    'https://www.linkedin.com/in/jane-doe',
    'https://www.linkedin.com/in/jane-doe/',
    'linkedin.com/in/Jane-Doe',
    'www.linkedin.com/in/jane-doe?trk=public_profile&originalSubdomain=fr',
    'https://fr.linkedin.com/in/jane-doe/',
    'http://uk.linkedin.com/in/JANE-DOE#about',
    'https://www.linkedin.com/in/jane-doe/details/experience/',
    'https://m.linkedin.com/in/jane-doe',
    'https://www.linkedin.com/mwlite/in/jane-doe',
    ' https://www.linkedin.com/in/jane%2Ddoe ',
    // Several links in one cell: the first person's profile, not one name made of them all.
    'linkedin.com/in/jane-doe, linkedin.com/in/bob',
    'https://www.linkedin.com/in/jane-doe https://uk.linkedin.com/in/bob-ray',
    'linkedin.com/company/acme; linkedin.com/in/jane-doe',
  ])('%s is Jane', (raw) => {
    expect(canonicalLinkedIn(raw)).toEqual({ url: JANE, reason: null });
  });

  it('keeps non-Latin slugs, percent-encoded and lower-cased', () => {
    expect(canonicalLinkedIn('https://de.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-12ab').url).toBe(
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-12ab',
    );
    expect(canonicalLinkedIn('linkedin.com/in/jürgen-müller-12ab').url).toBe(
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-12ab',
    );
  });

  it.each([
    'https://www.linkedin.com/in/ACoAAA8BYqEBCGLg_vT_ca6mMEqkpp9nVffJ3hc',
    'linkedin.com/in/ACoAAA8BYqEBCGLg_vT_ca6mMEqkpp9nVffJ3hc/',
    'https://www.linkedin.com/in/ACwAAB12cdEFgh34IJklMN56opQR78stUV90?trk=x',
  ])('keeps the case of a member id in place of the name, which leads nowhere lower-cased: %s', (raw) => {
    const id = /(AC[ow]AA[\w-]+)/.exec(raw)?.[1];
    const url = `https://www.linkedin.com/in/${id}`;
    expect(canonicalLinkedIn(raw)).toEqual({ url, reason: null });
    expect(canonicalLinkedIn(url).url).toBe(url);
  });

  it('lower-cases a name that only starts like a member id', () => {
    expect(canonicalLinkedIn('linkedin.com/in/ACME-Founder').url).toBe(
      'https://www.linkedin.com/in/acme-founder',
    );
  });

  it.each([
    ['https://www.linkedin.com/company/acme/', /company page/],
    ['linkedin.com/company/acme, linkedin.com/school/mit', /company page/], // no profile among several
    ['https://www.linkedin.com/school/mit/', /school page/],
    ['https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH', /Sales Navigator/],
    ['https://www.linkedin.com/pub/jane-doe/1/2/3', /\/pub\//],
    ['https://lnkd.in/abc', /shortened/],
    ['https://www.linkedin.com/feed/', /feed/],
    ['https://example.com/in/jane', /Not a LinkedIn link/],
    ['https://linkedin.com.evil.example/in/jane', /Not a LinkedIn link/],
    ['not a url at all', /Not a/],
  ])('%s is not a profile', (raw, reason) => {
    const r = canonicalLinkedIn(raw);
    expect(r.url).toBeNull();
    expect(r.reason).toMatch(reason);
  });

  it('says nothing about an empty cell', () => {
    expect(canonicalLinkedIn('  ')).toEqual({ url: null, reason: null });
  });

  it('is idempotent', () => {
    const slug = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9%\u00C0-\u017F-]{1,30}$/),
      fc.stringMatching(/^AC[ow]AA[A-Za-z0-9_-]{20,34}$/),
    );
    const url = fc
      .tuple(
        fc.constantFrom('', 'https://', 'http://www.', 'fr.'),
        slug,
        fc.constantFrom('', '/', '/details/x', '?trk=1'),
      )
      .map(([p, s, q]) => `${p}linkedin.com/in/${s}${q}`);
    fc.assert(
      fc.property(fc.oneof(url, fc.string()), (raw) => {
        const once = canonicalLinkedIn(raw).url;
        return once === null || canonicalLinkedIn(once).url === once;
      }),
    );
  });
});
