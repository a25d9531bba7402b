/*
 * Delimited text files built by hand, byte for byte, in every encoding the
 * importer must detect or be told.
 */

export type FixtureEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'utf-16le'
  | 'windows-1252'
  | 'macintosh'
  | 'windows-1250'
  | 'windows-1251';

export interface CsvOptions {
  delimiter?: string;
  encoding?: FixtureEncoding;
  /** Line ending; default CRLF as Excel writes. */
  newline?: string;
  /** End the file with a newline; default true. */
  finalNewline?: boolean;
}

/** Quotes a field when it contains the delimiter, a quote, CR or LF (RFC 4180). */
export function quoteField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function toDelimitedText(rows: readonly (readonly string[])[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const nl = opts.newline ?? '\r\n';
  const body = rows.map((r) => r.map((v) => quoteField(v, d)).join(d)).join(nl);
  return opts.finalNewline === false ? body : body + nl;
}

// Written out rather than derived from TextDecoder: Node decodes 'windows-1252' as ISO-8859-1.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 encoder (é = 0xE9, € = 0x80); throws on characters outside it. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = CP1252_80_9F.indexOf(text[i]!);
    if (high >= 0) out[i] = 0x80 + high;
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else throw new Error(`character ${text[i]} is not in windows-1252`);
  }
  return out;
}

/**
 * An 8-bit encoder built from the runtime's own decoder (ICU), not from the tables the app decodes
 * with: Mac Roman as Excel for Mac writes "Comma Separated Values" (é = 0x8E, ü = 0x9F), and the
 * Windows code pages of Central European (Ł = 0xA3) and Cyrillic (И = 0xC8) Excel.
 */
export function encodeSingleByte(
  text: string,
  label: 'macintosh' | 'windows-1250' | 'windows-1251',
): Uint8Array {
  const high = new TextDecoder(label).decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const at = high.indexOf(text[i]!);
    if (c < 0x80) out[i] = c;
    else if (at >= 0) out[i] = 0x80 + at;
    else throw new Error(`character ${text[i]} is not in ${label}`);
  }
  return out;
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (u: number): void => {
    if (endian === 'le') {
      out[o++] = u & 0xff;
      out[o++] = u >> 8;
    } else {
      out[o++] = u >> 8;
      out[o++] = u & 0xff;
    }
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

export function encodeText(text: string, encoding: FixtureEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom': {
      const body = new TextEncoder().encode(text);
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'utf-16le-bom':
      return encodeUtf16(text, 'le', true);
    case 'utf-16be-bom':
      return encodeUtf16(text, 'be', true);
    case 'utf-16le':
      return encodeUtf16(text, 'le', false);
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'macintosh':
    case 'windows-1250':
    case 'windows-1251':
      return encodeSingleByte(text, encoding);
  }
}

export function csvBytes(rows: readonly (readonly string[])[], opts: CsvOptions = {}): Uint8Array {
  return encodeText(toDelimitedText(rows, opts), opts.encoding ?? 'utf-8');
}

/**
 * A small lead table that exercises quoting and accents; every character is
 * in Windows-1252 and in Mac Roman so the same rows can be written in every encoding.
 */
export function accentedLeadRows(): string[][] {
  return [
    ['Email', 'Prénom', 'Nom', 'Société', 'Notes'],
    ['jose@example.com', 'José', 'Müller', 'Société Générale', 'Met at "Salon", Paris'],
    ['zoe@example.fr', 'Zoë', 'Ångström', 'Crème Brûlée SARL', 'line one\nline two'],
    ['francois@example.de', 'François', 'Weiß', 'Façade GmbH', '€ 1.234,56; paid – “VIP” …'],
    ['  ana@example.es ', 'Ana', 'Núñez', 'Señor & Co', '=1+2'],
  ];
}

/** The same idea with scripts outside Windows-1252 (for the UTF encodings). */
export function nonLatinLeadRows(): string[][] {
  return [
    ['Email', 'First name', 'Last name', 'Company'],
    ['taro@example.jp', '太郎', '佐藤', '株式会社テスト'],
    ['ivan@example.ru', 'Иван', 'Петров', 'ООО «Ромашка»'],
    ['eleni@example.gr', 'Ελένη', 'Παπαδοπούλου', 'Ακρόπολις ΑΕ'],
    ['zoe@example.fr', 'Zoë', 'Ångström', 'Crème Brûlée'],
  ];
}
