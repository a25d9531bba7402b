/*
 * A lead whose row gives no company, beside colleagues whose rows do: a list kept by hand writes the
 * company once above the people who work there, and a CRM leaves it empty on the contacts added
 * later. People at one company's domain (its website's, else their work address's: `lead.domain`)
 * work at that company, so the lead takes the name its colleagues' rows give most. An email that
 * names the company then reads as the others at acme.com do.
 */
import type { CleanedLead } from './clean';
import { emailKey } from './email';
import { companyKey } from './legal-forms';
import type { NormalisedLead } from './types';

/**
 * Gives each of `cleaned` without a company the company most of the others at its domain give (the
 * first written, between names given as often; rows of its own address, the same person again, left
 * out), and flags it `company_from_colleagues`.
 * `fillable(i)`: whether lead i may be given one (false for a row the user edited, whose empty
 * company is the user's).
 */
export function fillCompaniesFromColleagues(
  cleaned: readonly CleanedLead[],
  fillable: (index: number) => boolean,
): void {
  const missing: number[] = [];
  const wanted = new Set<string>();
  cleaned.forEach(({ lead }, i) => {
    if (lead.company !== null || lead.domain === null || !fillable(i)) return;
    missing.push(i);
    wanted.add(lead.domain);
  });
  if (missing.length === 0) return;
  // Per domain wanted, per company key: the name as first written, and how many rows give it by
  // address, so that a lead's own rows (the same person twice) are left out of what it is given.
  const byDomain = new Map<string, Map<string, { name: string; byAddress: Map<string | null, number> }>>();
  for (const { lead } of cleaned) {
    if (lead.company === null || lead.domain === null || !wanted.has(lead.domain)) continue;
    let names = byDomain.get(lead.domain);
    if (names === undefined) byDomain.set(lead.domain, (names = new Map()));
    const key = companyKey(lead.company);
    let named = names.get(key);
    if (named === undefined) names.set(key, (named = { name: lead.company, byAddress: new Map() }));
    const address = addressOf(lead);
    named.byAddress.set(address, (named.byAddress.get(address) ?? 0) + 1);
  }
  for (const i of missing) {
    const c = cleaned[i] as CleanedLead;
    const domain = c.lead.domain as string;
    const own = addressOf(c.lead);
    let best: { name: string; count: number } | null = null;
    for (const { name, byAddress } of byDomain.get(domain)?.values() ?? []) {
      let count = 0;
      for (const [address, n] of byAddress) if (address === null || address !== own) count += n;
      if (count > 0 && (best === null || count > best.count)) best = { name, count };
    }
    if (best === null) continue;
    c.lead.company = best.name;
    c.issues.push({
      flag: 'company_from_colleagues',
      field: 'company',
      message: `No company given: taken from the other leads at ${domain}`,
    });
  }
}

/** The lead's address as dedupe compares it, or null without one. */
function addressOf(lead: NormalisedLead): string | null {
  return lead.email === null ? null : emailKey(lead.email);
}
