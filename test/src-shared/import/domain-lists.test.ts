import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import disposableList from 'disposable-email-domains/index.json';
import freeMailList from 'email-providers/all.json';
import {
  inSortedList,
  isDisposableDomain,
  isFreeMailDomain,
  sortedDomainList,
} from '../../../src-shared/import/domain-lists';

describe('domain lists', () => {
  it('finds every entry of both shipped lists, and only those', () => {
    expect((disposableList as string[]).filter((d) => !isDisposableDomain(d))).toEqual([]);
    expect((freeMailList as string[]).filter((d) => !isFreeMailDomain(d.toLowerCase()))).toEqual([]);
    expect(isDisposableDomain('acme-industries.com')).toBe(false);
    expect(isFreeMailDomain('acme-industries.com')).toBe(false);
    expect(isFreeMailDomain('')).toBe(false);
  });

  it('treats every subdomain of a wildcard entry as disposable', () => {
    expect(isDisposableDomain('33mail.com')).toBe(true);
    expect(isDisposableDomain('jane.doe.33mail.com')).toBe(true);
    expect(isDisposableDomain('33mail.com.acme.com')).toBe(false);
  });

  it('uses a list that is already sorted and lower-case as it is', () => {
    const list = ['a.com', 'b.org', 'müll.email', 'z.net'];
    expect(sortedDomainList(list)).toBe(list);
  });

  it('sorts, lower-cases and de-duplicates a list that is not', () => {
    expect(sortedDomainList(['b.org', 'A.com', 'a.com', 'MÜLL.email'])).toEqual([
      'a.com',
      'b.org',
      'müll.email',
    ]);
  });

  it('answers like a Set of the lower-cased entries, whatever the order of the list', () => {
    const domain = fc.stringMatching(/^[a-zA-Z0-9.-]{0,6}$/);
    fc.assert(
      fc.property(fc.array(domain, { maxLength: 40 }), domain, (list, probe) => {
        const expected = new Set(list.map((d) => d.toLowerCase())).has(probe);
        expect(inSortedList(sortedDomainList(list), probe)).toBe(expected);
        for (const d of list) expect(inSortedList(sortedDomainList(list), d.toLowerCase())).toBe(true);
      }),
    );
  });
});
