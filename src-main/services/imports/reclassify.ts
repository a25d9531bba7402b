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
 * - duplicate (database): a lead of a COMMITTED import (not invalid) has the
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
 * - possible duplicate: the lead is a non-survivor of an open fuzzy group.
 */
import type Database from 'better-sqlite3';
import {
  classify,
  cleanLead,
  type Classification,
  type CrossRowVerdict,
} from '../../../src-shared/import/clean';
import { alreadyInLeadsReason, sameFileReason, type ExistingMatch } from '../../../src-shared/import/dedupe';
import { emailDomain, emailKey } from '../../../src-shared/import/email';
import { isSuppressed, samePersonSuppressedReason } from '../../../src-shared/import/suppression';
import type { NormalisedLead, RowDecision } from '../../../src-shared/import/types';
import type { DraftKeys, KeyKind, LeadKeys } from './draft-keys';
import { parseDecision, parseFlags, toNormalised, type DbLead } from './rows';

export interface Reclassified {
  lead: NormalisedLead;
  emailKey: string | null;
  classification: Classification;
}

/** Every parent of a domain, itself first: eu.acme.com -> [eu.acme.com, acme.com, com]. */
function domainChain(domain: string): string[] {
  const out: string[] = [];
  let d: string | null = domain;
  while (d !== null && d !== '') {
    out.push(d);
    const dot = d.indexOf('.');
    d = dot < 0 ? null : d.slice(dot + 1);
  }
  return out;
}

/** States of a lead that may be sent (after a fix). */
const SENDABLE: ReadonlySet<string> = new Set(['ready', 'needs_fix']);

/** A lead of the import, as a walk over its group reads it. */
type Peer = { id: number; row_number: number; state: string; decision: string | null } & LeadKeys;

/** Leads followed when looking for a row's link to the database: exact groups are a handful of rows. */
const MAX_GROUP_WALK = 200;

export function createReclassifier(sqlite: Database.Database, draftKeys: DraftKeys) {
  const suppressedEmail = sqlite.prepare<[string], { n: number }>(
    "SELECT 1 AS n FROM suppressions WHERE kind = 'email' AND value = ? LIMIT 1",
  );
  const suppressedDomains = sqlite.prepare<[string], { value: string }>(
    "SELECT value FROM suppressions WHERE kind = 'domain' AND value IN (SELECT value FROM json_each(?))",
  );
  // Keys of committed imports only: a commit that stopped halfway has keys in lead_keys but is still a draft.
  const committedKey = sqlite.prepare<[KeyKind, string], { n: number }>(
    `SELECT 1 AS n FROM lead_keys k JOIN imports i ON i.id = k.import_id
      WHERE k.kind = ? AND k.key = ? AND i.status = 'committed' LIMIT 1`,
  );
  const leadsById = sqlite.prepare<[string], Peer>(
    'SELECT id, row_number, state, decision, email_key, linkedin_url FROM leads WHERE id IN (SELECT value FROM json_each(?))',
  );
  const KEY_COLUMN = { email: 'email_key', linkedin: 'linkedin_url' } as const;

  /** Whether others sharing this `via` key with `p` are its duplicates (see the rule above). */
  const countsAsLead = (p: Peer, via: KeyKind | 'group'): boolean =>
    p.state !== 'duplicate' &&
    p.state !== 'invalid' &&
    (p.state !== 'suppressed' || (via === 'email' && p.decision === 'exclude'));

  /**
   * The first other lead of the import, by row number, with this key that counts as the lead. Ids ascend
   * with row numbers, so it is in the shortest prefix of the key's ids holding such a lead: read in
   * growing steps, a group of 1,500 rows sharing one address costs a step per row re-checked, not the
   * whole group (each re-check reading every member took a second per edit).
   */
  function firstPeer(row: DbLead, kind: KeyKind, key: string | null): Peer | null {
    if (key === null) return null;
    const ids = draftKeys.leadsWith(row.import_id, kind, key);
    for (let from = 0, step = 8; from < ids.length; from += step, step *= 4) {
      const chunk = ids.slice(from, from + step).filter((id) => id !== row.id);
      if (chunk.length === 0) continue;
      let first: Peer | null = null;
      for (const p of leadsById.all(JSON.stringify(chunk))) {
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

  /**
   * The leads of an import linked to `start` by shared email keys and LinkedIn URLs, row to row (the
   * pipeline's exact group), in steps of the walk, lead `self` left out (its stored keys may be the ones
   * it is changing from). At most MAX_GROUP_WALK leads, so a key thousands of rows share costs no more
   * than a small group.
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
            if (seen.has(id) || seen.size > MAX_GROUP_WALK) continue;
            seen.add(id);
            ids.push(id);
          }
        }
      }
      if (ids.length === 0) return;
      const peers = leadsById.all(JSON.stringify(ids));
      frontier = peers;
      yield peers;
    }
  }

  /**
   * What the rest of `row`'s group says: the lowest row of a member that is itself in the database
   * (`anchor`), of a member whose own address is on the suppression list (`suppressor`), and of a member
   * that counts as the lead (`lead`).
   */
  function walkGroup(
    row: DbLead,
    key: string | null,
    linkedinUrl: string | null,
  ): { anchor: number | null; suppressor: number | null; lead: number | null } {
    let anchor: number | null = null;
    let suppressor: number | null = null;
    let lead: number | null = null;
    const start = { email_key: key, linkedin_url: linkedinUrl };
    for (const peers of walk(row.import_id, start, row.id)) {
      const emails = peers.flatMap((p) => (p.email_key === null ? [] : [p.email_key]));
      const urls = peers.flatMap((p) => (p.linkedin_url === null ? [] : [p.linkedin_url]));
      const known = new Set(
        committedKeys.all(JSON.stringify(emails), JSON.stringify(urls)).map(([kind, k]) => `${kind}:${k}`),
      );
      for (const peer of peers) {
        const inDb =
          (peer.email_key !== null && known.has(`email:${peer.email_key}`)) ||
          (peer.linkedin_url !== null && known.has(`linkedin:${peer.linkedin_url}`));
        if (inDb && (anchor === null || peer.row_number < anchor)) anchor = peer.row_number;
        // A valid address on the list shows as suppressed; only those are looked up (see isSuppressedPerson).
        if (
          peer.state === 'suppressed' &&
          peer.email_key !== null &&
          (suppressor === null || peer.row_number < suppressor) &&
          suppressedEmail.get(peer.email_key)
        )
          suppressor = peer.row_number;
        if (countsAsLead(peer, 'group') && (lead === null || peer.row_number < lead)) lead = peer.row_number;
      }
    }
    return { anchor, suppressor, lead };
  }

  /** Ids of the other leads in the group of `lead` with `keys` (see `walk`). */
  function groupMembers(importId: number, lead: number, keys: LeadKeys): number[] {
    const ids: number[] = [];
    for (const peers of walk(importId, keys, lead)) for (const p of peers) ids.push(p.id);
    return ids;
  }

  const openFuzzySurvivor = sqlite.prepare<[number, number], { row_number: number }>(
    `SELECT s.row_number FROM duplicate_group_members m
       JOIN duplicate_groups g ON g.id = m.group_id
       JOIN leads s ON s.id = g.survivor_lead_id
      WHERE m.lead_id = ? AND g.kind = 'name_company' AND g.status = 'open' AND g.survivor_lead_id != ?
      LIMIT 1`,
  );

  function suppression(email: string | null): string | null {
    if (email === null) return null;
    const key = emailKey(email);
    const emails = new Set<string>();
    if (suppressedEmail.get(key)) emails.add(key);
    const domain = emailDomain(key);
    const domains = new Set<string>();
    if (domain)
      for (const r of suppressedDomains.all(JSON.stringify(domainChain(domain)))) domains.add(r.value);
    return isSuppressed(email, { emails, domains });
  }

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
    const clean = cleaned.lead;
    const key = clean.email === null ? null : emailKey(clean.email);
    const own = inDatabase(key, clean.linkedinUrl);
    let anchor: number | null = null;
    let suppressed = suppression(clean.email);
    let duplicate: string | null = null;
    let walked = false;
    const readGroup = (): void => {
      walked = true;
      const group = walkGroup(row, key, clean.linkedinUrl);
      if (group.suppressor !== null) suppressed ??= samePersonSuppressedReason(group.suppressor);
      if (duplicate !== null) return;
      anchor = group.anchor;
      if (anchor !== null) duplicate = alreadyInLeadsReason(anchor);
      else if (group.lead !== null) duplicate = sameFileReason('group', group.lead);
    };
    if (own !== null) {
      duplicate = alreadyInLeadsReason(own);
      // Already in your leads, but the person may have another address that is suppressed.
      readGroup();
    } else {
      const byEmail = firstPeer(row, 'email', key);
      const byLinkedIn = byEmail === null ? firstPeer(row, 'linkedin', clean.linkedinUrl) : null;
      if (byEmail !== null)
        duplicate = sameFileReason('email', byEmail.row_number, byEmail.decision === 'exclude');
      else if (byLinkedIn !== null) duplicate = sameFileReason('linkedin', byLinkedIn.row_number);
      // Walked only for a row no direct peer makes a duplicate (so not for each of 1,500 rows sharing
      // one address): a lead further along the group, a member already in your leads or one whose
      // address is suppressed still says what this row is.
      else readGroup();
    }
    const fuzzy = openFuzzySurvivor.get(row.id, row.id);
    const verdict = (): CrossRowVerdict => ({
      suppressed,
      duplicate,
      possibleDuplicate: fuzzy
        ? `Possibly the same person as row ${fuzzy.row_number} (similar name, same company)`
        : null,
    });
    let classification = classify(cleaned, verdict(), decision);
    // A row to be sent all the same (kept by the user) is checked against its whole group too: two kept
    // rows of a person whose other address is suppressed must not vouch for each other.
    if (!walked && suppressed === null && SENDABLE.has(classification.state)) {
      readGroup();
      if (suppressed !== null) classification = classify(cleaned, verdict(), decision);
    }
    if (own !== null || anchor !== null) classification.flags.push('in_database');
    // "Several addresses in the cell" is a fact about the cell as read; it holds until the email is edited.
    if (
      lead.email === row.email &&
      parseFlags(row.flags_json).includes('multiple_emails') &&
      !classification.flags.includes('multiple_emails')
    ) {
      classification.flags.push('multiple_emails');
    }
    return { lead: clean, emailKey: key, classification };
  }

  return { reclassify, suppression, groupMembers };
}

export type Reclassifier = ReturnType<typeof createReclassifier>;
