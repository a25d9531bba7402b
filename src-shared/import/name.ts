/*
 * Person names: splitting a full name into first and last name (so emails
 * can say "Hi Jane") and building a full name from parts.
 *
 * Names are never "corrected" beyond what is safe: an all-caps or
 * all-lower-case name is title-cased ("JANE DOE" -> "Jane Doe"), and so is
 * a word in one case of a name that mixes them ("Jean DUPONT"); a word in
 * mixed case ("McDonald", "DeVito") and particles ("van der Berg") are left
 * as typed. Scripts without case (CJK, Arabic ...) pass through unchanged.
 * What a scraped profile adds to a name (emoji, pronouns, a headline after a
 * bar or a dash, a job or a company after a comma) or a pasted list leaves
 * around it ("• Jane Doe;") is dropped: an email greets "Jane", not
 * "Jane 🚀". A name that names no person ("Sales Team") is told apart.
 */
import { escapeRegExp } from '../regexp';
import { detached, detachedOrNull, valueMemo } from './memo';
import {
  cleanText,
  endsInWordOf,
  foldWords,
  HASHTAG,
  hasLetter,
  hasTwoLetters,
  isNoValue,
  PICTOGRAPHS,
  unquoted,
} from './text';
import { isRoleWord } from './email';
import { isJobWord, startsWithJob } from './job-titles';
import { companyKey, endsInLegalForm } from './legal-forms';

export interface NameParts {
  firstName: string | null;
  lastName: string | null;
}

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'herr',
  'frau',
  'mme',
  'mlle',
  'sr',
  'sra',
  'srta',
  'sto',
  'dra',
  'monsieur',
  'madame',
  'doctor',
  'professor',
  // Czech and Slovak doctorates, and Italian's doctor as a woman's title.
  ...['judr', 'mudr', 'rndr', 'phdr', 'paeddr', 'mvdr', 'thdr', 'rsdr', 'dott.ssa'],
]);
// Academic and professional titles said before a name in German, Austrian, Czech, Italian, Dutch and
// Spanish lists ("Mag.", "Ing.", "Mgr.", "Dott.", "Avv.", "Ir.", "Drs.", "Lic."): only with their dot,
// since without it some are names ("Ing", "Mag").
const DOTTED_HONORIFICS = new Set([
  'dipl',
  'mag',
  'ing',
  'bc',
  'mgr',
  'doc',
  'dott',
  'avv',
  'ir',
  'drs',
  'lic',
  'lcdo',
  'lcda',
  'hon',
  'rev',
]);
// The fields written after a doctor's title ("Dr. med.", "Dr. rer. nat.", "Dr. h.c. mult."), with their dot.
const DEGREE_FIELDS = new Set([
  'med',
  'rer',
  'nat',
  'pol',
  'phil',
  'jur',
  'iur',
  'oec',
  'h.c',
  'habil',
  'mult',
  'dent',
  'vet',
  'theol',
]);
// Suffixes after a name, as written: title case alone would make "III" "Iii" and "MD" "Md".
const SUFFIX_CASING: ReadonlyMap<string, string> = new Map([
  ['jr', 'Jr'],
  ['sr', 'Sr'],
  ['ii', 'II'],
  ['iii', 'III'],
  ['iv', 'IV'],
  ['2nd', '2nd'],
  ['3rd', '3rd'],
  ['phd', 'PhD'],
  ['ph.d', 'Ph.D'],
  ['md', 'MD'],
  ['mba', 'MBA'],
  ['cpa', 'CPA'],
  ['esq', 'Esq'],
  ['dds', 'DDS'],
  ['msc', 'MSc'],
  ['bsc', 'BSc'],
  ['m.sc', 'M.Sc'],
  ['b.sc', 'B.Sc'],
  ['meng', 'MEng'],
  ['ceng', 'CEng'],
  ['mphil', 'MPhil'],
  ['dphil', 'DPhil'],
  ['llm', 'LLM'],
  ['cfa', 'CFA'],
  ['cfp', 'CFP'],
  ['pmp', 'PMP'],
  ['cissp', 'CISSP'],
  ['acca', 'ACCA'],
  ['fcca', 'FCCA'],
  ['cima', 'CIMA'],
  ['shrm', 'SHRM'],
  ['sphr', 'SPHR'],
  ['frcs', 'FRCS'],
  ['mrcp', 'MRCP'],
  ['dvm', 'DVM'],
  ['rn', 'RN'],
]);
const SUFFIXES: ReadonlySet<string> = new Set(SUFFIX_CASING.keys());
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'dos',
  'das',
  'do',
  'le',
  'la',
  'los',
  'las',
  'des',
  'st',
  'st.',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'mac',
  'af',
  'zu',
]);

// The dots and commas ending a word, looked for where their run starts: tried inside a long run of
// them, the pattern took time by its square.
const TRAILING_DOTS = /(?<![.,])[.,]+$/;

function bare(token: string): string {
  return token.toLowerCase().replace(TRAILING_DOTS, '');
}

// Matched as patterns rather than looked up lower-cased: lower-casing text cut from a file's two-byte
// text takes a slow path, and a first name is looked at once a row.
const HONORIFIC_WORD = new RegExp(`^(?:${[...HONORIFICS].map(escapeRegExp).join('|')})[.,]*$`, 'i');
const DOTTED_HONORIFIC_WORD = new RegExp(
  `^(?:${[...DOTTED_HONORIFICS].map(escapeRegExp).join('|')})[.,]*\\.$`,
  'i',
);

/** "Dr.", "Ms", "Herr", "Dipl.-Ing.": a word said before a name, no name itself. */
export function isHonorific(word: string): boolean {
  if (HONORIFIC_WORD.test(word) || DOTTED_HONORIFIC_WORD.test(word)) return true;
  // A title of two parts ("Dr.-Ing.", "Dipl.-Kfm.", "Dipl.-Wirt.-Ing."), told by its first.
  const joint = word.indexOf('.-');
  return joint > 0 && isHonorific(word.slice(0, joint + 1));
}

/** "med.", "rer.", "h.c.": the field of a doctor's title, after it. */
function isDegreeField(word: string): boolean {
  return word.endsWith('.') && DEGREE_FIELDS.has(bare(word));
}

/** How many words said before the name start `words`: "Prof. Dr. med. Hans Müller" has three. */
function honorificsAtStart(words: readonly string[]): number {
  let n = 0;
  while (
    n < words.length &&
    (isHonorific(words[n] as string) || (n > 0 && isDegreeField(words[n] as string)))
  )
    n++;
  return n;
}

// The word before a family name given at birth ("Jane Doe née Smith", "Anna Müller geb. Schmidt"): the
// family name to write to is the one before it.
const BIRTH_NAME_MARKS = new Set(['née', 'nee', 'geb', 'geborene']);

/** Whether `words[i]` marks a birth name: after a given and a family name, before another ("Nee" is also a family name). */
function marksBirthName(words: readonly string[], i: number): boolean {
  return i >= 2 && i < words.length - 1 && BIRTH_NAME_MARKS.has(bare(words[i] as string));
}

/** The words without a family name given at birth after the name: "Jane Doe née Smith" -> "Jane Doe". */
function withoutBirthName(words: string[]): string[] {
  const mark = words.findIndex((_w, i) => marksBirthName(words, i));
  if (mark < 0) return words;
  const end = words.indexOf('\u0000', mark);
  words.splice(mark, (end < 0 ? words.length : end) - mark);
  return words;
}

// Muhammad as Bangladeshi and Malaysian names write it before the name the person is called by ("Md.
// Rahim Uddin", "Mohd Faizal Ahmad"), and "Abdul" (servant of), never said without the name after it
// ("Abdul Rahman Ali", "Abdel Aziz Mohamed").
const MUHAMMAD_BEFORE_NAME = new Set(['md', 'mohd', 'muhd']);
const SERVANT_OF = new Set(['abdul', 'abdel', 'abdal', 'abdol', 'abdur', 'abdus', 'abd']);

/** The name to greet of the given names: the first, "Rahim" of "Md. Rahim", "Abdul Rahman" of "Abdul Rahman". */
function givenNameOf(given: readonly string[]): string | null {
  const [first, second] = given;
  if (first === undefined || second === undefined || PARTICLES.has(bare(second))) return first ?? null;
  const key = bare(first);
  if (MUHAMMAD_BEFORE_NAME.has(key)) return second;
  return SERVANT_OF.has(key) ? `${first} ${second}` : first;
}

/** "Jr.", "PhD", "CFA": a word written after a name, no name itself. */
function isSuffix(word: string): boolean {
  return SUFFIXES.has(bare(word));
}

const AN_ADDRESS = /[^\s@]@[^\s@]/;

/** Whether a name holds an email address ("jane@acme.com"), not an @ of a headline ("Founder @ Acme") or a handle ("@jane"). */
export function holdsAddress(name: string): boolean {
  return AN_ADDRESS.test(name);
}

// A name emails can greet by has two letters at least, and is no handle or username ("ann_lee",
// "@annlee", "ann.lee"): not "Hi J.", "Hi 12345" or "Hi Ann.Lee". Digits are left alone: generated
// lists number their people ("Ann12"), and such a lead is better sent than held back.
const HANDLE = /[_@#]/;
const USERNAME = /\p{L}{2}\.\p{L}{2}/u;

/** Whether emails can greet a person by `name` (a first name, or a full name when there is none). */
export const greetsByName: (name: string) => boolean = valueMemo(
  (name) => hasTwoLetters(name) && !HANDLE.test(name) && !USERNAME.test(name),
  (v) => v,
);
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const NOT_A_LETTER = /\P{L}/gu;
// A word starts after a space, hyphen or apostrophe ("O'Neil-Smith"), and after the dot of an initial
// or an opening bracket ("J.R.R.", "(Jack)").
const WORD_START = /(^|[\s'\u2019.(-])(\p{Ll})/gu;
// Gaelic "Mc" names are written with the next letter in capitals ("McDonald"); "Mac" names vary
// ("Mack", "Macy", "MacLeod") and are left as title case made them.
const MC_NAME = /(^|[\s'\u2019(-])Mc(\p{Ll})/gu;

const LOWER = 1;
const UPPER = 2;

/** LOWER | UPPER for the cased letters of an ASCII string; -1 when not ASCII (the Unicode regexes decide). */
function asciiCases(s: string): number {
  let cases = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c >= 97 && c <= 122) cases |= LOWER;
    else if (c >= 65 && c <= 90) cases |= UPPER;
  }
  return cases;
}

/**
 * `cleanText`, then title case when the whole name is in one case:
 * "JANE O'NEIL-SMITH" -> "Jane O'Neil-Smith"; "maria de la cruz" ->
 * "Maria de la Cruz" (particles after the first word stay lower-case); in a name of mixed case, the
 * words in one case of their own: "Jean DUPONT" -> "Jean Dupont" (see `wordsCased`).
 */
export function cleanPersonName(raw: string | null | undefined): string | null {
  return raw == null ? null : cleanedPersonName(raw);
}

// Given and family names repeat down a column: each is cleaned once.
const cleanedPersonName = valueMemo((raw: string): string | null => {
  const text = cleanText(LINE_BREAK.test(raw) ? nameLineOf(raw) : raw);
  if (text === '') return null;
  if (text.includes('@')) {
    const named = nameBesideAddress(text);
    if (named !== null) return cleanPersonName(named);
    // An address in a name column ("jane@acme.com") is kept as it is for the user to see, not re-cased.
    // An @ between spaces is a headline's ("Jane Doe | Founder @ Acme"), which goes below.
    if (holdsAddress(text)) return text;
  }
  // A placeholder may show only once the decorations are gone ("- 🚀").
  // Until neither changes the name: each can leave what the other takes ("DOE -, CEO" loses the job,
  // then the dash; "Doe, CEO - Acme" its headline, then the job).
  // Decorations are taken until none is left, so they are looked for again only once a job went.
  let s = withoutDecorations(text);
  for (let round = 0; s !== null; round++) {
    const job = withoutJobAfterComma(s);
    if (job === s) break;
    s = round < DECORATION_PASSES ? withoutDecorations(job) : null;
  }
  if (s !== null) s = withoutNumbersAfterName(withoutJobAfterName(s));
  // Nor is a cell of marks alone a name: the "." a CRM that requires a last name was given.
  if (s === null || s === '' || isNoValue(s) || !HAS_LETTER_OR_DIGIT.test(s)) return null;
  if (typedWithCapsLock(s)) s = s.toLowerCase();
  const cases = asciiCases(s);
  if (cases === 0) return s; // no cased letters at all
  if (cases === (LOWER | UPPER)) return asciiWordInOneCase(s) ? wordsCased(s) : s;
  return casedName(s);
}, detachedOrNull);

// A word typed with Caps Lock on and Shift held for its first letter ("jANE"), as no name is written.
const CAPS_LOCK_WORD = /^\p{Ll}\p{Lu}[\p{Lu}\p{M}'\u2019.,-]*$/u;

/** Whether every word of a name of two letters or more was typed with Caps Lock on: "jANE dOE". */
function typedWithCapsLock(name: string): boolean {
  // Most names start with a capital A to Z: no need to look at their words.
  const first = name.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return false;
  const words = name.split(' ').filter((w) => w.length > 1);
  return words.length > 0 && words.every((w) => CAPS_LOCK_WORD.test(w));
}

/** `inOneCase` for some word of an ASCII name, without cutting it into words (most names have none). */
function asciiWordInOneCase(s: string): boolean {
  let cases = 0;
  let letters = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c === 32) {
      if (letters >= 2 && (cases === LOWER || cases === UPPER)) return true;
      cases = 0;
      letters = 0;
    } else if (c >= 97 && c <= 122) {
      cases |= LOWER;
      letters++;
    } else if (c >= 65 && c <= 90) {
      cases |= UPPER;
      letters++;
    }
  }
  return false;
}

/**
 * The name without the job or the company written after it and a comma ("Jane Doe, CEO at Acme",
 * "Doe, Jane, Co-Founder", "Jane Doe, Acme Inc"), which would otherwise be read as "Last, First" and
 * greet "Ceo". A group that names neither stays: a given name ("Doe, Jane"), a suffix ("Jane Doe, PhD").
 */
function withoutJobAfterComma(name: string): string {
  if (!name.includes(',')) return name;
  const groups = name.split(',');
  let end = groups.length;
  let kept = end;
  // Groups without a letter between ("Doe, CEO, -") go with the job, and stay without one ("Doe,").
  while (end > 1) {
    const group = groups[end - 1] as string;
    const blank = !HAS_LETTER_OR_DIGIT.test(group);
    if (!blank && !namesJobOrCompany(group)) break;
    end--;
    if (!blank) kept = end;
  }
  return kept === groups.length ? name : groups.slice(0, kept).join(',').trim();
}
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Given names repeat down a column of "Last, First" names: each is looked at once.
const namesJobOrCompany = valueMemo(
  (group: string): boolean => startsWithJob(group) || endsInLegalForm(group),
  (v) => v,
);

// A job written after a name with only a space between ("Jane Doe CEO", "John Smith VP Sales", "Jane
// Doe Co-Founder at Acme"), in words that no name holds, and what follows it.
const JOB_AFTER_NAME = / (?:co-?)?(?:c(?:eo|to|fo|oo|mo|io|po|ro|iso|hro)|[se]?vp|founder)(?![\p{L}\p{N}])/iu;
// What stood between the name and the job ("Jane Doe & CEO", "Jane Doe / CTO", "Jane Doe (CEO)"),
// looked for where its run starts: tried inside a long run, the pattern took time by its square.
const SEPARATOR_BEFORE_JOB = /(?<![\s,;:&|/+@([-])[\s,;:&|/+@([-]+$/;

/** The name without a job written after it with a space before: "Jane Doe CEO" -> "Jane Doe". */
function withoutJobAfterName(name: string): string {
  const job = name.includes(' ') ? JOB_AFTER_NAME.exec(name) : null;
  return job === null ? name : name.slice(0, job.index).replace(SEPARATOR_BEFORE_JOB, '');
}

const DIGIT = /\d/;

/**
 * The name without the numbers written after it: a CRM's count of people of one name ("Jane Doe 2",
 * "Jane Doe #2"), a phone number ("Jane Doe +33 6 12 34 56 78") or a year. No name holds a word of
 * digits without a letter, and read as the last name, "2" would be Ms Doe's. A word with letters stays
 * ("Ann12", "Jane Doe 3rd"), and so does a name of numbers alone.
 */
function withoutNumbersAfterName(name: string): string {
  if (!DIGIT.test(name)) return name;
  // The words without a letter at the end, marks between the numbers too ("+33 6 - 2"), when one is a number.
  let end = name.length;
  let number = false;
  for (let space = name.lastIndexOf(' '); space > 0; space = name.lastIndexOf(' ', end - 1)) {
    const word = name.slice(space + 1, end);
    if (hasLetter(word)) break;
    number ||= DIGIT.test(word);
    end = space;
  }
  if (!number) return name;
  const kept = trimmedEnd(name.slice(0, end));
  return hasLetter(kept) ? kept : name;
}

/** `text` without the spaces and list marks at its end ("Jane Doe, " of "Jane Doe, 2"), read from the end. */
function trimmedEnd(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_MARKS.has(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}
const TRAILING_MARKS: ReadonlySet<number> = new Set([0x20, 0x2c, 0x3b, 0x3a, 0x2d, 0x2f, 0x7c]);

// Words that stand where a name goes and name nobody: forms' and mail merges' stand-ins ("Customer",
// "Sir/Madam", "First Name", "Hiring Manager", "there" of "Hi there"), test entries, and the words of
// teams that are no inbox's ("Accounts Payable", "Sales Department").
const STAND_IN_WORDS = new Set([
  ...['customer', 'client', 'friend', 'there', 'sir', 'madam', 'hiring', 'guest', 'user', 'member'],
  ...['subscriber', 'prospect', 'visitor', 'anonymous', 'someone', 'somebody', 'whom', 'concern'],
  ...['first', 'last', 'name', 'firstname', 'lastname', 'surname', 'your', 'you', 'me', 'my'],
  ...['test', 'tester', 'testing', 'example', 'sample', 'demo', 'dummy', 'fake', 'null', 'undefined'],
  ...['payable', 'receivable', 'department', 'dept', 'desk'],
]);
// The small words between them ("Head of Sales", "To whom it may concern").
const LINKING_WORDS = new Set(['of', 'and', 'the', 'at', 'for', 'to', 'co', 'it', 'may', 'or', 'a', 'an']);

/** A folded word that stands for a name without being one ("first", "customer", "test"). */
export function isStandInWord(word: string): boolean {
  return STAND_IN_WORDS.has(word);
}

/**
 * Whether a name names no person: every word a team's ("Sales Team", "Info"), a job's ("Hiring
 * Manager", "Owner") or a stand-in's ("Customer", "Sir/Madam", "First Name"). Emails would greet "Hi
 * Sales".
 */
export const namesNoPerson = valueMemo(
  (name: string): boolean => {
    let words = 0;
    for (const w of foldWords(name, false)) {
      if (LINKING_WORDS.has(w)) continue;
      if (!(STAND_IN_WORDS.has(w) || isRoleWord(w) || isJobWord(w))) return false;
      words++;
    }
    return words > 0;
  },
  (v) => v,
);

// The last words of names of a group of people ("Acme Team", "The Doe Family", "Front Office Staff"),
// and the first of many ("The Acme Group").
const GROUP_WORD = /(?:team|family|group|staff|crew|office|household)$/iy;
const THE_FIRST = /^the\s/i;

/**
 * Whether a cleaned full name names a company or a group, not a person: "Acme Inc", "Acme GmbH", "The
 * Acme Group", "Acme Team", or one word that is the lead's `company` ("Acme" at Acme). Emails would
 * greet "Hi Acme" or "Hi The".
 */
export function namesCompanyOrGroup(fullName: string, company: string | null): boolean {
  // Full names are mostly one to a row: matched at their ends, not lower-cased, folded or remembered.
  if (THE_FIRST.test(fullName) || endsInLegalForm(fullName)) return true;
  if (fullName.includes(' ') && endsInWordOf(fullName, GROUP_WORD)) return true;
  if (company === null || fullName.includes(' ')) return false;
  const key = companyKey(fullName);
  return key !== '' && key === companyKey(company);
}

// A name and the address in angle brackets after it, as mail apps write a sender: "Jane Doe
// <jane@acme.com>", '"Doe, Jane" <jane@acme.com>'; in square brackets as Outlook quotes one, "Jane Doe
// [mailto:jane@acme.com]"; in round ones as some apps write a recipient, "Jane Doe (jane@acme.com)".
const NAME_BEFORE_ADDRESS =
  /^([^<>[\]@]+)(?:<[^<>@\s]+@[^<>@\s]+>|\[[^[\]@\s]+@[^[\]@\s]+\]|\([^()@\s]+@[^()@\s]+\))$/;
// The older form, a comment after the address: "jane@acme.com (Jane Doe)".
const NAME_AFTER_ADDRESS = /^[^\s@()<>]+@[^\s@()<>]+\s*\(([^()@]+)\)$/;
// What a comment after an address says of it rather than of its owner: "(work)", "(old address)".
const ADDRESS_LABELS = new Set([
  ...['work', 'home', 'personal', 'private', 'office', 'main', 'primary', 'secondary'],
  ...['old', 'new', 'preferred', 'business', 'email', 'address'],
]);

/**
 * The name written with the address, as mail apps write a sender: before it ("Jane Doe <jane@acme.com>",
 * "Jane Doe (jane@acme.com)") or in the comment after it ("jane@acme.com (Jane Doe)", of two words or
 * more that do not label the address); null for any other text.
 */
export function nameBesideAddress(text: string): string | null {
  const trimmed = text.trim();
  const comment = trimmed.endsWith(')') ? NAME_AFTER_ADDRESS.exec(trimmed)?.[1]?.trim() : undefined;
  if (comment !== undefined) {
    const words = foldWords(comment, false);
    return words.length >= 2 && !words.some((w) => ADDRESS_LABELS.has(w)) ? comment : null;
  }
  if (!trimmed.endsWith('>') && !trimmed.endsWith(']') && !trimmed.endsWith(')')) return null;
  const name = NAME_BEFORE_ADDRESS.exec(trimmed)?.[1]?.trim();
  return name === undefined || name === '' ? null : name;
}

// What a profile adds to a name and no email should greet: emoji ("Jane 🚀", flags and skin tones
// included), hashtags ("#OpenToWork"), pronouns ("Jane Doe (she/her)"), a headline after a bar or a
// spaced dash ("Jane Doe | Founder at Acme", "Jane Doe – Founder"), and what a pasted list leaves at
// either end ("Jane Doe;", "• Jane Doe", "- Jane Doe"; a period may be an initial's, "Jane D."). © and
// ® are the only pictographs below U+2000; the dashes and the bullet are above it too. The marks at the
// end are looked for only where a run of them starts: tried inside every run, a long one took time by
// its square.
const LIST_MARKS =
  /^[\s,]*[;:*\u00b7\u2022-][\s,;:*\u00b7\u2022-]*|(?<![\s,;:*\u00b7\u2022-])[\s,;:*\u00b7\u2022-]*[;:*\u00b7\u2022-][\s,]*$/g;
const MAY_BE_DECORATED = new RegExp(
  `[/|#\\u00a9\\u00ae\\u2000-\\uffff]|^["']|\\s-\\s| @|${LIST_MARKS.source}`,
);
const PRONOUN = '(?:she|he|they|her|him|them|his|hers|theirs|ze|zir|xe|xem)';
const PRONOUNS = new RegExp(`(?<![^\\s,])\\(?${PRONOUN}(?:\\s*/\\s*${PRONOUN})+\\)?(?=[\\s,]|$)`, 'giu');
const HEADLINE = /\s(?:\||[\u2013\u2014]\s).*$/u;
// The company or a handle after an @ with a space before it ("Jane Doe @ Acme", "Jane Doe @jdoe"): no
// name holds an @, and read as the last name, "Acme" would be Ms Doe's.
const AT_HEADLINE = / @.*$/su;
// A plain hyphen typed as the dash ("Jane Doe - CEO at Acme"), once a first and a last name stand before
// it. It may join the two halves of a family name ("Ann Smith - Jones"); more often a headline or a
// company follows, and the name before it is the one to greet either way. Before a first name alone
// ("Jane - CEO") it is left as it is.
const HYPHEN_HEADLINE = /^([^\s-]\S* [^\s-].*?) - .*$/u;
// So does an emoji followed by words ("Jane Doe 🟢 Hiring", "Jane Doe ⚡ Founder"), once a first and a
// last name stand before it; between a first and a last name ("Jane ✔️ Doe") it only goes.
const NAME_START = /^\p{L}\S* \p{L}/u;
const PICTOGRAPH_RUN = new RegExp(`(?:${PICTOGRAPHS.source})+`, 'gu');
const SPACE_THEN_TEXT = /\s+\S/y;

/**
 * `name` up to the first run of pictographs that has words after it and a first and a last name
 * before it. Each run is read once: a pattern for the whole of it tried every run at every position.
 */
function withoutPictographHeadline(name: string): string {
  const start = NAME_START.exec(name);
  if (start === null) return name;
  PICTOGRAPH_RUN.lastIndex = start[0].length;
  for (let run = PICTOGRAPH_RUN.exec(name); run !== null; run = PICTOGRAPH_RUN.exec(name)) {
    SPACE_THEN_TEXT.lastIndex = run.index + run[0].length;
    if (SPACE_THEN_TEXT.test(name)) return name.slice(0, run.index).trimEnd();
  }
  return name;
}
// And a line break: a cell of a scraped list may hold the name and, on the next line, the headline.
const LINE_BREAK = /[\r\n]/;
const NAME_LINE = /^\p{L}\S*\s+\p{L}/u;

/** The first line of `raw` when it holds a first and a last name; else `raw`. */
function nameLineOf(raw: string): string {
  const text = raw.trimStart();
  const end = text.search(LINE_BREAK);
  if (end < 0) return raw;
  const line = text.slice(0, end);
  return NAME_LINE.test(line) ? line : raw;
}

// A name decorated in more layers than this is no name. Each pass reads the whole value: a value that
// loses one layer per pass ("#a#b#c…", "Acme:,GmbH:,GmbH…", a cell of 1 MB) took time by its square.
const DECORATION_PASSES = 6;

/** `name` without its decorations; null when each of `DECORATION_PASSES` passes still took one. */
function withoutDecorations(name: string): string | null {
  if (!MAY_BE_DECORATED.test(name)) return name;
  // Until nothing is removed: what one removal leaves can read as another ("him (she/her) /he"). The
  // commas and spaces a removal leaves at the edges go too, and only then: a name's own stay.
  let s = name;
  for (let pass = 0; pass < DECORATION_PASSES; pass++) {
    const removed = withoutPictographHeadline(s)
      .replace(PICTOGRAPHS, ' ')
      .replace(HASHTAG, ' ')
      .replace(PRONOUNS, ' ')
      .replace(/\s+/g, ' ')
      .replace(HEADLINE, '')
      .replace(AT_HEADLINE, '')
      .replace(HYPHEN_HEADLINE, '$1')
      .replace(LIST_MARKS, '');
    // Then the quotes around the whole name that an export quoting it twice leaves ('"Doe, Jane"').
    const stripped = removed === s ? unquoted(s) : removed;
    if (stripped === s) return s;
    s = stripped.replace(/^[\s,]+|[\s,]+$/g, '').replace(/ ,/g, ',');
  }
  return null;
}

// Title-casing and the Unicode case tests are the slow part.
const casedName = valueMemo((s) => {
  if (asciiCases(s) >= 0) return titleCase(s);
  const lower = HAS_LOWER.test(s);
  const upper = HAS_UPPER.test(s);
  if (lower !== upper) return titleCase(s);
  return lower && s.split(' ').some(inOneCase) ? wordsCased(s) : s;
}, detached);

const SMALL_LETTERS = /^\p{Ll}{2,}$/u;
const CAPITAL_LETTERS = /^\p{Lu}{2,}$/u;

/** A word of two letters or more, all small ("jean", "o'neil"). */
function inSmallLetters(word: string): boolean {
  return SMALL_LETTERS.test(word.replace(NOT_A_LETTER, ''));
}

/** A word of two letters or more, all small or all capitals: in a name of mixed case, one to look at. */
function inOneCase(word: string): boolean {
  return inSmallLetters(word) || CAPITAL_LETTERS.test(word.replace(NOT_A_LETTER, ''));
}
// Only names made of words: with a dash or a note among them ("Jane - CEO") the capitals may be no name.
// The letter is looked for ahead, not between two runs of the same characters: a long word that fails at
// its end ("Jane ııı…)") was tried at every split of the two runs.
const NAME_WORD = /^(?=[\p{M}'\u2019.-]*\p{L})[\p{L}\p{M}'\u2019.-]+,?$/u;

// Common Chinese, Korean and Vietnamese family names of two letters: in capitals ("WU Xiaoming", "Ann
// LI") a family name, where other pairs of capitals are initials ("JJ Abrams").
const TWO_LETTER_FAMILY_NAMES = new Set([
  'wu',
  'li',
  'xu',
  'he',
  'ma',
  'hu',
  'lu',
  'yu',
  'su',
  'gu',
  'fu',
  'ye',
  'yi',
  'ho',
  'ng',
  'le',
  'ly',
  'vu',
  'do',
  'oh',
  'ko',
]);

// The commonest Vietnamese family names, with their marks and without. A name that starts with one
// ("Nguyen Van An", "Trần Thị Mai") is written as Vietnamese write it, family name first and the given
// name last: the person is "An", and "Van" there is a middle name, not the Dutch particle. Those of two
// letters (Le, Do, Ho, Ly, Vu) are left out: they start other names too.
const VIETNAMESE_FAMILY_NAMES = new Set([
  ...['nguyen', 'nguyễn', 'tran', 'trần', 'pham', 'phạm', 'hoang', 'hoàng', 'huynh', 'huỳnh', 'phan'],
  ...['dang', 'đặng', 'bui', 'bùi', 'duong', 'dương', 'trinh', 'trịnh', 'ngo', 'ngô', 'vo', 'võ'],
  ...['dinh', 'đinh', 'truong', 'trương', 'luong', 'lương'],
]);

/** Whether a name's words are a Vietnamese name in its own order: a family name first, a given name last. */
function vietnameseOrder(words: readonly string[]): boolean {
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    VIETNAMESE_FAMILY_NAMES.has((words[0] as string).toLowerCase()) &&
    !VIETNAMESE_FAMILY_NAMES.has((words[words.length - 1] as string).toLowerCase())
  );
}

/**
 * A run of words in capitals that reads as a family name: a word of three letters or more that is no
 * particle, or a family name of two letters.
 */
function capitalsNameAFamily(words: readonly string[]): boolean {
  return words.some((w) => {
    const letters = [...w.replace(NOT_A_LETTER, '')].length;
    return letters >= 3 ? !PARTICLES.has(bare(w)) : TWO_LETTER_FAMILY_NAMES.has(bare(w));
  });
}

/**
 * A name whose words mix cases, each word in one case of its own title-cased as the whole name would be:
 * "Jean DUPONT" -> "Jean Dupont", "Marie DE LA TOUR" -> "Marie de la Tour" (the family name in capitals,
 * as French lists write it), "jean Dupont" -> "Jean Dupont". Left as written: a word of one letter
 * ("Maria e Silva"), particles ("van der Berg"), capitals that name no family ("Jane 'JJ' Doe"), and
 * capitals that start the name ("DUPONT Jean"): a family name written first, which splitting turns round.
 * A Vietnamese family name stays first, as Vietnamese write it, and is cased: "NGUYEN Van An" -> "Nguyen
 * Van An".
 */
const wordsCased = valueMemo((s) => {
  const words = s.split(' ');
  if (!words.every((w) => NAME_WORD.test(w))) return s;
  const titled = titleCase(s).split(' ');
  if (titled.length !== words.length) return s;
  // A word title case leaves without a small letter ("ς-ς" -> "Σ-Σ") stays: the name would be all capitals.
  const recased = (i: number): string => {
    const t = titled[i] as string;
    return HAS_LOWER.test(t) ? t : (words[i] as string);
  };
  const out = words.map((w, i) =>
    inSmallLetters(w) && !PARTICLES.has(bare(w)) && !isDegreeField(w) && !marksBirthName(words, i)
      ? recased(i)
      : w,
  );
  for (let i = 0; i < words.length;) {
    let end = i;
    while (end < words.length && isCapitals(words[end] as string)) end++;
    if (end === i) {
      i++;
      continue;
    }
    const family = i > 0 ? capitalsNameAFamily(words.slice(i, end)) : end === 1 && vietnameseOrder(words);
    if (family) for (let k = i; k < end; k++) out[k] = recased(k);
    i = end;
  }
  return out.join(' ');
}, detached);

const DOTTED_SMALL_I = /i\u0307/g;
// Two capitals that are initials, not a name: no vowel ("TJ", "KC"; but "Ng", "Ty" and "Cy" are
// names, and "Md" is Mohammad's short form), or a vowel and a J ("AJ"). "Al", "Ed" and "Jo" are names.
const INITIALS = /^(?!NG$|MD$)(?:[B-DF-HJ-NP-TV-XZ]{2}|[AEIOU]J)$/;

function titleCase(s: string): string {
  const lower = s.toLowerCase();
  // A letter whose upper case is two letters (Greek "ᾐ" -> "ἘΙ") is left alone:
  // the result would be all-caps and cleaning it again would change it.
  const titled = lower
    .replace(WORD_START, (_m, sep: string, ch: string) => {
      const up = ch.toUpperCase();
      return sep + (up.length === ch.length ? up : ch);
    })
    .replace(MC_NAME, (_m, sep: string, ch: string) => `${sep}Mc${ch.toUpperCase()}`);
  // Lower-casing "İ" gives "i" and a combining dot. Starting a word, title case makes that "I" and the
  // dot, put back together as "İ"; inside a word the dot is the i's own ("ÇELİK" -> "Çelik"). Either
  // way the name is then the one a Turkish user types, and cleaning it again changes nothing.
  const typed = s.split(' ');
  const words = titled.split(' ');
  // Where the suffixes at the end start ("Jane Doe CPA CFA"); the last word is looked up either way.
  let suffixesFrom = words.length - 1;
  if (isSuffix(words[suffixesFrom] as string))
    while (suffixesFrom > 1 && isSuffix(words[suffixesFrom - 1] as string)) suffixesFrom--;
  const particles = !vietnameseOrder(words);
  const honorifics = honorificsAtStart(words);
  return words
    .map((w, i) => {
      if (INITIALS.test(typed[i] as string)) return typed[i] as string;
      if (i === 0) return w;
      const lower = w.toLowerCase();
      // Particles, a doctor's field ("Dr. med.") and the mark of a birth name ("née") are written small.
      if (
        (particles && PARTICLES.has(lower)) ||
        (i < honorifics && isDegreeField(lower)) ||
        marksBirthName(words, i)
      )
        return lower;
      // Only where suffixes stand, last or after a comma: "Md" before a name is Mohammad's short form.
      if (i < suffixesFrom && !(words[i - 1] as string).endsWith(',')) return w;
      const suffix = bare(lower);
      const written = SUFFIX_CASING.get(suffix);
      return written === undefined ? w : written + w.slice(suffix.length);
    })
    .join(' ')
    .normalize('NFC')
    .replace(DOTTED_SMALL_I, 'i');
}

// A dash between words ("Jane - Doe", "Doe, -") is no part of the name.
const ONLY_DASHES = /^[\s-]*$/;

/**
 * The comma-separated groups of a name, with ", PhD" / ", Jr." style suffix groups (never the first
 * group) apart, so that "Jane Doe, PhD" is not read as "Last, First".
 */
function commaGroups(cleaned: string): { parts: string[]; suffixes: string[] } {
  const parts: string[] = [];
  const suffixes: string[] = [];
  cleaned.split(',').forEach((raw, i) => {
    const p = raw.trim();
    if (ONLY_DASHES.test(p)) return;
    if (i > 0 && p.split(' ').every(isSuffix)) suffixes.push(p);
    else parts.push(p);
  });
  return { parts, suffixes };
}

// Every letter a capital ("O'NEIL", "SMITH-JONES"): a word that also holds letters without case ("一Ǟ")
// is not written in capitals.
const CAPITALS = /^(?=[\p{M}'\u2019.-]*\p{Lu})[\p{Lu}\p{M}'\u2019.-]+$/u;
const isCapitals = (word: string): boolean => CAPITALS.test(word);

/**
 * The words of a name written family name first, in capitals, as French and other exports write it
 * ("DUPONT Marie", "DE LA CRUZ Maria", "ИВАНОВ Иван"): the given names, the family name cased, and any
 * suffix after them; null for any other name. The capitals must hold a word of three letters or more
 * that is no particle: "JJ Abrams" is initials before a family name.
 */
function familyFirstInCapitals(
  words: readonly string[],
): { given: string[]; family: string; suffixes: string[] } | null {
  let k = 0;
  while (k < words.length && isCapitals(words[k] as string)) k++;
  // A Vietnamese name is written family name first in any case.
  if (k === 0 || k === words.length || (k === 1 && vietnameseOrder(words))) return null;
  const capitals = words.slice(0, k);
  if (!capitalsNameAFamily(capitals)) return null;
  const given = words.slice(k);
  let end = given.length;
  while (end > 0 && isSuffix(given[end - 1] as string)) end--;
  if (end === 0 || !given.slice(0, end).every((w) => HAS_LOWER.test(w) && !isHonorific(w))) return null;
  const family = cleanPersonName(capitals.join(' '));
  // A family name that stays in capitals once cased would be read this way again, and turned again.
  if (family === null || family.split(' ').some(isCapitals)) return null;
  return { given: given.slice(0, end), family, suffixes: given.slice(end) };
}

// A note in brackets: a nickname, a company, a role ("Jane (Jay) Doe", "Jane Doe (Acme Inc)", "[CEO]").
const BRACKETED_NOTE = / ?(?:\([^()]*\)|\[[^[\]]*\])/g;

/** The name without its notes in brackets, to split; the name as it is when nothing else is left. */
function withoutBracketedNotes(name: string): string {
  if (!name.includes('(') && !name.includes('[')) return name;
  const rest = name.replace(BRACKETED_NOTE, '').trim();
  return rest === '' ? name : rest;
}

/**
 * A cleaned full name in the order it is spoken, as MachFive and the send tools use it to address the
 * person: written "Last, First" (CRM exports often are), "Doe, Jane Marie" -> "Jane Marie Doe", "Doe,
 * Jane, PhD" -> "Jane Doe, PhD"; written family name first in capitals, "DUPONT Marie" -> "Marie
 * Dupont". Any other name is returned as it is, and so is one that would greet someone else once
 * turned: "Doe Smith, Dr." is not "Dr. Doe Smith", nor "Rahman Khan, Abdul" "Abdul Rahman Khan".
 */
export const fullNameInOrder: (cleaned: string) => string = valueMemo((cleaned) => {
  const turned = turnedName(cleaned);
  return turned === cleaned || splitFullName(turned).firstName === splitFullName(cleaned).firstName
    ? turned
    : cleaned;
}, detached);

/** `fullNameInOrder` whoever it greets. */
function turnedName(cleaned: string): string {
  if (!cleaned.includes(',')) {
    // Read as splitting reads it, without its notes in brackets (which the turned name drops).
    const turned = familyFirstInCapitals(withoutBracketedNotes(cleaned).split(' '));
    if (turned === null) return cleaned;
    // Cased again, as below.
    return cleanPersonName([...turned.given, turned.family, ...turned.suffixes].join(' ')) ?? cleaned;
  }
  const { parts, suffixes } = commaGroups(cleaned);
  // A group that is only a note in brackets ("Doe, [Acme]") makes no "Last, First" name.
  if (parts.length !== 2 || commaGroups(withoutBracketedNotes(cleaned)).parts.length !== 2) return cleaned;
  const [family, given] = parts as [string, string];
  // Given names in capitals ("Doe, JANE") are cased: put first, they would read as a family name.
  const spoken = given
    .split(' ')
    .map((w) => (isCapitals(w) ? (cleanPersonName(w) ?? w) : w))
    .join(' ');
  // Cased again: a word that now starts the name may be title-cased where it was not before ("ა").
  return cleanPersonName([`${spoken} ${family}`, ...suffixes].join(', ')) ?? cleaned;
}

/**
 * Split a full name. Handles "Last, First", "First Last", "First Middle
 * Last" (middle names dropped from both parts), particles ("Ludwig van der
 * Rohe" -> last name "van der Rohe"), honorifics ("Dr. Jane Doe", "Dr. med.
 * Hans Müller"), suffixes ("Jane Doe, PhD", "John Smith Jr.") and a birth
 * name ("Jane Doe née Smith"). A single word (including names written
 * without spaces, as Chinese or Japanese names usually are) becomes the
 * first name; after an honorific ("Dr. Doe"), the last name.
 */
export function splitFullName(full: string | null | undefined): NameParts {
  const cleaned = cleanPersonName(full);
  if (cleaned === null) return { firstName: null, lastName: null };
  const commaParts = commaGroups(withoutBracketedNotes(cleaned)).parts;
  let tokens: string[];
  let lastFirst = false;
  if (commaParts.length >= 2) {
    lastFirst = true;
    tokens = [...(commaParts[1] ?? '').split(' '), '\u0000', ...(commaParts[0] ?? '').split(' ')];
  } else {
    tokens = (commaParts[0] ?? '').split(' ');
  }
  tokens = tokens.filter((t) => !ONLY_DASHES.test(t));
  const addressed = isHonorific(tokens[0] ?? '');
  withoutHonorifics(tokens);
  withoutBirthName(tokens);
  while (tokens.length > 1 && isSuffix(tokens[tokens.length - 1] ?? '')) tokens.pop();

  if (lastFirst) {
    const sep = tokens.indexOf('\u0000');
    const given = tokens.slice(0, sep).filter((t) => !isHonorific(t));
    const family = tokens.slice(sep + 1).join(' ');
    return { firstName: givenNameOf(given), lastName: family === '' ? null : family };
  }
  // "Dr. Doe", "Mr Smith": addressed by the family name, as "Doe, Dr." is; no email greets "Hi Doe".
  if (tokens.length === 1)
    return addressed
      ? { firstName: null, lastName: tokens[0] ?? null }
      : { firstName: tokens[0] ?? null, lastName: null };
  const familyFirst = familyFirstInCapitals(tokens);
  if (familyFirst !== null) return { firstName: familyFirst.given[0] ?? null, lastName: familyFirst.family };
  if (vietnameseOrder(tokens))
    return { firstName: tokens[tokens.length - 1] ?? null, lastName: tokens[0] ?? null };
  let lastStart = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has(bare(tokens[i] ?? ''))) {
      lastStart = i;
      break;
    }
  }
  return { firstName: givenNameOf(tokens.slice(0, lastStart)), lastName: tokens.slice(lastStart).join(' ') };
}

/** Whether `name` is said before a name and is none ("Mr", "Frau", "Dr. med."). */
function onlyHonorifics(name: string | null): boolean {
  if (name === null) return false;
  if (!name.includes(' ')) return isHonorific(name);
  const words = name.split(' ');
  return honorificsAtStart(words) === words.length;
}

/** The title typed as a cleaned first name for one not known ("Mr" beside "Doe"), which `separateNameParts` leaves out; else null. */
export function titleTypedAsFirstName(first: string | null): string | null {
  const part = withoutAsides(first);
  return onlyHonorifics(part) ? part : null;
}

/** `words` without the honorifics before the name ("Dr.", "Mr"), keeping at least one word. */
function withoutHonorifics(words: string[]): string[] {
  words.splice(0, Math.min(honorificsAtStart(words), words.length - 1));
  return words;
}

/** Whether `longer` is `part` and another word after it (`atEnd`: before it), in any case. */
function holdsAsWord(longer: string, part: string, atEnd: boolean): boolean {
  const gap = atEnd ? longer.length - part.length - 1 : part.length;
  if (longer.length <= part.length + 1 || longer.charCodeAt(gap) !== 0x20) return false;
  const piece = atEnd ? longer.slice(gap + 1) : longer.slice(0, gap);
  return piece.toLowerCase() === part.toLowerCase();
}

// After a first or last name in its own column: a headline after a plain hyphen ("Doe - CEO").
const HYPHEN_ASIDE = / - .*$/u;

/**
 * A name part without its asides, when a name is left: a headline after a plain hyphen, a nickname or
 * a note in brackets ("Jane (Jay)", "Doe (née Smith)").
 */
function withoutAsides(part: string | null): string | null {
  if (part === null || !part.includes(' ')) return part;
  const rest = withoutBracketedNotes(part).replace(HYPHEN_ASIDE, '');
  return rest === part ? part : (cleanPersonName(rest) ?? part);
}

/**
 * Cleaned first and last names as typed in their own columns, each without what belongs to the other
 * or to neither: an honorific before the first name ("Dr. Jane"), the last name after it ("Jane Doe"
 * and "Doe"), the first name before the last ("Jane" and "Jane Doe"), a headline or a nickname after
 * either ("Jane (Jay)", "Doe - CEO"). An email greets "Jane", and the full name is not "Jane Doe Doe".
 */
export function separateNameParts(first: string | null, last: string | null): NameParts {
  let firstName = withoutAsides(first);
  if (onlyHonorifics(firstName)) firstName = null;
  let lastName = withoutAsides(last);
  // Until nothing is removed: what one removal leaves may repeat the other part again ("Doe Doe").
  for (;;) {
    const firstBefore = firstName;
    const lastBefore = lastName;
    if (firstName !== null && firstName.includes(' ')) {
      const words = withoutHonorifics(firstName.split(' '));
      if (lastName !== null && words.length > 1 && holdsAsWord(words.join(' '), lastName, true))
        words.splice(words.length - lastName.split(' ').length);
      const rest = words.join(' ');
      if (rest !== firstName) firstName = cleanPersonName(rest);
    }
    if (firstName !== null && lastName !== null && holdsAsWord(lastName, firstName, false))
      lastName = cleanPersonName(lastName.slice(firstName.length + 1));
    if (firstName === firstBefore && lastName === lastBefore) return { firstName, lastName };
  }
}

/** "Jane" + "Doe" -> "Jane Doe"; either part may be missing; null when both are. */
export function joinName(first: string | null | undefined, last: string | null | undefined): string | null {
  const f = first == null ? '' : cleanText(first);
  const l = last == null ? '' : cleanText(last);
  const joined = f === '' ? l : l === '' ? f : `${f} ${l}`;
  return joined === '' ? null : joined;
}
