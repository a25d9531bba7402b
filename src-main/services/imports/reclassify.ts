/*
 * One lead's state, recomputed over the database: the same `cleanLead` +
 * `classify` the pipeline uses, with the cross-row verdicts answered by
 * indexed lookups instead of the whole file:
 *
 * - suppressed: the address or one of its parent domains is on the list;
 * - duplicate (database): a lead of a COMMITTED import (not invalid) has the
 *   same email key, else the same LinkedIn URL — the rule `imports.dedupeIndex`
 *   gives the worker;
 * - duplicate (file): another lead of the same import that is neither a
 *   duplicate, invalid nor excluded has the same email key or LinkedIn URL
 *   (the first by row number is named);
 * - possible duplicate: the lead is a non-survivor of an open fuzzy group.
 */
import type Database from 'better-sqlite3';
import { classify, cleanLead, type Classification } from '../../../src-shared/import/clean';
import { emailDomain, emailKey } from '../../../src-shared/import/email';
import { isSuppressed } from '../../../src-shared/import/suppression';
import type { NormalisedLead, RowDecision } from '../../../src-shared/import/types';
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

export function createReclassifier(sqlite: Database.Database) {
  const suppressedEmail = sqlite.prepare<[string], { n: number }>(
    "SELECT 1 AS n FROM suppressions WHERE kind = 'email' AND value = ? LIMIT 1",
  );
  const suppressedDomains = sqlite.prepare<[string], { value: string }>(
    "SELECT value FROM suppressions WHERE kind = 'domain' AND value IN (SELECT value FROM json_each(?))",
  );
  const committedEmail = sqlite.prepare<[string], { n: number }>(
    `SELECT 1 AS n FROM leads l JOIN imports i ON i.id = l.import_id
      WHERE l.email_key = ? AND i.status = 'committed' AND l.state != 'invalid' LIMIT 1`,
  );
  const committedLinkedIn = sqlite.prepare<[string], { n: number }>(
    `SELECT 1 AS n FROM leads l JOIN imports i ON i.id = l.import_id
      WHERE l.linkedin_url = ? AND i.status = 'committed' AND l.state != 'invalid' LIMIT 1`,
  );
  // `+import_id`: without statistics the planner would walk the whole import by (import_id, row_number)
  // for the ORDER BY instead of the few leads with this key.
  const peerByEmail = sqlite.prepare<[string, number, number], { row_number: number }>(
    `SELECT row_number FROM leads
      WHERE email_key = ? AND +import_id = ? AND id != ?
        AND state NOT IN ('duplicate', 'invalid') AND (decision IS NULL OR decision != 'exclude')
      ORDER BY row_number LIMIT 1`,
  );
  const peerByLinkedIn = sqlite.prepare<[string, number, number], { row_number: number }>(
    `SELECT row_number FROM leads
      WHERE linkedin_url = ? AND +import_id = ? AND id != ?
        AND state NOT IN ('duplicate', 'invalid') AND (decision IS NULL OR decision != 'exclude')
      ORDER BY row_number LIMIT 1`,
  );
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
    let inDatabase: 'email' | 'linkedin' | null = null;
    if (key !== null && committedEmail.get(key)) inDatabase = 'email';
    else if (clean.linkedinUrl !== null && committedLinkedIn.get(clean.linkedinUrl)) inDatabase = 'linkedin';

    let duplicate: string | null = null;
    if (inDatabase === 'email') duplicate = 'Already in your leads (same email)';
    else if (inDatabase === 'linkedin') duplicate = 'Already in your leads (same LinkedIn profile)';
    else {
      const byEmail = key === null ? undefined : peerByEmail.get(key, row.import_id, row.id);
      if (byEmail) duplicate = `Same email as row ${byEmail.row_number}`;
      else if (clean.linkedinUrl !== null) {
        const byLinkedIn = peerByLinkedIn.get(clean.linkedinUrl, row.import_id, row.id);
        if (byLinkedIn) duplicate = `Same LinkedIn profile as row ${byLinkedIn.row_number}`;
      }
    }
    const fuzzy = openFuzzySurvivor.get(row.id, row.id);
    const classification = classify(
      cleaned,
      {
        suppressed: suppression(clean.email),
        duplicate,
        possibleDuplicate: fuzzy
          ? `Possibly the same person as row ${fuzzy.row_number} (similar name, same company)`
          : null,
      },
      decision,
    );
    if (inDatabase) classification.flags.push('in_database');
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

  return { reclassify, suppression };
}

export type Reclassifier = ReturnType<typeof createReclassifier>;
