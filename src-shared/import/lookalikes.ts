/*
 * Letters of other alphabets drawn like Latin ones ("а" Cyrillic, "ο" Greek), fullwidth Latin letters
 * ("ａ") and the Turkish dotless "ı", as they reach an address pasted from a PDF, a web page that hides
 * addresses from robots, or a keyboard left on another layout. "jane@аcme.com" reads as jane@acme.com
 * and is an address at xn--cme-5cd.com: mail to it bounces.
 */
import { toUnicode } from 'punycode/';

const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'],
  ['е', 'e'],
  ['һ', 'h'],
  ['і', 'i'],
  ['ј', 'j'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['ѕ', 's'],
  ['у', 'y'],
  ['х', 'x'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['ӏ', 'l'],
  ['А', 'A'],
  ['В', 'B'],
  ['Е', 'E'],
  ['К', 'K'],
  ['М', 'M'],
  ['Н', 'H'],
  ['І', 'I'],
  ['Ј', 'J'],
  ['О', 'O'],
  ['Р', 'P'],
  ['С', 'C'],
  ['Ѕ', 'S'],
  ['Т', 'T'],
  ['Х', 'X'],
  ['У', 'Y'],
  // Greek
  ['α', 'a'],
  ['ι', 'i'],
  ['ν', 'v'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
  // Turkish
  ['ı', 'i'],
]);

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

function latinOf(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) return String.fromCharCode(code - FULLWIDTH_OFFSET);
  return LATIN_LOOKALIKES.get(ch);
}

// A Latin letter, ASCII or fullwidth.
const LATIN_LETTER = /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/;
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * `text` with its lookalikes as the Latin letters they look like, when that leaves only ASCII and
 * (unless `alone`) `text` also holds a Latin letter: a word of another alphabet made only of such
 * letters ("рус") is that alphabet's. Null when nothing would change or something would stay non-ASCII.
 */
export function asLatin(text: string, alone = false): string | null {
  if (!NOT_ASCII.test(text) || (!alone && !LATIN_LETTER.test(text))) return null;
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const latin = latinOf(ch);
    if (latin === undefined) return null;
    out += latin;
  }
  return out;
}

/**
 * The ASCII domain an IDN domain (punycode, as addresses are stored) was meant to be, when its
 * non-ASCII letters are lookalikes among Latin ones ("xn--cme-5cd.com" is "аcme.com": acme.com);
 * `anyLabel` also turns a label of lookalikes alone, for a domain that is no domain as written
 * ("acme.соm"). Null when there is none.
 */
export function latinDomainOf(domain: string, anyLabel: boolean): string | null {
  if (!domain.includes('xn--')) return null;
  let changed = false;
  const labels = domain.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    let latin: string | null = null;
    try {
      latin = asLatin(toUnicode(label), anyLabel);
    } catch {
      // Not valid punycode: left for the domain check to name.
    }
    if (latin === null) return label;
    changed = true;
    return latin.toLowerCase();
  });
  return changed ? labels.join('.') : null;
}
