/*
 * Content sniffing: what a column holds, judged from sample values, for
 * columns whose header says nothing useful ("Column 3", "Contact", "Info").
 * The patterns are deliberately loose (they pick a column, they do not
 * validate a value) and linear-time: no nested quantifiers.
 */
import type { LeadField } from './types';
import { isHonorific } from './name';
import { foldKey, foldWords, looksLikeDate } from './text';
import { namesJob } from './job-titles';
import { isRoleAddress, isRoleWord, mailboxName } from './email';
import { emailRegistrableDomain, isKnownPublicSuffixHost } from './website';

export type SniffedField = Extract<LeadField, 'email' | 'linkedinUrl' | 'website' | 'phone'>;

export interface SniffResult {
  field: SniffedField;
  /** Share of the non-empty sample values that look like `field`, 0..1. */
  ratio: number;
}

/** A column is called `field` when at least this share of its non-empty values look like it. */
export const SNIFF_THRESHOLD = 0.6;

// Also with the name a mail app writes before it: "Jane Doe <jane@acme.com>".
const EMAIL_LIKE = /^(?:mailto:)?(?:[^<>@]*<)?[^\s@<>]+@[^\s@<>.]+(?:\.[^\s@<>.]+)+>?$/i;
const LINKEDIN_PROFILE = /linkedin\.com\/(?:in|pub)\//i;
const URL_LIKE =
  /^(?:https?:\/\/)?(?:www\.)?([a-z0-9\u00a1-\uffff-]+(?:\.[a-z0-9\u00a1-\uffff-]+)+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;
// "2018-2020" and "03/2016 - 11/2021" (a scraped profile's past jobs), "94105-1234" (a ZIP+4 code).
const YEARS_OR_ZIP =
  /^(?:(?:\d{1,2}[/.-])?(?:19|20)\d\d\s*[-\u2013/]\s*(?:\d{1,2}[/.-])?(?:19|20)\d\d|\d{5}-\d{4})$/;
const PHONE_CHARS = /^(?:tel:)?\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

export function looksLikeEmail(value: string): boolean {
  return value.length <= 320 && EMAIL_LIKE.test(value);
}

export function looksLikeLinkedInProfile(value: string): boolean {
  return LINKEDIN_PROFILE.test(value);
}

export function looksLikeWebsite(value: string): boolean {
  if (value.length > 2048 || value.includes('@')) return false;
  const m = URL_LIKE.exec(value);
  return m !== null && m[1] !== undefined && isKnownPublicSuffixHost(m[1]);
}

export function looksLikePhone(value: string): boolean {
  if (value.length > 40 || !PHONE_CHARS.test(value) || looksLikeDate(value) || YEARS_OR_ZIP.test(value))
    return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 7 || digits > 15) return false;
  // A bare run of digits is as likely an ID as a phone: require a + or a
  // separator, or the length of a full national number.
  return /[+\s().\-/]/.test(value) || digits >= 10;
}

/**
 * Whether the column's links are pages of one site rather than each lead's website: a CRM's record
 * links (`https://app.hubspot.com/contacts/…/record/…`) or the profile pages a name links to on an
 * event's site. Every link has the same host and at least three have paths of their own; a column of
 * one company's address (`acme.com` on every row of an account list) is still its website.
 */
export function holdsPagesOfOneSite(values: readonly string[]): boolean {
  let host: string | null = null;
  const paths = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t === '' || !looksLikeWebsite(t)) continue;
    const m = URL_LIKE.exec(t);
    const h = m?.[1]?.toLowerCase() ?? '';
    if (host !== null && h !== host) return false;
    host = h;
    const path = t.slice(t.toLowerCase().indexOf(h) + h.length).replace(/^:\d+/, '');
    if (path.length > 1) paths.add(path);
  }
  return paths.size >= 3;
}

/**
 * Whether at least `SNIFF_THRESHOLD` of the column's non-empty values are honorifics ("Ms.", "Dr"):
 * Outlook's "Title" column, which is no job title.
 */
export function holdsHonorifics(values: readonly string[]): boolean {
  return shareOf(values, isHonorific) >= SNIFF_THRESHOLD;
}

/** The share of the column's non-empty values, trimmed, that pass `test`; 0 for an empty column. */
function shareOf(values: readonly string[], test: (value: string) => boolean): number {
  let present = 0;
  let hits = 0;
  for (const v of values) {
    const t = v.trim();
    if (t === '') continue;
    present++;
    if (test(t)) hits++;
  }
  return present === 0 ? 0 : hits / present;
}

const CHECKS: readonly [SniffedField, (v: string) => boolean][] = [
  ['email', looksLikeEmail],
  ['linkedinUrl', looksLikeLinkedInProfile],
  ['website', looksLikeWebsite],
  ['phone', looksLikePhone],
];

/**
 * The field that at least `SNIFF_THRESHOLD` of the column's non-empty values
 * look like, in the priority email > LinkedIn profile > website > phone
 * (a LinkedIn URL is also a URL). Null for an empty column or mixed content.
 */
export function sniffColumn(values: readonly string[]): SniffResult | null {
  for (const [field, test] of CHECKS) {
    const ratio = shareOf(values, test);
    if (ratio >= SNIFF_THRESHOLD) return { field, ratio };
  }
  return null;
}

export type SniffedByAddress = Extract<LeadField, 'fullName' | 'firstName' | 'lastName' | 'company'>;

/**
 * What `cell` is of the person whose address it stands beside: a full name when the address's
 * local part starts with its first word or holds another (`Bo Ray`, `bo@`; `Ann Lee`, `alee@`), a
 * first name when the local part starts with it (`Ann`), a last name when it holds it further on
 * (`Lee`), a company when the address's domain is named for it (`Acme Corp`, `@acme.com`); null when
 * the address says nothing of it.
 */
function partOfAddress(cell: string, email: string): SniffedByAddress | null {
  const local = foldKey(mailboxName(email) ?? '');
  const words = foldWords(cell, false).filter((w) => w.length >= 2 && !/\d/.test(w));
  if (local === '' || words.length === 0 || words.length > 4) return null;
  const first = words[0] as string;
  if (words.length > 1) {
    if (local.startsWith(first) || words.some((w) => w.length >= 3 && local.includes(w))) return 'fullName';
  } else if (local.startsWith(first)) return 'firstName';
  else if (first.length >= 3 && local.includes(first)) return 'lastName';
  const label = foldKey(emailRegistrableDomain(email)?.split('.')[0] ?? '');
  const key = words.join('');
  if (label.length < 3) return null;
  return label === key || (first.length >= 3 && label.startsWith(first)) || key.startsWith(label)
    ? 'company'
    : null;
}

/**
 * What a column holds of each person, judged against the addresses on the same rows: at least
 * `SNIFF_THRESHOLD` of the rows holding both say the same. For a column without a header (rows
 * pasted without theirs).
 */
export function sniffByAddresses(
  values: readonly string[],
  emails: readonly string[],
): { field: SniffedByAddress; ratio: number } | null {
  const parts = new Map<SniffedByAddress, number>();
  let both = 0;
  for (let i = 0; i < values.length; i++) {
    const cell = (values[i] ?? '').trim();
    const email = (emails[i] ?? '').trim();
    if (cell === '' || email === '' || cell.includes('@')) continue;
    // A team's inbox (sales@ beside "Sales") names nobody.
    if (isRoleAddress(email) || isRoleWord(cell)) continue;
    both++;
    const part = partOfAddress(cell, email);
    if (part !== null) parts.set(part, (parts.get(part) ?? 0) + 1);
  }
  let best: { field: SniffedByAddress; ratio: number } | null = null;
  for (const [field, count] of parts) {
    const ratio = count / both;
    if (ratio >= SNIFF_THRESHOLD && (best === null || ratio > best.ratio)) best = { field, ratio };
  }
  return best;
}

/**
 * Whether at least `SNIFF_THRESHOLD` of the column's non-empty values name a job ("CEO",
 * "Head of Growth", "Directrice commerciale"). For a column without a header.
 */
export function holdsJobTitles(values: readonly string[]): boolean {
  return shareOf(values, namesJob) >= SNIFF_THRESHOLD;
}
