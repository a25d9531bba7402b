/*
 * Suppression list: emails and whole domains never to contact. Entries are
 * stored normalised (lower-case ASCII) so a lookup is a Set hit; a domain
 * entry also covers its subdomains ("acme.com" suppresses "eu.acme.com").
 */
import { cleanEmail, emailDomain, emailKey } from './email';
import { detectHeaderRow, headerNames } from './header';
import { suggestMapping } from './mapping';
import { ReadError, type Workbook } from './read';
import { sniffColumn } from './sniff';
import { toAsciiHost, websiteDomain } from './website';
import { cleanText, LIST_SEPARATOR } from './text';
import { linkPeople } from './dedupe';
import type { LeadField } from './types';

export interface SuppressionSet {
  /** `emailKey` (the mailbox) of each suppressed address (see `suppressionSetOf`). */
  emails: ReadonlySet<string>;
  /** Lower-case ASCII domains. */
  domains: ReadonlySet<string>;
}

export type SuppressionEntry = { kind: 'email'; value: string } | { kind: 'domain'; value: string };

/**
 * One line of a suppression file or the "add" box: an address
 * ("Jane <jane@acme.com>", "mailto:..."), a domain ("acme.com", "@acme.com",
 * "https://www.acme.com/", and as other tools' block lists write every address
 * of a domain, "*@acme.com" and "*.acme.com"), or null when it is neither.
 */
export function parseSuppressionEntry(text: string): SuppressionEntry | null {
  let t = cleanText(text);
  if (t === '') return null;
  if (t.startsWith('*@') || t.startsWith('*.')) t = t.slice(1);
  if (t.startsWith('.')) t = `@${t.slice(1)}`;
  if (t.startsWith('@')) {
    const host = toAsciiHost(t.slice(1));
    return host !== null && host.includes('.') ? { kind: 'domain', value: host } : null;
  }
  if (t.includes('@')) {
    // Words before the address ("Jane Doe jane@acme.com") do not make it to the list: better to keep
    // out one address too many than to let the person in.
    const cleaned = cleanEmail(t);
    const email = cleaned === null ? null : cleaned.slice(cleaned.lastIndexOf(' ') + 1);
    const domain = email === null ? null : emailDomain(email);
    return email !== null && domain !== null && domain.includes('.')
      ? { kind: 'email', value: email.toLowerCase() }
      : null;
  }
  // One entry is one domain: a cell of several ("acme.com, acme.io") is reported, not half taken.
  if (LIST_SEPARATOR.test(t)) return null;
  // Keep the host as written (a subdomain entry suppresses only that subdomain).
  const registrable = websiteDomain(t);
  if (registrable === null) return null;
  const host = toAsciiHost(t.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/, 1)[0] ?? '');
  const value = host?.startsWith('www.') ? host.slice(4) : host;
  return { kind: 'domain', value: value ?? registrable };
}

/** Entries one `suppressions.add` call takes: a bigger list is split into several files. */
export const MAX_SUPPRESSION_ENTRIES = 500_000;

const count = (v: number): string => v.toLocaleString('en-US');

/** " 3 leads in draft imports are now suppressed." — empty when none changed. */
function draftLeads(changed: number, now: 'now suppressed' | 'no longer suppressed'): string {
  if (changed === 0) return '';
  return ` ${count(changed)} ${changed === 1 ? 'lead in draft imports is' : 'leads in draft imports are'} ${now}.`;
}

/** What `suppressions.add` answers, as far as telling the user goes. */
export interface SuppressionAddOutcome {
  added: number;
  duplicates: number;
  invalid: number;
  invalidSamples: readonly string[];
  reclassified: number;
}

/**
 * The app's and the CLI's words for what adding `entryCount` entries did. `ok` is false when none of
 * them was usable: a wrong file or column, which callers report as a failure.
 */
export function describeSuppressionAdd(
  r: SuppressionAddOutcome,
  entryCount: number,
  columns: readonly string[] = [],
): { ok: boolean; text: string } {
  const samples = r.invalidSamples.map((x) => JSON.stringify(x)).join(', ');
  if (r.added + r.duplicates === 0) {
    return {
      ok: false,
      text:
        entryCount === 1
          ? `${samples} is not an email address or a domain, so nothing was changed.`
          : `None of the ${count(entryCount)} entries is an email address or a domain (e.g. ${samples}), so nothing was changed.`,
    };
  }
  const parts = [`${count(r.added)} added`, `${count(r.duplicates)} already on the list`];
  if (r.invalid > 0) parts.push(`${count(r.invalid)} not an email or domain (e.g. ${samples})`);
  const named = columns.map((c) => JSON.stringify(c)).join(', ');
  let read = '';
  if (columns.length === 1) read = ` Only the column ${named} of the file was read.`;
  if (columns.length > 1) read = ` Only the columns ${named} of the file were read.`;
  return { ok: true, text: `${parts.join(', ')}.${read}${draftLeads(r.reclassified, 'now suppressed')}` };
}

/** The words for what removing entries did. */
export function describeSuppressionRemove(r: { removed: number; reclassified: number }): string {
  const entries = r.removed === 1 ? 'entry' : 'entries';
  return `${count(r.removed)} ${entries} removed.${draftLeads(r.reclassified, 'no longer suppressed')}`;
}

/** The words for what putting removed entries back did. */
export function describeSuppressionRestore(r: { restored: number; reclassified: number }): string {
  const entries = r.restored === 1 ? 'entry is' : 'entries are';
  return `${count(r.restored)} ${entries} back on the list.${draftLeads(r.reclassified, 'now suppressed')}`;
}

/** Null, or why a list of `entries` entries cannot be added in one call. */
export function suppressionListTooLong(entries: number, max = MAX_SUPPRESSION_ENTRIES): string | null {
  return entries <= max
    ? null
    : `This list has ${count(entries)} entries; LeadPrep adds at most ${count(max)} at once. Split it into smaller files and add them one by one.`;
}

/** What a suppression file gives the list. */
export interface SuppressionFile {
  entries: string[];
  /** The headers of the email or website columns read, where a sheet had them; none when every cell was read. */
  columns: string[];
}

/**
 * The entries of a suppression file. A list (of addresses, domains, or both, with or without a
 * header) gives every non-empty cell. A sheet of people under a header with an email column (a CRM's
 * customers, a sending tool's unsubscribes) gives its email columns only: read whole, its website
 * column would keep out every company one person of it asked to leave. A sheet of companies under a
 * header with a website or domain column and no email column (customers, competitors, each with a
 * name and a note) gives that column only: its names and notes are no addresses or domains.
 */
export function suppressionFileEntries(wb: Workbook): SuppressionFile {
  // Mailchimp's audience export holds the subscribed beside the unsubscribed: which to keep out is the user's call.
  const filled = wb.sheets.filter((s) => s.rowCount > 0);
  if (wb.kind === 'zip' && filled.length > 1) {
    throw new ReadError(
      'unsupported',
      `This archive holds several files (${filled.map((s) => s.name).join(', ')}). Unzip it and add the one of people to keep out, the unsubscribed for instance.`,
    );
  }
  const entries: string[] = [];
  const columns: string[] = [];
  for (const s of wb.sheets) {
    if (s.rowCount === 0) continue;
    const grid = wb.readSheet(s.name);
    const headerRow = detectHeaderRow(grid);
    const listed = listColumnsOf(grid, headerRow);
    const rows = listed.length === 0 ? grid : grid.slice(headerRow + 1);
    for (const row of rows) {
      const cells = listed.length === 0 ? row : listed.map((j) => row[j] ?? '');
      for (const cell of cells) if (cell.trim() !== '') entries.push(cell);
    }
    for (const j of listed) columns.push((grid[headerRow]?.[j] ?? '').trim());
  }
  return { entries, columns };
}

/**
 * The columns of a sheet to read: under a header row of several named columns, the email columns of
 * a sheet of people (one the mapping takes for the email, and every other column of addresses: a
 * personal email kept as a custom variable is the same person's), else the website column of a sheet
 * of companies. A "header" that is a row of data names no column, and the sheet is read whole.
 */
function listColumnsOf(grid: readonly (readonly string[])[], headerRow: number): number[] {
  const header = grid[headerRow] ?? [];
  if (header.filter((h) => h.trim() !== '').length < 2) return [];
  const sample = grid.slice(headerRow + 1, headerRow + 201);
  const mapping = suggestMapping(headerNames(grid, headerRow), sample);
  // A header cell that is itself an address or a domain is a row of the list.
  const named = (j: number) => parseSuppressionEntry(header[j] ?? '') === null;
  const mappedTo = (j: number, field: LeadField): boolean => {
    const t = mapping[j];
    return t?.kind === 'field' && t.field === field;
  };
  const columns = (keep: (j: number) => boolean): number[] =>
    header.flatMap((_, j) => (keep(j) && named(j) ? [j] : []));
  if (columns((j) => mappedTo(j, 'email')).length === 0) return columns((j) => mappedTo(j, 'website'));
  return columns(
    (j) => mappedTo(j, 'email') || sniffColumn(sample.map((row) => row[j] ?? ''))?.field === 'email',
  );
}

/**
 * The list as `isSuppressed` reads it, from its entries' values: an address entry keeps out its
 * mailbox, whatever "+tag" either the entry or a lead's address carries.
 */
export function suppressionSetOf(emails: Iterable<string>, domains: Iterable<string>): SuppressionSet {
  const mailboxes = new Set<string>();
  for (const e of emails) mailboxes.add(emailKey(e));
  return { emails: mailboxes, domains: new Set(domains) };
}

/**
 * Why `email` must not be contacted, or null. `email` is a cleaned address
 * (see `cleanEmail`); case does not matter.
 */
export function isSuppressed(email: string | null, suppression: SuppressionSet): string | null {
  if (email === null) return null;
  if (suppression.emails.has(emailKey(email))) return 'On your suppression list';
  let domain = emailDomain(email);
  while (domain !== null && domain !== '') {
    if (suppression.domains.has(domain)) return `The domain ${domain} is on your suppression list`;
    const dot = domain.indexOf('.');
    domain = dot < 0 ? null : domain.slice(dot + 1);
  }
  return null;
}

/**
 * Whether the address itself is on the list (not only its domain): that person asked not to be contacted,
 * at any of their addresses. A domain entry is about addresses at that domain ("nobody at rival.io"); a
 * person who has moved on to another company is not suppressed there.
 */
export function isSuppressedPerson(email: string | null, suppression: SuppressionSet): boolean {
  return email !== null && suppression.emails.has(emailKey(email));
}

/**
 * Why a row linked to row `row` (the same address or LinkedIn profile, row to row) must not be contacted:
 * that row's address is on the list (see `isSuppressedPerson`), and it is the same person.
 */
export function samePersonSuppressedReason(row: number): string {
  return `The same person as row ${row}, whose address is on your suppression list`;
}

/** A lead as the "same person" check reads it. */
export interface PersonKeys {
  email: string | null;
  linkedinUrl: string | null;
  /** Whether the address can be sent at all: an invalid one on the list suppresses nobody else. */
  valid: boolean;
}

/**
 * The leads linked, row to row, by the same address or LinkedIn profile to a lead whose own valid
 * address is on the list as an address (`isSuppressedPerson`), and not on it themselves: by index, the
 * index of the first such lead of their person. The pipeline's rule, for leads read from the database
 * (a list entry added after they were committed).
 */
export function suppressedByPerson(
  leads: readonly PersonKeys[],
  suppression: SuppressionSet,
): Map<number, number> {
  const out = new Map<number, number>();
  const own = leads.map((l) => l.valid && isSuppressedPerson(l.email, suppression));
  if (!own.includes(true)) return out;
  const people = linkPeople(
    leads.map((l) => (l.email === null ? null : emailKey(l.email))),
    leads.map((l) => l.linkedinUrl),
  );
  const first = new Map<number, number>();
  own.forEach((listed, i) => {
    const person = people.find(i);
    if (listed && !first.has(person)) first.set(person, i);
  });
  leads.forEach((l, i) => {
    const by = first.get(people.find(i));
    if (by !== undefined && isSuppressed(l.email, suppression) === null) out.set(i, by);
  });
  return out;
}
