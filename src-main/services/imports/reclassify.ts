/*
 * One lead's state, recomputed over the database: the same `cleanLead` +
 * `classify` the pipeline uses, with the cross-row verdicts answered by
 * lookups (lead_keys for committed imports, the draft's key maps for its own
 * leads) instead of the whole file:
 *
 * - suppressed: the address or one of its parent domains is on the list, or
 *   a row of its exact group (linked by shared email keys and LinkedIn URLs)
 *   has a valid address that is on the list itself (not only its domain):
 *   the same person, who asked not to be contacted;
 * - duplicate (database): a lead of a COMMITTED import that stands for its
 *   person (used, kept out, or their duplicate: `STANDS_FOR_PERSON`) has the
 *   same email key, else the same LinkedIn URL — the rule `imports.dedupeIndex`
 *   gives the worker; or a lead of its exact group does: the same person;
 * - duplicate (file): another lead of the same import that counts as the
 *   lead (neither a duplicate, invalid nor suppressed) has the same email
 *   key or LinkedIn URL (the first by row number is named), or, failing
 *   that, is linked to it through other rows of its exact group. For the
 *   same email key an excluded lead counts too: excluding a row keeps its
 *   address from being sent through another row (the same inbox), not the
 *   person's other addresses ("exclude free-mail addresses" leaves the work
 *   address of someone whose gmail row was the survivor);
 * - possible duplicate: the lead is a non-survivor of an open fuzzy group; failing that, a named lead of
 *   a COMMITTED import at the same company domain has a name the fuzzy rule takes for the same
 *   (`knownPeople`, over lead_keys' domain keys): "possibly already in your leads".
 */
import type Database from 'better-sqlite3';
import { classify, cleanLead, keepVerdicts, type Classification } from '../../../src-shared/import/clean';
import {
  alreadyInLeadsReason,
  knownPeople,
  possiblyInLeadsReason,
  possiblySameRowReason,
  sameFileReason,
  type ExistingMatch,
  type KnownPerson,
} from '../../../src-shared/import/dedupe';
import { emailKey } from '../../../src-shared/import/email';
import {
  isSuppressed,
  isSuppressedPerson,
  samePersonSuppressedReason,
  type SuppressionSet,
} from '../../../src-shared/import/suppression';
import type { LeadFlag, NormalisedLead, RowDecision } from '../../../src-shared/import/types';
import type { DraftKeys, KeyKind, LeadKeys } from './draft-keys';
import { parseDecision, parseFlags, toNormalised, type DbLead } from './rows';
import { loadSuppressionSet } from './suppression-set';

export interface Reclassified {
  lead: NormalisedLead;
  emailKey: string | null;
  classification: Classification;
}

/** Whether others sharing this `via` key with `p` are its duplicates (see the rule above). */
const countsAsLead = (p: Pick<DbLead, 'state' | 'decision'>, via: KeyKind | 'group'): boolean =>
  p.state !== 'duplicate' &&
  p.state !== 'invalid' &&
  (p.state !== 'suppressed' || (via === 'email' && p.decision === 'exclude'));

/** What re-checking the rest of a lead's group needs to know of it. */
export type KeyedLead = Pick<DbLead, 'id' | 'import_id'> & LeadKeys;

/** A lead of the import, as a walk over its group reads it. */
type Peer = {
  id: number;
  import_id: number;
  row_number: number;
  state: string;
  decision: string | null;
} & LeadKeys;

/**
 * What a group says about its members: the two lowest rows of each kind, so the lowest other than any one
 * member's own is known (`otherThan`).
 */
interface GroupFacts {
  /** Members themselves in the database (a key in a committed import). */
  anchors: number[];
  /** Members whose own (valid) address is on the suppression list. */
  suppressors: number[];
  /** Members that count as the lead. */
  leads: number[];
}

/** Keeps the two lowest row numbers seen, lowest first. */
function keepLowest(two: number[], rowNumber: number): void {
  if (two.length === 2 && rowNumber >= (two[1] as number)) return;
  if (two.length === 2) two.pop();
  two.push(rowNumber);
  if (two.length === 2 && (two[1] as number) < (two[0] as number)) two.reverse();
}

const otherThan = (two: readonly number[], self: number): number | null =>
  (two[0] === self ? two[1] : two[0]) ?? null;

/** A group as a pass keeps it. */
interface Group {
  /** The members' leads (the pass's own copies, which `written` keeps current). */
  members: Peer[];
  /** Ids of the members with a key in a committed import. */
  inDatabase: Set<number>;
  /** Null when a change made them unknown. */
  facts: GroupFacts | null;
  /** A change of keys may have split it or joined it to another: read it again when next asked. */
  stale: boolean;
}

/**
 * What one pass of re-checks reads again and again (each of 1,500 rows sharing one address re-checked in
 * turn reads the same group), kept for the pass: the pass writes leads only through `written`, which keeps
 * the leads and groups current, and neither the committed imports nor the suppression list change in it.
 */
export interface PassMemo {
  leads: Map<number, Peer>;
  /** By member id: its whole group, itself included. */
  groups: Map<number, Group>;
  /**
   * By import, key kind and key: the first lead with the key that counts as the lead, and once asked
   * (by that lead), the next one.
   */
  firstLeads: Map<string, { first: Peer | null; second?: Peer | null }>;
  /** `kind:key` -> whether a committed import has the key. */
  committed: Map<string, boolean>;
  /** The suppression list, once read in the pass. */
  suppression: SuppressionSet | null;
  /** By company domain: the committed leads there, as `knownPeople` finds among them. */
  people: Map<string, SimilarPerson>;
}

type SimilarPerson = ReturnType<typeof knownPeople>;

/** Flags that say how a field was read, and the field: kept while the field keeps its value. */
const FACTS_AS_READ: readonly (readonly [LeadFlag, 'email' | 'company'])[] = [
  ['multiple_emails', 'email'],
  ['company_from_colleagues', 'company'],
];

export function createReclassifier(sqlite: Database.Database, draftKeys: DraftKeys) {
  // Keys of committed imports only: a commit that stopped halfway has keys in lead_keys but is still a draft.
  const committedKey = sqlite.prepare<[KeyKind, string], { n: number }>(
    `SELECT 1 AS n FROM lead_keys k JOIN imports i ON i.id = k.import_id
      WHERE k.kind = ? AND k.key = ? AND i.status = 'committed' LIMIT 1`,
  );
  const leadsById = sqlite.prepare<[string], Peer>(
    'SELECT id, import_id, row_number, state, decision, email_key, linkedin_url FROM leads WHERE id IN (SELECT value FROM json_each(?))',
  );
  const KEY_COLUMN = { email: 'email_key', linkedin: 'linkedin_url' } as const;

  let memo: PassMemo | null = null;
  let memoDepth = 0;

  /** The leads with these ids (those that still exist), from the pass's memo where it has them. */
  function readLeads(ids: readonly number[]): Peer[] {
    if (memo === null) return leadsById.all(JSON.stringify(ids));
    const found: Peer[] = [];
    const missing: number[] = [];
    for (const id of ids) {
      const p = memo.leads.get(id);
      if (p === undefined) missing.push(id);
      else found.push(p);
    }
    if (missing.length > 0) {
      for (const p of leadsById.all(JSON.stringify(missing))) {
        memo.leads.set(p.id, p);
        found.push(p);
      }
    }
    return found;
  }

  // The list as the pipeline reads it: an entry keeps out its mailbox ("+tag" and Gmail dot variants),
  // which no lookup of the stored values by the lead's own key finds.
  const suppressionList = (): SuppressionSet => {
    if (memo === null) return loadSuppressionSet(sqlite);
    return (memo.suppression ??= loadSuppressionSet(sqlite));
  };

  /** Whether the address itself is on the suppression list. */
  const listedAddress = (key: string): boolean => isSuppressedPerson(key, suppressionList());

  /**
   * The first lead of the import, by row number, with this key that counts as the lead, lead `except`
   * left out. Ids ascend with row numbers, so it is in the shortest prefix of the key's ids holding such
   * a lead: read in growing steps, a group of 1,500 rows sharing one address costs a step per row
   * re-checked, not the whole group (each re-check reading every member took a second per edit).
   */
  function firstLead(importId: number, kind: KeyKind, key: string, except: number | null): Peer | null {
    const ids = draftKeys.leadsWith(importId, kind, key);
    for (let from = 0, step = 8; from < ids.length; from += step, step *= 4) {
      const chunk = ids.slice(from, from + step).filter((id) => id !== except);
      if (chunk.length === 0) continue;
      let first: Peer | null = null;
      for (const p of readLeads(chunk)) {
        if (
          p[KEY_COLUMN[kind]] === key &&
          countsAsLead(p, kind) &&
          (first === null || p.row_number < first.row_number)
        )
          first = p;
      }
      if (first !== null) return first;
    }
    return null;
  }

  const firstLeadsKey = (importId: number, kind: KeyKind, key: string): string =>
    `${importId}\u0000${kind}\u0000${key}`;

  /** The first other lead of the import with this key that counts as the lead (see `firstLead`). */
  function firstPeer(row: DbLead, kind: KeyKind, key: string | null): Peer | null {
    if (key === null) return null;
    if (memo === null) return firstLead(row.import_id, kind, key, row.id);
    const at = firstLeadsKey(row.import_id, kind, key);
    let leads = memo.firstLeads.get(at);
    if (leads === undefined) {
      leads = { first: firstLead(row.import_id, kind, key, null) };
      memo.firstLeads.set(at, leads);
    }
    if (leads.first === null || leads.first.id !== row.id) return leads.first;
    leads.second ??= firstLead(row.import_id, kind, key, row.id);
    return leads.second;
  }

  // In lead-id order, as `imports.dedupeIndex` lists them: the same lead is named.
  const peopleAt = sqlite.prepare<[string], KnownPerson>(
    `SELECT k.key AS domain, l.first_name AS firstName, l.last_name AS lastName, l.full_name AS fullName,
            l.email AS email
       FROM lead_keys k JOIN imports i ON i.id = k.import_id JOIN leads l ON l.id = k.lead_id
      WHERE k.kind = 'domain' AND k.key = ? AND i.status = 'committed' ORDER BY k.lead_id`,
  );

  /** A committed lead that is possibly the same person as `lead` (see `knownPeople`), or null. */
  function similarInDatabase(lead: NormalisedLead): KnownPerson | null {
    if (lead.domain === null) return null;
    const domain = lead.domain.toLowerCase();
    let similar = memo?.people.get(domain);
    if (similar === undefined) {
      similar = knownPeople(peopleAt.all(domain));
      memo?.people.set(domain, similar);
    }
    return similar(lead);
  }

  const inDatabase = (key: string | null, linkedinUrl: string | null): ExistingMatch | null => {
    if (key !== null && committedKey.get('email', key)) return 'email';
    if (linkedinUrl !== null && committedKey.get('linkedin', linkedinUrl)) return 'linkedin';
    return null;
  };
  // One query per step of the walk below, however many leads the step reached.
  const committedKeys = sqlite
    .prepare<[string, string], [KeyKind, string]>(
      `SELECT k.kind, k.key FROM lead_keys k JOIN imports i ON i.id = k.import_id
        WHERE k.kind = 'email' AND k.key IN (SELECT value FROM json_each(?)) AND i.status = 'committed'
       UNION
       SELECT k.kind, k.key FROM lead_keys k JOIN imports i ON i.id = k.import_id
        WHERE k.kind = 'linkedin' AND k.key IN (SELECT value FROM json_each(?)) AND i.status = 'committed'`,
    )
    .raw();

  /** Which of these keys a committed import has, as `kind:key`: one query for those the pass has not asked. */
  function committedOf(emails: readonly string[], urls: readonly string[]): Set<string> {
    const known = new Set<string>();
    const ask: Record<KeyKind, string[]> = { email: [], linkedin: [] };
    for (const [kind, keys] of [
      ['email', emails],
      ['linkedin', urls],
    ] as const) {
      for (const k of keys) {
        const cached = memo?.committed.get(`${kind}:${k}`);
        if (cached === undefined) ask[kind].push(k);
        else if (cached) known.add(`${kind}:${k}`);
      }
    }
    if (ask.email.length + ask.linkedin.length === 0) return known;
    const found = committedKeys.all(JSON.stringify(ask.email), JSON.stringify(ask.linkedin));
    for (const [kind, k] of found) known.add(`${kind}:${k}`);
    if (memo !== null)
      for (const kind of ['email', 'linkedin'] as const)
        for (const k of ask[kind]) memo.committed.set(`${kind}:${k}`, known.has(`${kind}:${k}`));
    return known;
  }

  /**
   * The leads of an import linked to `start` by shared email keys and LinkedIn URLs, row to row (the
   * pipeline's exact group), in steps of the walk, lead `self` left out (its stored keys may be the ones
   * it is changing from). The whole group, however large: a member a thousand rows along can be the one
   * whose address is suppressed, as in the pipeline.
   */
  function* walk(importId: number, start: LeadKeys, self: number): Generator<Peer[]> {
    const seen = new Set<number>([self]);
    const followed = new Set<string>();
    let frontier: LeadKeys[] = [start];
    while (frontier.length > 0) {
      const ids: number[] = [];
      for (const keys of frontier) {
        for (const kind of ['email', 'linkedin'] as const) {
          const value = keys[KEY_COLUMN[kind]];
          if (value === null || followed.has(`${kind}:${value}`)) continue;
          followed.add(`${kind}:${value}`);
          for (const id of draftKeys.leadsWith(importId, kind, value)) {
            if (seen.has(id)) continue;
            seen.add(id);
            ids.push(id);
          }
        }
      }
      if (ids.length === 0) return;
      const peers = readLeads(ids);
      frontier = peers;
      yield peers;
    }
  }

  /**
   * A valid address on the list shows as suppressed; only those are looked up (see isSuppressedPerson).
   * With `countsAsLead`, all a re-check reads of other leads' states: `changesOthers` must follow both.
   */
  const isSuppressor = (p: Pick<Peer, 'state' | 'email_key'>): boolean =>
    p.state === 'suppressed' && p.email_key !== null && listedAddress(p.email_key);

  /**
   * Whether a lead written from `before` to `after` can change another lead's verdict: a re-check reads
   * of the other leads their keys, whether they count as the lead (by each kind of link) and whether
   * they keep the rest of their person out (`isSuppressor`).
   */
  function changesOthers(
    before: Pick<DbLead, 'state' | 'decision'> & LeadKeys,
    after: Pick<DbLead, 'state' | 'decision'> & LeadKeys,
  ): boolean {
    return (
      before.email_key !== after.email_key ||
      before.linkedin_url !== after.linkedin_url ||
      countsAsLead(before, 'email') !== countsAsLead(after, 'email') ||
      countsAsLead(before, 'group') !== countsAsLead(after, 'group') ||
      isSuppressor(before) !== isSuppressor(after)
    );
  }

  function groupOf(members: Peer[]): Group {
    const known = committedOf(
      members.flatMap((p) => (p.email_key === null ? [] : [p.email_key])),
      members.flatMap((p) => (p.linkedin_url === null ? [] : [p.linkedin_url])),
    );
    const inDatabase = new Set<number>();
    for (const p of members) {
      if (
        (p.email_key !== null && known.has(`email:${p.email_key}`)) ||
        (p.linkedin_url !== null && known.has(`linkedin:${p.linkedin_url}`))
      )
        inDatabase.add(p.id);
    }
    return { members, inDatabase, facts: null, stale: false };
  }

  function factsOf(group: Group): GroupFacts {
    const facts: GroupFacts = { anchors: [], suppressors: [], leads: [] };
    for (const p of group.members) {
      if (group.inDatabase.has(p.id)) keepLowest(facts.anchors, p.row_number);
      if (isSuppressor(p)) keepLowest(facts.suppressors, p.row_number);
      if (countsAsLead(p, 'group')) keepLowest(facts.leads, p.row_number);
    }
    return facts;
  }

  /**
   * The group of lead `id` when `keys` are its stored keys, itself included, from the pass's memo: read
   * once per pass for all its members. Null outside a pass, and for keys the lead is changing to or from.
   */
  function storedGroup(importId: number, id: number, keys: LeadKeys): Group | null {
    if (memo === null) return null;
    const self = readLeads([id])[0];
    if (self === undefined || self.email_key !== keys.email_key || self.linkedin_url !== keys.linkedin_url)
      return null;
    let group = memo.groups.get(id);
    if (group === undefined || group.stale) {
      const members = [self];
      // One by one: a group of every row sharing a placeholder address is too long to spread into push.
      for (const peers of walk(importId, keys, id)) for (const peer of peers) members.push(peer);
      group = groupOf(members);
      for (const p of members) memo.groups.set(p.id, group);
    }
    return group;
  }

  /**
   * What the rest of `row`'s group says: the lowest row of a member that is itself in the database
   * (`anchor`), of a member whose own address is on the suppression list (`suppressor`), and of a member
   * that counts as the lead (`lead`). In a pass, a group is read once for all its members whose keys are
   * as stored.
   */
  function walkGroup(
    row: DbLead,
    key: string | null,
    linkedinUrl: string | null,
  ): { anchor: number | null; suppressor: number | null; lead: number | null } {
    const start = { email_key: key, linkedin_url: linkedinUrl };
    const stored = storedGroup(row.import_id, row.id, start);
    const groups = stored === null ? groupsJoined(row, start) : [stored];
    const facts = factsOfAll(groups ?? [groupOf([...walk(row.import_id, start, row.id)].flat())]);
    return {
      anchor: otherThan(facts.anchors, row.row_number),
      suppressor: otherThan(facts.suppressors, row.row_number),
      lead: otherThan(facts.leads, row.row_number),
    };
  }

  /** For each of `keys`, the first lead of the import other than `lead` that holds it. */
  function otherHolders(lead: Pick<DbLead, 'id' | 'import_id'>, keys: LeadKeys): number[] {
    const holders: number[] = [];
    for (const kind of ['email', 'linkedin'] as const) {
      const value = keys[KEY_COLUMN[kind]];
      const other =
        value === null
          ? undefined
          : draftKeys.leadsWith(lead.import_id, kind, value).find((id) => id !== lead.id);
      if (other !== undefined) holders.push(other);
    }
    return holders;
  }

  /**
   * In a pass, the groups of the other leads holding `keys`, keys `row` does not hold as stored (a typo
   * it is being fixed to, or one it was fixed from), when the row is in none of them (else it may be
   * what holds one together, and its group is walked afresh). Null outside a pass.
   */
  function groupsJoined(row: Pick<DbLead, 'id' | 'import_id'>, keys: LeadKeys): Group[] | null {
    if (memo === null) return null;
    const groups: Group[] = [];
    for (const other of otherHolders(row, keys)) {
      const holder = readLeads([other])[0];
      if (holder === undefined) continue;
      const group = storedGroup(row.import_id, holder.id, holder);
      if (group === null || memo.groups.get(row.id) === group) return null;
      if (!groups.includes(group)) groups.push(group);
    }
    return groups;
  }

  function factsOfAll(groups: readonly Group[]): GroupFacts {
    if (groups.length === 1) {
      const group = groups[0] as Group;
      return (group.facts ??= factsOf(group));
    }
    const all: GroupFacts = { anchors: [], suppressors: [], leads: [] };
    for (const group of groups) {
      const facts = (group.facts ??= factsOf(group));
      for (const kind of ['anchors', 'suppressors', 'leads'] as const)
        for (const rowNumber of facts[kind]) keepLowest(all[kind], rowNumber);
    }
    return all;
  }

  /**
   * Ids of the leads in the groups of `rows` (with the keys given), each row left out of its own (not of
   * another's, which it may be in), in the order the walk reaches them: those sharing a key first.
   */
  function othersInGroups(rows: readonly KeyedLead[]): number[] {
    const ids: number[] = [];
    const added = new Set<number>();
    const add = (id: number): void => {
      if (added.has(id)) return;
      added.add(id);
      ids.push(id);
    };
    // A group of 1,500 rows is added once, however many of its rows changed: the row it was added for
    // is added when another of its rows changed too.
    const leftOut = new Map<Group, number>();
    for (const row of rows) {
      const stored = storedGroup(row.import_id, row.id, row);
      const groups = stored === null ? groupsJoined(row, row) : [stored];
      if (groups === null) {
        for (const peers of walk(row.import_id, row, row.id)) for (const p of peers) add(p.id);
        continue;
      }
      for (const group of groups) {
        const left = leftOut.get(group);
        if (left === undefined) {
          for (const p of group.members) if (p.id !== row.id) add(p.id);
          leftOut.set(group, row.id);
        } else if (left !== row.id) add(left);
      }
    }
    return ids;
  }

  const newMemo = (): PassMemo => ({
    leads: new Map(),
    groups: new Map(),
    firstLeads: new Map(),
    committed: new Map(),
    suppression: null,
    people: new Map(),
  });

  /**
   * Runs a pass of re-checks whose writes to leads are all reported to `written` (the caller's store)
   * or `rewritten`: inside it, a lead, a group, a key's first lead, a key's place in committed imports
   * and an address's place on the suppression list are each read once. `carried`: the memo of an
   * earlier pass of the same step, when nothing else has written since.
   */
  function inPass<T>(fn: () => T, carried?: PassMemo): T {
    if (memoDepth++ === 0) memo = carried ?? newMemo();
    try {
      return fn();
    } finally {
      if (--memoDepth === 0) memo = null;
    }
  }

  /** Leads `ids` were written by a statement of the caller's: what the pass keeps of them is read again. */
  function rewritten(ids: readonly number[]): void {
    if (memo === null) return;
    const known = ids.filter((id) => memo?.leads.has(id));
    if (known.length > 0) for (const now of leadsById.all(JSON.stringify(known))) written(now.id, now);
  }

  /**
   * Lead `lead` no longer has the keys `before`. With one key it hung on that key alone, so the rest of
   * its group still holds together without it; with two it may have been the link between them.
   */
  function leaveGroup(lead: Peer, before: LeadKeys): void {
    const group = memo?.groups.get(lead.id);
    if (memo === null || group === undefined) return;
    memo.groups.delete(lead.id);
    if ((before.email_key === null) === (before.linkedin_url === null)) {
      group.stale = true;
      return;
    }
    group.members = group.members.filter((p) => p.id !== lead.id);
    group.inDatabase.delete(lead.id);
    const facts = group.facts;
    if (
      facts &&
      (facts.anchors.includes(lead.row_number) ||
        facts.suppressors.includes(lead.row_number) ||
        facts.leads.includes(lead.row_number))
    )
      group.facts = null;
  }

  /**
   * Lead `lead` has new keys: it joins the group of the other leads holding them when that group is
   * known whole; a lead that joins two groups, or one not read whole yet, makes the groups read again.
   */
  function joinGroup(lead: Peer): void {
    if (memo === null) return;
    const { groups } = memo;
    const found = otherHolders(lead, lead).map((id) => groups.get(id));
    if (found.length === 0) return;
    const group = found[0];
    if (group === undefined || group.stale || found.some((g) => g !== group)) {
      for (const g of found) if (g) g.stale = true;
      return;
    }
    group.members.push(lead);
    memo.groups.set(lead.id, group);
    const known = committedOf(
      lead.email_key === null ? [] : [lead.email_key],
      lead.linkedin_url === null ? [] : [lead.linkedin_url],
    );
    if (known.size > 0) group.inDatabase.add(lead.id);
    const facts = group.facts;
    if (facts === null) return;
    if (known.size > 0) keepLowest(facts.anchors, lead.row_number);
    if (isSuppressor(lead)) keepLowest(facts.suppressors, lead.row_number);
    if (countsAsLead(lead, 'group')) keepLowest(facts.leads, lead.row_number);
  }

  /**
   * Lead `id` was written with these values. What it can only have added to is updated; what it may have
   * taken a lowest row from is read again when next asked; a change of keys moves it from group to group
   * (`leaveGroup`, `joinGroup`) and drops what the pass knew of its old and new keys' first leads.
   */
  function written(id: number, now: Omit<Peer, 'id' | 'import_id' | 'row_number'>): void {
    const known = memo?.leads.get(id);
    if (memo === null || known === undefined) return;
    const before = { ...known };
    known.state = now.state;
    known.decision = now.decision;
    known.email_key = now.email_key;
    known.linkedin_url = now.linkedin_url;
    if (before.email_key !== known.email_key || before.linkedin_url !== known.linkedin_url) {
      for (const kind of ['email', 'linkedin'] as const)
        for (const key of [before[KEY_COLUMN[kind]], known[KEY_COLUMN[kind]]])
          if (key !== null) memo.firstLeads.delete(firstLeadsKey(known.import_id, kind, key));
      leaveGroup(known, before);
      joinGroup(known);
      return;
    }
    for (const kind of ['email', 'linkedin'] as const) {
      const key = known[KEY_COLUMN[kind]];
      const at = key === null ? null : firstLeadsKey(known.import_id, kind, key);
      const leads = at === null ? undefined : memo.firstLeads.get(at);
      const was = countsAsLead(before, kind);
      const is = countsAsLead(known, kind);
      if (at === null || leads === undefined || was === is) continue;
      if (!is) {
        if (leads.first?.id === id || leads.second?.id === id) memo.firstLeads.delete(at);
      } else if (leads.first === null || known.row_number < leads.first.row_number) {
        memo.firstLeads.set(at, { first: known, second: leads.first });
      } else if (
        leads.second !== undefined &&
        (leads.second === null || known.row_number < leads.second.row_number)
      ) {
        leads.second = known;
      }
    }
    const group = memo.groups.get(id);
    if (!group?.facts) return;
    const facts = group.facts;
    const update = (two: number[], was: boolean, is: boolean): boolean => {
      if (is && !was) keepLowest(two, known.row_number);
      return !(was && !is && two.includes(known.row_number));
    };
    const leadsKnown = update(facts.leads, countsAsLead(before, 'group'), countsAsLead(known, 'group'));
    const suppressorsKnown = update(facts.suppressors, isSuppressor(before), isSuppressor(known));
    if (!leadsKnown || !suppressorsKnown) group.facts = null;
  }

  const openFuzzySurvivor = sqlite.prepare<[number, number], { row_number: number }>(
    `SELECT s.row_number FROM duplicate_group_members m
       JOIN duplicate_groups g ON g.id = m.group_id
       JOIN leads s ON s.id = g.survivor_lead_id
      WHERE m.lead_id = ? AND g.kind = 'name_company' AND g.status = 'open' AND g.survivor_lead_id != ?
      LIMIT 1`,
  );

  /**
   * The state `row` would have with `lead` as its values (default: its stored values) and
   * `decision` (default: its stored decision). Reads only; the caller writes.
   */
  function reclassify(
    row: DbLead,
    lead: NormalisedLead = toNormalised(row),
    decision: RowDecision | null = parseDecision(row.decision),
  ): Reclassified {
    const cleaned = cleanLead(lead);
    const storedFlags = parseFlags(row.flags_json);
    keepVerdicts(cleaned, row.email, storedFlags);
    const clean = cleaned.lead;
    const key = clean.email === null ? null : emailKey(clean.email);
    const own = inDatabase(key, clean.linkedinUrl);
    // The whole group, for every row (in a pass, read once for all its members): whether the person is
    // already in your leads, or has an address on the suppression list, does not depend on which rows
    // link this one to them.
    const group = walkGroup(row, key, clean.linkedinUrl);
    const suppressed =
      isSuppressed(clean.email, suppressionList()) ??
      (group.suppressor === null ? null : samePersonSuppressedReason(group.suppressor));
    let duplicate: string | null = null;
    if (own !== null) duplicate = alreadyInLeadsReason(own);
    else {
      const byEmail = firstPeer(row, 'email', key);
      const byLinkedIn = byEmail === null ? firstPeer(row, 'linkedin', clean.linkedinUrl) : null;
      if (byEmail !== null)
        duplicate = sameFileReason('email', byEmail.row_number, byEmail.decision === 'exclude');
      else if (byLinkedIn !== null) duplicate = sameFileReason('linkedin', byLinkedIn.row_number);
      else if (group.anchor !== null) duplicate = alreadyInLeadsReason(group.anchor);
      else if (group.lead !== null) duplicate = sameFileReason('group', group.lead);
    }
    const fuzzy = openFuzzySurvivor.get(row.id, row.id);
    // A fact about the lead alone, whatever other rows say: the same whichever order a pass re-checks in.
    const known = similarInDatabase(clean);
    const classification = classify(
      cleaned,
      {
        suppressed,
        duplicate,
        possibleDuplicate: fuzzy
          ? possiblySameRowReason(fuzzy.row_number)
          : known !== null
            ? possiblyInLeadsReason(known)
            : null,
      },
      decision,
    );
    if (own !== null || group.anchor !== null) classification.flags.push('in_database');
    if (known !== null) classification.flags.push('similar_in_database');
    // Facts about a field as read ("several addresses in the cell", "company from colleagues") hold
    // until that field is edited.
    for (const [flag, field] of FACTS_AS_READ) {
      if (lead[field] === row[field] && storedFlags.includes(flag) && !classification.flags.includes(flag))
        classification.flags.push(flag);
    }
    return { lead: clean, emailKey: key, classification };
  }

  return { reclassify, othersInGroups, newMemo, inPass, written, rewritten, changesOthers };
}

export type Reclassifier = ReturnType<typeof createReclassifier>;
