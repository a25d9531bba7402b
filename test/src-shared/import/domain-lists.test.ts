import { describe, expect, it } from 'vitest';
import disposableList from 'disposable-email-domains/index.json';
import disposableWildcardList from 'disposable-email-domains/wildcard.json';
import freeMailList from 'email-providers/all.json';
import { isDisposableDomain, isFreeMailDomain } from '../../../src-shared/import/domain-lists';

describe('domain lists', () => {
  it('finds every entry of the shipped lists, in lower case, and only those', () => {
    expect((disposableList as string[]).filter((d) => !isDisposableDomain(d.toLowerCase()))).toEqual([]);
    expect((disposableWildcardList as string[]).filter((d) => !isDisposableDomain(d.toLowerCase()))).toEqual(
      [],
    );
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
});
