/*
 * Hosts and registrable domains. The registrable domain ("acme.co.uk" for
 * "https://shop.acme.co.uk/about") is the company identity used for dedupe
 * blocking and suppression, so it comes from the Public Suffix List (tldts),
 * never from "the last two labels".
 *
 * IDN hosts are converted to punycode with the WHATWG URL parser, which both
 * Node and browsers have, so this module needs no node: import.
 */
import { parse } from 'tldts';
import { cleanText, LIST_SEPARATOR, lowerCased, unquoted } from './text';

const ASCII_HOST = /^[a-z0-9.-]+$/;
// Characters that would make `new URL('http://' + host)` parse something
// other than a host (userinfo, port, path, query, fragment, IPv6 literal).
const NOT_IN_HOST = /[\s/?#@:[\]\\%]/;

/**
 * Lower-case ASCII (punycode) form of a host name, without a trailing dot;
 * null when it cannot be a host. "Bücher.DE." -> "xn--bcher-kva.de".
 */
export function toAsciiHost(host: string): string | null {
  let h = lowerCased(host);
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h === '') return null;
  if (ASCII_HOST.test(h)) return h;
  if (NOT_IN_HOST.test(h)) return null;
  try {
    const out = new URL(`http://${h}`).hostname;
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** The longest a domain name can be (RFC 1035). */
export const MAX_DOMAIN_LENGTH = 253;

/**
 * True when every label is 1-63 of [a-z0-9-] without an edge hyphen and the
 * last is a letters-only TLD, in one native scan: most hosts pass, and
 * such a host needs no further shape check (email domains) or host
 * extraction (tldts).
 */
export function isPlainDomain(domain: string): boolean {
  return domain.length <= MAX_DOMAIN_LENGTH && PLAIN_DOMAIN.test(domain);
}

const PLAIN_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// For a host that passes `isPlainDomain` tldts need not extract or validate
// it, nor look for an IP address: the answer is the same, for a third of the work.
// Private suffixes count ("acme.github.io", "acme.myshopify.com"): under ICANN rules alone every shop
// of a hosting platform would be one company, named after the platform.
const PLAIN_HOST = {
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  allowPrivateDomains: true,
} as const;
const ANY_HOST = { allowPrivateDomains: true } as const;
const ICANN_ONLY = { extractHostname: false, validateHostname: false, detectIp: false } as const;

/** What the Public Suffix List says of a lower-case ASCII host. */
export interface SuffixFacts {
  /** The host ends in a suffix of the list's ICANN part (a private suffix sits under one too). */
  icann: boolean;
  /**
   * The company's domain: the registrable domain, one label above a private suffix if there is one;
   * for a host that is itself a private suffix ("github.io", a company's own address), the ICANN one.
   * Null under an unknown suffix or for a bare suffix ("co.uk").
   */
  registrable: string | null;
}

export function suffixFacts(host: string): SuffixFacts {
  const p = parse(host, isPlainDomain(host) ? PLAIN_HOST : ANY_HOST);
  if (p.isIp === true) return { icann: false, registrable: null };
  if (p.isPrivate === true) return { icann: true, registrable: p.domain ?? parse(host, ICANN_ONLY).domain };
  return p.isIcann === true ? { icann: true, registrable: p.domain } : { icann: false, registrable: null };
}

/** Registrable domain of a lower-case ASCII host under a known suffix, else null. */
function registrableDomain(host: string): string | null {
  return suffixFacts(host).registrable;
}

/** True when the host ends in a suffix listed in the ICANN part of the PSL (so "john.smith" is not a host). */
export function isKnownPublicSuffixHost(host: string): boolean {
  const ascii = toAsciiHost(host);
  if (ascii === null) return false;
  const facts = suffixFacts(ascii);
  return facts.icann && facts.registrable !== null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Registrable domain of a website value as people type it: with or without
 * scheme, "www.", path, port or query. Null for empty input, an email
 * address, an IP address, or a host under an unknown suffix.
 *   "https://www.Acme.co.uk/about?x=1" -> "acme.co.uk"
 *   "acme.com" -> "acme.com"; "bücher.de" -> "xn--bcher-kva.de"
 */
export function websiteDomain(url: string | null | undefined): string | null {
  return url == null ? null : computeWebsiteDomain(url);
}

// Most values are a bare host with an optional scheme and path: one match
// finds the host the steps below would cut out.
const PLAIN_WEBSITE = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9.-]+)(?=[/?#\\]|$)/i;

// A company's page on a social or directory site is not its website ("linkedin.com/company/acme" in
// a scraped list's website column): under the site's domain every company of the list would be one
// company, and similar names anywhere in it the same person. The site's own home page still is its
// company's website.
const PROFILE_SITES = new Set([
  'linkedin.com',
  'facebook.com',
  'fb.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'pinterest.com',
  'github.com',
  'crunchbase.com',
  'wellfound.com',
  'angel.co',
  'xing.com',
  'threads.net',
  'medium.com',
  'producthunt.com',
  'glassdoor.com',
  'yelp.com',
  'tripadvisor.com',
  'etsy.com',
  'amazon.com',
  'google.com', // sites.google.com/view/acme, google.com/maps/place/...
  'g.page',
  'calendly.com',
  'wa.me',
  // Link-in-bio pages and link shorteners: where the link leads is not known.
  'linktr.ee',
  'beacons.ai',
  'bio.link',
  'bit.ly',
  't.co',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'goo.gl',
  'lnkd.in',
]);

// Site builders and shops that give each customer a subdomain but are not in the Public Suffix List's
// private part (as github.io and myshopify.com are): "acme.wordpress.com" is Acme's site, and under
// "wordpress.com" every small business of a list would be one company.
const SUBDOMAIN_SITE_HOSTS = new Set([
  'wordpress.com',
  'substack.com',
  'squarespace.com',
  'weebly.com',
  'business.site',
  'godaddysites.com',
  'ghost.io',
  'strikingly.com',
  'mystrikingly.com',
  'jimdo.com',
  'jimdosite.com',
  'bigcartel.com',
  'tumblr.com',
  'typepad.com',
  'teachable.com',
  'thinkific.com',
  'gumroad.com',
  'kajabi.com',
  'odoo.com',
  'zohosites.com',
  'site123.me',
  'webnode.page',
  'hubspotpagebuilder.com',
  'mailchimpsites.com',
  'yolasite.com',
  'etsy.com',
]);
const PAGE_PATH = /^[/\\]+[^/\\?#\s]/;

/**
 * The registrable domain of the host, with the customer's label on a site builder's subdomain (see
 * SUBDOMAIN_SITE_HOSTS), unless the URL is a page on a profile site (see PROFILE_SITES).
 */
function companyDomain(host: string, afterHost: string): string | null {
  const registrable = registrableDomain(host);
  if (registrable === null) return null;
  if (host.length > registrable.length && SUBDOMAIN_SITE_HOSTS.has(registrable)) {
    const sub = host.slice(0, host.length - registrable.length - 1);
    const label = sub.slice(sub.lastIndexOf('.') + 1);
    if (label !== 'www') return `${label}.${registrable}`;
  }
  return PROFILE_SITES.has(registrable) && PAGE_PATH.test(afterHost) ? null : registrable;
}

// "https//acme.com", "http:/acme.com", "https;//acme.com": a slip in the scheme, which read as it is
// makes "https" the host.
const SCHEME_SLIP = /^https?(?:\/\/|;\/\/|:\/(?!\/)|:\/{3,})/i;

function computeWebsiteDomain(typed: string): string | null {
  const url = unquoted(typed).replace(SCHEME_SLIP, '');
  const plain = PLAIN_WEBSITE.exec(url);
  if (plain !== null) {
    const host = toAsciiHost(plain[1] as string);
    return host === null ? null : companyDomain(host, url.slice(plain[0].length));
  }
  // Of several addresses in one cell ("acme.com, acme.io"), the first is the company's.
  let s = url.split(LIST_SEPARATOR).find((part) => part !== '') ?? '';
  if (s === '') return null;
  s = s.replace(SCHEME, '');
  if (s.startsWith('//')) s = s.slice(2);
  const end = s.search(/[/?#\\]/);
  const afterHost = end >= 0 ? s.slice(end) : '';
  if (end >= 0) s = s.slice(0, end);
  if (s.includes('@')) return null;
  const port = s.lastIndexOf(':');
  if (port >= 0) s = s.slice(0, port);
  const host = toAsciiHost(s);
  return host === null ? null : companyDomain(host, afterHost);
}

// A link copied from a page that sends its clicks through itself: LinkedIn's for a company's website
// (what scrapers of company pages give), Google's search results, Facebook's and Instagram's outgoing
// links, Outlook's Safe Links in a forwarded email. Each holds the real address in a parameter.
const REDIRECT_HINT = /redir|\/url\?|l\.php|\.instagram\.com\/\?|safelinks/i;

const GOOGLE_HOST = /^(?:www\.)?google\.[a-z.]+$/;

/** The parameter holding the address a redirect link of `host` and `path` leads to, or null. */
function redirectParameter(host: string, path: string): string | null {
  if ((host === 'linkedin.com' || host.endsWith('.linkedin.com')) && path === '/redir/redirect') return 'url';
  if (GOOGLE_HOST.test(host) && path === '/url') return 'q';
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && path === '/l.php') return 'u';
  if (host === 'l.instagram.com' && path === '/') return 'u';
  if (host.endsWith('.safelinks.protection.outlook.com')) return 'url';
  return null;
}

/** Where a redirect link leads (cleaned, as a cell is), or null for any other value. */
function redirectTarget(link: string): string | null {
  // Each holds its address after a "?": most websites have none.
  if (!link.includes('?') || !REDIRECT_HINT.test(link)) return null;
  let url: URL;
  try {
    url = new URL(SCHEME.test(link) ? link : `https://${link}`);
  } catch {
    return null;
  }
  const parameter = redirectParameter(url.hostname, url.pathname);
  const target = parameter === null ? null : url.searchParams.get(parameter);
  return target === null || target.trim() === '' ? null : cleanText(target);
}

// Redirects to redirects are followed this far; a longer chain is left as it is, every time.
const MAX_REDIRECTS = 3;

/**
 * The address a cleaned redirect link leads to ("https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Facme.com"
 * -> "https://acme.com"), so that the website is the company's and its domain the company's; any other
 * value as it is.
 */
export function withoutRedirect(website: string): string {
  let current = website;
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const target = redirectTarget(current);
    if (target === null) return current;
    current = target;
  }
  return redirectTarget(current) === null ? current : website;
}

/** Registrable domain of an email address's domain part (already ASCII or not). */
export function emailRegistrableDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  return websiteDomain(email.slice(at + 1));
}
