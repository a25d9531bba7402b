/*
 * Duplicate detection within one import, near-linear in the number of rows.
 *
 * 1. Exact groups: rows sharing an email (`emailKey`) or a canonical LinkedIn
 *    URL are joined (union-find, so A~B by email and B~C by LinkedIn is one
 *    group of three). These are certain duplicates.
 * 2. Fuzzy groups ("same person at the same company"), suggestions for the
 *    user to confirm: only among the survivors of step 1 and the rows in no
 *    group. Rows are put in blocks keyed by company (registrable domain, and
 *    separately the folded company name) plus the first letter of the folded
 *    name; Jaro-Winkler >= 0.92 on folded full names within a block joins
 *    them. A block larger than BLOCK_ALL_PAIRS is sorted and compared only
 *    to its next BLOCK_WINDOW neighbours, so a file with 5,000 people at one
 *    company stays linear.
 *
 * Everything is order-independent: groups are connected components, blocks
 * are sorted, the survivor is the most complete record with ties going to
 * the lowest id, and groups are listed by their lowest id.
 */
import { emailKey } from './email';
import { jaroWinkler } from './jaro-winkler';
import { nameKey } from './name';
import { foldWords } from './text';
import { LEAD_TEXT_FIELDS, type NormalisedLead } from './types';

export interface DedupeItem {
  /** Any unique number; the pipeline uses the 1-based sheet row. */
  id: number;
  email: string | null;
  linkedinUrl: string | null;
  fullName: string | null;
  domain: string | null;
  company: string | null;
  /** How complete the record is (see `completeness`); higher survives. Defaults to the filled fields above. */
  completeness?: number;
}

export type DuplicateKind = 'email' | 'linkedin' | 'name_company';

export interface DuplicateGroup {
  kind: DuplicateKind;
  /** Ascending. */
  ids: number[];
  survivorId: number;
}

export const NAME_SIMILARITY = 0.92;
const BLOCK_ALL_PAIRS = 50;
const BLOCK_WINDOW = 10;
const MIN_NAME_LENGTH = 3;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    let x = i;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index becomes the root: the result does not depend on call order.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

function defaultCompleteness(item: DedupeItem): number {
  let n = 0;
  if (item.email) n++;
  if (item.linkedinUrl) n++;
  if (item.fullName) n++;
  if (item.domain) n++;
  if (item.company) n++;
  return n;
}

/** Filled text fields plus non-empty custom variables: the survivor heuristic. */
export function completeness(lead: NormalisedLead): number {
  let n = 0;
  for (const f of LEAD_TEXT_FIELDS) if (lead[f] !== null && lead[f] !== '') n++;
  for (const v of Object.values(lead.custom)) if (v !== '') n++;
  return n;
}

function pickSurvivor(members: readonly DedupeItem[]): number {
  let best = members[0] as DedupeItem;
  let bestScore = best.completeness ?? defaultCompleteness(best);
  for (const m of members) {
    const s = m.completeness ?? defaultCompleteness(m);
    if (s > bestScore || (s === bestScore && m.id < best.id)) {
      best = m;
      bestScore = s;
    }
  }
  return best.id;
}

function joinByKey(items: readonly DedupeItem[], uf: UnionFind, keyOf: (item: DedupeItem) => string | null): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (k === null || k === '') return;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else uf.union(seen, i);
  });
}

function components(n: number, uf: UnionFind, include: (i: number) => boolean): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    const r = uf.find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()].filter((c) => c.length > 1);
}

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'ltd', 'limited', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'sl', 'srl',
  'spa', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'company', 'oy', 'ab', 'as', 'pty', 'lda', 'ltda', 'the',
]);

/** "The ACME Corp., Inc." -> "acme": the company part of a fuzzy blocking key. */
export function companyKey(company: string): string {
  return foldWords(company, false)
    .filter((w) => !LEGAL_SUFFIXES.has(w))
    .join('');
}

function blockKeys(item: DedupeItem, name: string, companyKeys: Map<string, string>): string[] {
  const initial = name[0] ?? '';
  const keys: string[] = [];
  if (item.domain) keys.push(`d:${item.domain.toLowerCase()}|${initial}`);
  let c = '';
  if (item.company) {
    // Company names repeat across a file's rows: fold each once.
    const known = companyKeys.get(item.company);
    c = known ?? companyKey(item.company);
    if (known === undefined) companyKeys.set(item.company, c);
  }
  if (c !== '') keys.push(`c:${c}|${initial}`);
  return keys;
}

function fuzzyJoin(items: readonly DedupeItem[], candidates: readonly number[], uf: UnionFind): void {
  const names: string[] = new Array<string>(items.length).fill('');
  const blocks = new Map<string, number[]>();
  const companyKeys = new Map<string, string>();
  for (const i of candidates) {
    const item = items[i] as DedupeItem;
    if (!item.fullName) continue;
    const name = nameKey(item.fullName);
    if (name.length < MIN_NAME_LENGTH) continue;
    names[i] = name;
    for (const key of blockKeys(item, name, companyKeys)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  }
  const similar = (a: number, b: number): boolean => {
    if (uf.find(a) === uf.find(b)) return false; // already joined: nothing to learn
    const na = names[a] as string;
    const nb = names[b] as string;
    return na === nb || jaroWinkler(na, nb) >= NAME_SIMILARITY;
  };
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length <= BLOCK_ALL_PAIRS) {
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const a = block[x] as number;
          const b = block[y] as number;
          if (similar(a, b)) uf.union(a, b);
        }
      }
      continue;
    }
    const sorted = [...block].sort((a, b) => {
      const na = names[a] as string;
      const nb = names[b] as string;
      return na < nb ? -1 : na > nb ? 1 : (items[a] as DedupeItem).id - (items[b] as DedupeItem).id;
    });
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < Math.min(sorted.length, x + 1 + BLOCK_WINDOW); y++) {
        const a = sorted[x] as number;
        const b = sorted[y] as number;
        if (similar(a, b)) uf.union(a, b);
      }
    }
  }
}

function toGroup(items: readonly DedupeItem[], indices: readonly number[], kind: DuplicateKind): DuplicateGroup {
  const members = indices.map((i) => items[i] as DedupeItem);
  return { kind, ids: members.map((m) => m.id).sort((a, b) => a - b), survivorId: pickSurvivor(members) };
}

/**
 * Duplicate groups within `items` (ids must be unique). Exact groups
 * (`email`, `linkedin`) and fuzzy suggestion groups (`name_company`) are
 * disjoint; a fuzzy group links the survivors of exact groups and singles.
 */
export function findDuplicateGroups(items: readonly DedupeItem[]): { groups: DuplicateGroup[] } {
  // Index order must not matter: work on items sorted by id.
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  const exact = new UnionFind(n);
  joinByKey(sorted, exact, (it) => (it.email ? emailKey(it.email) : null));
  joinByKey(sorted, exact, (it) => it.linkedinUrl);

  const groups: DuplicateGroup[] = [];
  const inExactGroup = new Uint8Array(n);
  const representatives: number[] = [];
  const survivorIndex = new Map<number, number>();
  sorted.forEach((it, i) => survivorIndex.set(it.id, i));

  for (const comp of components(n, exact, () => true)) {
    const emails = new Set<string>();
    let sharedEmail = false;
    for (const i of comp) {
      inExactGroup[i] = 1;
      const e = sorted[i]?.email;
      if (!e) continue;
      const k = emailKey(e);
      if (emails.has(k)) sharedEmail = true;
      emails.add(k);
    }
    const group = toGroup(sorted, comp, sharedEmail ? 'email' : 'linkedin');
    groups.push(group);
    representatives.push(survivorIndex.get(group.survivorId) as number);
  }
  for (let i = 0; i < n; i++) if (inExactGroup[i] === 0) representatives.push(i);

  const fuzzy = new UnionFind(n);
  fuzzyJoin(sorted, representatives, fuzzy);
  const isRep = new Uint8Array(n);
  for (const i of representatives) isRep[i] = 1;
  for (const comp of components(n, fuzzy, (i) => isRep[i] === 1)) groups.push(toGroup(sorted, comp, 'name_company'));

  groups.sort((a, b) => (a.ids[0] as number) - (b.ids[0] as number));
  return { groups };
}

export interface ExistingLookup {
  /** Whether a lead with this `emailKey` is already in the database. */
  hasEmail(emailKey: string): boolean;
  /** Whether a lead with this canonical LinkedIn URL is already in the database. */
  hasLinkedIn(url: string): boolean;
}

export type ExistingMatch = 'email' | 'linkedin';

/** Items that match a lead already in the database (earlier imports), by id. Email wins over LinkedIn. */
export function matchExisting(
  items: readonly Pick<DedupeItem, 'id' | 'email' | 'linkedinUrl'>[],
  lookup: ExistingLookup,
): Map<number, ExistingMatch> {
  const out = new Map<number, ExistingMatch>();
  for (const it of items) {
    if (it.email && lookup.hasEmail(emailKey(it.email))) out.set(it.id, 'email');
    else if (it.linkedinUrl && lookup.hasLinkedIn(it.linkedinUrl)) out.set(it.id, 'linkedin');
  }
  return out;
}

/**
 * The survivor with its empty fields (and empty custom variables) filled
 * from `others`, earlier entries of `others` first. Values the survivor
 * already has are never overwritten; the inputs are not modified.
 */
export function mergeInto(survivor: NormalisedLead, others: readonly NormalisedLead[]): NormalisedLead {
  const merged: NormalisedLead = { ...survivor, custom: Object.assign(Object.create(null) as Record<string, string>, survivor.custom) };
  for (const other of others) {
    for (const f of LEAD_TEXT_FIELDS) {
      const v = other[f];
      if ((merged[f] === null || merged[f] === '') && v !== null && v !== '') merged[f] = v;
    }
    for (const [k, v] of Object.entries(other.custom)) {
      if (v !== '' && (!Object.hasOwn(merged.custom, k) || merged.custom[k] === '')) merged.custom[k] = v;
    }
  }
  return merged;
}
