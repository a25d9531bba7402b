import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'tldts';
import {
  emailRegistrableDomain,
  isKnownPublicSuffixHost,
  toAsciiHost,
  websiteDomain,
  withoutRedirect,
} from '../../../src-shared/import/website';

describe('websiteDomain', () => {
  it.each([
    ['https://www.Acme.co.uk/about?x=1', 'acme.co.uk'],
    ['acme.com', 'acme.com'],
    ['www.acme.com/', 'acme.com'],
    ['http://shop.acme.com:8080/x', 'acme.com'],
    ['//cdn.acme.io', 'acme.io'],
    ['  ACME.COM  ', 'acme.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://münchen.de/rathaus', 'xn--mnchen-3ya.de'],
    ['acme.com.au', 'acme.com.au'],
    // A slip in the scheme does not make "https" the host.
    ['https//acme.com', 'acme.com'],
    ['HTTP:/www.Acme.com/about', 'acme.com'],
    ['https;//acme.com', 'acme.com'],
    ['http:///acme.com', 'acme.com'],
    ['https.com', 'https.com'],
    ['"acme.com"', 'acme.com'], // quoted twice by the export
    // A shop or site on a hosting platform is its own company, not the platform.
    ['https://acme.github.io/docs', 'acme.github.io'],
    ['www.acme.myshopify.com/products', 'acme.myshopify.com'],
    ['https://blog.acme.blogspot.com', 'acme.blogspot.com'],
    ['github.io', 'github.io'],
    // Site builders whose customer subdomains the Public Suffix List does not list.
    ['https://acme.wordpress.com/about', 'acme.wordpress.com'],
    ['shop.acme.squarespace.com', 'acme.squarespace.com'],
    ['acme.substack.com', 'acme.substack.com'],
    ['www.wordpress.com', 'wordpress.com'],
    // A company's page on a social or directory site is not its website; the site's home page is.
    ['linkedin.com/company/acme', null],
    ['https://www.facebook.com/acmeinc/', null],
    ['https://x.com/acme?lang=en', null],
    ['http://github.com:443/acme', null],
    ['https://www.linkedin.com/', 'linkedin.com'],
    ['https://www.linkedin.com/?trk=x', 'linkedin.com'],
    ['https://sites.google.com/view/acme', null],
    ['https://medium.com/@acme', null],
    ['https://linktr.ee/acme', null],
    ['https://bit.ly/3xYz', null], // where a shortened link leads is not known
    ['etsy.com/shop/AcmeCrafts', null],
    ['acme.com, acme.io', 'acme.com'], // several in one cell: the first
    ['https://acme.com/en; https://acme.de', 'acme.com'],
    ['http://1.2.3.4/', null],
    ['localhost', null],
    ['john.smith', null],
    ['jane@acme.com', null],
    ['', null],
    ['n/a', null],
  ])('%j -> %j', (input, expected) => {
    expect(websiteDomain(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const host = fc.constantFrom(
      'acme.com',
      'www.acme.co.uk',
      'shop.bücher.de',
      'x.y.acme.com.au',
      'foo',
      '1.2.3.4',
    );
    const url = fc
      .tuple(
        fc.constantFrom('', 'http://', 'https://', 'HTTPS://WWW.'),
        host,
        fc.constantFrom('', '/', '/a?b=c', ':8080'),
      )
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.oneof(url, fc.string()), (raw) => {
        const once = websiteDomain(raw);
        return once === null || websiteDomain(once) === once;
      }),
    );
  });
});

describe('withoutRedirect', () => {
  it.each([
    [
      'https://www.linkedin.com/redir/redirect?url=http%3A%2F%2Fwww%2Eacme%2Ecom&urlhash=x',
      'http://www.acme.com',
    ],
    ['https://www.google.com/url?q=https://acme.com/about&sa=D', 'https://acme.com/about'],
    ['www.google.co.uk/url?q=acme.co.uk', 'acme.co.uk'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Facme.io%2F&h=x', 'https://acme.io/'],
    ['https://l.instagram.com/?u=https%3A%2F%2Facme.io', 'https://acme.io'],
    [
      'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.org%2F&data=05',
      'https://acme.org/',
    ],
    ['https://www.google.com/url?q=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dacme.com', 'acme.com'], // twice over
  ])('%s leads to %s', (link, target) => {
    expect(withoutRedirect(link)).toBe(target);
  });

  it.each([
    'https://acme.com/redirect?url=https://beta.com', // a company's own page
    'https://www.google.com/maps/place/Acme',
    'https://www.linkedin.com/redir/redirect?urlhash=x', // nothing to lead to
    'https://www.google.com/url?q=' + 'https://www.google.com/url?q='.repeat(4) + 'acme.com', // too long a chain
  ])('%s stays as it is', (link) => {
    expect(withoutRedirect(link)).toBe(link);
  });

  it('gives a website whose domain is the one it leads to, and changes nothing the second time', () => {
    const link = 'https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.acme.co.uk%2F';
    expect(websiteDomain(withoutRedirect(link))).toBe('acme.co.uk');
    const piece = fc.constantFrom(
      'https://www.google.com/url?q=',
      'linkedin.com/redir/redirect?url=',
      '%2F',
      'acme.com',
      '&',
      ' ',
      '%20',
      '\u200b',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const once = withoutRedirect(pieces.join(''));
        expect(withoutRedirect(once)).toBe(once);
      }),
    );
  });
});

describe('websiteDomain of a bare host', () => {
  it('is what the full Public Suffix List parse of the host gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'http://', 'HTTPS://'),
        fc.array(
          fc.constantFrom(
            'a',
            'B',
            '0',
            '-',
            '.',
            'co',
            'uk',
            'com',
            'jp',
            'xn--',
            'github.io',
            'myshopify',
            '1.2',
          ),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        fc.constantFrom('', '/', '/about?x=1'),
        (scheme, parts, path) => {
          const raw = parts.join('');
          const host = (raw.endsWith('.') ? raw.slice(0, -1) : raw).toLowerCase();
          const p = host === '' ? null : parse(host, { allowPrivateDomains: true });
          const expected =
            p === null || p.isIp
              ? null
              : p.isPrivate
                ? (p.domain ?? parse(host).domain)
                : p.isIcann
                  ? p.domain
                  : null;
          expect(websiteDomain(scheme + raw + path)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('hosts', () => {
  it('converts IDN hosts to punycode and drops the trailing dot', () => {
    expect(toAsciiHost('Bücher.DE.')).toBe('xn--bcher-kva.de');
    expect(toAsciiHost('a b')).toBeNull();
  });
  it('knows real suffixes', () => {
    expect(isKnownPublicSuffixHost('acme.com')).toBe(true);
    expect(isKnownPublicSuffixHost('john.smith')).toBe(false);
  });
  it('finds the registrable domain of an email', () => {
    expect(emailRegistrableDomain('jane@eu.mail.acme.co.uk')).toBe('acme.co.uk');
  });
});
