/*
 * Free-mail and disposable domain lists from maintained npm packages:
 * `email-providers` (all.json: ~8.7k free/consumer mail providers) and
 * `disposable-email-domains` (index.json: ~121k exact domains; wildcard.json:
 * domains whose every subdomain is disposable too).
 *
 * The JSON arrays are imported directly (email-providers' own entry point
 * uses node:module, which src-shared must not import). Lookups are binary
 * searches in the arrays as shipped: both packages publish them sorted and
 * lower-case, which is checked once, on first use. Building a Set of the
 * 121k disposable domains instead took 60-80 ms of every import.
 */
import freeMailList from 'email-providers/all.json';
import disposableList from 'disposable-email-domains/index.json';
import disposableWildcardList from 'disposable-email-domains/wildcard.json';

/** A domain list in ascending code-unit order, lower-case and without repeats. */
type SortedList = readonly string[];

/** Anything but what a lower-case ASCII domain is made of: only such entries need the costly `toLowerCase` check. */
const NOT_LOWER_ASCII_DOMAIN = /[^a-z0-9.-]/;

/**
 * `list` itself when it is lower-case ASCII and strictly ascending (a linear check, ~4 ms for 121k
 * domains), else a sorted, lower-cased copy: a later release of a package must not break the search.
 */
export function sortedDomainList(list: readonly string[]): SortedList {
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as string;
    const lower = !NOT_LOWER_ASCII_DOMAIN.test(d) || d === d.toLowerCase();
    if (!lower || (i > 0 && (list[i - 1] as string) >= d)) {
      return [...new Set(list.map((x) => x.toLowerCase()))].sort();
    }
  }
  return list;
}

export function inSortedList(list: SortedList, domain: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid] as string;
    if (d === domain) return true;
    if (d < domain) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

let freeMail: SortedList | null = null;
let disposable: SortedList | null = null;
let disposableWildcard: SortedList | null = null;

/** `domain` must be the lower-case ASCII domain of an address. */
export function isFreeMailDomain(domain: string): boolean {
  freeMail ??= sortedDomainList(freeMailList as string[]);
  return inSortedList(freeMail, domain);
}

/** `domain` must be the lower-case ASCII domain of an address. */
export function isDisposableDomain(domain: string): boolean {
  disposable ??= sortedDomainList(disposableList as string[]);
  disposableWildcard ??= sortedDomainList(disposableWildcardList as string[]);
  if (inSortedList(disposable, domain)) return true;
  // A wildcard entry covers the domain itself and every subdomain of it.
  for (let d = domain; ;) {
    if (inSortedList(disposableWildcard, d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}
