/*
 * Free-mail and disposable domain lists from maintained npm packages:
 * `email-providers` (all.json: ~8.7k free/consumer mail providers) and
 * `disposable-email-domains` (index.json: exact domains; wildcard.json:
 * domains whose every subdomain is disposable too).
 *
 * The JSON arrays are imported directly (email-providers' own entry point
 * uses node:module, which src-shared must not import). A host that never
 * checks an email pays nothing but the JSON parse.
 */
import freeMailList from 'email-providers/all.json';
import disposableList from 'disposable-email-domains/index.json';
import disposableWildcardList from 'disposable-email-domains/wildcard.json';

// The lists are searched as sorted arrays rather than Sets: building a Set of the 121k disposable
// domains hashed every one of them and cost ~25 ms of every first import, where a lookup needs a
// dozen comparisons. The packages ship them sorted and lower-case: the tests look up every entry, so
// an update that shipped one unsorted would fail them.
const freeMail = freeMailList as readonly string[];
const disposable = disposableList as readonly string[];
const disposableWildcard = disposableWildcardList as readonly string[];

function includes(list: readonly string[], domain: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const entry = list[mid] as string;
    if (entry === domain) return true;
    if (entry < domain) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** `domain` must be the lower-case ASCII domain of an address. */
export function isFreeMailDomain(domain: string): boolean {
  return includes(freeMail, domain);
}

/** `domain` must be the lower-case ASCII domain of an address. */
export function isDisposableDomain(domain: string): boolean {
  if (includes(disposable, domain)) return true;
  // A wildcard entry covers the domain itself and every subdomain of it.
  for (let d = domain; ;) {
    if (includes(disposableWildcard, d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}
