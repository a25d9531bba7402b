/*
 * vCard files (.vcf): what the contacts apps of macOS and iOS export (they offer nothing else), and what
 * Google Contacts and Outlook export beside their CSVs. Each card becomes a row under fixed headers the
 * mapping knows ("Full Name", "Email", "Company"…), so a contact list is imported as a sheet is.
 *
 * Read as RFC 6350 (4.0) and RFC 2426 (3.0) write them, and as 2.1 writes them (Outlook, older phones):
 * bare parameters ("TEL;WORK;VOICE"), quoted-printable values in the CHARSET they name, and soft line
 * breaks. Photos and other binary values are skipped.
 */
import { ReadError, cancelled, formatCount } from './errors';
import { truncateCell } from './cells';
import { decodeSingleByte } from './text';
import { DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_ROWS, type ReadOptions, type RecordRows } from './types';

/** One contact as the row it becomes. */
interface Contact {
  fullName: string;
  firstName: string;
  lastName: string;
  /** Preferred addresses first, then in the card's order. */
  emails: string[];
  preferredEmails: number;
  company: string;
  title: string;
  phones: string[];
  /** From the work address when the card has one, else its first. */
  city: string;
  country: string;
  workAddress: boolean;
  websites: string[];
  linkedin: string;
  note: string;
}

interface Property {
  name: string;
  /** Upper-cased parameter names to their values, upper-cased; a bare 2.1 parameter ("WORK") is a TYPE. */
  params: Map<string, string[]>;
  value: string;
}

const BEGIN = /^begin:vcard$/i;
const END = /^end:vcard$/i;
const LINKEDIN = /linkedin\.com\//i;
/** Lines read between checks for cancel and reports of progress. */
const PROGRESS_LINES = 10_000;

/**
 * The cards of a vCard file as a grid: a header row, then one row per card. Only the columns some
 * card fills are given, but "Email" always is, so a file of cards without addresses is refused by the
 * mapping as any sheet without an email column is.
 */
export function readVCards(text: string, opts: ReadOptions = {}): RecordRows {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const contacts: Contact[] = [];
  let current: Contact | null = null;
  const lines = text.split(/\r\n|\n|\r/);
  let read = 0;
  for (const [line, at] of logicalLines(lines)) {
    if (++read % PROGRESS_LINES === 0) {
      if (opts.signal?.aborted) throw cancelled();
      opts.onProgress?.({ phase: 'parse', done: at, total: lines.length });
    }
    if (BEGIN.test(line)) {
      current = emptyContact();
      continue;
    }
    if (current === null) continue;
    if (END.test(line)) {
      contacts.push(current);
      if (contacts.length + 1 > maxRows) {
        throw new ReadError(
          'too_many_rows',
          `This file has more than ${formatCount(maxRows - 1)} contacts; LeadPrep reads at most ${formatCount(maxRows - 1)} from one file. Split it into smaller files and import them one by one.`,
        );
      }
      current = null;
      continue;
    }
    const property = parseProperty(line);
    if (property !== null) addProperty(current, property);
  }
  if (contacts.length === 0) {
    throw new ReadError(
      'empty',
      'This contacts file (vCard) holds no complete contact. Export the contacts again and import that file.',
    );
  }
  return toGrid(contacts, maxCellChars);
}

function emptyContact(): Contact {
  return {
    fullName: '',
    firstName: '',
    lastName: '',
    emails: [],
    preferredEmails: 0,
    company: '',
    title: '',
    phones: [],
    city: '',
    country: '',
    workAddress: false,
    websites: [],
    linkedin: '',
    note: '',
  };
}

/**
 * The file's lines with folded ones joined (a line starting with a space or tab continues the one
 * before) and 2.1's quoted-printable soft breaks ("=" at a line's end) joined too, each with the index
 * of the line it starts on.
 */
function* logicalLines(lines: readonly string[]): Generator<[string, number]> {
  let pending: string | null = null;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (pending !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      pending += raw.slice(1);
      continue;
    }
    if (pending !== null && pending.endsWith('=') && isQuotedPrintable(pending)) {
      pending = pending.slice(0, -1) + raw;
      continue;
    }
    if (pending !== null) yield [pending, start];
    pending = raw;
    start = i;
  }
  if (pending !== null) yield [pending, start];
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /quoted-printable/i.test(line.slice(0, colon));
}

/** "item1.EMAIL;TYPE=INTERNET,pref:jane@acme.com" → EMAIL, its parameters and value; null for no property. */
function parseProperty(line: string): Property | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [nameWithGroup = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? raw : raw.slice(eq + 1))
      .split(',')
      .map((v) => v.replace(/^"|"$/g, '').toUpperCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

function has(params: Map<string, string[]>, key: string, value: string): boolean {
  return params.get(key)?.includes(value) ?? false;
}

/** The value as text: quoted-printable decoded in its CHARSET. */
function valueText(p: Property): string {
  if (!has(p.params, 'ENCODING', 'QUOTED-PRINTABLE') && !has(p.params, 'TYPE', 'QUOTED-PRINTABLE')) {
    return p.value;
  }
  const bytes: number[] = [];
  for (let i = 0; i < p.value.length; i++) {
    const hex = p.value.slice(i + 1, i + 3);
    if (p.value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(p.value.charCodeAt(i) & 0xff);
    }
  }
  return decodeCharset(Uint8Array.from(bytes), p.params.get('CHARSET')?.[0] ?? 'UTF-8');
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  if (/^(?:WINDOWS-1252|ISO-8859-1|LATIN1|CP1252)$/.test(charset))
    return decodeSingleByte(bytes, 'windows-1252');
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // A charset the runtime does not know: UTF-8 is what every current exporter writes.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A value's components (split at unescaped ";"), each unescaped ("\\n", "\\,", "\\;", "\\\\"). */
function components(value: string): string[] {
  const out: string[] = [];
  let part = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i] as string;
      part += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === ';') {
      out.push(part.trim());
      part = '';
    } else {
      part += ch;
    }
  }
  out.push(part.trim());
  return out;
}

/** The whole value unescaped, its ";" kept (a note or a name may hold one). */
function plainValue(value: string): string {
  return components(value).join(';');
}

function addProperty(c: Contact, p: Property): void {
  if (has(p.params, 'ENCODING', 'B') || has(p.params, 'ENCODING', 'BASE64')) return;
  const text = valueText(p);
  switch (p.name) {
    case 'FN':
      c.fullName ||= plainValue(text);
      return;
    case 'N': {
      const [family = '', given = ''] = components(text);
      c.lastName ||= family;
      c.firstName ||= given;
      return;
    }
    case 'EMAIL': {
      const value = plainValue(text).replace(/^mailto:/i, '');
      if (value === '') return;
      const preferred = has(p.params, 'TYPE', 'PREF') || p.params.has('PREF');
      c.emails.splice(preferred ? c.preferredEmails++ : c.emails.length, 0, value);
      return;
    }
    case 'ORG':
      c.company ||= components(text)[0] ?? '';
      return;
    case 'TITLE':
    case 'ROLE':
      c.title ||= plainValue(text);
      return;
    case 'ADR': {
      const work = has(p.params, 'TYPE', 'WORK');
      if ((c.city !== '' || c.country !== '') && (c.workAddress || !work)) return;
      const parts = components(text);
      c.city = parts[3] ?? '';
      c.country = parts[6] ?? '';
      c.workAddress = work;
      return;
    }
    case 'TEL': {
      const value = plainValue(text).replace(/^tel:/i, '');
      if (value !== '') c.phones.push(value);
      return;
    }
    case 'URL': {
      const value = plainValue(text);
      if (LINKEDIN.test(value)) c.linkedin ||= value;
      else if (value !== '') c.websites.push(value);
      return;
    }
    case 'X-SOCIALPROFILE': {
      const value = plainValue(text);
      if (LINKEDIN.test(value) || has(p.params, 'TYPE', 'LINKEDIN')) c.linkedin ||= value;
      return;
    }
    case 'NOTE':
      c.note ||= plainValue(text);
      return;
  }
}

function toGrid(contacts: Contact[], maxCellChars: number): RecordRows {
  const columns: { header: string; cell: (c: Contact) => string }[] = [];
  const add = (header: string, pick: (c: Contact) => string, always = false) => {
    if (always || contacts.some((c) => pick(c) !== '')) columns.push({ header, cell: pick });
  };
  /** "Email", "Email 2", …: as many columns as the card with the most values needs. */
  const addList = (header: string, field: 'emails' | 'phones' | 'websites', always = false) => {
    // A loop, not Math.max(...): spread over a list of 500k contacts overflows the call stack.
    const most = contacts.reduce((m, c) => Math.max(m, c[field].length), always ? 1 : 0);
    for (let i = 0; i < most; i++)
      add(i === 0 ? header : `${header} ${i + 1}`, (c) => c[field][i] ?? '', always && i === 0);
  };
  add('Full Name', (c) => c.fullName);
  add('First Name', (c) => c.firstName);
  add('Last Name', (c) => c.lastName);
  addList('Email', 'emails', true);
  add('Company', (c) => c.company);
  add('Title', (c) => c.title);
  addList('Phone', 'phones');
  addList('Website', 'websites');
  add('City', (c) => c.city);
  add('Country', (c) => c.country);
  add('LinkedIn', (c) => c.linkedin);
  add('Note', (c) => c.note);

  let truncatedCells = 0;
  const rows = [columns.map((col) => col.header)];
  for (const c of contacts) {
    rows.push(
      columns.map((col) => {
        const value = col.cell(c);
        if (value.length <= maxCellChars) return value;
        truncatedCells++;
        return truncateCell(value, maxCellChars);
      }),
    );
  }
  return { rows, truncatedCells };
}
