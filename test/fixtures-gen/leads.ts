/*
 * Realistic messy lead lists, deterministic from a seed: what founders
 * actually export from Apollo, LinkedIn scrapers and event scanners.
 * About 10 % of rows are duplicates of earlier rows in disguise, about 5 %
 * have invalid emails, some have typo'd domains or role addresses; case,
 * whitespace and scripts are mixed. `truth` says what each row is, so
 * integration tests and benchmarks can check counts.
 */
import * as XLSX from 'xlsx';
import { csvBytes, type CsvOptions } from './text';
import { writeWorkbook } from './workbooks';

export const LEAD_HEADER = [
  'Email',
  'First Name',
  'Last Name',
  'Full Name',
  'Title',
  'Company',
  'Website',
  'LinkedIn',
  'Phone',
  'City',
  'Country',
  'Notes',
] as const;

export type RowKind = 'ok' | 'duplicate' | 'invalid' | 'typo' | 'role';

export interface MessyLeads {
  header: string[];
  rows: string[][];
  truth: {
    kind: RowKind[];
    /** Index (in `rows`) of the original row a duplicate disguises, else -1. */
    duplicateOf: number[];
  };
}

/** mulberry32: tiny, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [display, ascii] so emails and LinkedIn slugs stay ASCII for non-Latin names.
const FIRST: readonly (readonly [string, string])[] = [
  ['James', 'james'],
  ['Maria', 'maria'],
  ['José', 'jose'],
  ['Zoë', 'zoe'],
  ['François', 'francois'],
  ['Anna', 'anna'],
  ['Łukasz', 'lukasz'],
  ['Øyvind', 'oyvind'],
  ['Siobhán', 'siobhan'],
  ['Chen', 'chen'],
  ['太郎', 'taro'],
  ['花子', 'hanako'],
  ['Иван', 'ivan'],
  ['Ольга', 'olga'],
  ['Mohammed', 'mohammed'],
  ['Priya', 'priya'],
  ['Ελένη', 'eleni'],
  ['Sarah', 'sarah'],
  ['David', 'david'],
  ['Emma', 'emma'],
  ['Lucas', 'lucas'],
  ['Sofía', 'sofia'],
  ['Noah', 'noah'],
  ['Mia', 'mia'],
  ['Jürgen', 'jurgen'],
];
const LAST: readonly (readonly [string, string])[] = [
  ['Smith', 'smith'],
  ['García', 'garcia'],
  ['Müller', 'muller'],
  ['Dubois', 'dubois'],
  ['Rossi', 'rossi'],
  ['Nowak', 'nowak'],
  ['Hansen', 'hansen'],
  ["O'Brien", 'obrien'],
  ['Wang', 'wang'],
  ['佐藤', 'sato'],
  ['鈴木', 'suzuki'],
  ['Петров', 'petrov'],
  ['Смирнова', 'smirnova'],
  ['Khan', 'khan'],
  ['Patel', 'patel'],
  ['Παπαδοπούλου', 'papadopoulou'],
  ['Johnson', 'johnson'],
  ['Brown', 'brown'],
  ['van der Berg', 'vanderberg'],
  ['Silva', 'silva'],
  ['Kowalski', 'kowalski'],
  ['Fernández', 'fernandez'],
  ['Lefèvre', 'lefevre'],
];
const TITLES = [
  'CEO',
  'Founder',
  'Co-Founder & CTO',
  'VP Sales',
  'Head of Marketing',
  'Growth Lead',
  'Directeur Commercial',
  'Geschäftsführer',
  'Account Executive',
  'Operations Manager',
  'Head of People',
  'CFO',
];
const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Gringotts',
  'Monarch',
  'Oceanic',
  'Nakatomi',
  'Société Générale',
  'Müller & Söhne',
];
const COMPANY_SUFFIX = ['Inc', 'Ltd', 'GmbH', 'SAS', 'Labs', 'AI', 'Group', 'Studio', 'Partners', 'BV'];
const TLDS = ['com', 'io', 'co', 'de', 'fr', 'co.uk', 'es', 'ai', 'com.br', 'jp'];
const CITIES: readonly (readonly [string, string])[] = [
  ['Paris', 'France'],
  ['Berlin', 'Germany'],
  ['London', 'United Kingdom'],
  ['New York', 'USA'],
  ['Tokyo', 'Japan'],
  ['São Paulo', 'Brazil'],
  ['Madrid', 'Spain'],
  ['Москва', 'Russia'],
  ['Zürich', 'Switzerland'],
  ['Austin', 'USA'],
  ['Kraków', 'Poland'],
  ['Amsterdam', 'Netherlands'],
];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'gmx.de', 'orange.fr'];
const TYPOS: Record<string, string> = {
  'gmail.com': 'gmial.com',
  'hotmail.com': 'hotmial.com',
  'yahoo.com': 'yaho.com',
  'outlook.com': 'outlok.com',
};
const ROLES = ['info', 'sales', 'contact', 'hello', 'support', 'admin'];
const NOTES = [
  '',
  '',
  '',
  'Met at SaaStr',
  'Warm intro from Paul',
  'Asked for pricing, call back in Q3',
  'Prefers email, not phone',
  '"VIP" — handle with care',
  'Notes: line one\nline two',
  "=cmd|' /C calc'!A0",
  '+1 follow-up',
  '-',
  '@mention in Slack',
  'Budget: 10,000€; decision in May',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');
}

function messCase(r: () => number, s: string): string {
  const x = r();
  if (x < 0.08) return s.toUpperCase();
  if (x < 0.14) return s.toLowerCase();
  return s;
}

function messSpace(r: () => number, s: string): string {
  const x = r();
  if (x < 0.07) return `  ${s} `;
  if (x < 0.1) return `${s}\t`;
  if (x < 0.13) return s.replace(' ', '  ');
  return s;
}

function invalidEmail(r: () => number, local: string, domain: string): string {
  switch (Math.floor(r() * 6)) {
    case 0:
      return `${local}${domain}`;
    case 1:
      return `${local}@@${domain}`;
    case 2:
      return `${local}@${domain.split('.')[0]}`;
    case 3:
      return `${local} ${local}@${domain}`;
    case 4:
      return `${local}@${domain}.`;
    default:
      return `@${domain}`;
  }
}

function phone(r: () => number): string {
  const d = (k: number): string => Array.from({ length: k }, () => Math.floor(r() * 10)).join('');
  switch (Math.floor(r() * 5)) {
    case 0:
      return `+1 (${d(3)}) ${d(3)}-${d(4)}`;
    case 1:
      return `+33 6 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`;
    case 2:
      return `0${d(9)}`;
    case 3:
      return `+49 ${d(3)} ${d(7)}`;
    default:
      return '';
  }
}

function disguiseLinkedIn(r: () => number, url: string): string {
  if (url === '') return url;
  switch (Math.floor(r() * 4)) {
    case 0:
      return `${url}?utm_source=share&utm_medium=member_desktop`;
    case 1:
      return url.replace('https://www.', 'https://fr.') + '/';
    case 2:
      return url.replace('https://www.', 'http://').toUpperCase();
    default:
      return `${url}/?originalSubdomain=de`;
  }
}

function disguise(r: () => number, original: string[]): string[] {
  const row = original.slice();
  const email = row[0]!.trim();
  switch (Math.floor(r() * 4)) {
    case 0:
      row[0] = email.toUpperCase();
      break;
    case 1:
      row[0] = `  ${email}  `;
      break;
    case 2:
      row[0] = `mailto:${email}`;
      break;
    default:
      // Same person found through LinkedIn with a different (personal) address.
      row[0] = `${email.split('@')[0]}.${Math.floor(r() * 90) + 10}@gmail.com`;
      row[7] = disguiseLinkedIn(r, row[7]!);
      break;
  }
  if (r() < 0.5) row[3] = `${row[2]}, ${row[1]}`;
  if (r() < 0.3) row[11] = 'imported twice';
  return row;
}

export function messyLeads(n: number, seed = 1): MessyLeads {
  const r = rng(seed);
  const rows: string[][] = [];
  const kind: RowKind[] = [];
  const duplicateOf: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 10 && r() < 0.1) {
      const of = Math.floor(r() * i);
      // Disguise the original, never another duplicate, so truth stays simple.
      const root = duplicateOf[of]! >= 0 ? duplicateOf[of]! : of;
      rows.push(disguise(r, rows[root]!));
      kind.push('duplicate');
      duplicateOf.push(root);
      continue;
    }
    const [first, firstAscii] = pick(r, FIRST);
    const [last, lastAscii] = pick(r, LAST);
    const company = `${pick(r, COMPANY_WORDS)} ${pick(r, COMPANY_SUFFIX)}`;
    // The row index keeps domains and emails of distinct people distinct.
    const domain = `${slugify(company)}${i}.${pick(r, TLDS)}`;
    const local = r() < 0.5 ? `${firstAscii}.${lastAscii}` : `${firstAscii[0]}${lastAscii}`;
    let email: string;
    let k: RowKind = 'ok';
    const x = r();
    if (x < 0.05) {
      email = invalidEmail(r, local, domain);
      k = 'invalid';
    } else if (x < 0.07) {
      const free = pick(r, Object.keys(TYPOS));
      email = `${local}${i}@${TYPOS[free]}`;
      k = 'typo';
    } else if (x < 0.1) {
      email = `${pick(r, ROLES)}@${domain}`;
      k = 'role';
    } else if (x < 0.25) {
      email = `${local}${i}@${pick(r, FREE_MAIL)}`;
    } else {
      email = `${local}@${domain}`;
    }
    const [city, country] = pick(r, CITIES);
    const linkedin =
      r() < 0.8 ? `https://www.linkedin.com/in/${firstAscii}-${lastAscii}-${i.toString(36)}` : '';
    const website =
      r() < 0.85
        ? pick(r, [`https://www.${domain}`, `http://${domain}/`, domain, `www.${domain}/about`])
        : '';
    rows.push([
      messSpace(r, messCase(r, email)),
      messSpace(r, first),
      messCase(r, last),
      r() < 0.7 ? `${first} ${last}` : '',
      pick(r, TITLES),
      messSpace(r, company),
      website,
      linkedin,
      phone(r),
      city,
      country,
      pick(r, NOTES),
    ]);
    kind.push(k);
    duplicateOf.push(-1);
  }
  return { header: [...LEAD_HEADER], rows, truth: { kind, duplicateOf } };
}

export function leadsToCsv(leads: MessyLeads, opts: CsvOptions = {}): Uint8Array {
  return csvBytes([leads.header, ...leads.rows], opts);
}

/** An .xlsx with shared strings (how Excel stores text), every cell a text cell. */
export function leadsToXlsx(leads: MessyLeads, sheetName = 'Leads'): Uint8Array {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([leads.header, ...leads.rows], { dense: true });
  XLSX.utils.book_append_sheet(wb, ws, sheetName);
  return writeWorkbook(wb, 'xlsx');
}
