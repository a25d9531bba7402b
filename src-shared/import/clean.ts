/*
 * From one mapped row to a normalised lead, and from the facts about a lead
 * to its one visible state.
 *
 * `cleanRow` (cells -> lead) and `cleanLead` (an edited lead -> lead) are
 * per-row and pure. `classify` decides the state from the row's own facts
 * plus the cross-row verdicts the caller supplies (suppression, duplicate),
 * so after an inline edit the service can re-run `cleanLead` + `classify`
 * for that row alone, using `isSuppressed` and its database for the
 * cross-row inputs.
 */
import {
  emptyLead,
  type ColumnMapping,
  type LeadField,
  type LeadFlag,
  type LeadState,
  type NormalisedLead,
  type RowDecision,
  type RowGuard,
  type SeveralColumnField,
  takesSeveralColumns,
} from './types';
import { ANSWERED_REASON, DECLINED_REASON, OPTED_OUT_REASON } from './opt-out';
import { GUARD_SAYS } from './row-guards';
import { detachedOrNull, valueMemo } from './memo';
import { cleanLabel, cleanOptional, cleanText } from './text';
import {
  addressRank,
  checkEmail,
  cleanEmail,
  emailKey,
  emailRegistrableDomainOf,
  hasSeveralEmails,
  isRoleAddress,
  isRoleWord,
  needsAddressFix,
  withWebsiteFix,
  type EmailCheck,
} from './email';
import {
  cleanPersonName,
  fullNameInOrder,
  greetsByName,
  holdsAddress,
  joinName,
  nameBesideAddress,
  namesCompanyOrGroup,
  namesNoPerson,
  separateNameParts,
  splitFullName,
  titleTypedAsFirstName,
} from './name';
import { canonicalLinkedIn } from './linkedin';
import { separateCompanyFromNames, separateCompanyFromTitle } from './company-mentions';
import { linkPeople, type People } from './dedupe';
import { companyForEmails, namesNoCompany } from './company-name';
import { titleForEmails } from './job-titles';
import { nameInAddress, namePartsByAddress } from './name-in-address';
import { cleanPhone, isPhoneMangledByNumberFormat } from './phone';
import { websiteDomain, withoutRedirect } from './website';
import {
  BOUNCED_REASON,
  UNCONFIRMED_NOTE,
  UNDELIVERABLE_REASON,
  VERDICT_FLAGS,
  saysBounced,
  verdictFlag,
  type VerdictFlag,
} from './verifier';

/** A mapping prepared once for many rows. */
export interface CompiledMapping {
  /** The column of each field; for a field of several columns the first of them. */
  fields: Partial<Record<LeadField, number>>;
  /** The columns after the first of a field of several, in column order: tried when the ones before hold nothing usable. */
  further: Readonly<Record<SeveralColumnField, readonly number[]>>;
  custom: readonly (readonly [key: string, column: number])[];
  /** The custom column of an email verifier's verdicts on the (first) email column's addresses. */
  emailStatus?: number;
  /** The custom columns that mark the (first) email column's addresses that bounced. */
  bounces: readonly number[];
  /**
   * The custom columns that mark what the file says of the person (opted out, not interested, already
   * answered), each with the flag it gives.
   */
  personMarks: readonly (readonly [column: number, flag: PersonFlag])[];
}

export function compileMapping(mapping: ColumnMapping): CompiledMapping {
  const fields: Partial<Record<LeadField, number>> = {};
  const further: Record<SeveralColumnField, number[]> = { email: [], phone: [] };
  const custom: [string, number][] = [];
  let emailStatus: number | undefined;
  const bounces: number[] = [];
  const personMarks: [number, PersonFlag][] = [];
  mapping.forEach((t, column) => {
    if (t.kind === 'field' && takesSeveralColumns(t.field) && fields[t.field] !== undefined)
      further[t.field].push(column);
    else if (t.kind === 'field') fields[t.field] = column;
    else if (t.kind === 'custom') {
      custom.push([t.key, column]);
      if (t.emailStatus) emailStatus = column;
      if (t.bounced) bounces.push(column);
      for (const flag of PERSON_FLAGS) if (t[PERSON_MARKS[flag].guard]) personMarks.push([column, flag]);
    }
  });
  return { fields, further, custom, emailStatus, bounces, personMarks };
}

/**
 * The row's email cell and its address, of several email columns ("Email 1", "Personal Email"): the
 * first, in column order, with a work address that can be sent to; else the first with any address
 * that can be. With none usable, the first cell that holds anything, so that its problem is what the
 * row shows.
 */
function rowEmail(
  cells: readonly string[],
  m: CompiledMapping,
): { raw: string | null; email: string | null } {
  const raw = cell(cells, m.fields.email);
  const email = cleanEmail(raw);
  const more = m.further.email;
  if (more.length === 0) return { raw, email };
  let best = { raw, email };
  let bestRank = addressRank(email);
  let shown = email === null ? null : best;
  for (let i = 0; i < more.length && bestRank < 2; i++) {
    const other = cell(cells, more[i] as number);
    const address = cleanEmail(other);
    const rank = addressRank(address);
    if (rank > bestRank) {
      best = { raw: other, email: address };
      bestRank = rank;
    }
    if (shown === null && address !== null) shown = { raw: other, email: address };
  }
  return bestRank > 0 ? best : (shown ?? best);
}

/** The row's phone number, of several phone columns ("Direct Phone", "Mobile Phone"): the first, in column order, that holds one. */
function rowPhone(cells: readonly string[], m: CompiledMapping): string | null {
  let phone = cleanPhone(cell(cells, m.fields.phone));
  for (let i = 0; phone === null && i < m.further.phone.length; i++)
    phone = cleanPhone(cell(cells, m.further.phone[i]));
  return phone;
}

/** A fact about the row worth showing; `field` says which value it is about. */
export interface RowIssue {
  flag: LeadFlag;
  field: LeadField | null;
  message: string;
}

export interface CleanedLead {
  lead: NormalisedLead;
  /** Null when the row has no email. */
  emailCheck: EmailCheck | null;
  issues: RowIssue[];
}

function cell(cells: readonly string[], column: number | undefined): string | null {
  return column === undefined ? null : (cells[column] ?? null);
}

// Splitting a full name is many small steps. The parts are cleaned as a typed first or last name is:
// a word of the full name can be cased differently on its own ("ა" starts a name only once split off).
const splitName = valueMemo(
  (full) => {
    const parts = splitFullName(full);
    return { firstName: cleanPersonName(parts.firstName), lastName: cleanPersonName(parts.lastName) };
  },
  (parts) => ({
    firstName: detachedOrNull(parts.firstName),
    lastName: detachedOrNull(parts.lastName),
  }),
);

/** The lead's first and last name without what belongs to the other (see `separateNameParts`). */
function separateParts(lead: NormalisedLead): void {
  const parts = separateNameParts(lead.firstName, lead.lastName);
  lead.firstName = parts.firstName;
  lead.lastName = parts.lastName;
}

/**
 * Normalise the name parts together: a full name fills missing first/last
 * names, first + last fill a missing full name, and a "Last, First" full
 * name is put in spoken order. The parts the user gave are kept.
 */
function completeNames(lead: NormalisedLead): void {
  // A title typed as the first name ("Mr" and "Doe") is no name to greet by, and the full name keeps it
  // before the last name, when it splits so again: emails greet "Mr Doe", not "Mr" nor "Doe".
  const title =
    lead.fullName === null && lead.lastName !== null ? titleTypedAsFirstName(lead.firstName) : null;
  if (title !== null) {
    const full = cleanPersonName(joinName(title, lead.lastName));
    if (full !== null && splitName(fullNameInOrder(full)).firstName === null) lead.fullName = full;
  }
  separateParts(lead);
  const { firstName, lastName, fullName } = lead;
  // Both parts given and no comma: nothing to fill or turn (most rows).
  if (fullName !== null && firstName !== null && lastName !== null && !fullName.includes(',')) return;
  // Cased as a typed full name is: a name joined from a title-case letter ("ᾈ") and an all-caps part
  // would be re-cased by the next clean.
  const joined = cleanPersonName(joinName(firstName, lastName));
  // A missing full name is the parts joined. One that is only that stays as it is: split again, "Mary
  // Ann" with no last name would gain the last name "Ann" on the next edit.
  if (fullName === null || fullName === joined) {
    lead.fullName = joined;
    return;
  }
  // Split the name as it ends up, so that cleaning the lead again splits it the same way.
  lead.fullName = fullNameInOrder(fullName);
  if (firstName === null || lastName === null) {
    const parts = splitName(lead.fullName);
    lead.firstName ??= parts.firstName;
    lead.lastName ??= parts.lastName;
    // A part taken from the full name may repeat the other: "Jane" from "JANE" beside "Jane Doe".
    separateParts(lead);
  }
}

/**
 * A whole name in the first- or last-name column with the other empty and no full name ("Jane Doe" and
 * nothing), split as the address writes it (`namePartsByAddress`). For cells as read: an edit is kept.
 */
function splitWholeNameByAddress(lead: NormalisedLead): void {
  if (lead.fullName !== null || (lead.firstName === null) === (lead.lastName === null)) return;
  const parts = namePartsByAddress(lead.firstName ?? (lead.lastName as string), lead.email);
  if (parts === null) return;
  lead.firstName = parts.firstName;
  lead.lastName = parts.lastName;
}

/** The name an email greets the person by: the first name, else the full name. */
function greetingName(lead: NormalisedLead): string | null {
  return lead.firstName ?? lead.fullName;
}

/** No name given anywhere in the lead. */
function hasNoName(lead: NormalisedLead): boolean {
  return lead.firstName === null && lead.lastName === null && lead.fullName === null;
}

/** Why emails could not greet the lead by name, and what it leads to; null when they can. */
function nameProblem(lead: NormalisedLead): { problem: string; consequence: string } | null {
  const noGreeting = 'emails cannot greet this person by name';
  if (hasNoName(lead)) return { problem: 'No name', consequence: noGreeting };
  const greeting = greetingName(lead);
  if (greeting === null) return null;
  // Scraped lists put the address in the name column: "Hi jane@acme.com" is no greeting either.
  if (holdsAddress(greeting)) return { problem: 'The name is an email address', consequence: noGreeting };
  // Nor is "Hi annlee92", "Hi J." or "Hi 12345".
  if (!greetsByName(greeting))
    return { problem: `"${greeting}" is no name to greet by`, consequence: noGreeting };
  // Nor is "Hi Sales" or "Hi Customer".
  if (namesNoPerson(greeting))
    return {
      problem: `"${lead.fullName ?? greeting}" names no person`,
      consequence: 'emails cannot greet anyone by it',
    };
  // Nor "Hi Acme" for "Acme Inc", nor "Hi The" for "The Doe Family".
  if (lead.fullName !== null && namesCompanyOrGroup(lead.fullName, lead.company))
    return {
      problem: `"${lead.fullName}" names a company or a group, not a person`,
      consequence: 'emails cannot greet anyone by it',
    };
  return null;
}

function finish(lead: NormalisedLead, rawEmail: string | null, rawLinkedIn: string | null): CleanedLead {
  const issues: RowIssue[] = [];
  completeNames(lead);
  // The name a mail app writes with the address ("Jane Doe <jane@acme.com>", "jane@acme.com (Jane
  // Doe)"), when the row has none; a team inbox's ("Acme Sales <sales@acme.com>", "Email
  // <jane@acme.com>") greets nobody.
  const named = rawEmail !== null && hasNoName(lead) ? nameBesideAddress(rawEmail) : null;
  if (
    named !== null &&
    lead.email !== null &&
    !isRoleAddress(lead.email) &&
    !named.split(/[\s,]+/).some(isRoleWord)
  ) {
    lead.fullName = cleanPersonName(named);
    completeNames(lead);
  }
  const name = nameProblem(lead);
  if (name !== null) {
    const inAddress = nameInAddress(lead.email);
    // The name the address offers says more than what follows, and a table's reason column shows a line or two.
    issues.push({
      flag: 'no_name',
      field: lead.firstName === null ? 'fullName' : 'firstName',
      message:
        inAddress === null
          ? `${name.problem}: ${name.consequence}`
          : `${name.problem}; the address reads as ${inAddress.fullName}`,
    });
    if (inAddress !== null)
      issues.push({
        flag: 'name_in_address',
        field: 'firstName',
        message: `Use ${inAddress.fullName}`,
      });
  }
  const siteDomain = websiteDomain(lead.website);
  const emailCheck =
    lead.email === null ? null : withWebsiteFix(checkEmail(lead.email), lead.email, siteDomain);
  if (rawEmail !== null && hasSeveralEmails(rawEmail)) {
    issues.push({
      flag: 'multiple_emails',
      field: 'email',
      message:
        'Several addresses in the cell; the one most likely to reach the person is used (a work address first)',
    });
  }
  if (rawLinkedIn !== null) {
    const li = canonicalLinkedIn(rawLinkedIn);
    lead.linkedinUrl = li.url;
    if (li.url === null && li.reason !== null)
      issues.push({ flag: 'linkedin_not_profile', field: 'linkedinUrl', message: li.reason });
  }
  if (lead.phone !== null && isPhoneMangledByNumberFormat(lead.phone)) {
    issues.push({
      flag: 'phone_as_number',
      field: 'phone',
      message: 'The phone number was turned into a number by the spreadsheet and lost digits',
    });
  }
  lead.domain = siteDomain;
  if (
    lead.domain === null &&
    lead.email !== null &&
    emailCheck?.syntaxValid &&
    !emailCheck.freeMail &&
    !emailCheck.disposable
  ) {
    lead.domain = emailRegistrableDomainOf(lead.email);
  }
  return { lead, emailCheck, issues };
}

const LINKEDIN_HOST = /linkedin\./i;

/** A website cell cleaned, and the address it leads to when it is a redirect link (`withoutRedirect`). */
function websiteAsItLeads(raw: string | null | undefined): string | null {
  const site = cleanOptional(raw);
  if (site === null) return null;
  const target = withoutRedirect(site);
  return target === site ? site : cleanOptional(target);
}

/**
 * The row's LinkedIn cell, with a person's profile found in the website cell (a list with nowhere else
 * for it, or the two columns swapped) taken for it when it holds none: a profile is never the
 * company's website. The website cell then holds the LinkedIn cell's website, when it had one.
 */
function profileOutOfWebsite(lead: NormalisedLead, linkedIn: string | null): string | null {
  const site = lead.website;
  if (site === null || !LINKEDIN_HOST.test(site)) return linkedIn;
  if (canonicalLinkedIn(site).url === null) return linkedIn;
  if (linkedIn !== null && canonicalLinkedIn(linkedIn).url !== null) {
    lead.website = null;
    return linkedIn;
  }
  lead.website = linkedIn !== null && websiteDomain(linkedIn) !== null ? linkedIn : null;
  return site;
}

/**
 * Clean one sheet row. `cells` is index-aligned with the mapping; missing
 * cells count as empty. Every custom column of the mapping gets a key in
 * `lead.custom` ('' when empty) so all leads share one variable set.
 */
export function cleanRow(cells: readonly string[], mapping: ColumnMapping | CompiledMapping): CleanedLead {
  const m = Array.isArray(mapping) ? compileMapping(mapping) : (mapping as CompiledMapping);
  const f = m.fields;
  const lead = emptyLead();
  const { raw: rawEmail, email } = rowEmail(cells, m);
  lead.email = email;
  lead.fullName = cleanPersonName(cell(cells, f.fullName));
  lead.firstName = cleanPersonName(cell(cells, f.firstName));
  lead.lastName = cleanPersonName(cell(cells, f.lastName));
  lead.title = cleanLabel(cell(cells, f.title));
  const company = cleanLabel(cell(cells, f.company));
  // "Self-employed" names no company: a job title's ("Founder at Beta") or colleagues' may.
  lead.company = company === null || namesNoCompany(company) ? null : company;
  lead.website = websiteAsItLeads(cell(cells, f.website));
  lead.phone = rowPhone(cells, m);
  for (const [key, column] of m.custom) lead.custom[key] = cleanText(cells[column] ?? '');
  separateCompanyFromTitle(lead);
  separateCompanyFromNames(lead);
  if (lead.company !== null) lead.company = companyForEmails(lead.company);
  if (lead.title !== null) lead.title = titleForEmails(lead.title);
  const linkedIn = profileOutOfWebsite(lead, cleanOptional(cell(cells, f.linkedinUrl)));
  splitWholeNameByAddress(lead);
  const cleaned = finish(lead, rawEmail, linkedIn);
  // The verdict is on the first email column's address: another column's, taken instead, was not checked.
  if (rawEmail === cell(cells, f.email)) {
    const verdict = cell(cells, m.emailStatus);
    const flag = verdict === null ? null : verdictFlag(verdict);
    if (flag !== null) markVerdict(cleaned, flag);
    if (m.bounces.some((column) => saysBounced(cells[column] ?? ''))) markVerdict(cleaned, 'bounced');
  }
  for (const [column, flag] of m.personMarks) {
    if (
      GUARD_SAYS[PERSON_MARKS[flag].guard](cells[column] ?? '') &&
      !cleaned.issues.some((i) => i.flag === flag)
    )
      markPerson(cleaned, flag);
  }
  return cleaned;
}

/** What the file says of the person, whatever their address: each suppresses the row (see `classify`). */
const PERSON_FLAGS = ['opted_out', 'declined', 'answered'] as const;
type PersonFlag = (typeof PERSON_FLAGS)[number];
/**
 * Each mark of a person: the tick of the columns that give it (a cell says it as `GUARD_SAYS` reads
 * it), the row's reason, and whether the user's Keep sends the row anyway. A refusal holds whatever
 * the user decides; an answer is a conversation, and writing to some of those in it again is the
 * founder's call, row by row.
 */
interface PersonMark {
  guard: RowGuard;
  reason: string;
  keepable: boolean;
}
const PERSON_MARKS: Readonly<Record<PersonFlag, PersonMark>> = {
  opted_out: { guard: 'optOut', reason: OPTED_OUT_REASON, keepable: false },
  declined: { guard: 'declined', reason: DECLINED_REASON, keepable: false },
  answered: { guard: 'answered', reason: ANSWERED_REASON, keepable: true },
};

/**
 * The first of the person's marks among `flags` that holds with the user's `decision`, in the order of
 * `PERSON_FLAGS`; null for none.
 */
function personFlagIn(flags: readonly LeadFlag[], decision: RowDecision | null): PersonFlag | null {
  for (const flag of PERSON_FLAGS) if (flags.includes(flag) && holdsWith(flag, decision)) return flag;
  return null;
}

const isPersonFlag = (flag: LeadFlag): flag is PersonFlag =>
  (PERSON_FLAGS as readonly LeadFlag[]).includes(flag);
const holdsWith = (flag: PersonFlag, decision: RowDecision | null): boolean =>
  !(decision === 'keep' && PERSON_MARKS[flag].keepable);

/** Whether what the file says of the row's person suppresses it with the user's `decision` (`classify`). */
export function isMarkedOutByFile(cleaned: CleanedLead, decision: RowDecision | null): boolean {
  return cleaned.issues.some(({ flag }) => isPersonFlag(flag) && holdsWith(flag, decision));
}

function markPerson(cleaned: CleanedLead, flag: PersonFlag): void {
  cleaned.issues.push({ flag, field: null, message: PERSON_MARKS[flag].reason });
}

/**
 * Records what the user's email verifier said of the row's address: undeliverable makes the row
 * invalid (`invalidReason`); unconfirmed is a flag the user may exclude by.
 */
function markVerdict(cleaned: CleanedLead, flag: VerdictFlag): void {
  const message =
    flag === 'verifier_undeliverable'
      ? UNDELIVERABLE_REASON
      : flag === 'bounced'
        ? BOUNCED_REASON
        : UNCONFIRMED_NOTE;
  cleaned.issues.push({ flag, field: 'email', message });
}

/**
 * Gives `cleaned` (an edit of a row) what the file said of the row (`verdicts`, the row's flags): the
 * verifier's verdicts on `address`, while the edit keeps that address (a verdict is on the address as
 * read), and that the person opted out or declined, whatever the edit: it is about the person.
 */
export function keepVerdicts(
  cleaned: CleanedLead,
  address: string | null,
  verdicts: readonly LeadFlag[],
): void {
  for (const flag of PERSON_FLAGS) if (verdicts.includes(flag)) markPerson(cleaned, flag);
  if (cleaned.lead.email !== address) return;
  for (const flag of VERDICT_FLAGS) if (verdicts.includes(flag)) markVerdict(cleaned, flag);
}

/** What the file may say of an address: that it takes no mail (each makes its row invalid, `invalidReason`). */
const ADDRESS_VERDICTS = ['verifier_undeliverable', 'bounced'] as const satisfies readonly VerdictFlag[];
type AddressVerdict = (typeof ADDRESS_VERDICTS)[number];
const isAddressVerdict = (flag: LeadFlag): flag is AddressVerdict =>
  (ADDRESS_VERDICTS as readonly LeadFlag[]).includes(flag);

/**
 * Gives every row what another row of the file says of its address or of its person. That an address
 * takes no mail (undeliverable to the user's verifier, bounced) holds for every row of the same inbox
 * (`emailKey`). That a person opted out, was not interested or already answered holds for every row
 * of that person: the same inbox, or the same LinkedIn profile at another address (`linkPeople`, as
 * the exact duplicate groups join them). A list merged from a verified and an unverified one, or from
 * a campaign's export and a fresh list, holds such a person twice, and only one row says so; the
 * other was ready, and a send to it bounces or writes to someone who asked not to be written to.
 * Where rows disagree ("Valid" in one, "Invalid" in another) the address is left out: one lead fewer
 * costs less.
 */
export function spreadFileMarks(rows: readonly CleanedLead[]): void {
  const marked = (flag: LeadFlag): boolean => isAddressVerdict(flag) || isPersonFlag(flag);
  if (!rows.some((row) => row.issues.some((i) => marked(i.flag)))) return;
  const emailKeys = rows.map((row) => (row.lead.email === null ? null : emailKey(row.lead.email)));
  const inboxes = linkPeople(emailKeys, []);
  const people = linkPeople(
    emailKeys,
    rows.map((row) => row.lead.linkedinUrl),
  );
  spreadWithin(rows, inboxes, isAddressVerdict, markVerdict);
  spreadWithin(rows, people, isPersonFlag, markPerson);
}

/** Gives every row of a group of `rows` (`groups`) the flags of `kind` any of them has. */
function spreadWithin<F extends LeadFlag>(
  rows: readonly CleanedLead[],
  groups: People,
  kind: (flag: LeadFlag) => flag is F,
  mark: (row: CleanedLead, flag: F) => void,
): void {
  const said = new Map<number, F[]>();
  rows.forEach((row, i) => {
    for (const { flag } of row.issues) {
      if (!kind(flag)) continue;
      const group = groups.find(i);
      const flags = said.get(group) ?? [];
      if (!flags.includes(flag)) said.set(group, [...flags, flag]);
    }
  });
  if (said.size === 0) return;
  rows.forEach((row, i) => {
    for (const flag of said.get(groups.find(i)) ?? []) {
      if (!row.issues.some((issue) => issue.flag === flag)) mark(row, flag);
    }
  });
}

/**
 * Re-clean a lead after an inline edit (any field may hold raw text).
 * Idempotent: cleaning a clean lead changes nothing. `domain` is recomputed.
 */
export function cleanLead(edited: NormalisedLead): CleanedLead {
  const lead = emptyLead();
  lead.email = cleanEmail(edited.email);
  lead.fullName = cleanPersonName(edited.fullName);
  lead.firstName = cleanPersonName(edited.firstName);
  lead.lastName = cleanPersonName(edited.lastName);
  lead.title = cleanLabel(edited.title);
  lead.company = cleanLabel(edited.company);
  lead.website = websiteAsItLeads(edited.website);
  lead.phone = cleanPhone(edited.phone);
  for (const [key, value] of Object.entries(edited.custom)) lead.custom[key] = cleanText(value);
  separateCompanyFromTitle(lead);
  return finish(lead, edited.email, cleanOptional(edited.linkedinUrl));
}

/** What other rows and the database say about this row. */
export interface CrossRowVerdict {
  /** From `isSuppressed`; null when not suppressed. */
  suppressed?: string | null;
  /** "Same email as row 12", "Already imported (same email)"; null when not a duplicate. */
  duplicate?: string | null;
  /** A fuzzy match to confirm ("Possibly the same person as row 8"); null when none. */
  possibleDuplicate?: string | null;
}

export interface Classification {
  state: LeadState;
  reason: string;
  /** Every flag that applies, including those that did not decide the state. */
  flags: LeadFlag[];
  /** One-click fix for the email, or null. */
  suggestion: string | null;
}

/**
 * Why the row can never be sent whatever other rows, the suppression list or the user's decisions say
 * (no email, bad syntax with no suggested fix, an address the user's verifier found undeliverable, a
 * disposable domain), or null when it can.
 */
export function invalidReason(cleaned: CleanedLead): string | null {
  const check = cleaned.emailCheck;
  if (check === null) return 'No email address';
  if (!check.syntaxValid && check.suggestion === null) return check.reason ?? 'Not a valid email address';
  // A verifier finds a typo's domain undeliverable too: the suggested fix is the way forward there.
  if (check.suggestion === null) {
    for (const issue of cleaned.issues) {
      if (issue.flag === 'verifier_undeliverable') return UNDELIVERABLE_REASON;
      if (issue.flag === 'bounced') return BOUNCED_REASON;
    }
  }
  // A slip of a big provider's name ("gmai.com") is often registered as a throw-away domain: the
  // person meant the provider, so the row is a typo to fix, not a lead to drop.
  if (check.disposable && check.suggestion === null) return 'Disposable (throw-away) email domain';
  return null;
}

/**
 * Exactly one state per row, first match wins:
 * 1. invalid: no email, bad syntax with no suggested fix, undeliverable by the user's verifier or a
 *    disposable domain with no suggested fix;
 * 2. suppressed: marked in the file as opted out, as not interested or as having answered, on the
 *    suppression list, or excluded by the user;
 * 3. duplicate: an exact duplicate (unless the user chose keep), or confirmed by the user;
 * 4. needs fix: an invalid address or a throw-away domain with a suggested fix; a typo suggestion,
 *    no name at all or a possible duplicate to confirm (these three unless the user chose keep);
 * 5. ready.
 * Role and free-mail addresses are flags only: the user bulk-excludes them.
 */
export function classify(
  cleaned: CleanedLead,
  verdict: CrossRowVerdict = {},
  decision: RowDecision | null = null,
): Classification {
  const { emailCheck: check, issues } = cleaned;
  // A handful of flags at most: a plain array, no Set per row.
  const flags: LeadFlag[] = [];
  for (const issue of issues) if (!flags.includes(issue.flag)) flags.push(issue.flag);
  if (check?.role) flags.push('role');
  if (check?.freeMail) flags.push('free_mail');
  // A throw-away slip of a provider ("gmai.com") is a typo to fix: "Exclude disposable" leaves it to the fix.
  if (check?.disposable && check.suggestion === null) flags.push('disposable');
  if (check?.suggestion) flags.push('typo');
  if (verdict.possibleDuplicate) flags.push('possible_duplicate');
  const suggestion = check?.suggestion ?? null;
  const invalid = invalidReason(cleaned);
  // Plain branches rather than a result-building closure: this runs once per row.
  let state: LeadState;
  let reason: string;
  const person = personFlagIn(flags, decision);
  if (invalid !== null) {
    state = 'invalid';
    reason = invalid;
  } else if (person !== null) {
    state = 'suppressed';
    reason = PERSON_MARKS[person].reason;
  } else if (verdict.suppressed) {
    state = 'suppressed';
    reason = verdict.suppressed;
  } else if (decision === 'exclude') {
    state = 'suppressed';
    reason = 'Excluded by you';
  } else if (decision === 'duplicate') {
    state = 'duplicate';
    reason = 'Marked as a duplicate by you';
  } else if (verdict.duplicate && decision !== 'keep') {
    state = 'duplicate';
    reason = verdict.duplicate;
  } else if (check !== null && needsAddressFix(check)) {
    // Only an address that can be sent to as written, at a domain someone reads, may be kept over a suggestion.
    state = 'needs_fix';
    const problem = check.syntaxValid
      ? 'The domain is a throw-away one'
      : (check.reason ?? 'Not a valid address');
    reason = `${problem}. Did you mean ${suggestion}?`;
  } else if (decision === 'keep') {
    state = 'ready';
    reason = 'Kept by you';
  } else if (suggestion !== null) {
    state = 'needs_fix';
    reason = `Did you mean ${suggestion}?`;
  } else {
    const noName = noNameIssue(issues);
    if (noName) {
      state = 'needs_fix';
      reason = noName.message;
    } else if (verdict.possibleDuplicate) {
      state = 'needs_fix';
      reason = verdict.possibleDuplicate;
    } else {
      state = 'ready';
      reason = 'Ready';
    }
  }
  return { state, reason, flags, suggestion };
}

function noNameIssue(issues: readonly RowIssue[]): RowIssue | undefined {
  for (const issue of issues) if (issue.flag === 'no_name') return issue;
  return undefined;
}
