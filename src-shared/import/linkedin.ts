/*
 * Canonical LinkedIn profile URLs. The same person appears as
 * "linkedin.com/in/Jane-Doe/", "https://fr.linkedin.com/in/jane-doe?trk=x",
 * "www.linkedin.com/in/jane-doe/details/experience/" ...; all of them become
 * "https://www.linkedin.com/in/jane-doe", which is what dedupe compares.
 *
 * Slugs are compared lower-cased (LinkedIn treats them case-insensitively)
 * and kept percent-encoded, so the output is a valid URL and cleaning it
 * again changes nothing. A member id in place of the name ("/in/ACoAAB…", as
 * Sales Navigator exports give) is the exception: its case is meaning.
 */
import { cleanText } from './text';

export type LinkedInResult = { url: string; reason: null } | { url: null; reason: string | null };

const PROFILE_BASE = 'https://www.linkedin.com/in/';
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const QUICK_PROFILE = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([a-z0-9-]+)\/?(?:[?#]\S*)?$/i;

/** `https://www.linkedin.com/in/` and a non-empty slug of [a-z0-9-]: what the quick path below would return. */
const CANONICAL = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+$/;
// "ACoAAA8BYqEBCGLg_vT_ca6mMEqkpp9nVffJ3hc": lower-cased, it leads nowhere.
const MEMBER_ID = /^AC[ow]AA[A-Za-z0-9_-]{20,}$/;

function slugKey(slug: string): string {
  return MEMBER_ID.test(slug) ? slug : slug.toLowerCase();
}

function decodeSlug(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Looked for only where a run of separators starts: tried inside every run, a long one took time by its square.
const ANOTHER_LINK = /(?<![,;\s])[,;\s]+(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\//i;
const LEADING_SEPARATORS = /^[,;\s]+/;

const NOT_PROFILE: Readonly<Record<string, string>> = {
  company: 'A company page, not a person\u2019s profile',
  school: 'A school page, not a person\u2019s profile',
  showcase: 'A showcase page, not a person\u2019s profile',
  groups: 'A group page, not a person\u2019s profile',
  jobs: 'A job page, not a person\u2019s profile',
  posts: 'A post, not a person\u2019s profile',
  feed: 'A feed link, not a person\u2019s profile',
  pub: 'An old-style /pub/ profile link; open it and copy the /in/ address',
  sales: 'A Sales Navigator link; open it and copy the public /in/ address',
  talent: 'A Recruiter link; open it and copy the public /in/ address',
};

/**
 * `{url}` for a person's profile; `{url: null, reason}` for a LinkedIn link
 * that is not one (company page, Sales Navigator, ...) or not LinkedIn at all;
 * `{url: null, reason: null}` for an empty cell.
 */
export function canonicalLinkedIn(raw: string | null | undefined): LinkedInResult {
  if (raw == null) return { url: null, reason: null };
  const text = cleanText(raw);
  if (text === '') return { url: null, reason: null };
  // Most cells are already canonical: keep the cell's own string.
  if (CANONICAL.test(text)) return { url: text, reason: null };
  // Most others are plain profile links with an ASCII slug: skip the URL parser.
  const quick = QUICK_PROFILE.exec(text);
  if (quick?.[1] !== undefined) return { url: PROFILE_BASE + slugKey(quick[1]), reason: null };
  // Several links in one cell ("linkedin.com/company/acme, linkedin.com/in/jane"): the first person's
  // profile among them. Read whole, the rest would become part of the first one's name.
  const next = ANOTHER_LINK.exec(text);
  if (next !== null && next.index > 0) {
    const first = canonicalLinkedIn(text.slice(0, next.index));
    if (first.url !== null) return first;
    const rest = canonicalLinkedIn(text.slice(next.index).replace(LEADING_SEPARATORS, ''));
    return rest.url !== null ? rest : first;
  }
  let parsed: URL;
  try {
    parsed = new URL(SCHEME.test(text) ? text : `https://${text.replace(/^\/+/, '')}`);
  } catch {
    return { url: null, reason: 'Not a web address' };
  }
  const host = parsed.hostname.toLowerCase();
  if (host === 'lnkd.in')
    return { url: null, reason: 'A shortened lnkd.in link; open it and copy the profile address' };
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com'))
    return { url: null, reason: 'Not a LinkedIn link' };
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  // LinkedIn Lite, the mobile site for slow connections, puts its pages under /mwlite/.
  if ((segments[0] ?? '').toLowerCase() === 'mwlite') segments.shift();
  const kind = (segments[0] ?? '').toLowerCase();
  if (kind === 'in' && segments[1] !== undefined) {
    const slug = slugKey(decodeSlug(segments[1]).normalize('NFC').trim());
    if (slug === '' || slug.includes('/'))
      return { url: null, reason: 'The profile name in the link is empty' };
    return { url: PROFILE_BASE + encodeURIComponent(slug), reason: null };
  }
  const why = Object.hasOwn(NOT_PROFILE, kind) ? NOT_PROFILE[kind] : undefined;
  return { url: null, reason: why ?? 'Not a link to a person\u2019s LinkedIn profile' };
}
