/*
 * Email domain typo suggestions ("gmial.com" -> "gmail.com").
 *
 * A wrong suggestion is worse than none (the user bulk-applies them), so:
 * our own table of known typos and impossible TLDs goes first; the fuzzy
 * matcher (@zootools/email-spell-checker) is consulted only for domains that
 * are not themselves known mail providers, and its answer is kept only when
 * it names a well-known provider. Left alone it turns the real "mac.com"
 * into "mail.com" and "acme.con" into "acme.co".
 */
import { POPULAR_DOMAINS, run as spellCheck } from '@zootools/email-spell-checker';
import { isFreeMailDomain } from './domain-lists';
import { MAX_DOMAIN_LENGTH } from './website';

const KNOWN_TYPOS: Readonly<Record<string, string>> = {
  'gmial.com': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'gmal.com': 'gmail.com',
  'gmaill.com': 'gmail.com',
  'gmali.com': 'gmail.com',
  'gmil.com': 'gmail.com',
  'gmail.co': 'gmail.com',
  'gmail.cm': 'gmail.com',
  'gmail.om': 'gmail.com',
  'gmail.c': 'gmail.com',
  'gmail.co.uk': 'gmail.com',
  gmailcom: 'gmail.com',
  'g-mail.com': 'gmail.com',
  'gmail.comm': 'gmail.com',
  'hotmial.com': 'hotmail.com',
  'hotmal.com': 'hotmail.com',
  'hotmai.com': 'hotmail.com',
  'hotmil.com': 'hotmail.com',
  'hotamil.com': 'hotmail.com',
  'hotmaill.com': 'hotmail.com',
  'homtail.com': 'hotmail.com',
  'hotmail.co': 'hotmail.com',
  'hotmial.co.uk': 'hotmail.co.uk',
  'hotmal.co.uk': 'hotmail.co.uk',
  'hotmial.fr': 'hotmail.fr',
  'yaho.com': 'yahoo.com',
  'yahooo.com': 'yahoo.com',
  'yhaoo.com': 'yahoo.com',
  'yhoo.com': 'yahoo.com',
  'yahoo.co': 'yahoo.com',
  'yaoo.com': 'yahoo.com',
  'yaho.co.uk': 'yahoo.co.uk',
  'yahoo.co.uj': 'yahoo.co.uk',
  'yaho.fr': 'yahoo.fr',
  'outlok.com': 'outlook.com',
  'outllok.com': 'outlook.com',
  'outloo.com': 'outlook.com',
  'outlook.co': 'outlook.com',
  'otulook.com': 'outlook.com',
  'oulook.com': 'outlook.com',
  'outlookk.com': 'outlook.com',
  'iclod.com': 'icloud.com',
  'icoud.com': 'icloud.com',
  'iclould.com': 'icloud.com',
  'icloud.co': 'icloud.com',
  'lve.com': 'live.com',
  'livee.com': 'live.com',
  'protonmail.co': 'protonmail.com',
  'protonmial.com': 'protonmail.com',
};

/** TLDs that do not exist and are one slip away from a common one. */
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  vom: 'com',
  xom: 'com',
  cpm: 'com',
  cim: 'com',
  comm: 'com',
  coom: 'com',
  copm: 'com',
  comn: 'com',
  cxom: 'com',
  comcom: 'com',
  nte: 'net',
  nett: 'net',
  ner: 'net',
  ogr: 'org',
  orgg: 'org',
  rog: 'org',
};

/** ".co.uk" slips: the second-level "co" with a mistyped "uk". */
const UK_TYPOS: Readonly<Record<string, string>> = {
  uj: 'uk',
  ik: 'uk',
  yk: 'uk',
  ul: 'uk',
  ukk: 'uk',
  ku: 'uk',
};

// The fuzzy matcher's answer is kept only when it names one of these (see
// `fuzzySuggest`), so a domain that is not one slip away from any of them
// cannot get a suggestion and the matcher (tens of microseconds a call, and
// business domains are mostly distinct) is skipped.
let providers: readonly string[] | null = null;
// Typo'd free-mail domains repeat across rows; the fuzzy matcher is the slow part.
const fuzzyCache = new Map<string, string | null>();
const FUZZY_CACHE_MAX = 50_000;

// Maps rather than the objects: a property lookup by a string built per
// address first has to find that string in V8's table of property names.
const knownTypos: ReadonlyMap<string, string> = new Map(Object.entries(KNOWN_TYPOS));
const tldTypos: ReadonlyMap<string, string> = new Map(Object.entries(TLD_TYPOS));
const ukTypos: ReadonlyMap<string, string> = new Map(Object.entries(UK_TYPOS));

/**
 * The domain the user most likely meant, or null when `domain` looks
 * intended. `domain` is the lower-case ASCII domain of an address.
 */
export function suggestDomain(domain: string): string | null {
  return suggestDomainOf(domain, isFreeMailDomain(domain));
}

/** A comma or a semicolon typed for a dot ("acme,com", "acme.co;uk"). */
export const TYPED_FOR_DOT = /[,;]/;

/** `domain` with the commas and semicolons typed for dots made dots; null when it has none. */
export function withDotsTyped(domain: string): string | null {
  return TYPED_FOR_DOT.test(domain) ? domain.split(TYPED_FOR_DOT).join('.') : null;
}

/** `domain` with a slip of its own fixed, when it has one ("gmial.com" -> "gmail.com"). */
export function withOwnSlipFixed(domain: string): string {
  return suggestDomain(domain) ?? domain;
}

/** `suggestDomain` for a caller that already knows whether `domain` is a free-mail domain. */
export function suggestDomainOf(domain: string, freeMail: boolean): string | null {
  // No fix makes such a domain one, and looking (an ending typed twice, again and again) takes time.
  if (domain.length > MAX_DOMAIN_LENGTH) return null;
  const known = knownTypos.get(domain);
  if (known) return known;
  // "acme,com", "acme.co;uk": commas or semicolons for dots, and then any other slip ("gmial,com").
  const dotted = withDotsTyped(domain);
  if (dotted !== null) return withOwnSlipFixed(dotted);

  const once = withoutEndingTypedTwice(domain);
  if (once !== null) return withOwnSlipFixed(once);

  const lastDot = domain.lastIndexOf('.');
  if (lastDot > 0) {
    const tld = domain.slice(lastDot + 1);
    const fixedTld = tldTypos.get(tld);
    if (fixedTld) {
      const fixed = `${domain.slice(0, lastDot)}.${fixedTld}`;
      return knownTypos.get(fixed) ?? fixed;
    }
    const uk = ukTypos.get(tld);
    if (uk && domain.endsWith('.co', lastDot)) return `${domain.slice(0, lastDot)}.${uk}`;
  }

  if (freeMail || !nearProvider(domain)) return null;
  const cached = fuzzyCache.get(domain);
  if (cached !== undefined) return cached;
  const result = fuzzySuggest(domain);
  if (fuzzyCache.size >= FUZZY_CACHE_MAX) fuzzyCache.clear();
  fuzzyCache.set(domain, result);
  return result;
}

/**
 * The domain with its ending once, when the ending is typed twice after a name: "gmail.com.com",
 * "acme.co.uk.co.uk". As written it is an address at whoever owns "com.com" or "co.uk.co.uk" (such
 * domains are registered to catch these slips); null otherwise.
 */
function withoutEndingTypedTwice(domain: string): string | null {
  // Most domains have one dot: nothing to split.
  if (domain.indexOf('.') === domain.lastIndexOf('.')) return null;
  const labels = domain.split('.');
  for (let size = 2; size >= 1; size--) {
    if (labels.length < 2 * size + 1) continue;
    const end = labels.length - size;
    let twice = true;
    for (let i = 0; i < size && twice; i++) twice = labels[end + i] === labels[end - size + i];
    if (twice) return labels.slice(0, end).join('.');
  }
  return null;
}

/**
 * True when `a` and `b` are at most one slip apart: equal, or one letter
 * added, dropped or changed, or two neighbouring letters swapped
 * (optimal-string-alignment distance <= 1). Linear and allocation-free.
 */
export function withinOneSlip(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = la;
  let endB = lb;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // What differs is the middle left between the common prefix and suffix.
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}

// The fuzzy matcher happily maps "acme.com" to "me.com" and "key.com" to
// "hey.com". Keep only one slip (a letter added, dropped, changed or two
// swapped) away from a provider whose name is long enough to be unmistakable.
const MIN_PROVIDER_NAME = 5;

function suggestableProviders(): readonly string[] {
  providers ??= [...new Set(POPULAR_DOMAINS)].filter(
    (d) => (d.split('.', 1)[0] ?? '').length >= MIN_PROVIDER_NAME,
  );
  return providers;
}

// One slip changes the length by at most one: only providers of a length
// within one of the domain's are worth comparing (a third of them or fewer).
let providersByLength: Map<number, string[]> | null = null;

function nearProvider(domain: string): boolean {
  if (providersByLength === null) {
    providersByLength = new Map();
    for (const p of suggestableProviders()) {
      const group = providersByLength.get(p.length);
      if (group) group.push(p);
      else providersByLength.set(p.length, [p]);
    }
  }
  for (let length = domain.length - 1; length <= domain.length + 1; length++) {
    const group = providersByLength.get(length);
    if (group !== undefined) for (const p of group) if (withinOneSlip(domain, p)) return true;
  }
  return false;
}

function fuzzySuggest(domain: string): string | null {
  const hit = spellCheck({ email: `x@${domain}` });
  if (!hit || hit.domain === domain) return null;
  return suggestableProviders().includes(hit.domain) && withinOneSlip(domain, hit.domain) ? hit.domain : null;
}
