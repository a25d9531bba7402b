/*
 * A company's name as an email writes it: "ACME SOFTWARE, INC." -> "Acme Software". What MachFive
 * writes and what a sending tool puts in {{companyName}} repeat the name as the file has it, and nobody
 * writes "I saw ACME SOFTWARE, INC. is hiring". The legal form at its end is left out, as Apollo's
 * "Company Name for Emails" does, and a name written all in capitals or all in small letters is given
 * its capitals (`withCapitals`) unless it holds a number or a dot (3M, monday.com).
 */
import { isLegalFormWord, LEGAL_FORM_PHRASES } from './legal-forms';
import { valueMemo, detached } from './memo';
import { withCapitals, type CapitalsRules } from './capitals';
import { foldWords, hasTwoLetters } from './text';

// Forms that end a name only after a form proper: "Samsung Electronics Co., Ltd.", "Tata Consultancy
// Services Private Limited". "Acme Company" and "Smith & Co" are names as they stand.
const TIED_TO_FORM = new Set(['co', 'company', 'pvt', 'private']);
const AND = new Set(['&', 'and']);
const FOLD_PUNCTUATION = /[.,()]/g;
// Looked for where their run starts: tried inside a long run, the pattern took time by its square.
const TRAILING_SEPARATORS = /(?<![\s,;:\u2013\u2014-])[\s,;:\u2013\u2014-]+$/;
const COMPANY_CAPITALS: CapitalsRules = {
  // A name with one of these is written as its company writes it: 3M, monday.com, "A/S", "Toys"R"Us".
  keepsCase: /[\p{N}.@/_+"]/u,
  written: new Map(),
};

function folded(word: string): string {
  return word.toLowerCase().replace(FOLD_PUNCTUATION, '');
}

/** How many words of a form of several words end `words[0..end)` ("Acme Sp. z o.o."), or 0. */
function phraseBefore(words: readonly string[], end: number): number {
  for (const phrase of LEGAL_FORM_PHRASES) {
    const start = end - phrase.length;
    if (start >= 1 && phrase.every((w, i) => folded(words[start + i] as string) === w)) return phrase.length;
  }
  return 0;
}

/** "Acme, Inc." -> "Acme"; "Acme GmbH & Co. KG" -> "Acme"; the name as it is when a form is all it has. */
export function withoutLegalForm(name: string): string {
  const words = name.split(' ');
  let end = words.length;
  let dropped = false;
  while (end > 1) {
    const phrase = phraseBefore(words, end);
    if (phrase > 0) {
      end -= phrase;
      dropped = true;
      continue;
    }
    const word = folded(words[end - 1] as string);
    if (word !== 'the' && !TIED_TO_FORM.has(word) && isLegalFormWord(word)) {
      end--;
      dropped = true;
      continue;
    }
    if (!dropped || !TIED_TO_FORM.has(word)) break;
    const before = folded(words[end - 2] as string);
    if (!AND.has(before)) {
      end--;
      continue;
    }
    // "Acme GmbH & Co. KG": the "& Co." belongs to the form before it; "Smith & Co. Ltd" keeps it.
    const form = end >= 4 ? folded(words[end - 3] as string) : '';
    if (form === '' || form === 'the' || TIED_TO_FORM.has(form) || !isLegalFormWord(form)) break;
    end -= 3;
  }
  if (!dropped) return name;
  // "The Acme Corporation" is "Acme" to an email; "The Home Depot, Inc." stays "The Home Depot".
  const start = end === 2 && folded(words[0] as string) === 'the' ? 1 : 0;
  const kept = words.slice(start, end).join(' ').replace(TRAILING_SEPARATORS, '');
  return folded(kept) === 'the' ? name : nameOr(kept, name);
}

// Between a headline's parts: "Founder & CEO | Building X | ex-Google", "CEO • Investor", and after a
// company's name, "Acme | Part of Beta Group".
export const HEADLINE_SEPARATOR = / [|\u2022\u00b7] /;

/** The name with at least two letters, or `fallback`: a name is never cut to nothing. */
function nameOr(kept: string, fallback: string): string {
  return hasTwoLetters(kept) ? kept : fallback;
}

/**
 * The name without the notes in brackets at its end, "Acme (formerly Beta)", "Acme (YC W21)", "Acme
 * (UK)", and without a headline after it, "Acme | Part of Beta Group": not what an email calls the company.
 */
function withoutAsides(name: string): string {
  const mark = HEADLINE_SEPARATOR.exec(name);
  const head = mark === null ? name : nameOr(name.slice(0, mark.index), name);
  // From the end, one note at a time; a note holding another bracket ends the search.
  let end = head.length;
  for (;;) {
    while (end > 0 && head.charCodeAt(end - 1) === 0x20) end--;
    const close = head[end - 1];
    if (close !== ')' && close !== ']') break;
    const open = head.lastIndexOf(close === ')' ? '(' : '[', end - 2);
    const inner = head.slice(open + 1, end - 1);
    if (open <= 0 || inner.includes(')') || inner.includes(']') || inner.includes('[')) break;
    end = open;
  }
  return nameOr(head.slice(0, end).replace(TRAILING_SEPARATORS, ''), head);
}

const ENDS_IN_LETTER = /\p{L}$/u;

/**
 * The name without the full stop typed after it ("Deloitte.", which an email would follow with its own
 * and show in capitals as typed). Not the dot of an initial ("Acme U.S.") or of a name's own ("Yahoo!").
 */
function withoutFinalDot(name: string): string {
  if (!name.endsWith('.')) return name;
  const word = name.slice(name.lastIndexOf(' ') + 1, -1);
  const typed = !word.includes('.') && ENDS_IN_LETTER.test(word) && hasTwoLetters(word);
  return typed ? name.slice(0, -1) : name;
}

/** The name an email would write, for a cleaned company name: without its asides and legal form, cased. */
export const companyForEmails: (name: string) => string = valueMemo((name) => {
  // Until nothing is taken: each can leave what the other takes ("Acme GmbH (UK) GmbH").
  let plain = name;
  for (let before = ''; before !== plain;) {
    before = plain;
    plain = withoutLegalForm(withoutFinalDot(withoutAsides(plain)));
  }
  return withCapitals(plain, COMPANY_CAPITALS);
}, detached);

// What a profile or a CRM puts where a company goes when there is none to name: LinkedIn's
// "Self-employed", "Stealth Startup", "Open to work", a student's or a retiree's. An email saying "I saw
// Self-employed is growing" shows no one read it. Folded (`foldWords`, joined by spaces).
const NO_COMPANY = new Set([
  ...['self employed', 'selfemployed', 'self employment', 'freelance', 'freelancer', 'freelancing'],
  ...['independent', 'independent consultant', 'independent contractor', 'stealth', 'stealth startup'],
  ...['stealth mode', 'stealth mode startup', 'stealth company', 'confidential', 'undisclosed'],
  ...['retired', 'unemployed', 'between jobs', 'student', 'open to work', 'career break', 'sabbatical'],
  ...['looking for opportunities', 'looking for new opportunities', 'seeking new opportunities'],
  ...['seeking opportunities', 'no company', 'not employed', 'various', 'private', 'personal'],
  ...['looking for work', 'looking for a job', 'job seeker', 'job seeking', 'seeking employment'],
  ...['autonomo', 'autonoma', 'independiente', 'auto entrepreneur', 'autoentrepreneur', 'independant'],
  ...['freiberufler', 'freiberuflerin', 'freiberuflich', 'selbstandig', 'selbststandig'],
]);

/** Whether a cleaned company cell names no company ("Self-employed", "Stealth Startup", "Freelance"). */
export const namesNoCompany: (company: string) => boolean = valueMemo(
  (company) => company.length <= 40 && NO_COMPANY.has(foldWords(company, false).join(' ')),
  (v) => v,
);
