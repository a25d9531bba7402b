/*
 * Text decoding for CSV/TSV/TXT without dependencies. Order of evidence:
 * a byte-order mark; a NUL-byte pattern that only UTF-16 produces; bytes that
 * are valid UTF-8 (strict decode); otherwise one of the two 8-bit encodings
 * Excel writes for "Comma Separated Values": Windows-1252 on Windows (which
 * also covers ISO-8859-1 text) or Mac Roman on a Mac, whichever reads as
 * words (see likelierSingleByte).
 */

export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'macintosh',
  'windows-1250',
  'windows-1251',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  macintosh: 'Mac Roman',
  'windows-1250': 'Windows-1250 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
};

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** The name people know an encoding by ("Mac Roman" for 'macintosh'); an unknown id as it is. */
export function encodingName(encoding: string): string {
  return Object.hasOwn(ENCODING_NAMES, encoding) ? ENCODING_NAMES[encoding as TextEncoding] : encoding;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

const SAMPLE = 4096;

export function detectBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Text in Latin or most other scripts encoded as UTF-16 has a zero in the
 * high byte of most code units: NULs cluster on odd offsets (LE) or even
 * offsets (BE). Legitimate 8-bit text has no NULs at all.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul > units * 0.3 && evenNul < units * 0.05) return 'utf-16le';
  if (evenNul > units * 0.3 && oddNul < units * 0.05) return 'utf-16be';
  return null;
}

/**
 * Windows-1252's upper half (WHATWG mapping): its own 0x80–0x9F block, then
 * Latin-1. Decoded by hand because Node's TextDecoder treats the
 * 'windows-1252' label as ISO-8859-1 and turns € ‘ ’ “ ” – — into C1 control
 * characters; browsers get it right.
 */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const CP1252_HIGH = [...CP1252_80_9F, ...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i)];

let cp1252Specials: Map<number, number> | null = null;

/**
 * `text` as Windows-1252 bytes, or null when a character is not in it. The
 * C1 controls U+0080–U+009F give their own bytes, as a Latin-1 reading of
 * bytes leaves them.
 */
export function windows1252Bytes(text: string): Uint8Array | null {
  cp1252Specials ??= new Map(CP1252_80_9F.map((c, i) => [c, 0x80 + i]));
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : cp1252Specials.get(c);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/**
 * Mac Roman's upper half (WHATWG 'macintosh'), by hand as well: a Node built
 * without full ICU has no decoder for it.
 */
const MAC_ROMAN_HIGH = [
  0xc4, 0xc5, 0xc7, 0xc9, 0xd1, 0xd6, 0xdc, 0xe1, 0xe0, 0xe2, 0xe4, 0xe3, 0xe5, 0xe7, 0xe9, 0xe8, 0xea, 0xeb,
  0xed, 0xec, 0xee, 0xef, 0xf1, 0xf3, 0xf2, 0xf4, 0xf6, 0xf5, 0xfa, 0xf9, 0xfb, 0xfc, 0x2020, 0xb0, 0xa2,
  0xa3, 0xa7, 0x2022, 0xb6, 0xdf, 0xae, 0xa9, 0x2122, 0xb4, 0xa8, 0x2260, 0xc6, 0xd8, 0x221e, 0xb1, 0x2264,
  0x2265, 0xa5, 0xb5, 0x2202, 0x2211, 0x220f, 0x3c0, 0x222b, 0xaa, 0xba, 0x3a9, 0xe6, 0xf8, 0xbf, 0xa1, 0xac,
  0x221a, 0x192, 0x2248, 0x2206, 0xab, 0xbb, 0x2026, 0xa0, 0xc0, 0xc3, 0xd5, 0x152, 0x153, 0x2013, 0x2014,
  0x201c, 0x201d, 0x2018, 0x2019, 0xf7, 0x25ca, 0xff, 0x178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
  0x2021, 0xb7, 0x201a, 0x201e, 0x2030, 0xc2, 0xca, 0xc1, 0xcb, 0xc8, 0xcd, 0xce, 0xcf, 0xcc, 0xd3, 0xd4,
  0xf8ff, 0xd2, 0xda, 0xdb, 0xd9, 0x131, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0x2da, 0xb8, 0x2dd, 0x2db, 0x2c7,
];

const HIGH_HALF: Readonly<Record<'windows-1252' | 'macintosh', readonly number[]>> = {
  'windows-1252': CP1252_HIGH,
  macintosh: MAC_ROMAN_HIGH,
};

/** Every byte is one character (all in the Basic Multilingual Plane): text[i] is bytes[i]. */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'macintosh'): string {
  const high = HIGH_HALF[encoding];
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b < 0x80 ? b : high[b - 0x80]!;
  }
  return new TextDecoder('utf-16le').decode(units);
}

/** Bytes weighed to tell the two 8-bit encodings apart: the start of the file, where its accents are as good as any. */
const SINGLE_BYTE_SAMPLE = 1 << 20;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Signs lead files are written with, in either encoding: those that open a word, those that close one, the rest. */
const OPENING_SIGNS = new Set('‘“„‚«¿¡');
const CLOSING_SIGNS = new Set('’”»…™®©°');
const SIGNS = new Set([...OPENING_SIGNS, ...CLOSING_SIGNS, ...'–—•€£§·\u00a0']);
/**
 * Letters one encoding makes of another's accents that no one types in a lead file: ƒ is how
 * Windows-1252 reads Mac Roman's É, and Mac Roman's π and Ω are its maths signs, never letters of a
 * Latin word ("Wπsik" is Windows-1250's Wąsik).
 */
const UNTYPED_LETTERS = new Set('ƒµıªºﬁﬂÿπΩ');
/** Windows-1252 letters of Central European names that are Mac Roman's ö ú û: evidence of neither. */
const EITHER_LETTERS = new Set('šžœ');

/**
 * An apostrophe inside a word is one before a name (O’Brien, L’Oréal) or an
 * ending (Jane’s, don’t, we’re, I’ll): in "Garc’a" it is Mac Roman's í.
 */
function apostropheFits(text: string, i: number): boolean {
  const next = text.slice(i + 1, i + 4);
  return UPPER.test(next[0] ?? '') || /^(?:[stdm]|ll|re|ve)(?!\p{L})/u.test(next);
}

/**
 * How well the character at `i` of `text`, decoded from a byte above 0x7F,
 * reads as written text: 1 for a lower-case letter in a word (é in "René"),
 * a sign at the end of a word it opens or closes ("“VIP”", "etc…", "Acme™")
 * or an apostrophe inside one ("O’Brien"); -1 for a capital right after a
 * lower-case letter ("RenŽ", "RenÈ"), a lower-case letter before a capital
 * ("ìVIP"), a symbol no one types in a lead file ("M¸ller", "∆", a control
 * character); 0 when it could be either.
 */
function fitAt(text: string, i: number): number {
  const c = text[i]!;
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  if (UNTYPED_LETTERS.has(c)) return -1;
  if (EITHER_LETTERS.has(c)) return 0;
  if (LOWER.test(c)) {
    if (UPPER.test(after)) return -1;
    if (LOWER.test(before) || LOWER.test(after)) return 1;
    return UPPER.test(before) ? -1 : 0;
  }
  if (UPPER.test(c)) {
    if (LOWER.test(before)) return -1;
    // "HÈlène": a capital between a capital and a lower-case letter is rarely one.
    if (UPPER.test(before) && LOWER.test(after)) return 0;
    return LETTER.test(before) || LETTER.test(after) ? 1 : 0;
  }
  if (!SIGNS.has(c)) return -1;
  const letterBefore = LETTER.test(before);
  const letterAfter = LETTER.test(after);
  if (letterBefore && letterAfter) return c === '’' && apostropheFits(text, i) ? 1 : 0;
  if (letterAfter) return OPENING_SIGNS.has(c) ? 1 : 0;
  return letterBefore && CLOSING_SIGNS.has(c) ? 1 : 0;
}

/**
 * Windows-1252 or Mac Roman, for bytes that are not UTF-8: the one whose
 * characters above 0x7F read better as words. Mac Roman puts é ü ñ at
 * 0x8E 0x9F 0x96, where Windows-1252 has Ž Ÿ –, and Windows-1252 puts
 * them at 0xE9 0xFC 0xF1, where Mac Roman has È ¸ Ò: a name with accents
 * reads as a name in one and not the other. A tie is Windows-1252, the more
 * common of the two.
 */
export function likelierSingleByte(bytes: Uint8Array): 'windows-1252' | 'macintosh' {
  const sample = bytes.subarray(0, SINGLE_BYTE_SAMPLE);
  const windows = decodeSingleByte(sample, 'windows-1252');
  const mac = decodeSingleByte(sample, 'macintosh');
  let lead = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! >= 0x80) lead += fitAt(mac, i) - fitAt(windows, i);
  return lead > 0 ? 'macintosh' : 'windows-1252';
}

function stripBomChar(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function inRange(b: number | undefined, lo: number, hi: number): boolean {
  return b !== undefined && b >= lo && b <= hi;
}

/** Bytes in a well-formed UTF-8 sequence starting at `i`, or 0 when the byte there starts none (WHATWG's rules). */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  if (b < 0xc2) return 0;
  if (b <= 0xdf) return inRange(bytes[i + 1], 0x80, 0xbf) ? 2 : 0;
  if (b <= 0xef) {
    const second = inRange(bytes[i + 1], b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf);
    return second && inRange(bytes[i + 2], 0x80, 0xbf) ? 3 : 0;
  }
  if (b <= 0xf4) {
    const second = inRange(bytes[i + 1], b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf);
    return second && inRange(bytes[i + 2], 0x80, 0xbf) && inRange(bytes[i + 3], 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/** Stray bytes enough to judge a file 8-bit without reading on (see utf8WithStrayBytes). */
const STRAY_DECIDES = 1000;

/**
 * UTF-8 with a few bytes that are not (rows pasted in from a Windows export,
 * a download cut off inside a character): the UTF-8 as UTF-8 and each stray
 * byte as Windows-1252, so "René" in the UTF-8 rows is not read as "RenÃ©"
 * because of one "Café" elsewhere. Null when the stray bytes are at least
 * as many as the UTF-8 characters beyond ASCII: an 8-bit file then, unless
 * a byte-order mark says otherwise (`utf8Said`).
 */
function utf8WithStrayBytes(bytes: Uint8Array, utf8Said: boolean): string | null {
  const stray: number[] = [];
  let sequences = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) {
      stray.push(i++);
      // A thousand stray bytes outnumbering UTF-8 four to one is an 8-bit file: no need to read on.
      if (!utf8Said && stray.length >= STRAY_DECIDES && sequences * 4 < stray.length) return null;
    } else {
      sequences++;
      i += length;
    }
  }
  if (!utf8Said && sequences <= stray.length) return null;
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let from = 0;
  for (const at of stray) {
    parts.push(utf8.decode(bytes.subarray(from, at)), String.fromCharCode(CP1252_HIGH[bytes[at]! - 0x80]!));
    from = at + 1;
  }
  parts.push(utf8.decode(bytes.subarray(from)));
  return parts.join('');
}

/**
 * `bytes` in the encoding the user chose, for when detection could not tell
 * (Windows-1250 and Windows-1251 files read as Windows-1252 and look it).
 * Only Windows-1252 and Mac Roman are decoded by hand; the others need the
 * runtime's decoder (every Electron, browser and official Node build has it).
 */
function decodeAs(bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  const bom = detectBom(bytes);
  const withBom = bom !== null && bom.encoding === encoding;
  if (encoding === 'windows-1252' || encoding === 'macintosh') {
    return { text: decodeSingleByte(bytes, encoding), encoding, bom: false };
  }
  return { text: stripBomChar(new TextDecoder(encoding).decode(bytes)), encoding, bom: withBom };
}

/** The text of `bytes`, in `encoding` when given, else in the encoding the bytes show (see the top of this file). */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): DecodedText {
  if (encoding !== undefined) return decodeAs(bytes, encoding);
  const bom = detectBom(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    // The decoder drops the BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder(bom.encoding).decode(bytes);
    return { text: stripBomChar(text), encoding: bom.encoding, bom: true };
  }
  const utf16 = bom ? null : sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  const withBom = bom !== null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBomChar(text), encoding: 'utf-8', bom: withBom };
  } catch {
    const mixed = utf8WithStrayBytes(bytes, withBom);
    if (mixed !== null) return { text: stripBomChar(mixed), encoding: 'utf-8', bom: withBom };
    const encoding = likelierSingleByte(bytes);
    return { text: decodeSingleByte(bytes, encoding), encoding, bom: false };
  }
}

/**
 * True when decoded text is really binary data (an image, an executable, a
 * zip that lost its header): control characters other than tab/CR/LF/FF
 * are rare in any spreadsheet export.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++;
  }
  return control > n * 0.05;
}
