import { describe, expect, it } from 'vitest';
import {
  describeSuppressionAdd,
  isSuppressed,
  suppressionListTooLong,
  parseSuppressionEntry,
} from '../../../src-shared/import/suppression';

describe('isSuppressed', () => {
  const list = { emails: new Set(['jane@acme.com']), domains: new Set(['globex.com', 'xn--bcher-kva.de']) };
  it.each([
    ['Jane@ACME.com', /suppression list/],
    ['anyone@globex.com', /globex\.com/],
    ['anyone@eu.mail.globex.com', /globex\.com/],
    ['x@xn--bcher-kva.de', /bcher/],
  ])('%s is suppressed', (email, reason) => {
    expect(isSuppressed(email, list)).toMatch(reason);
  });
  it.each(['john@acme.com', 'x@notglobex.com', 'x@globex.com.au'])('%s is not', (email) => {
    expect(isSuppressed(email, list)).toBeNull();
  });
  it('ignores a missing email', () => {
    expect(isSuppressed(null, list)).toBeNull();
  });
});

describe('parseSuppressionEntry', () => {
  it.each([
    ['Jane <Jane@Acme.com>', { kind: 'email', value: 'jane@acme.com' }],
    ['mailto:x@y.io', { kind: 'email', value: 'x@y.io' }],
    ['@Globex.com', { kind: 'domain', value: 'globex.com' }],
    ['globex.com', { kind: 'domain', value: 'globex.com' }],
    ['https://www.globex.com/about', { kind: 'domain', value: 'globex.com' }],
    ['eu.globex.com', { kind: 'domain', value: 'eu.globex.com' }],
    ['bücher.de', { kind: 'domain', value: 'xn--bcher-kva.de' }],
    ['not a domain', null],
    ['com', null],
    ['', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseSuppressionEntry(text)).toEqual(expected);
  });
});

describe('describeSuppressionAdd', () => {
  const none = { added: 0, duplicates: 0, invalid: 0, invalidSamples: [], reclassified: 0 };

  it('counts what was added, already there and unreadable, and the draft leads it suppressed', () => {
    expect(
      describeSuppressionAdd(
        { added: 1200, duplicates: 1, invalid: 2, invalidSamples: ['Email', 'n/a'], reclassified: 3 },
        1203,
      ),
    ).toEqual({
      ok: true,
      text: '1,200 added, 1 already on the list, 2 not an email or domain (e.g. "Email", "n/a"). 3 leads in draft imports are now suppressed.',
    });
    expect(describeSuppressionAdd({ ...none, duplicates: 2, reclassified: 1 }, 2).text).toBe(
      '0 added, 2 already on the list. 1 lead in draft imports is now suppressed.',
    );
  });

  it('is a failure when no entry was usable, naming the one or a few of the many', () => {
    expect(describeSuppressionAdd({ ...none, invalid: 1, invalidSamples: ['bob'] }, 1)).toEqual({
      ok: false,
      text: '"bob" is not an email address or a domain, so nothing was changed.',
    });
    expect(describeSuppressionAdd({ ...none, invalid: 40, invalidSamples: ['Name', 'Ann'] }, 40).text).toBe(
      'None of the 40 entries is an email address or a domain (e.g. "Name", "Ann"), so nothing was changed.',
    );
  });
});

describe('suppressionListTooLong', () => {
  it('lets a list up to the limit through and says how to add a longer one', () => {
    expect(suppressionListTooLong(500_000, 500_000)).toBeNull();
    expect(suppressionListTooLong(500_001, 500_000)).toBe(
      'This list has 500,001 entries; LeadPrep adds at most 500,000 at once. Split it into smaller files and add them one by one.',
    );
  });
});
