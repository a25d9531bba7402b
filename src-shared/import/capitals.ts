/*
 * A name or a job title written all in capitals or all in small letters, given its capitals:
 * "ACME SOFTWARE" -> "Acme Software", "vp of sales" -> "VP of Sales". An email repeats such a value as
 * it is, and a shouted "ACME SOFTWARE" or a careless "acme software" shows that no one wrote it. Where
 * a word may be an acronym (IBM, SAP, AI: a short word, or one with no vowel) and is not one known to
 * be written so, the value keeps its case, as it does in mixed case (eBay, HubSpot, ACME Labs).
 */

// Words that stay in small letters after the first word ("Bank of America", "Head of Sales").
const SMALL_WORDS = new Set([
  ...['of', 'and', 'the', 'for', 'a', 'an', 'at', 'in', 'on', 'to', 'de', 'du', 'des', 'la', 'le'],
  ...['les', 'et', 'der', 'die', 'das', 'und', 'von', 'van', 'für', 'y', 'e', 'da', 'do', 'dos', 'del', 'di'],
]);
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
// Letters with a case: the Latin of "ABC株式会社" is an acronym of three.
const CASED_LETTERS = /[\p{Lu}\p{Ll}]/gu;
const LATIN_VOWEL = /[aeiouy]/;
const COMBINING_MARKS = /\p{M}/gu;
// A word's parts: "Co-Founder", "CEO/Founder", "O'Reilly"; the separators are kept.
const PART_SEPARATOR = /([-/'\u2019])/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MC = /^Mc(\p{Ll})/u;

export interface CapitalsRules {
  /** A value with one of these is written as its owner writes it: "3M", "monday.com". */
  keepsCase: RegExp;
  /** How a word that is no plain word is written, by its lower case: "ceo" -> "CEO", "saas" -> "SaaS". */
  written: ReadonlyMap<string, string>;
}

/** A part that is a word rather than an acronym: `minLetters` letters or more, one of them a vowel. */
function isPlainWord(part: string, minLetters: number): boolean {
  const letters = (part.match(CASED_LETTERS) ?? []).join('').toLowerCase();
  return (
    letters.length >= minLetters && LATIN_VOWEL.test(letters.normalize('NFD').replace(COMBINING_MARKS, ''))
  );
}

/** A part as the punctuation before it, its word and the punctuation after it: "(EMEA)", "Sr.", "Acme,". */
function aroundWord(part: string): [string, string, string] {
  const start = part.search(LETTER_OR_DIGIT);
  if (start < 0) return [part, '', ''];
  // By code points: a letter outside the BMP ("𝐂", Adlam "𞤀") is two code units, neither a letter alone.
  let end = part.length;
  for (;;) {
    const width = end - 2 >= start && (part.codePointAt(end - 2) ?? 0) > 0xffff ? 2 : 1;
    if (LETTER_OR_DIGIT.test(part.slice(end - width, end))) break;
    end -= width;
  }
  return [part.slice(0, start), part.slice(start, end), part.slice(end)];
}

/** `word` with its first letter, a code point, in capitals. */
function capitalised(word: string): string {
  const code = word.codePointAt(0);
  if (code === undefined) return word;
  const first = String.fromCodePoint(code);
  return first.toUpperCase() + word.slice(first.length);
}

/** `value` with its capitals by `rules`, or `value` as it is where that would be a guess. */
export function withCapitals(value: string, rules: CapitalsRules): string {
  if (rules.keepsCase.test(value)) return value;
  const lower = HAS_LOWER.test(value);
  if (lower === HAS_UPPER.test(value)) return value;
  const words = value.split(' ');
  // One word in capitals may be an acronym of four letters (NASA; ACME as a company writes itself).
  const minLetters = words.length === 1 && !lower ? 5 : 4;
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    const pieces = word.split(PART_SEPARATOR);
    for (let k = 0; k < pieces.length; k += 2) {
      const [before, core, after] = aroundWord(pieces[k] as string);
      const low = core.toLowerCase();
      const known = rules.written.get(low);
      let cased: string;
      if (known !== undefined) cased = known;
      else if (SMALL_WORDS.has(low) && (i > 0 || k > 0)) cased = low;
      else if (low.length <= 1 && k > 0) cased = low;
      else if (low.length <= 1 || SMALL_WORDS.has(low) || isPlainWord(low, minLetters))
        cased = capitalised(low);
      else return value;
      pieces[k] = `${before}${cased.replace(MC, (_m, ch: string) => `Mc${ch.toUpperCase()}`)}${after}`;
    }
    out.push(pieces.join(''));
  }
  return out.join(' ');
}
