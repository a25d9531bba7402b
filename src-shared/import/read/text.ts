/*
 * Text decoding for CSV/TSV/TXT without dependencies. Order of evidence:
 * a byte-order mark; a NUL-byte pattern that only UTF-16 produces; bytes that
 * are valid UTF-8 (strict decode); otherwise Windows-1252, which is what
 * Excel on Windows writes for "CSV" and which also covers ISO-8859-1 text.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
 * Windows-1252's 0x80–0x9F block (WHATWG mapping). Decoded by hand because
 * Node's TextDecoder treats the 'windows-1252' label as ISO-8859-1 and turns
 * € ‘ ’ “ ” – — into C1 control characters; browsers get it right.
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
  }
  return new TextDecoder('utf-16le').decode(units);
}

function stripBomChar(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = detectBom(bytes);
  if (bom) {
    // The decoder drops the BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder(bom.encoding).decode(bytes);
    return { text: stripBomChar(text), encoding: bom.encoding, bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBomChar(text), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
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
