/*
 * A list of addresses as a mail app copies it ("Jane Doe <jane@acme.com>, "Roe, Bo" <bo@beta.io>;
 * sam@initech.com"), pasted on the Import screen or saved as a text file. Read as a table, its line
 * is one row of many cells, which makes one lead of everybody on it: read as a list, each address
 * (with the name written beside it) is a row of its own.
 */
import { looksLikeEmail } from '../sniff';

// Such a list is what fits a paste or a short note; a longer text is a table, and is not scanned.
const MAX_LIST_CHARS = 1 << 20;

const QUOTE = 0x22;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;

const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const TAB = 0x09;

function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/**
 * The addresses of `text`, a row of one cell each, when the text is a list of them: every item
 * between commas, semicolons, tabs and line ends (outside quotes and angle brackets) an address,
 * alone or with a name, at least two, and not one table of them (lines of the same number of items,
 * as a table of one or more address columns is, which reads as rows already). Outlook separates
 * with semicolons alone, and writes names with a comma unquoted ("Doe, Jane <jane@acme.com>;
 * Ray, Bo <bo@beta.io>"): a text that is no list at commas is tried without them. Null for any
 * other text.
 */
export function addressList(text: string): string[][] | null {
  if (text.length > MAX_LIST_CHARS) return null;
  return listAt(text, true) ?? listAt(text, false);
}

function listAt(text: string, commas: boolean): string[][] | null {
  const isItemEnd = (c: number): boolean => c === SEMICOLON || c === TAB || (commas && c === COMMA);
  const addresses: string[] = [];
  // Items per line that holds an address, empty ones included: a table's lines all have as many.
  const itemsPerLine: number[] = [];
  let lineItems = 0;
  let lineAddresses = 0;
  let start = 0;
  let quoted = false;
  let angled = false;
  // Returns false as soon as an item is no address, so that a table's first line ends the scan.
  const endItem = (end: number): boolean => {
    const item = text.slice(start, end).trim();
    start = end + 1;
    lineItems++;
    if (item === '') return true;
    if (!looksLikeEmail(item)) return false;
    addresses.push(item);
    lineAddresses++;
    return true;
  };
  const endLine = (): void => {
    if (lineAddresses > 0) itemsPerLine.push(lineItems);
    lineItems = 0;
    lineAddresses = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    if (quoted) continue;
    if (c === LESS_THAN) angled = true;
    else if (c === GREATER_THAN) angled = false;
    else if (angled) continue;
    else if (isItemEnd(c)) {
      if (!endItem(i)) return null;
    } else if (isLineEnd(c)) {
      if (!endItem(i)) return null;
      endLine();
    }
  }
  if (!endItem(text.length)) return null;
  endLine();
  if (addresses.length < 2) return null;
  const first = itemsPerLine[0];
  if (itemsPerLine.length > 1 && itemsPerLine.every((n) => n === first)) return null;
  return addresses.map((a) => [a]);
}
