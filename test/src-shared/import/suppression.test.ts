import { describe, expect, it } from 'vitest';
import { isSuppressed, parseSuppressionEntry } from '../../../src-shared/import/suppression';

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
