/*
 * Free-mail and disposable domain lists from maintained npm packages:
 * `email-providers` (all.json: ~8.7k free/consumer mail providers) and
 * `disposable-email-domains` (index.json: exact domains; wildcard.json:
 * domains whose every subdomain is disposable too).
 *
 * The JSON arrays are imported directly (email-providers' own entry point
 * uses node:module, which src-shared must not import). The Sets are built
 * once, on first use, so a host that never checks an email pays nothing but
 * the JSON parse.
 */
import freeMailList from 'email-providers/all.json';
import disposableList from 'disposable-email-domains/index.json';
import disposableWildcardList from 'disposable-email-domains/wildcard.json';

let freeMail: Set<string> | null = null;
let disposable: Set<string> | null = null;
let disposableWildcard: Set<string> | null = null;

// The packages ship lower-case entries (the tests check every one), so the
// Sets are built straight from the arrays: lower-casing the 121k disposable
// entries first took twice as long, ~30 ms of every first import.

/** `domain` must be the lower-case ASCII domain of an address. */
export function isFreeMailDomain(domain: string): boolean {
  freeMail ??= new Set(freeMailList as string[]);
  return freeMail.has(domain);
}

/** `domain` must be the lower-case ASCII domain of an address. */
export function isDisposableDomain(domain: string): boolean {
  disposable ??= new Set(disposableList as string[]);
  disposableWildcard ??= new Set(disposableWildcardList as string[]);
  if (disposable.has(domain)) return true;
  // A wildcard entry covers the domain itself and every subdomain of it.
  for (let d = domain; ;) {
    if (disposableWildcard.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}
