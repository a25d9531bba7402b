/*
 * The words that say a name is a company's ("Acme Inc", "Müller GmbH"): left out of the key that
 * finds the same company written two ways, and what tells a company after a person's name from the
 * person's given name ("Jane Doe, Acme Inc").
 */
import { escapeRegExp } from '../regexp';
import { endsInWordOf, foldWords } from './text';

// Folded (`foldWords`; "a/s", "oü" and "aş" as `withoutLegalForm` folds its words); with "the", which a
// company's name may start with or drop.
const LEGAL_FORM_WORDS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'kg',
  'kgaa',
  'se',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'sl',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'pty',
  'lda',
  'ltda',
  ...['lp', 'pllc', 'ug', 'ohg', 'gbr', 'mbh', 'ggmbh', 'gesmbh', 'eurl', 'slu', 'sprl', 'bvba', 'vof'],
  ...['snc', 'scs', 'sca', 'sac', 'eirl', 'eireli', 'sro', 'doo', 'kft', 'zrt', 'nyrt', 'ehf', 'hf'],
  ...['sdn', 'bhd', 'pte', 'kk', 'tbk', 'npc', 'jsc', 'ooo', 'ооо', 'ou', 'oü', 'uab', 'a/s', 'aş'],
  'the',
]);

// Forms of several words, folded as `withoutLegalForm` folds them: Poland's "Sp. z o.o.", Mexico's
// "S.A. de C.V.", Turkey's "Ltd. Şti.", Germany's "UG (haftungsbeschränkt)". Their words alone ("z",
// "de") are no form.
export const LEGAL_FORM_PHRASES: readonly (readonly string[])[] = [
  ['sp', 'z', 'oo'],
  ['spółka', 'z', 'oo'],
  ['sa', 'de', 'cv'],
  ['s', 'de', 'rl'],
  ['s', 'de', 'rl', 'de', 'cv'],
  ['ltd', 'şti'],
  ['ug', 'haftungsbeschränkt'],
  ['ab', 'publ'],
];

/** A folded word (`foldWords`) of a legal form, or "the": "inc", "gmbh", "sarl". */
export function isLegalFormWord(word: string): boolean {
  return LEGAL_FORM_WORDS.has(word);
}

/**
 * Whether `value` ends in a legal form that is no name too: "Acme Inc", "Beta GmbH", "Gamma Ltd.".
 * Forms of two letters ("AB", "AS", "SA") and "Co" are left out: "Doe, Ab" is a Dutch given name. So is
 * a form inside brackets ("Jane (Acme Inc)"), a note on the name.
 */
export function endsInLegalForm(value: string): boolean {
  const text = value.trimEnd();
  return endsInWordOf(text, FORM_WORD);
}

// Forms of three letters that are given or family names too: "Butterfield, Asa", "Jane Doo".
const GIVEN_NAMES_TOO = new Set(['the', 'asa', 'doo']);
const FORM_WORD = new RegExp(
  `(?:${[...LEGAL_FORM_WORDS]
    .filter((w) => w.length >= 3 && !GIVEN_NAMES_TOO.has(w))
    .map(escapeRegExp)
    .join('|')})\\.*$`,
  'iy',
);

/**
 * "The ACME Corp., Inc." -> "acme": a company's name without its legal form, case or punctuation, so
 * that the same company written two ways has one key (the company part of a fuzzy blocking key).
 */
export function companyKey(company: string): string {
  return foldWords(company, false)
    .filter((w) => !isLegalFormWord(w))
    .join('');
}
