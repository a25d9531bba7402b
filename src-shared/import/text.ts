/*
 * Text cleaning shared by every field, and the folded keys used to compare
 * headers and names regardless of accents, case and punctuation.
 *
 * Cells are data, never code: nothing here evaluates or rewrites a leading
 * `=`, `+`, `-` or `@`. Escaping for spreadsheet export is the exporter's job.
 */

import { withoutEntities } from './entities';
import { detached, detachedOrNull, valueMemo } from './memo';
import { windows1252Bytes } from './read/text';

// Invisible characters that sneak in from web copy-paste and CRMs:
// zero-width space/non-joiner/joiner, word joiner, BOM/ZWNBSP, soft hyphen,
// left-to-right/right-to-left marks, and C0/C1 control characters.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Every Unicode space separator plus tab/newline/vertical tab/form feed/CR.
const WHITESPACE_RUN = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

// A capital, or a letter only `toLowerCase` knows the lower case of.
const MAY_HOLD_CAPITALS = /[A-Z\u0080-\uffff]/;

/**
 * `value.toLowerCase()`, without the copy when it holds no capital: most addresses and domains are
 * lower-case already, and lower-casing a cell cut from a file's two-byte text takes a slow path.
 */
export function lowerCased(value: string): string {
  return MAY_HOLD_CAPITALS.test(value) ? value.toLowerCase() : value;
}

/** Between the values of a cell that holds several ("a@x.com; b@y.com", "acme.com, acme.io"). */
export const LIST_SEPARATOR = /[,;\s]+/;

// The marks of a yes-or-no column: a CRM's true / false, a sheet's x, a tick.
const YES_MARK = /^(?:true|yes|y|1|x|✓|✔|oui|ja|sí|si|sim)$/i;
const NO_MARK = /^(?:false|no|n|0|-|non|nein)$/i;

/** Whether a (trimmed) cell of a yes-or-no column says yes. */
export function isYesMark(value: string): boolean {
  return YES_MARK.test(value);
}

/** Whether a (trimmed) cell is a mark of a yes-or-no column, yes or no. */
export function isYesOrNoMark(value: string): boolean {
  return YES_MARK.test(value) || NO_MARK.test(value);
}

// A date, with a time or not, as exports and spreadsheets write them: "2024-03-01", "3/1/2024 10:22
// AM", "2024-03-01T10:22:11.000Z", "01.03.2024 10:22:11 +01:00".
const DATE_LIKE =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:(?:[ T]|, )\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$/;

/** Whether a (trimmed) cell is a date: in a column named for when something happened, it says it did. */
export function looksLikeDate(value: string): boolean {
  return DATE_LIKE.test(value);
}

// Already clean: printable ASCII but "&" (which may start an HTML entity) with single inner spaces and
// no edge spaces. Most cells are; one native regex pass tells.
const CLEAN_TEXT = /^(?:[\x21-\x25\x27-\x7e]+(?: [\x21-\x25\x27-\x7e]+)*)?$/;
// eslint-disable-next-line no-control-regex -- an ASCII range test, controls included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Read HTML entities, trim, collapse whitespace runs to one space, drop invisible characters,
 * Unicode NFC. Invisible characters go first so that NFC can compose a
 * letter with an accent that a zero-width space used to separate.
 */
export function cleanText(value: string): string {
  return CLEAN_TEXT.test(value) ? value : cleanOnce(value);
}

// A lead byte of a two- to four-byte UTF-8 character followed by a continuation byte, each read as
// Windows-1252 (or Latin-1, whose C1 controls stand for 0x80–0x9F): "Ã©" is é, "â€™" is ’.
const MOJIBAKE =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/**
 * Text that went through UTF-8 read as Windows-1252 on its way to the file
 * (a CRM import, a scraper, a copy between two apps), read back as written:
 * "JosÃ© GarcÃ­a" is José García, "Donâ€™t" Don’t, and text that went the
 * wrong way twice ("JosÃƒÂ©") too. Only when the whole value reads back as
 * UTF-8: "SÃO PAULO" and a value with real accents beside such pairs stay.
 */
export function withoutMojibake(value: string): string {
  let text = value;
  while (MOJIBAKE.test(text)) {
    const bytes = windows1252Bytes(text);
    if (bytes === null) return text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return text;
    }
  }
  return text;
}

// Letters and digits styled by their code points rather than a font: LinkedIn headlines and bios write
// "𝐂𝐄𝐎" or "𝘼𝘾𝙈𝙀" in Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF, all behind the surrogate
// D835) and the letter-like symbols that fill their gaps ("ℎ", "ℬ"), some write "Ⓐ", and Japanese text
// writes "ＡＢＣ" and "＠" in full width. An email would repeat them as they are, and no rule that
// reads a word, an address or a domain would see it. Only these are folded (NFKC): it would also
// rewrite "ﬁ", "™" and "½".
const STYLED =
  /\uD835[\uDC00-\uDFFF]|[\uFF01-\uFF5E\u2102\u210A-\u2113\u2115\u2119-\u211D\u2124\u2128\u212C\u212D\u212F-\u2131\u2133\u2134\u24B6-\u24E9]/g;

// Letters in squares, in black circles and in black squares ("🄰🄲🄼🄴", "🅐", "🅰️"), A to Z in each
// block, and the emoji presentation selector the last may carry. NFKC folds only the first.
const BOXED = /\uD83C[\uDD30-\uDD49\uDD50-\uDD69\uDD70-\uDD89]\uFE0F?/g;
const BOXED_BLOCKS = [0x1f130, 0x1f150, 0x1f170];

// Small capitals, as name and headline generators write "ᴊᴀɴᴇ ᴅᴏᴇ" or "Jᴀɴᴇ": Latin letters of the
// phonetic blocks that no NFKC form makes plain, read as the capitals they show (no lead's cell is a
// phonetic transcription). Two of them have a capital of their own ("Ɪ", "Ʀ"), folded too: casing a
// name would make it the small capital again.
const SMALL_CAPITALS = new Map(
  [...'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢꞮƦ'].map((small, i) => [small, 'ABCDEFGHIJKLMNOPRSTUVWYZIR'[i] as string]),
);
const SMALL_CAPITAL = /[ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢꞮƦ]/gu;

/** `text` with its styled letters and digits plain: "𝐂𝐄𝐎" is "CEO", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ" taro@example.jp. */
function withPlainLetters(text: string): string {
  const folded = text
    .replace(STYLED, (styled) => styled.normalize('NFKC'))
    .replace(BOXED, (boxed) => {
      const point = boxed.codePointAt(0) as number;
      const block = BOXED_BLOCKS.findLast((start) => point >= start) as number;
      return String.fromCharCode(0x41 + point - block);
    });
  return folded.replace(SMALL_CAPITAL, (small) => SMALL_CAPITALS.get(small) as string);
}

// The regex and NFC passes are the slow part of cleaning a value that needs it.
const cleanOnce = valueMemo((value) => {
  // Before invisible characters go: í read as Windows-1252 is "Ã" and a soft hyphen.
  const visible = withoutMojibake(withoutEntities(value)).replace(INVISIBLE, '');
  // NFC cannot change ASCII; a plain letter comes before a combining accent composes with it.
  return (ASCII_ONLY.test(visible) ? visible : withPlainLetters(visible).normalize('NFC'))
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}, detached);

// What spreadsheets and CRMs put where there is no value, Excel's error values included: no email
// should say "I saw N/A is hiring". Short, unambiguous words only ("NA" is also a surname).
const NO_VALUE = new Set([
  'n/a',
  'n.a.',
  'n/d',
  '#n/a',
  '-',
  '--',
  '---',
  '\u2013',
  '\u2014',
  '?',
  'null',
  'none',
  'nil',
  'undefined',
  'unknown',
  'tbd',
  'tbc',
  // Salesforce's Web-to-Lead for a last name not given, and Excel's pivot tables for an empty cell.
  'not provided',
  '[not provided]',
  '(blank)',
  '(empty)',
  '(none)',
  '<none>',
  '[none]',
  // German "keine Angabe" and "nicht vorhanden".
  'k.a.',
  'n.v.',
  // First name unknown, last name unknown, no first name, no last name: US forms' and CRMs'.
  'fnu',
  'lnu',
  'nfn',
  'nln',
  '#ref!',
  '#value!',
  '#name?',
  '#div/0!',
  '#null!',
  '#num!',
  '#error!',
  '#spill!',
  '#calc!',
  '#field!',
  '#blocked!',
  '#connect!',
  '#busy!',
  '#unknown!',
  '#getting_data',
]);
const NO_VALUE_MAX_LENGTH = Math.max(...[...NO_VALUE].map((v) => v.length));
// Most cells start otherwise: they are told apart without a lower-cased copy.
const NO_VALUE_STARTS = new Set(
  [...NO_VALUE].flatMap((v) => [v.charCodeAt(0), v.toUpperCase().charCodeAt(0)]),
);

/** Whether a cleaned cell says "no value" (the row keeps the text as read). */
export function isNoValue(cleaned: string): boolean {
  return (
    cleaned.length <= NO_VALUE_MAX_LENGTH &&
    NO_VALUE_STARTS.has(cleaned.charCodeAt(0)) &&
    NO_VALUE.has(cleaned.toLowerCase())
  );
}

/** `cleanText`, with '' and the placeholders of `isNoValue` turned into null (the "no value" of NormalisedLead). */
export function cleanOptional(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = cleanText(value);
  return t === '' || isNoValue(t) ? null : t;
}

// Emoji and other pictographs, flags, skin tones and keycaps included (and ©, ®, ™, and the stars and
// the tick that are not emoji, ★ ✓): what a scraped profile decorates a name, job title or company
// with, and no email should repeat.
export const PICTOGRAPHS =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u2605\u2606\u2713]|\uFE0F|\u20E3/gu;
// © and ® are the only pictographs below U+2000 (and every astral one is a surrogate pair above it).
const MAY_HOLD_PICTOGRAPH = /[\u00a9\u00ae\u2000-\uffff]/;

// Quotes around the whole value, as exports that quote a field twice leave them: '"Acme"', "'Jane Doe'",
// "'Shane O'Neil'" (an apostrophe between letters is the value's own).
const QUOTED =
  /^(?:["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]|['\u2018\u2019]((?:[^'\u2018\u2019]|(?<=\p{L})['\u2019](?=\p{L}))*)['\u2018\u2019])$/u;
const OPENING_QUOTES = new Set([0x22, 0x27, 0x201c, 0x201d, 0x2018, 0x2019]);

/**
 * A cleaned value without the quotes around it ('"Acme"' -> "Acme"), quoted twice or more too
 * (`'"Acme"'`); any other value as it is.
 */
export function unquoted(cleaned: string): string {
  if (!OPENING_QUOTES.has(cleaned.charCodeAt(0))) return cleaned;
  const m = QUOTED.exec(cleaned);
  return m === null ? cleaned : unquoted(cleanText(m[1] ?? m[2] ?? ''));
}

const LETTER = /\p{L}/u;
const TWO_LETTERS = /\p{L}.*\p{L}/su;

/**
 * Whether the last word of `text` (after its last space) matches `word`, a sticky pattern of whole words:
 * one try where the word starts, with no lower-cased copy of it. Lower-casing text cut from a file's
 * two-byte text takes a slow path, and a name is looked at once a row.
 */
export function endsInWordOf(text: string, word: RegExp): boolean {
  word.lastIndex = text.lastIndexOf(' ') + 1;
  return word.test(text);
}

/** Whether `text` holds a letter, of any script. */
export function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

/** Whether `text` holds two letters at least: what a name of a person or a company needs. */
export function hasTwoLetters(text: string): boolean {
  return TWO_LETTERS.test(text);
}

// A hashtag a profile adds to a name or a headline ("Jane Doe #OpenToWork", "Recruiter #hiring"); not
// the # of "C# Developer" nor a number ("#1 Realtor"). Hashtags written together ("#a#b") are one.
export const HASHTAG = /(?<!\S)#\p{L}[\p{L}\p{N}_#]*/gu;

/**
 * `cleanOptional` for a job title or company name, without its emoji ("Founder 🚀" -> "Founder"), its
 * hashtags ("Recruiter #hiring" -> "Recruiter") or the quotes around it ('"Acme"' -> "Acme"): an email
 * would repeat them.
 */
export function cleanLabel(value: string | null | undefined): string | null {
  return value == null ? null : cleanedLabel(value);
}

// Titles and companies repeat down a column: each is cleaned once.
const cleanedLabel = valueMemo((value: string): string | null => {
  let t = cleanOptional(value);
  if (t !== null && MAY_HOLD_PICTOGRAPH.test(t)) t = cleanOptional(t.replace(PICTOGRAPHS, ' '));
  if (t === null) return t;
  if (t.includes('#')) t = withoutHashtags(t);
  const inner = unquoted(t);
  // Cleaned again: the quotes may have held a hashtag ('"Recruiter #hiring"').
  return inner === t ? t : cleanedLabel(inner);
}, detachedOrNull);

/** `label` without its hashtags, unless they are all there is of it (a company named "#paid"). */
function withoutHashtags(label: string): string {
  const rest = cleanOptional(label.replace(HASHTAG, ' '));
  return rest !== null && hasLetter(rest) ? rest : label;
}

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ALNUM_RUN = /[^\p{L}\p{N}]+/gu;
const CAMEL_BOUNDARY = /(\p{Ll})(\p{Lu})/gu;

/**
 * Words of `value` with accents removed and lower-cased: "Correo electrónico"
 * -> ["correo", "electronico"], "E-Mail" -> ["e", "mail"]; with `splitCamel`
 * (for headers) "firstName" -> ["first", "name"], without it (for names and
 * companies, where "McDonald" and "GmbH" are one word) -> ["firstname"].
 * Non-Latin letters are kept (lower-cased).
 */
const ASCII_NON_ALNUM_RUN = /[^a-z0-9]+/g;

export function foldWords(value: string, splitCamel = true): string[] {
  if (ASCII_ONLY.test(value)) {
    // Same result as below for ASCII input, without Unicode normalisation.
    const ascii = (splitCamel ? value.replace(/([a-z])([A-Z])/g, '$1 $2') : value)
      .toLowerCase()
      .replace(ASCII_NON_ALNUM_RUN, ' ')
      .trim();
    return ascii === '' ? [] : ascii.split(' ');
  }
  const spaced = (splitCamel ? value.replace(CAMEL_BOUNDARY, '$1 $2') : value)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(NON_ALNUM_RUN, ' ')
    .trim();
  return spaced === '' ? [] : spaced.split(' ');
}

/** `foldWords` joined without separators: "E-Mail" and "email" both give "email". */
export function foldKey(value: string): string {
  return foldWords(value).join('');
}
