/*
 * Email addresses: cleaning what people paste into spreadsheets, and the
 * checks that decide whether an address is worth spending credits on.
 *
 * Identity: the cleaned address keeps the local part as typed (some people
 * care about "John.Smith@"), but every comparison (dedupe, suppression,
 * matching an export back to leads) uses `emailKey`, the lower-cased address.
 *
 * Syntax is a practical RFC 5322 subset, the one senders accept: dot-atom
 * local part (no quoted strings, no comments, ASCII only), host-name domain
 * with a TLD from the Public Suffix List, no IP literals.
 */
import { cleanText, isNoValue, LIST_SEPARATOR, lowerCased } from './text';
import { isPlainDomain, MAX_DOMAIN_LENGTH, suffixFacts, toAsciiHost } from './website';
import { isDisposableDomain, isFreeMailDomain } from './domain-lists';
import { suggestDomainOf, TYPED_FOR_DOT, withDotsTyped, withOwnSlipFixed } from './typos';
import { withoutAccents } from './accents';
import { asLatin, latinDomainOf } from './lookalikes';

export interface EmailCheck {
  /** The address can be sent to as written. */
  syntaxValid: boolean;
  /** Why not, in words for the user; null when valid. */
  reason: string | null;
  /** A corrected full address for a likely typo (one-click fix), else null. */
  suggestion: string | null;
  /** info@, sales@, noreply@ ...: reaches a team or nobody, not a person. */
  role: boolean;
  freeMail: boolean;
  disposable: boolean;
}

const MAILTO = /^(?:mailto:)+/i;
// In angle brackets, or in square ones as Outlook quotes a sender ("Jane Doe [mailto:jane@acme.com]").
// Split at the first @: a run of @s after a bracket was tried at every split.
const ANGLE_ADDRESS = /<([^<>@]*@[^<>]*)>|\[([^[\]@]*@[^[\]]*)\]/;
const SPACE_AROUND_AT = /\s*@\s*/;
// In round brackets after a name, as some mail apps write a recipient: "Jane Doe (jane@acme.com)".
const ADDRESS_AFTER_NAME = /^[^@()]*\(([^()@]*@[^()]*)\)$/;
// Percent-encoded, as a mailto: link writes an address ("mailto:jane%40acme.com"), and the encoded
// spaces at either end of a link's href ("mailto:%20jane@acme.com").
const PERCENT_ENCODED = /%[0-9a-f]{2}/i;
const ENCODED_AT = /%40/i;
// Only where a run of them starts: tried inside every run, a long one took time by its square.
const ENCODED_SPACES_AT_ENDS = /^(?:%20)+|(?<!%20)(?:%20)+$/gi;
// A comment after the address, with or without a space: "jane@acme.com (Jane Doe)", "jane@acme.com(work)".
const COMMENT_AFTER = /(@[^\s@()<>]+)\s*\([^()@]*\)$/;
const WRAP_START = /^[\s<("'[\]{}.,;:!?]+/;
// Only where a run of them starts: tried inside every run, a long one took time by its square.
const WRAP_END = /(?<![\s>)"'[\]{}.,;:!?])[\s>)"'[\]{}.,;:!?]+$/;

// Nothing for `cleanEmail` to change: no space, wrapper, mailto:, second
// address, trailing dot or encoded space first, and a domain that is already lower-case ASCII.
const PLAIN_ADDRESS = /^[A-Za-z0-9_+-][A-Za-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/** Several addresses in one cell ("a@x.com; b@y.com"), not one written twice; `cleanEmail` keeps the best. */
export function hasSeveralEmails(raw: string): boolean {
  if (raw.indexOf('@') === raw.lastIndexOf('@') || !LIST_SEPARATOR.test(raw)) return false;
  const addresses = new Set<string>();
  for (const part of raw.split(LIST_SEPARATOR)) {
    const address = cleanEmail(part);
    if (address?.includes('@')) addresses.add(address.toLowerCase());
  }
  return addresses.size > 1;
}

// One address whose domain has a comma or a semicolon in it, nothing else: "jane@acme,com",
// "jane@acme.co,uk", "jane@acme.co;uk".
const DOMAIN_WITH_COMMA = /^[^\s,;@]*@([a-z0-9-]+(?:[.,;][a-z0-9-]+)*[,;][a-z0-9-]+(?:[.,;][a-z0-9-]+)*)$/i;

/**
 * Whether the comma or semicolon in an address's domain was typed for a dot, rather than ending the
 * address before a note ("jane@acme.com,work"): what comes before it is no domain on its own
 * ("acme,com", "acme,co.uk"), or it falls inside the domain's ending ("acme.co,uk" and "acme.co;uk"
 * are acme.co.uk: cut there it would be acme.co, another company, ready to send).
 */
function typedForDot(text: string): boolean {
  const domain = DOMAIN_WITH_COMMA.exec(text)?.[1]?.toLowerCase();
  if (domain === undefined) return false;
  const comma = domain.search(TYPED_FOR_DOT);
  if (checkDomain(domain.slice(0, comma)).problem !== null) return true;
  const dotted = withDotsTyped(domain) ?? domain;
  const { registrable } = checkDomain(dotted);
  if (registrable === null) return false;
  const ending = registrable.slice(registrable.indexOf('.') + 1);
  return comma >= dotted.length - ending.length;
}

/**
 * Whether what follows the address (`parts[first]`) to the end of the cell, after spaces only, is the
 * rest of its domain: a dot begins or ends the break ("acme. com", "acme . com") or the rest is one or
 * two letters ("acme.co m"), and closed up they make a domain that exists. A note ("(work)", "hq") is not.
 */
function domainGoesOn(text: string, parts: readonly string[], first: number): boolean {
  const address = parts[first];
  if (address === undefined || first + 1 >= parts.length) return false;
  const rest = text.slice(text.lastIndexOf(address) + address.length);
  if (!/^(?:\s+[a-z0-9.-]+)+$/i.test(rest)) return false;
  const joined = rest.replace(/\s+/g, '');
  if (!(address.endsWith('.') || joined.startsWith('.') || /^[a-z]{1,2}$/i.test(joined))) return false;
  return (
    checkDomain(`${address.slice(address.lastIndexOf('@') + 1)}${joined}`.toLowerCase()).problem === null
  );
}

/**
 * Clean an email cell: trim and NFC, keep only the address from
 * "Name <a@b.com>", drop `mailto:` (and its ?subject=), wrapping quotes or
 * brackets and trailing punctuation, keep the one of several addresses that
 * reaches the person best, lower-case the domain and convert an IDN domain
 * to punycode. The local part keeps its case. Text without an @ is returned
 * cleaned so the user can see and fix it; null only for an empty cell.
 */
export function cleanEmail(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Most cells are already a bare address with a lower-case ASCII domain.
  if (PLAIN_ADDRESS.test(raw)) return raw;
  let s = cleanText(raw);
  // Before wrappers go: "#REF!" would be "#REF", an address without an @, not Excel's error value.
  if (s === '' || isNoValue(s)) return null;
  const encoded = s.includes('%');
  // An address whose @ is encoded is read decoded, wrappers and all: "<jane%40acme.com>".
  if (encoded && !s.includes('@') && ENCODED_AT.test(s)) {
    const decoded = percentDecoded(s);
    if (decoded.includes('@')) return cleanEmail(decoded);
  }
  const angle = ANGLE_ADDRESS.exec(s);
  const closed = s.endsWith(')');
  const bracketed = angle?.[1] ?? angle?.[2] ?? (closed ? ADDRESS_AFTER_NAME.exec(s)?.[1] : undefined);
  if (bracketed !== undefined) s = bracketed.trim();
  else if (closed) s = s.replace(COMMENT_AFTER, '$1');
  if (encoded) s = s.replace(ENCODED_SPACES_AT_ENDS, '');
  const link = MAILTO.test(s);
  if (link) {
    s = s.replace(MAILTO, '');
    const q = s.indexOf('?');
    if (q >= 0) s = s.slice(0, q);
  }
  // A mailto: link's address is percent-encoded whole, and may hide what the steps above take.
  if (encoded && link) {
    const decoded = percentDecoded(s);
    if (decoded !== s) return cleanEmail(decoded);
  }
  const several = s.indexOf('@') !== s.lastIndexOf('@');
  // "jane@acme,com": a comma typed for a dot of the domain, not a list; the check offers the fix.
  // With one @, a space beside it ("jane @ acme.com") is a slip inside one address, not a list:
  // closed up before the split, and again after it, where a separator beside the @ became a space.
  if (!several) s = s.replace(SPACE_AROUND_AT, '@');
  if (LIST_SEPARATOR.test(s) && (several || !typedForDot(s))) {
    const parts = s.split(LIST_SEPARATOR);
    if (several) return bestAddressOf(parts);
    const first = parts.findIndex((p) => p.includes('@'));
    // Of one address, only what follows it goes ("jane@acme.com (work)"). What comes before may be
    // part of it ("ja ne@acme.com"): kept, so that the check says what is wrong, or offers the rest as
    // a fix to confirm when it reads as a name ("Jane Doe jane@acme.com"), rather than this sending to
    // "ne@acme.com".
    // Nor is what follows when it is the rest of the domain ("jane@acme. com", "jane@acme.co m"): cut
    // off, the address would be another one ("jane@acme.co") or none; kept, the check offers it closed up.
    const keep = domainGoesOn(s, parts, first) ? parts.length : first + 1;
    if (first >= 0) s = parts.slice(0, keep).join(' ');
  }
  if (!several) s = s.replace(SPACE_AROUND_AT, '@');
  // Until nothing changes, so that cleaning the result again changes nothing: "(mailto:'a@b.com')".
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(WRAP_START, '').replace(WRAP_END, '').replace(MAILTO, '');
    if (encoded) s = s.replace(ENCODED_SPACES_AT_ENDS, '');
  }
  const at = s.lastIndexOf('@');
  if (at < 0) return s === '' || isNoValue(s) ? null : s;
  const local = s.slice(0, at);
  const domainRaw = s.slice(at + 1);
  const domain = toAsciiHost(domainRaw) ?? lowerCased(domainRaw);
  return `${local}@${domain}`;
}

/** `s` percent-decoded ("jane%2Bnews%40acme.com" -> "jane+news@acme.com"); as it is where that fails. */
function percentDecoded(s: string): string {
  if (!PERCENT_ENCODED.test(s)) return s;
  try {
    // Cleaned as the cell was: what the encoding hid may be spaces or control characters.
    return cleanText(decodeURIComponent(s));
  } catch {
    return s;
  }
}

/**
 * Of the values of a cell holding several addresses ("info@acme.com; jane@acme.com"), the address that
 * reaches the person best (`addressRank`), the first of equals: a personal email greets no team inbox.
 */
function bestAddressOf(values: readonly string[]): string | null {
  let best: string | null = null;
  let bestRank = -1;
  for (const value of values) {
    if (!value.includes('@')) continue;
    const address = cleanEmail(value);
    const rank = addressRank(address);
    if (address !== null && rank > bestRank) {
      best = address;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * How well an address reaches the person: 0 not at all as written (a slip to fix, a throw-away
 * domain), 1 through free mail or a team inbox (info@), 2 at their work address.
 */
export function addressRank(email: string | null): number {
  if (email === null) return 0;
  const check = checkEmail(email);
  if (!sendableAsWritten(check)) return 0;
  return check.freeMail || check.role ? 1 : 2;
}

const GMAIL_DOMAINS = ['@gmail.com', '@googlemail.com'];

/**
 * The comparison key of an address: the mailbox it reaches, which is what dedupe and the suppression
 * list compare. Lower-cased in full, without a "+tag" ("jane+news@acme.com" reaches jane@acme.com, as
 * at Google, Microsoft and most hosts), and at Gmail without the dots of the local part
 * ("J.Ane@googlemail.com" is jane@gmail.com). A key is its own key: the database migration that
 * brought stored keys to this rule (0010) applied it to the lower-cased keys stored before.
 */
export function emailKey(email: string): string {
  const key = lowerCased(email);
  const at = key.lastIndexOf('@');
  if (at <= 0) return key;
  const plus = key.indexOf('+');
  const gmail = GMAIL_DOMAINS.some((d) => key.endsWith(d));
  if (!gmail && (plus <= 0 || plus > at)) return key;
  let local = plus > 0 && plus < at ? key.slice(0, plus) : key.slice(0, at);
  if (gmail) local = local.replaceAll('.', '');
  if (local === '') return key;
  return `${local}@${gmail ? 'gmail.com' : key.slice(at + 1)}`;
}

/** Lower-case ASCII domain part of a cleaned address, or null without an @. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : lowerCased(email.slice(at + 1));
}

const ROLE_WORDS = new Set([
  'info',
  'sales',
  'contact',
  'support',
  'admin',
  'administrator',
  'hello',
  'hi',
  'office',
  'marketing',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'team',
  'help',
  'helpdesk',
  'billing',
  'accounts',
  'accounting',
  'finance',
  'invoices',
  'hr',
  'jobs',
  'careers',
  'recruiting',
  'press',
  'media',
  'pr',
  'enquiries',
  'enquiry',
  'inquiries',
  'inquiry',
  'webmaster',
  'postmaster',
  'hostmaster',
  'abuse',
  'service',
  'services',
  'customerservice',
  'customercare',
  'bookings',
  'booking',
  'reservations',
  'orders',
  'partners',
  'partnerships',
  'legal',
  'privacy',
  'security',
  'it',
  'newsletter',
  'news',
  'feedback',
  'welcome',
  'mail',
  'email',
  'general',
  'reception',
  'kontakt',
  'vertrieb',
  'buero',
  'verwaltung',
  'contacto',
  'ventas',
  'informacion',
  'soporte',
  'contato',
  'vendas',
  'atendimento',
  'commercial',
  'bonjour',
  'accueil',
  'comercial',
]);

/** Whether a word names a team or an inbox rather than a person ("Sales", "Info", "Email"). */
export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase());
}

/** The part before the @ that names the mailbox, lower-cased and without a "+tag" ("Jane+news@" -> jane); null without one. */
export function mailboxName(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = lowerCased(email.slice(0, at));
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
}

/** info@, sales@, no-reply@, info.de@, sales+leads@ ... (case-insensitive). */
export function isRoleAddress(email: string): boolean {
  const local = mailboxName(email);
  if (local === null) return false;
  if (ROLE_WORDS.has(local)) return true;
  const cut = local.search(/[._-]/);
  return cut > 0 && ROLE_WORDS.has(local.slice(0, cut));
}

const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

function localPartProblem(local: string): string | null {
  if (local.length <= 64 && DOT_ATOM.test(local)) return null;
  if (local === '') return 'Nothing before the @';
  if (local.length > 64) return 'The part before the @ is longer than 64 characters';
  if (local.startsWith('"')) return 'Quoted addresses ("...") are not supported';
  if (local.startsWith('.') || local.endsWith('.')) return 'The part before the @ starts or ends with a dot';
  if (local.includes('..')) return 'Two dots in a row before the @';
  for (const atom of local.split('.')) {
    if (!ATEXT.test(atom)) {
      const bad = [...atom].find((ch) => !ATEXT.test(ch)) ?? '?';
      if (bad.charCodeAt(0) > 0x7f)
        return 'Accented or non-Latin letters before the @ are not supported by most senders';
      return bad === ' ' ? 'Spaces are not allowed in an address' : `"${bad}" is not allowed before the @`;
    }
  }
  return null;
}

function domainProblem(domain: string): string | null {
  if (isPlainDomain(domain)) return null;
  if (domain === '') return 'Nothing after the @';
  if (WHITESPACE.test(domain)) return 'Spaces are not allowed in an address';
  if (domain.startsWith('[')) return 'IP-address domains are not supported';
  if (domain.includes(',')) return 'The domain has a comma where a dot belongs';
  if (domain.includes(';')) return 'The domain has a semicolon where a dot belongs';
  if (!domain.includes('.')) return 'The domain has no dot (e.g. acme.com)';
  if (domain.length > MAX_DOMAIN_LENGTH) return 'The domain is too long';
  const labels = domain.split('.');
  for (const label of labels) {
    if (label === '') return 'The domain has an empty part (two dots in a row?)';
    if (!LABEL.test(label)) {
      if (label.length > 63) return 'A part of the domain is longer than 63 characters';
      if (label.startsWith('-') || label.endsWith('-')) return 'A part of the domain starts or ends with "-"';
      return 'The domain contains characters that are not allowed';
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  if (!TLD.test(tld)) return `".${tld}" is not a valid domain ending`;
  return null;
}

/** `domainProblem`, then the Public Suffix List: the problem, or the registrable domain. */
function checkDomain(
  domain: string,
): { problem: string; registrable: null } | { problem: null; registrable: string } {
  const shape = domainProblem(domain);
  if (shape !== null) return { problem: shape, registrable: null };
  const { icann, registrable } = suffixFacts(domain);
  if (!icann)
    return {
      problem: `".${domain.slice(domain.lastIndexOf('.') + 1)}" is not an existing domain ending`,
      registrable: null,
    };
  if (registrable === null) return { problem: 'The domain is only a domain ending', registrable: null };
  if (EXAMPLE_DOMAINS.has(registrable))
    return { problem: `${registrable} is kept for examples: no mail reaches it`, registrable: null };
  return { problem: null, registrable };
}

// The domains kept for examples in documentation (RFC 2606), as a CRM's test records use them.
const EXAMPLE_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

// A mailbox that only sends ("noreply@", "do-not-reply@", "mailer-daemon@", "bounces+…@"): what is sent
// to it is read by nobody, or bounces.
const SENDS_ONLY =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer[-_.]?daemon|bounces?)(?:$|[-_.+])/i;
const SENDS_ONLY_REASON = 'A no-reply address: nobody reads what is sent to it';

interface DomainFacts {
  problem: string | null;
  /** Registrable domain (PSL) when the domain has no problem. */
  registrable: string | null;
  /** Corrected domain, or null. */
  suggestion: string | null;
  freeMail: boolean;
  disposable: boolean;
}

// A sheet has far fewer distinct domains than rows, and every fact about a
// domain (PSL lookup, typo search, list lookups) is pure: compute it once.
const domainCache = new Map<string, DomainFacts>();
const DOMAIN_CACHE_MAX = 100_000;

const WHITESPACE = /\s/;

/** A domain with a space typed in it ("acme. com"), closed up: when that is a domain (or has a fix), else null. */
function closedUp(domain: string): string | null {
  const closed = domain.replace(/\s+/g, '');
  const facts = domainFacts(closed);
  return facts.suggestion ?? (facts.problem === null ? closed : null);
}

/** The domain with Latin letters for their lookalikes (`latinDomainOf`), with its own slip fixed too. */
function withLatinLetters(domain: string, anyLabel: boolean): string | null {
  const latin = latinDomainOf(domain, anyLabel);
  return latin === null ? null : withOwnSlipFixed(latin);
}

function domainFacts(domain: string): DomainFacts {
  const cached = domainCache.get(domain);
  if (cached) return cached;
  const { problem, registrable } = checkDomain(domain);
  const freeMail = isFreeMailDomain(domain);
  const fixed =
    domain === ''
      ? null
      : WHITESPACE.test(domain)
        ? closedUp(domain)
        : (withLatinLetters(domain, problem !== null) ?? suggestDomainOf(domain, freeMail));
  const facts: DomainFacts = {
    problem,
    registrable,
    suggestion: fixed !== null && fixed !== domain && checkDomain(fixed).problem === null ? fixed : null,
    freeMail: false,
    disposable: false,
  };
  if (registrable !== null) {
    facts.freeMail = freeMail || (registrable !== domain && isFreeMailDomain(registrable));
    facts.disposable = isDisposableDomain(domain);
  }
  if (domainCache.size >= DOMAIN_CACHE_MAX) domainCache.clear();
  domainCache.set(domain, facts);
  return facts;
}

/**
 * Whether what comes before a space in an address is words before it, a name or a label ("Jane Doe
 * jane@acme.com", "Jane jane@…", "mail: jane@…", "jane jane@…"), rather than the address itself broken
 * by a space: "sam lee@acme.com" may be sam.lee@ or samlee@, and "Apply all suggested typo fixes" would
 * send "lee@acme.com" the email. One other word in lower case is not taken for words before.
 */
function readsAsWordsBefore(before: string, after: string): boolean {
  return before.includes(' ') || before.endsWith(':') || before !== before.toLowerCase() || before === after;
}

// An address written out for people, as web pages hide them from robots: "jane [at] acme [dot] com",
// "jane(at)acme.com", "jane at acme dot com".
const WRITTEN_AT = /\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+/gi;
const WRITTEN_DOT = /\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+/gi;

/** The address an address without an @ spells out, when it spells out one that can be sent to; else null. */
function withoutObfuscation(text: string): string | null {
  if (text.match(WRITTEN_AT)?.length !== 1) return null;
  const revealed = cleanEmail(text.replace(WRITTEN_AT, '@').replace(WRITTEN_DOT, '.'));
  if (revealed === null || !revealed.includes('@')) return null;
  // With its own typo fixed too ("jane [at] gmial [dot] com"), as long as the fix can be sent to.
  const check = checkEmail(revealed);
  if (check.suggestion === null) return check.syntaxValid ? revealed : null;
  return checkEmail(check.suggestion).syntaxValid ? check.suggestion : null;
}

// A website in the email column ("www.acme.com", "https://acme.com/team"), as exports with shifted columns have.
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

// The only @s of "jane@@acme.com": one @ typed twice, where the address is plain. Any other second @
// could belong to either side, so no fix is guessed for it.
const ONE_AT_TYPED_TWICE = /@{2,}(?!.*@)/;

/** A fix is offered as it would be stored: one that cleaning changes again ("{@acme.com") is none. */
function offered(suggestion: string | null): string | null {
  return suggestion !== null && cleanEmail(suggestion) === suggestion ? suggestion : null;
}

/**
 * Check a cleaned address (see `cleanEmail`). A typo suggestion is offered
 * even for an address that fails the syntax check ("a@gmail.con"), so the
 * user gets a one-click fix instead of a dead end.
 */
export function checkEmail(email: string): EmailCheck {
  const result: EmailCheck = {
    syntaxValid: false,
    reason: null,
    suggestion: null,
    role: false,
    freeMail: false,
    disposable: false,
  };
  const at = email.lastIndexOf('@');
  if (at < 0) {
    const revealed = withoutObfuscation(email);
    result.reason =
      revealed !== null
        ? 'The address is written out to hide it from robots'
        : WEB_ADDRESS.test(email)
          ? 'A web address, not an email address'
          : 'No @ sign';
    result.suggestion = revealed;
    return result;
  }
  if (email.indexOf('@') !== at) {
    if (email.startsWith('"')) {
      result.reason = 'Quoted addresses ("...") are not supported';
      return result;
    }
    if (email.indexOf('@') === email.search(ONE_AT_TYPED_TWICE)) {
      const single = email.replace(ONE_AT_TYPED_TWICE, '@');
      const fixed = checkEmail(single);
      result.suggestion = offered(fixed.suggestion ?? (fixed.syntaxValid ? single : null));
    }
    result.reason = result.suggestion === null ? 'More than one @ sign' : 'Two @ signs in a row';
    return result;
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const facts = domainFacts(lowerCased(domain));
  const localProblem = localPartProblem(local);
  result.reason =
    email.length > 254
      ? 'The address is longer than 254 characters'
      : (localProblem ?? facts.problem ?? (SENDS_ONLY.test(local) ? SENDS_ONLY_REASON : null));
  result.syntaxValid = result.reason === null;
  // Only a fix that leaves an address which can be sent to: a domain fix does not mend the local part.
  if (facts.suggestion !== null && localProblem === null) result.suggestion = `${local}@${facts.suggestion}`;
  // A local part that can be sent to once mended, and a domain that can be: lookalike letters before the
  // @ ("jаne@" with a Cyrillic "а"), accents ("josé@"), or words before the address ("Jane Doe
  // jane@acme.com"), whose last word may be the address.
  const sendableDomain = facts.suggestion ?? (facts.problem === null ? domain : null);
  const latinLocal =
    localProblem === null || sendableDomain === null ? null : (asLatin(local) ?? withoutAccents(local));
  if (latinLocal !== null && localPartProblem(latinLocal) === null)
    result.suggestion = `${latinLocal}@${sendableDomain}`;
  const space = local.lastIndexOf(' ');
  const lastWord = local.slice(space + 1);
  if (
    space >= 0 &&
    sendableDomain !== null &&
    readsAsWordsBefore(local.slice(0, space), lastWord) &&
    localPartProblem(lastWord) === null
  ) {
    result.suggestion = `${lastWord}@${sendableDomain}`;
  }
  result.suggestion = offered(result.suggestion);
  result.role = isRoleAddress(email);
  if (result.syntaxValid) {
    result.freeMail = facts.freeMail;
    result.disposable = facts.disposable;
  }
  return result;
}

/** The address cannot be sent as written (a syntax error, a throw-away domain), fix offered or not. */
export function needsAddressFix(check: EmailCheck | null): boolean {
  return check !== null && (!check.syntaxValid || check.disposable);
}

/** The address can be sent as written with nothing to take or confirm: no fix needed, none offered. */
export function sendableAsWritten(check: EmailCheck): boolean {
  return !needsAddressFix(check) && check.suggestion === null;
}

/**
 * `check` of `email`, with the row's own website as the fix where the address has none of its own:
 * for a domain cut short ("jane@acme", "jane@acme.c" where the website is acme.com), when the
 * website's domain goes on from it at a dot ("jane@acme" is not acmecorp.com); and for an address
 * without its @ that ends in that domain ("janeacme.com").
 */
export function withWebsiteFix(check: EmailCheck, email: string, siteDomain: string | null): EmailCheck {
  if (check.syntaxValid || check.suggestion !== null || siteDomain === null) return check;
  const fixed = websiteFixOf(email, siteDomain);
  return fixed !== null && checkEmail(fixed).syntaxValid && offered(fixed) !== null
    ? { ...check, suggestion: fixed }
    : check;
}

function websiteFixOf(email: string, siteDomain: string): string | null {
  const at = email.indexOf('@');
  if (at < 0) {
    if (!email.toLowerCase().endsWith(siteDomain)) return null;
    // Not after a dot: "www.acme.com" or "mail.acme.com" is a host name, not jane.acme.com with a dot for the @.
    const local = email.slice(0, email.length - siteDomain.length);
    return local === '' || local.endsWith('.') ? null : `${local}@${siteDomain}`;
  }
  if (at === 0 || email.lastIndexOf('@') !== at) return null;
  const domain = lowerCased(email.slice(at + 1));
  if (domain === '' || domain.length >= siteDomain.length || !siteDomain.startsWith(domain)) return null;
  if (!domain.includes('.') && siteDomain[domain.length] !== '.') return null;
  return `${email.slice(0, at)}@${siteDomain}`;
}

/**
 * Registrable domain of a cleaned address's domain, or null when the domain
 * has a problem: what `websiteDomain` gives for that domain, from the lookup
 * `checkEmail` already made.
 */
export function emailRegistrableDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : domainFacts(lowerCased(email.slice(at + 1))).registrable;
}

/** `cleanEmail` + `checkEmail` for a value typed in an inline edit. */
export function cleanAndCheckEmail(raw: string): { email: string | null; check: EmailCheck | null } {
  const email = cleanEmail(raw);
  return { email, check: email === null ? null : checkEmail(email) };
}
