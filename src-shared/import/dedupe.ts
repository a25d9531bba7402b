/*
 * Duplicate detection within one import, near-linear in the number of rows.
 *
 * 1. Exact groups: rows sharing an email (`emailKey`) or a canonical LinkedIn
 *    URL are joined (union-find, so A~B by email and B~C by LinkedIn is one
 *    group of three). These are certain duplicates.
 * 2. Fuzzy groups ("same person at the same company"), suggestions for the
 *    user to confirm: only among the survivors of step 1 and the rows in no
 *    group. Two rows are the same person when their last names agree
 *    (Jaro-Winkler >= LAST_NAME_SIMILARITY, or the same initial and the full
 *    names >= FULL_NAME_SIMILARITY; never when one runs on into a longer
 *    name, "Lee" / "Leeson") and so do their first names (equal, an initial
 *    of the other, the short form the other starts with, "Chris" /
 *    "Christopher", a known short form, "Bob" / "Robert", or >=
 *    FIRST_NAME_SIMILARITY). A shared first name and
 *    company alone is not enough: big companies have many Annas.
 *    Rows are put in blocks keyed by company: the registrable domain, and
 *    separately the folded company name plus the last-name initial; two
 *    rows that both have a domain are the same company only when the
 *    domains are equal, so the company-name block compares a pair only when
 *    one side has no domain. A block larger than BLOCK_ALL_PAIRS is sorted
 *    by name and compared only to its next BLOCK_WINDOW neighbours, so the
 *    work per row stays constant however many people one company has.
 *
 * Everything is order-independent: groups are connected components, blocks
 * are sorted, the survivor is the most complete record with ties going to
 * the lowest id, and groups are listed by their lowest id.
 */
import { emailKey, sendableAsWritten, type EmailCheck } from './email';
import { companyKey } from './legal-forms';
import { jaroWinkler } from './jaro-winkler';
import { sameNameByNickname } from './nicknames';
import { splitFullName } from './name';
import { foldWords, lowerCased } from './text';
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
  /**
   * The name parts when the caller has them (the pipeline does: a file's own
   * first/last name columns beat splitting the full name). When both are
   * absent they are split from `fullName`.
   */
  firstName?: string | null;
  lastName?: string | null;
}

/** What dedupe reads of a record; a NormalisedLead has all of it. */
export type DedupeFields = Omit<DedupeItem, 'id' | 'completeness'>;

export type DuplicateKind = 'email' | 'linkedin' | 'name_company';

export interface DuplicateGroup {
  kind: DuplicateKind;
  /** Ascending. */
  ids: number[];
  survivorId: number;
}

export const LAST_NAME_SIMILARITY = 0.9;
export const FIRST_NAME_SIMILARITY = 0.9;
/** With the same last-name initial: catches a slip in the last name ("Smyth" / "Smith"). */
export const FULL_NAME_SIMILARITY = 0.94;
const BLOCK_ALL_PAIRS = 50;
const BLOCK_WINDOW = 10;
const MIN_NAME_LENGTH = 3;

/** Rows grouped: `find(i)` is the same for every row of a group. */
export interface People {
  find(i: number): number;
}

class UnionFind implements People {
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
  // The LEAD_TEXT_FIELDS spelled out: a loop over names is a keyed lookup per field.
  let n = 0;
  if (lead.email !== null && lead.email !== '') n++;
  if (lead.firstName !== null && lead.firstName !== '') n++;
  if (lead.lastName !== null && lead.lastName !== '') n++;
  if (lead.fullName !== null && lead.fullName !== '') n++;
  if (lead.title !== null && lead.title !== '') n++;
  if (lead.company !== null && lead.company !== '') n++;
  if (lead.website !== null && lead.website !== '') n++;
  if (lead.domain !== null && lead.domain !== '') n++;
  if (lead.linkedinUrl !== null && lead.linkedinUrl !== '') n++;
  if (lead.phone !== null && lead.phone !== '') n++;
  // for-in over the null-prototype record: no array of values per lead.
  const custom = lead.custom;
  for (const k in custom) if (custom[k] !== '') n++;
  return n;
}

/** How a row can be sent: as written, only once a fix to its address is made, or never. */
export type Reach = 'as_written' | 'after_fix' | 'never';

/**
 * `never` for a row that can never be sent (invalid, suppressed, or already in your leads), else
 * whether its address can be sent as written with no fix offered ("jane@gmial.com" can, but is likely
 * the slip the fix says).
 */
export function reachOf(check: EmailCheck | null, never: boolean): Reach {
  if (never) return 'never';
  return check === null || sendableAsWritten(check) ? 'as_written' : 'after_fix';
}

// Subtracted from a row's completeness, which counts fields and columns, far below either.
const REACH_PENALTY: Readonly<Record<Reach, number>> = { as_written: 0, after_fix: 1_000, never: 1_000_000 };

/**
 * A row's claim to be the survivor of its group, the highest wins: one that can be sent as written
 * whenever the group has one, then one that can be once fixed (a valid lead must not become the
 * duplicate of a broken one, nor wait for its fix), then the most complete.
 */
export function survivorScore(lead: NormalisedLead, reach: Reach): number {
  return completeness(lead) - REACH_PENALTY[reach];
}

/**
 * For each row, the first row with the same key (itself when it is the
 * first or has no key). A table sized for all rows up front, over typed
 * arrays: a Map grows (and re-hashes) its way to 100k keys and costs about
 * twice as much per row.
 */
function firstWithKey(keys: readonly (string | null)[]): Int32Array {
  const n = keys.length;
  const first = new Int32Array(n);
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    first[i] = i;
    const k = keys[i];
    if (k === null || k === undefined || k === '') continue;
    const h = hashOf(k);
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const seen = slots[at] as number;
      if (seen < 0) {
        slots[at] = i;
        hashes[at] = h;
        break;
      }
      if (hashes[at] === h && keys[seen] === k) {
        first[i] = seen;
        break;
      }
    }
  }
  return first;
}

function joinByKey(keys: readonly (string | null)[], uf: UnionFind): void {
  const first = firstWithKey(keys);
  for (let i = 0; i < first.length; i++) if (first[i] !== i) uf.union(first[i] as number, i);
}

/**
 * Rows linked by the same email key or LinkedIn URL, row to row (the exact groups): one person each.
 */
export function linkPeople(
  emailKeys: readonly (string | null)[],
  linkedIn: readonly (string | null)[],
): People {
  const uf = new UnionFind(emailKeys.length);
  joinByKey(emailKeys, uf);
  joinByKey(linkedIn, uf);
  return uf;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Components of two or more among `include`d indices, each ascending, listed by their lowest index. */
function components(n: number, uf: People, include: Uint8Array | null): number[][] {
  // Two passes over typed arrays: most rows are alone, so no array per row.
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (include !== null && include[i] !== 1) continue;
    const r = uf.find(i);
    size[r] = (size[r] as number) + 1;
  }
  const slot = new Int32Array(n).fill(-1);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (include !== null && include[i] !== 1) continue;
    const r = uf.find(i);
    if ((size[r] as number) < 2) continue;
    const at = slot[r] as number;
    if (at < 0) {
      slot[r] = out.length;
      out.push([i]);
    } else (out[at] as number[]).push(i);
  }
  return out;
}

/** Folded name parts: accents, case, spaces and punctuation dropped ("van der Berg" -> "vanderberg"). */
interface Person {
  first: string;
  last: string;
  /** The last name's first word ("smith" of "Smith-Jones"): a second surname added is the same name. */
  lastHead: string;
  /** `first last`, for the full-name comparison. */
  full: string;
  /** The name's place in name order among the people of wide blocks (see `rankByName`); -1 until ranked. */
  rank: number;
}

/** Builds each distinct name's key once per call: names repeat a lot within a file. */
class PersonKeys {
  private readonly folded = new Map<string, readonly string[]>();
  private readonly byFullName = new Map<string, Person | null>();
  private readonly byParts = new Map<string, Map<string, Person | null>>();

  private fold(part: string | null | undefined): readonly string[] {
    if (part == null || part === '') return [];
    let f = this.folded.get(part);
    if (f === undefined) {
      f = foldWords(part, false);
      this.folded.set(part, f);
    }
    return f;
  }

  private build(firstWords: readonly string[], lastWords: readonly string[]): Person | null {
    const first = firstWords.join('');
    const last = lastWords.join('');
    if (first.length + last.length < MIN_NAME_LENGTH) return null;
    const full = last === '' ? first : first === '' ? last : `${first} ${last}`;
    return { first, last, lastHead: lastWords[0] ?? '', full, rank: -1 };
  }

  of(item: Pick<DedupeFields, 'fullName' | 'firstName' | 'lastName'>): Person | null {
    if (item.firstName == null && item.lastName == null) {
      if (!item.fullName) return null;
      let p = this.byFullName.get(item.fullName);
      if (p === undefined) {
        const parts = splitFullName(item.fullName);
        p = this.build(this.fold(parts.firstName), this.fold(parts.lastName));
        this.byFullName.set(item.fullName, p);
      }
      return p;
    }
    const first = item.firstName ?? '';
    const last = item.lastName ?? '';
    let byLast = this.byParts.get(first);
    if (byLast === undefined) {
      byLast = new Map();
      this.byParts.set(first, byLast);
    }
    let p = byLast.get(last);
    if (p === undefined) {
      p = this.build(this.fold(first), this.fold(last));
      byLast.set(last, p);
    }
    return p;
  }
}

/** Whether the longer of `a` and `b` starts with the shorter and goes on for `atLeast` more letters. */
function runsOn(a: string, b: string, atLeast: number): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.length - short.length >= atLeast && long.startsWith(short);
}

const SHORT_FORM_MIN_LENGTH = 3;

function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a === '' || b === '') return false;
  // "J." and "John": an initial agrees with any name that starts with it.
  if (a.length === 1 || b.length === 1) return a.charCodeAt(0) === b.charCodeAt(0);
  // "Chris" and "Christopher", "Alex" and "Alexander": the short form is the start of the name.
  if (Math.min(a.length, b.length) >= SHORT_FORM_MIN_LENGTH && runsOn(a, b, 1)) return true;
  // "Bob" and "Robert", "Peggy" and "Margaret".
  if (sameNameByNickname(a, b)) return true;
  return jaroWinkler(a, b) >= FIRST_NAME_SIMILARITY;
}

/**
 * A last name run on into a longer one is another name ("Lee" / "Leeson", "Richard" / "Richardson"),
 * not a slip, unless the longer adds a second surname ("Smith" / "Smith-Jones").
 */
function anotherLastName(p: Person, q: Person): boolean {
  const [short, long] = p.last.length <= q.last.length ? [p, q] : [q, p];
  return runsOn(short.last, long.last, 2) && long.lastHead !== short.last;
}

/** The fuzzy "same person" rule (see the top of this file). */
function samePerson(p: Person, q: Person): boolean {
  // A one-word name ("Jane", "太郎") can only be compared with the same one word.
  if (p.last === '' || q.last === '') return p.last === q.last && p.first === q.first;
  if (!sameGivenName(p.first, q.first)) return false;
  if (p.last === q.last) return true;
  if (anotherLastName(p, q)) return false;
  if (jaroWinkler(p.last, q.last) >= LAST_NAME_SIMILARITY) return true;
  return p.last.charCodeAt(0) === q.last.charCodeAt(0) && jaroWinkler(p.full, q.full) >= FULL_NAME_SIMILARITY;
}

function byName(p: Person, q: Person): number {
  if (p.last !== q.last) return p.last < q.last ? -1 : 1;
  if (p.first !== q.first) return p.first < q.first ? -1 : 1;
  return 0;
}

/**
 * Ranks the people of the blocks wider than BLOCK_ALL_PAIRS by name, the
 * same name the same rank, so that each wide block sorts as plain numbers.
 * Sorting each block with a comparator over the names instead cost a
 * string comparison per step, and wide blocks grow with the file: at 400k
 * rows it was a third of the fuzzy stage.
 */
function rankByName(persons: readonly (Person | null)[], blocks: readonly (readonly number[])[]): void {
  const distinct: Person[] = [];
  for (const block of blocks) {
    if (block.length <= BLOCK_ALL_PAIRS) continue;
    for (const i of block) {
      const p = persons[i] as Person;
      if (p.rank < 0) {
        p.rank = 0;
        distinct.push(p);
      }
    }
  }
  distinct.sort(byName);
  let rank = 0;
  for (let k = 0; k < distinct.length; k++) {
    const p = distinct[k] as Person;
    if (k > 0 && byName(distinct[k - 1] as Person, p) !== 0) rank++;
    p.rank = rank;
  }
}

/** A wide block in name order, ties by index (indices ascend with ids): one native numeric sort. */
function sortByRank(block: number[], persons: readonly (Person | null)[]): void {
  const n = persons.length;
  const keyed = new Float64Array(block.length);
  for (let x = 0; x < block.length; x++) {
    const i = block[x] as number;
    keyed[x] = (persons[i] as Person).rank * n + i;
  }
  keyed.sort();
  for (let x = 0; x < block.length; x++) block[x] = (keyed[x] as number) % n;
}

/** A block is a lone index until a second row shares its key: most rows are alone. */
type Blocks = Map<string, number | number[]>;

/** True when `i` opens the block. */
function addTo(blocks: Blocks, key: string, i: number): boolean {
  const block = blocks.get(key);
  if (block === undefined) {
    blocks.set(key, i);
    return true;
  }
  if (typeof block === 'number') blocks.set(key, [block, i]);
  else block.push(i);
  return false;
}

/**
 * The block a person is compared within at one company: the last-name initial. One-word names block on
 * the whole word: they only ever match it exactly.
 */
const nameBlockOf = (p: Person): string => (p.last === '' ? `=${p.first}` : (p.last[0] as string));

function fuzzyJoin(items: readonly DedupeFields[], candidates: readonly number[], uf: UnionFind): void {
  const persons: (Person | null)[] = new Array<Person | null>(items.length).fill(null);
  const domains: (string | null)[] = new Array<string | null>(items.length).fill(null);
  // By company key, then name block: two lookups by strings whose hashes are
  // known (company keys are shared, name blocks are one letter) instead of a
  // new "company|block" string per row. The blocks are visited in the order
  // they were opened.
  const byCompany = new Map<string, Blocks>();
  const openedIn: Blocks[] = [];
  const openedKey: string[] = [];
  const companyKeys = new Map<string, string>();
  const keys = new PersonKeys();
  for (const i of candidates) {
    const item = items[i] as DedupeFields;
    const person = keys.of(item);
    if (person === null) continue;
    persons[i] = person;
    if (item.domain) {
      domains[i] = lowerCased(item.domain);
    }
    if (item.company) {
      // Company names repeat across a file's rows: fold each once.
      let c = companyKeys.get(item.company);
      if (c === undefined) {
        c = companyKey(item.company);
        companyKeys.set(item.company, c);
      }
      // Many companies share a name: the last-name initial keeps these blocks small.
      const nameBlock = nameBlockOf(person);
      if (c !== '') {
        let blocks = byCompany.get(c);
        if (blocks === undefined) {
          blocks = new Map();
          byCompany.set(c, blocks);
        }
        if (addTo(blocks, nameBlock, i)) {
          openedIn.push(blocks);
          openedKey.push(nameBlock);
        }
      }
    }
  }
  const visit = (block: number[], needsNoDomain: boolean, onMatch: (a: number, b: number) => void): void => {
    const wide = block.length > BLOCK_ALL_PAIRS;
    if (wide) sortByRank(block, persons);
    for (let x = 0; x < block.length; x++) {
      const a = block[x] as number;
      const end = wide ? Math.min(block.length, x + 1 + BLOCK_WINDOW) : block.length;
      for (let y = x + 1; y < end; y++) {
        const b = block[y] as number;
        // Two domains settle the company: equal ones share a domain block, different ones are different companies.
        if (needsNoDomain && domains[a] !== null && domains[b] !== null) continue;
        if (uf.find(a) === uf.find(b)) continue;
        if (samePerson(persons[a] as Person, persons[b] as Person)) onMatch(a, b);
      }
    }
  };
  // Few people share a domain: the domain alone is the block (sorted by name
  // when big). Most domains have one row: only shared ones get a block.
  const firstOfDomain = firstWithKey(domains);
  const byDomain = new Map<number, number[]>();
  for (const i of candidates) {
    const f = firstOfDomain[i] as number;
    if (f === i) continue;
    const block = byDomain.get(f);
    if (block === undefined) byDomain.set(f, [f, i]);
    else block.push(i);
  }
  const domainBlocks = [...byDomain.values()];
  const nameBlocks: number[][] = [];
  for (let k = 0; k < openedIn.length; k++) {
    const block = (openedIn[k] as Blocks).get(openedKey[k] as string) as number | number[];
    // Most company-name blocks only hold rows with a domain: nothing to compare there.
    if (typeof block !== 'number' && block.some((i) => domains[i] === null)) nameBlocks.push(block);
  }
  rankByName(persons, [...domainBlocks, ...nameBlocks]);
  for (const block of domainBlocks) visit(block, false, (a, b) => uf.union(a, b));

  // By company name, a row without a domain is a bridge: "Anna Smith, Acme
  // Inc" (no domain) may match Anna Smiths of acme.com and acme.de, and
  // joining both would make them one person. So a row that matches people
  // of two different domains is ambiguous and joins none of them, and no
  // join may put two domains in one group.
  const pairs: number[] = [];
  const matchedDomain = new Map<number, string | null>();
  const noteDomain = (noDomain: number, other: number): void => {
    const d = domains[other] as string;
    const seen = matchedDomain.get(noDomain);
    if (seen === undefined) matchedDomain.set(noDomain, d);
    else if (seen !== d) matchedDomain.set(noDomain, null);
  };
  const collect = (a: number, b: number): void => {
    pairs.push(a, b);
    if (domains[a] === null && domains[b] !== null) noteDomain(a, b);
    else if (domains[b] === null && domains[a] !== null) noteDomain(b, a);
  };
  for (const block of nameBlocks) visit(block, true, collect);
  if (pairs.length === 0) return;
  const rootDomain = new Map<number, string>();
  for (const i of candidates) {
    const d = domains[i];
    if (d !== null && d !== undefined) rootDomain.set(uf.find(i), d);
  }
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k] as number;
    const b = pairs[k + 1] as number;
    if (matchedDomain.get(a) === null || matchedDomain.get(b) === null) {
      // Ambiguous: still free to join another row without a domain.
      if (domains[a] !== null || domains[b] !== null) continue;
    }
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) continue;
    const da = rootDomain.get(ra);
    const db = rootDomain.get(rb);
    if (da !== undefined && db !== undefined && da !== db) continue;
    uf.union(a, b);
    const d = da ?? db;
    if (d !== undefined) rootDomain.set(uf.find(a), d);
  }
}

/** The group of `indices` (ascending) and the index of its survivor. */
function toGroup(
  ids: readonly number[],
  scores: readonly number[],
  indices: readonly number[],
  kind: DuplicateKind,
): { group: DuplicateGroup; survivor: number } {
  let best = indices[0] as number;
  const members: number[] = [];
  for (const i of indices) {
    members.push(ids[i] as number);
    const s = scores[i] as number;
    const bestScore = scores[best] as number;
    if (s > bestScore || (s === bestScore && (ids[i] as number) < (ids[best] as number))) best = i;
  }
  // Items are sorted by id, and component indices ascend: ids already ascend.
  return { group: { kind, ids: members, survivorId: ids[best] as number }, survivor: best };
}

/**
 * Duplicate groups within `items` (ids must be unique). Exact groups
 * (`email`, `linkedin`) and fuzzy suggestion groups (`name_company`) are
 * disjoint; a fuzzy group links the survivors of exact groups and singles.
 */
export function findDuplicateGroups(items: readonly DedupeItem[]): { groups: DuplicateGroup[] } {
  // Index order must not matter: work on items sorted by id.
  let ascending = true;
  for (let i = 1; i < items.length && ascending; i++)
    ascending = (items[i - 1] as DedupeItem).id < (items[i] as DedupeItem).id;
  // The pipeline passes items in row order already: no copy then.
  const sorted = ascending ? items : [...items].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  const ids = new Array<number>(n);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const it = sorted[i] as DedupeItem;
    ids[i] = it.id;
    scores[i] = it.completeness ?? defaultCompleteness(it);
  }
  return { groups: duplicateGroupsInIdOrder(sorted, ids, scores) };
}

/**
 * `findDuplicateGroups` for records whose `ids` ascend, with each record's
 * completeness in `scores`: the pipeline hands over its leads as they are
 * instead of a DedupeItem copy of each.
 */
export function duplicateGroupsInIdOrder(
  records: readonly DedupeFields[],
  ids: readonly number[],
  scores: readonly number[],
): DuplicateGroup[] {
  const n = records.length;
  const emailKeys = new Array<string | null>(n);
  const linkedIn = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as DedupeFields;
    emailKeys[i] = r.email ? emailKey(r.email) : null;
    linkedIn[i] = r.linkedinUrl;
  }
  const exact = linkPeople(emailKeys, linkedIn);

  const groups: DuplicateGroup[] = [];
  const isRep = new Uint8Array(n).fill(1);
  for (const comp of components(n, exact, null)) {
    const emails = new Set<string>();
    let sharedEmail = false;
    for (const i of comp) {
      isRep[i] = 0;
      const k = emailKeys[i];
      if (k == null) continue;
      if (emails.has(k)) sharedEmail = true;
      emails.add(k);
    }
    const { group, survivor } = toGroup(ids, scores, comp, sharedEmail ? 'email' : 'linkedin');
    groups.push(group);
    isRep[survivor] = 1;
  }
  const representatives: number[] = [];
  for (let i = 0; i < n; i++) if (isRep[i] === 1) representatives.push(i);

  const fuzzy = new UnionFind(n);
  fuzzyJoin(records, representatives, fuzzy);
  for (const comp of components(n, fuzzy, isRep))
    groups.push(toGroup(ids, scores, comp, 'name_company').group);

  groups.sort((a, b) => (a.ids[0] as number) - (b.ids[0] as number));
  return groups;
}

export interface ExistingLookup {
  /** Whether a lead with this `emailKey` is already in the database. */
  hasEmail(emailKey: string): boolean;
  /** Whether a lead with this canonical LinkedIn URL is already in the database. */
  hasLinkedIn(url: string): boolean;
  /** A lead already in the database that is possibly the same person (see `knownPeople`), or null. */
  similarPerson(fields: DedupeFields): KnownPerson | null;
}

/** A lead already in the database, as the "possibly already in your leads" check reads it. */
export interface KnownPerson {
  /** The company's registrable domain (a lead's `domain`). */
  domain: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  email: string | null;
}

/**
 * The people of one domain whose last names share an initial (or who share a one-word name) are all
 * compared up to this many; beyond it only those with the same folded last name are, so a row costs the
 * same however many people of one company the database holds.
 */
const KNOWN_SCAN_MAX = 200;

interface KnownEntry {
  person: Person;
  known: KnownPerson;
}

/** People of one domain and name block; a wide block is indexed by folded last name when first asked. */
interface KnownBlock {
  entries: KnownEntry[];
  byLast: Map<string, KnownEntry[]> | null;
}

function byLastName(entries: readonly KnownEntry[]): Map<string, KnownEntry[]> {
  const m = new Map<string, KnownEntry[]>();
  for (const e of entries) {
    const list = m.get(e.person.last);
    if (list === undefined) m.set(e.person.last, [e]);
    else list.push(e);
  }
  return m;
}

/**
 * Finds, for a lead, a lead already in the database that is possibly the same person: at the same
 * company domain, with a name the fuzzy rule of the file's own groups takes for the same (`samePerson`),
 * among the people whose last names share its initial. Only a domain settles the company here: a
 * company name alone is shared by too many firms across files. Of several, the first in `known`'s
 * order is named. Used by the pipeline (the whole database, once per import) and by the re-check after
 * an edit (one domain's people), so both say the same.
 */
export function knownPeople(known: Iterable<KnownPerson>): (fields: DedupeFields) => KnownPerson | null {
  const keys = new PersonKeys();
  const byDomain = new Map<string, Map<string, KnownBlock>>();
  for (const k of known) {
    const person = keys.of(k);
    if (person === null || k.domain === '') continue;
    const domain = lowerCased(k.domain);
    let blocks = byDomain.get(domain);
    if (blocks === undefined) {
      blocks = new Map();
      byDomain.set(domain, blocks);
    }
    const name = nameBlockOf(person);
    const block = blocks.get(name);
    if (block === undefined) blocks.set(name, { entries: [{ person, known: k }], byLast: null });
    else block.entries.push({ person, known: k });
  }
  return (fields) => {
    if (!fields.domain || byDomain.size === 0) return null;
    const blocks = byDomain.get(lowerCased(fields.domain));
    if (blocks === undefined) return null;
    const person = keys.of(fields);
    if (person === null) return null;
    const block = blocks.get(nameBlockOf(person));
    if (block === undefined) return null;
    let entries: readonly KnownEntry[] | undefined = block.entries;
    // A one-word name's block holds that word alone: its first entry matches, however wide it is.
    if (entries.length > KNOWN_SCAN_MAX && person.last !== '') {
      block.byLast ??= byLastName(entries);
      entries = block.byLast.get(person.last);
    }
    for (const e of entries ?? []) if (samePerson(person, e.person)) return e.known;
    return null;
  };
}

/** What the database holds for dedupe, as `imports.dedupeIndex` gives it: the lookup the pipeline takes. */
export function existingLookupOf(index: {
  emailKeys: readonly string[];
  linkedinUrls: readonly string[];
  people: readonly KnownPerson[];
}): ExistingLookup {
  const emails = new Set(index.emailKeys);
  const linkedin = new Set(index.linkedinUrls);
  return {
    hasEmail: (k) => emails.has(k),
    hasLinkedIn: (u) => linkedin.has(u),
    similarPerson: knownPeople(index.people),
  };
}

/** How a lead already in the database is named to the user: "Jane Doe, jane@acme.com". */
function knownPersonLabel(k: KnownPerson): string {
  const name = k.fullName ?? ([k.firstName, k.lastName].filter(Boolean).join(' ') || null);
  return [name, k.email].filter(Boolean).join(', ');
}

/** Why a row is possibly a lead already in the database (to confirm: keep it, or exclude it). */
export function possiblyInLeadsReason(k: KnownPerson): string {
  return `Possibly already in your leads as ${knownPersonLabel(k)} (similar name, same company)`;
}

export type ExistingMatch = 'email' | 'linkedin';

/**
 * Why a row is a duplicate of row `row` of the same file: the same address, profile, or only linked through
 * others. `excluded`: the user excluded that row, and so this address (see the re-check's rule).
 */
export function sameFileReason(via: 'email' | 'linkedin' | 'group', row: number, excluded = false): string {
  if (via === 'email') return `Same email as row ${row}${excluded ? ', which you excluded' : ''}`;
  if (via === 'linkedin') return `Same LinkedIn profile as row ${row}`;
  return `Same person as row ${row} (shares an email or LinkedIn profile with another row of the group)`;
}

/** Why a row is possibly the same person as row `survivor` of the same file (to confirm). */
export function possiblySameRowReason(survivor: number): string {
  return `Possibly the same person as row ${survivor} (similar name, same company)`;
}

/**
 * Why a row is already in your leads: its own address or LinkedIn profile matched, or (a row number) it
 * is the same person as that row of the file, whose own keys matched.
 */
export function alreadyInLeadsReason(via: ExistingMatch | number): string {
  if (via === 'email') return 'Already in your leads (same email)';
  if (via === 'linkedin') return 'Already in your leads (same LinkedIn profile)';
  return `Already in your leads (the same person as row ${via})`;
}

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
  const merged: NormalisedLead = {
    ...survivor,
    custom: Object.assign(Object.create(null) as Record<string, string>, survivor.custom),
  };
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
