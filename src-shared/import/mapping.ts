/*
 * Column mapping: which column feeds which lead field.
 *
 * `suggestMapping` combines header synonyms (synonyms.ts) with content
 * sniffing (sniff.ts): each column gets candidate fields with a score, and
 * candidates are granted best-first so each field is used at most once.
 * Content beats a header for email and LinkedIn (a column of addresses is
 * the email column whatever it is called); a header beats content for the
 * weaker website/phone signals, unless its column is mostly empty in the
 * sample. A column without a header may hold what the addresses beside it
 * are made of: the full, first or last name, or the company their domain is
 * named for; or job titles. Unclaimed columns become custom variables.
 *
 * Mapping templates are matched by `headerSignature` (the set of folded
 * header names, order-insensitive) and store targets per header name, as an
 * array of pairs: no header-named object keys anywhere.
 */
import { z } from 'zod';
import {
  ColumnTargetSchema,
  CUSTOM_KEY_PATTERN,
  LEAD_FIELD_LABELS,
  RESERVED_KEYS,
  ROW_GUARDS,
  takesSeveralColumns,
  type ColumnMapping,
  type ColumnTarget,
  type LeadField,
  type RowGuard,
} from './types';
import { foldKey, foldWords } from './text';
import { holdsVerdicts, marksBounces, mayNameVerdicts } from './verifier';
import { matchHeader, ownerOf, type HeaderMatch } from './synonyms';
import { holdsHonorifics, holdsJobTitles, holdsPagesOfOneSite, sniffByAddresses, sniffColumn } from './sniff';
import { customKeys } from './header';
import { isBlankRow } from './blank-row';
import { footerStart } from './report-footer';
import { marksAnswers, marksDeclines, marksOptOuts } from './opt-out';
import { isStatusColumn } from './file-marks';

const SCORE_PREFERRED = 120; // beats an exact match unless its column is much the emptier
const SCORE_EXACT = 100;
const SCORE_PARTIAL = 60;
const SCORE_FALLBACK = 40; // a profile's headline for the title
const SCORE_SNIFF_STRONG = 110; // email / LinkedIn content
const SCORE_SNIFF_WEAK = 50; // website / phone content
const GENERATED_HEADER = /^Column \d+$/;
const PERSON_NAME_FIELDS: ReadonlySet<LeadField> = new Set(['fullName', 'firstName', 'lastName']);

/**
 * How much a header match counts, by the share of sample rows the column
 * fills: from half for an empty column to all of it for a full one. Exports
 * often carry several columns for one field (Apollo: "Work Direct Phone",
 * "Mobile Phone", "Corporate Phone", "Other Phone"); the one with values
 * beats an emptier one, and an exact name still beats a partial one of
 * similar fill. Without sample rows, the header alone decides.
 */
function headerWeight(values: readonly string[]): number {
  if (values.length === 0) return 1;
  let filled = 0;
  for (const v of values) if (v.trim() !== '') filled++;
  return 0.5 + (0.5 * filled) / values.length;
}

interface Candidate {
  column: number;
  field: LeadField;
  score: number;
}

function resolveAmbiguous(match: HeaderMatch, matches: readonly (HeaderMatch | null)[]): LeadField {
  if (match.field !== 'ambiguousName') return match.field;
  const has = (f: LeadField): boolean => matches.some((m) => m?.field === f);
  if (match.prefers === 'lastName' && has('firstName') && !has('lastName')) return 'lastName';
  if (match.prefers === 'firstName' && has('lastName') && !has('firstName')) return 'firstName';
  return 'fullName';
}

const SAMPLE_ROWS = 200;

/**
 * The rows below the header that `suggestMapping` looks at, as the sheet shows them: rows a filter
 * hid (`hidden`, grid indexes) are left out, as the import leaves them out, so their values neither
 * sway the suggestion nor stand as the column's sample values; so are blank rows, lines drawn
 * across the table ("+------+") and a report's footer, which would stand as a column's values.
 */
export function visibleRowsBelow(
  grid: readonly (readonly string[])[],
  headerRow: number,
  hidden: readonly number[],
): (readonly string[])[] {
  const skip = new Set(hidden);
  const rows: (readonly string[])[] = [];
  const end = footerStart(grid, headerRow);
  for (let r = headerRow + 1; r < end; r++) {
    const row = grid[r] ?? [];
    if (!skip.has(r) && !isBlankRow(row)) rows.push(row);
  }
  return rows;
}

/**
 * Suggested mapping for `headers` (as from `normaliseHeaders`), using the
 * first rows of `below` (the data rows below the header, index-aligned with
 * the headers: all of them, as `visibleRowsBelow` gives them, or the first
 * few) for content sniffing; a status column is read in every row given, for
 * the statuses that keep rows from being sent. Every lead field is used at most once;
 * other columns become custom variables with keys from `customKeys`, except
 * a column with neither a header nor any value in the sample, and one of
 * `hiddenColumns` (hidden in the spreadsheet app: a CRM's record ids and
 * checksums, helper columns), which are ignored.
 */
export function suggestMapping(
  headers: readonly string[],
  below: readonly (readonly string[])[],
  hiddenColumns: readonly number[] = [],
): ColumnMapping {
  const rows = below.slice(0, SAMPLE_ROWS);
  const matches = headers.map((h) => matchHeader(h));
  const columnValues: string[][] = headers.map((_, c) => rows.map((r) => r[c] ?? ''));
  const sniffs = columnValues.map((values) => sniffColumn(values));
  // Header and content agreeing on a field add up, so "Email" full of
  // addresses beats "Personal email" full of addresses.
  const candidates: Candidate[] = [];
  const add = (column: number, field: LeadField, score: number): void => {
    const existing = candidates.find((c) => c.column === column && c.field === field);
    if (existing) existing.score += score;
    else candidates.push({ column, field, score });
  };

  headers.forEach((_, column) => {
    const m = matches[column];
    const values = columnValues[column] ?? [];
    let field = m ? resolveAmbiguous(m, matches) : null;
    // "Record URL" of HubSpot's pages, or a speaker's page on an event's site, is no company's website.
    const onePageSite = holdsPagesOfOneSite(values);
    if (field === 'website' && onePageSite) field = null;
    // A "Title" of "Ms." and "Dr" is the honorific (Outlook), not the job title.
    if (m && field !== null && !(field === 'title' && holdsHonorifics(values))) {
      const base =
        m.strength === 'preferred'
          ? SCORE_PREFERRED
          : m.strength === 'exact'
            ? SCORE_EXACT
            : m.strength === 'partial'
              ? SCORE_PARTIAL
              : SCORE_FALLBACK;
      add(column, field, base * headerWeight(values));
    }
    const sniffed = sniffs[column];
    if (sniffed && !(sniffed.field === 'website' && onePageSite)) {
      const strong = sniffed.field === 'email' || sniffed.field === 'linkedinUrl';
      add(column, sniffed.field, (strong ? SCORE_SNIFF_STRONG : SCORE_SNIFF_WEAK) + sniffed.ratio);
    }
  });
  const email = candidates.reduce<Candidate | null>(
    (best, c) => (c.field === 'email' && (best === null || c.score > best.score) ? c : best),
    null,
  );
  if (email !== null) {
    const emails = columnValues[email.column] ?? [];
    // Close's "lead_name" is a person's name by its header, but a lead there is a company: a column
    // named for a person that holds what the addresses' domains are named for is the company's name.
    for (const c of candidates) {
      if (!PERSON_NAME_FIELDS.has(c.field)) continue;
      const part = sniffByAddresses(columnValues[c.column] ?? [], emails);
      if (part?.field === 'company') {
        c.field = 'company';
        c.score = SCORE_PARTIAL + part.ratio;
      }
    }
    // A column without a header (rows pasted without theirs) may hold the names or the company the
    // addresses beside it are made of, or job titles. A column with a header nothing above recognises
    // is left alone: "Twitter" of handles such as "annlee" beside ann.lee@ is no first name.
    headers.forEach((header, column) => {
      if (!GENERATED_HEADER.test(header) && header.trim() !== '') return;
      if (candidates.some((c) => c.column === column)) return;
      const values = columnValues[column] ?? [];
      const part = sniffByAddresses(values, emails);
      if (part) add(column, part.field, SCORE_SNIFF_WEAK + part.ratio);
      else if (holdsJobTitles(values)) add(column, 'title', SCORE_SNIFF_WEAK);
    });
  }
  // The person's phone, not the company's switchboard or a home phone, unless no column holds the person's own.
  const owners = headers.map((h) => ownerOf(h, 'phone'));
  const ownPhone = owners.includes('person');
  const kept = candidates.filter((c) => !(ownPhone && c.field === 'phone' && owners[c.column] === 'other'));
  kept.sort((a, b) => b.score - a.score || a.column - b.column);

  const keys = customKeys(headers);
  const mapping: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  const usedFields = new Set<LeadField>();
  for (const c of kept) {
    if (mapping[c.column] !== undefined || usedFields.has(c.field)) continue;
    mapping[c.column] = { kind: 'field', field: c.field };
    usedFields.add(c.field);
  }
  let verdicts = false;
  return mapping.map((t, column) => {
    if (t) return t;
    const header = headers[column] ?? '';
    const values = columnValues[column] ?? [];
    const empty = values.every((v) => v.trim() === '');
    if (usedFields.has('email') && isFurtherEmailColumn(header, sniffs[column]?.field ?? null))
      return { kind: 'field', field: 'email' };
    // "Direct Phone", then "Mobile Phone" (Apollo, ZoomInfo): each row uses the first with a number.
    // Not the columns an address book keeps empty ("Car Phone", "Radio Phone").
    if (usedFields.has('phone') && owners[column] === 'person' && !empty)
      return { kind: 'field', field: 'phone' };
    if (GENERATED_HEADER.test(header) && empty) return { kind: 'ignore' };
    const key = keys[column] ?? `column_${column + 1}`;
    // The first column of a verifier's verdicts ("Email Status": Valid, Invalid, Catch-all) speaks for the addresses.
    if (!verdicts && usedFields.has('email') && mayNameVerdicts(foldWords(header)) && holdsVerdicts(values)) {
      verdicts = true;
      return { kind: 'custom', key, emailStatus: true };
    }
    // Apollo's "Email Bounced": true — a sending tool's word on the addresses it already wrote to.
    // "Email Opt Out": true, "Do not contact": x, "Lead Status": Unsubscribed — whether hidden or not.
    // A status column may say several ("Status": Bounced for some, Unsubscribed or Not interested for
    // others), in any of its rows: a campaign's export sorted by status has none in its first ones.
    const statuses = isStatusColumn(header) ? distinctValues(below, column) : values;
    const bounced = usedFields.has('email') && marksBounces(header, statuses);
    const optOut = marksOptOuts(header, statuses);
    const declined = marksDeclines(header, statuses);
    const answered = marksAnswers(header, statuses);
    if (bounced || optOut || declined || answered)
      return {
        kind: 'custom',
        key,
        ...(bounced && { bounced: true }),
        ...(optOut && { optOut: true }),
        ...(declined && { declined: true }),
        ...(answered && { answered: true }),
      };
    return hiddenColumns.includes(column) ? { kind: 'ignore' } : { kind: 'custom', key };
  });
}

/** The distinct values of a column, trimmed, empty ones left out. */
function distinctValues(rows: readonly (readonly string[])[], column: number): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row[column]?.trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

// "Email 1", "Email 2", "E-mail address 3" (Lusha, RocketReach, Kaspr), "E-mail 2 Address" (Outlook),
// "E-mail 2 - Value" (Google Contacts), "Secondary Email" (Apollo), or "Email" beside them: the same
// person's addresses, each row using the best that can be sent to (see `rowEmail`), whichever column
// the content made the Email column.
const FURTHER_EMAIL_KEY =
  /^(secondary|tertiary|alternate|alternative|additional)?e?mail(?:address)?([1-9]?)(?:address|value)?$/;

/**
 * Another column of the person's addresses: one named for the person's email whose sample holds
 * addresses ("Work Email" beside "Personal Email", Pipedrive's "Person - Email - Work"; not "Assistant
 * Email"); or, numbered or named further ("Email 2", "Secondary Email", often empty in the first rows),
 * one whose sample holds nothing anything recognises (a plain "Mail" column of anything else may hold
 * postal addresses).
 */
function isFurtherEmailColumn(header: string, sniffed: LeadField | null): boolean {
  if (sniffed === 'email' && ownerOf(header, 'email') === 'person') return true;
  const key = FURTHER_EMAIL_KEY.exec(foldKey(header));
  if (key === null) return false;
  return sniffed === 'email' || (sniffed === null && (key[1] !== undefined || key[2] !== ''));
}

/**
 * Whether a column keeps rows from being sent: a verifier's verdicts, the marks of the addresses that
 * bounced, of who opted out, declined or already answered. Ignoring the other columns in one click
 * leaves these be; the user unticks them one by one.
 */
export function guardsRows(t: ColumnTarget): boolean {
  return t.kind === 'custom' && ROW_GUARDS.some((g) => t[g] === true);
}

/**
 * A saved template's `mapping` with the ticks `suggested` gives this file where the template has no
 * word on them: a template saved from a file whose status column said nobody unsubscribed (no tick
 * shown, perhaps ignored with the other columns) must not let this file's unsubscribed people through.
 * A tick the user set or cleared stays as they left it, and a column they mapped to a field stays so.
 */
export function withSuggestedGuards(mapping: ColumnMapping, suggested: ColumnMapping): ColumnMapping {
  return mapping.map((t, i): ColumnTarget => {
    const s = suggested[i];
    if (s === undefined || !guardsRows(s) || s.kind !== 'custom' || t.kind === 'field') return t;
    if (t.kind === 'ignore') return s;
    const merged = { ...t };
    for (const g of ROW_GUARDS) merged[g] ??= s[g];
    return merged;
  });
}

/**
 * `mapping` with the ticks `guards` cleared from every column: the rows those columns mark are sent
 * after all (a sequence meant for the people who already answered), the columns kept as variables.
 */
export function withoutGuards(mapping: ColumnMapping, guards: readonly RowGuard[]): ColumnMapping {
  return mapping.map((t): ColumnTarget => {
    if (t.kind !== 'custom' || !guards.some((g) => t[g] === true)) return t;
    const cleared = { ...t };
    for (const g of guards) delete cleared[g];
    return cleared;
  });
}

/**
 * `mapping` with every column that is not a lead field kept as a custom variable (`keep`) or ignored
 * (but those that keep rows from being sent: `guardsRows`): a CRM export of sixty columns is mostly
 * columns no email needs. Kept, a column goes back to what `suggested` made of it (a column with
 * neither a header nor a value stays ignored), or to a custom variable named after its header when it
 * was suggested for a field the user moved elsewhere.
 */
export function withOtherColumns(
  mapping: ColumnMapping,
  suggested: ColumnMapping,
  headers: readonly string[],
  keep: boolean,
): ColumnMapping {
  const keys = customKeys(headers);
  return mapping.map((t, i): ColumnTarget => {
    if (t.kind === 'field' || guardsRows(t)) return t;
    if (!keep) return { kind: 'ignore' };
    const s = suggested[i];
    return s !== undefined && s.kind !== 'field' ? s : { kind: 'custom', key: keys[i] ?? `column_${i + 1}` };
  });
}

/** Order-insensitive key of a header row, for finding a saved template that fits a file. */
export function headerSignature(headers: readonly string[]): string {
  return headers
    .map((h) => foldKey(h))
    .filter((k) => k !== '')
    .sort()
    .join('|');
}

export const MappingTemplateBodySchema = z.object({
  /** Headers of the file the template was saved from, in file order. */
  headers: z.array(z.string()),
  /** Target per header name (pairs, not an object: header names are user data). */
  columns: z.array(z.object({ header: z.string(), target: ColumnTargetSchema })),
});
export type MappingTemplateBody = z.infer<typeof MappingTemplateBodySchema>;

export function templateFromMapping(headers: readonly string[], mapping: ColumnMapping): MappingTemplateBody {
  return {
    headers: [...headers],
    columns: headers.map((header, i) => ({ header, target: mapping[i] ?? { kind: 'ignore' } })),
  };
}

/** Folded header + its occurrence number, so two headers folding alike stay apart. */
function occurrenceKeys(headers: readonly string[]): string[] {
  const count = new Map<string, number>();
  return headers.map((h) => {
    const k = foldKey(h);
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    return `${k}#${n}`;
  });
}

/**
 * The template's mapping re-ordered for `headers`, or null when the file's
 * headers are not the template's (by `headerSignature`) or the result would
 * not be a valid mapping.
 */
export function applyTemplate(
  headers: readonly string[],
  template: MappingTemplateBody,
): ColumnMapping | null {
  if (headerSignature(headers) !== headerSignature(template.headers)) return null;
  const byKey = new Map<string, ColumnTarget>();
  const templateKeys = occurrenceKeys(template.columns.map((c) => c.header));
  template.columns.forEach((c, i) => byKey.set(templateKeys[i] ?? '', c.target));
  const mapping = occurrenceKeys(headers).map((k): ColumnTarget => byKey.get(k) ?? { kind: 'ignore' });
  return validateMapping(headers, mapping).ok ? mapping : null;
}

export type MappingProblem =
  'no_email' | 'length' | 'duplicate_field' | 'bad_custom_key' | 'duplicate_custom_key';
export type MappingValidation = { ok: true } | { ok: false; problem: MappingProblem; message: string };

const MAX_LISTED_COLUMNS = 12;

/** "No email column found. Columns in this sheet: Name, Company, Phone." */
export function missingEmailMessage(headers: readonly string[]): string {
  const listed = headers.slice(0, MAX_LISTED_COLUMNS).join(', ');
  const more = headers.length > MAX_LISTED_COLUMNS ? ` and ${headers.length - MAX_LISTED_COLUMNS} more` : '';
  return headers.length === 0
    ? 'No email column found: the header row is empty.'
    : `No email column found. Columns in this sheet: ${listed}${more}. Pick the column that holds email addresses.`;
}

/**
 * Whether a mapping can be imported: one target per header, at least one
 * email column, each other field at most once, custom keys safe and unique.
 */
export function validateMapping(headers: readonly string[], mapping: ColumnMapping): MappingValidation {
  if (mapping.length !== headers.length) {
    return {
      ok: false,
      problem: 'length',
      message: `The mapping has ${mapping.length} columns but the sheet has ${headers.length}.`,
    };
  }
  const fieldColumn = new Map<LeadField, number>();
  const keys = new Set<string>();
  for (let i = 0; i < mapping.length; i++) {
    const t = mapping[i];
    if (t?.kind === 'field') {
      const other = fieldColumn.get(t.field);
      // Several email or phone columns ("Email 1", "Email 2") are tried in column order: see compileMapping.
      if (other !== undefined && !takesSeveralColumns(t.field)) {
        return {
          ok: false,
          problem: 'duplicate_field',
          message: `${LEAD_FIELD_LABELS[t.field]} is mapped twice: "${headers[other]}" and "${headers[i]}".`,
        };
      }
      if (other === undefined) fieldColumn.set(t.field, i);
    } else if (t?.kind === 'custom') {
      if (!CUSTOM_KEY_PATTERN.test(t.key) || RESERVED_KEYS.has(t.key)) {
        return {
          ok: false,
          problem: 'bad_custom_key',
          message: `"${t.key}" cannot be used as a variable name (column "${headers[i]}").`,
        };
      }
      if (keys.has(t.key)) {
        return {
          ok: false,
          problem: 'duplicate_custom_key',
          message: `The variable name "${t.key}" is used twice.`,
        };
      }
      keys.add(t.key);
    }
  }
  if (!fieldColumn.has('email'))
    return { ok: false, problem: 'no_email', message: missingEmailMessage(headers) };
  return { ok: true };
}
