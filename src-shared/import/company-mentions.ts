/*
 * The company written into a lead's other fields. Scraped LinkedIn lists give the headline as the job
 * title ("Founder & CEO @ Acme | Building the future of payments"), and CRMs write the company after
 * the name ("Jane Doe, Acme", "Jane Doe (Acme)"). An email would say "as CEO at Acme at Acme" or greet
 * "Jane Doe (Acme)": the title keeps the job, the name the person, and a company written only in the
 * title becomes the lead's company.
 */
import { HEADLINE_SEPARATOR } from './company-name';
import { companyKey } from './legal-forms';
import { startsWithJob } from './job-titles';
import { cleanPersonName } from './name';
import { cleanLabel } from './text';

/** The parts of a lead this module reads and rewrites. */
export interface CompanyMentionFields {
  title: string | null;
  company: string | null;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
}

const NAME_FIELDS = ['fullName', 'firstName', 'lastName'] as const;
const MAY_HOLD_NOTE = /[,([/]| (?:at|chez|bei|presso|bij) /i;

// "CEO at Acme", "CEO @ Acme", "CEO@Acme", "Directrice chez Acme", "Leiter Vertrieb bei Acme". Not
// Spanish "en" nor Portuguese "em", which say what the job is in as often ("Ingeniero en Sistemas").
const AT_COMPANY = /^(.+?)(?:\s+(?:at|chez|bei|presso|bij)\s+|\s*@\s*)(.+)$/i;
// "Head of Sales - Acme", "Head of Sales, Acme", "Acme: CEO", "Acme | CEO".
const SEPARATOR = String.raw`(?:\s[-\u2013\u2014|\u00b7]\s|:\s|,\s*)`;
const LAST_SEPARATOR = new RegExp(String.raw`^(.+)${SEPARATOR}(.+)$`);
const FIRST_SEPARATOR = new RegExp(String.raw`^(.+?)${SEPARATOR}(.+)$`);
const MAY_MENTION = /[-\u2013\u2014|:\u00b7\u2022,@]| (?:at|chez|bei|presso|bij) /i;
// The longest company a title's "at …" is taken for: past it, the rest is a tagline.
const MAX_COMPANY_WORDS = 5;

function sameCompany(text: string, company: string): boolean {
  const key = companyKey(text);
  return key !== '' && key === companyKey(company);
}

/** The job of a headline written as the title: its first part, when that part starts as a job does. */
function headlineJob(title: string): string {
  if (!HEADLINE_SEPARATOR.test(title)) return title;
  const first = title.split(HEADLINE_SEPARATOR)[0] as string;
  return startsWithJob(first) ? first.trim() : title;
}

/** `title` without the lead's `company` written before or after it. */
function withoutCompany(title: string, company: string): string {
  const at = AT_COMPANY.exec(title);
  if (at && sameCompany(at[2] as string, company)) return (at[1] as string).trim();
  const after = LAST_SEPARATOR.exec(title);
  if (after && sameCompany(after[2] as string, company)) return (after[1] as string).trim();
  const before = FIRST_SEPARATOR.exec(title);
  if (before && sameCompany(before[1] as string, company)) return (before[2] as string).trim();
  return title;
}

/** The job and the company of a title written "<job> at <company>", when the lead has no company. */
function jobAtCompany(title: string): { title: string; company: string } | null {
  const at = AT_COMPANY.exec(title);
  if (!at) return null;
  const job = (at[1] as string).trim();
  const company = cleanLabel(at[2]);
  if (company === null || !startsWithJob(job)) return null;
  if (company.split(' ').length > MAX_COMPANY_WORDS || startsWithJob(company)) return null;
  return { title: job, company };
}

// The company after the name: ", Acme", " / Acme" or " at Acme" at the end, or "(Acme)" / "[Acme]" anywhere.
const BRACKETED = / ?(?:\(([^()]*)\)|\[([^[\]]*)\])/g;
const AT_WORD = / (?:at|chez|bei|presso|bij) /gi;

/** Where the last " at " (or "chez", "bei"…) of `name` starts and its company does, or null. */
function lastAt(name: string): { start: number; company: number } | null {
  let last: RegExpExecArray | null = null;
  AT_WORD.lastIndex = 0;
  for (let at = AT_WORD.exec(name); at !== null; at = AT_WORD.exec(name)) last = at;
  return last === null ? null : { start: last.index, company: last.index + last[0].length };
}

/** `name` without the lead's `company` written after a comma, a slash or "at", or in brackets. */
function nameWithoutCompany(given: string, company: string): string {
  let name = given.replace(BRACKETED, (note: string, round?: string, square?: string) =>
    sameCompany(round ?? square ?? '', company) ? '' : note,
  );
  const comma = name.lastIndexOf(',');
  if (comma > 0 && sameCompany(name.slice(comma + 1), company)) name = name.slice(0, comma);
  const slash = name.lastIndexOf(' / ');
  if (slash > 0 && sameCompany(name.slice(slash + 3), company)) name = name.slice(0, slash);
  const at = lastAt(name);
  if (at !== null && at.start > 0 && sameCompany(name.slice(at.company), company))
    name = name.slice(0, at.start);
  name = name.trim();
  return name === '' ? given : name;
}

/** `step` applied until it changes nothing, so that cleaning the result again changes nothing: "CEO - Acme - Acme". */
function untilStable(value: string, step: (value: string) => string): string {
  for (let before = ''; before !== value;) {
    before = value;
    value = step(value);
  }
  return value;
}

/**
 * Rewrites `lead`'s title (cleaned) to hold the job alone; a title "<job> at <company>" of a lead
 * without a company gives it that company. Leaves the title as it is when nothing but the company
 * would be left.
 */
export function separateCompanyFromTitle(lead: Pick<CompanyMentionFields, 'title' | 'company'>): void {
  if (lead.title === null || !MAY_MENTION.test(lead.title)) return;
  let title = headlineJob(lead.title);
  const company = lead.company;
  if (company !== null) title = untilStable(title, (t) => withoutCompany(t, company));
  else {
    const split = jobAtCompany(title);
    if (split !== null) {
      title = split.title;
      lead.company = split.company;
    }
  }
  lead.title = cleanLabel(title) ?? lead.title;
}

/**
 * Rewrites the names `lead` was read with (cleaned) to name the person alone, without the company
 * written after a comma or in brackets. For cells as read: a name the user edits is kept as typed.
 */
export function separateCompanyFromNames(lead: CompanyMentionFields): void {
  const company = lead.company;
  if (company === null) return;
  for (const field of NAME_FIELDS) {
    const given = lead[field];
    if (given === null || !MAY_HOLD_NOTE.test(given)) continue;
    const name = untilStable(given, (n) => nameWithoutCompany(n, company));
    // Cased again: what the company leaves may be in one case ("DOE" of "DOE, JANE, ACME").
    if (name !== given) lead[field] = cleanPersonName(name) ?? given;
  }
}
