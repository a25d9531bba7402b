/*
 * The name an address is made of ("ann.lee@acme.com" -> Ann Lee), offered as a fix for a lead without
 * a name: a list of addresses alone (sign-ups, a CRM export of contacts) greets nobody otherwise.
 *
 * Only the first.last shape is read: it is how companies make addresses, and which word is the first
 * name cannot be told from one word ("alee@", "annlee@"). A guess all the same (accents are not in
 * addresses, "lee.ann@" reads the other way round), so it is offered, never taken without the user.
 */
import { withoutAccents } from './accents';
import { isRoleAddress, isRoleWord, mailboxName } from './email';
import { cleanPersonName, isStandInWord, namesNoPerson, type NameParts } from './name';

/** The name fields of a lead as the fix sets them. */
export interface NameInAddress {
  firstName: string;
  lastName: string;
  fullName: string;
}

// Letters, with an apostrophe or a hyphen inside ("o'neil", "jean-pierre").
const NAME_WORD = /^\p{L}+(?:['-]\p{L}+)*$/u;

function isNameWord(word: string): boolean {
  // "first.last@", "test.user@" stand for a name.
  return word.length >= 2 && NAME_WORD.test(word) && !isRoleWord(word) && !isStandInWord(word);
}

/** Title case; a word of two letters is given as capitals, so initials stay them ("tj" -> TJ, "ed" -> Ed). */
function cased(word: string): string | null {
  return cleanPersonName(word.length === 2 ? word.toUpperCase() : word);
}

/**
 * The first, last and full name of a first.last address (or first_last; a middle initial and digits at the
 * end of a word aside: "john.m.smith85@"), title-cased; null for any other address.
 */
export function nameInAddress(email: string | null): NameInAddress | null {
  if (email === null || isRoleAddress(email)) return null;
  const local = mailboxName(email);
  if (local === null) return null;
  const parts = local.split(/[._]/).map((p) => p.replace(/\d+$/, ''));
  const words = parts.filter((p, i) => !(p.length === 1 && i > 0 && i < parts.length - 1));
  const [first, last] = words;
  if (words.length !== 2 || first === undefined || last === undefined) return null;
  // "vp.ops@", "a-vd.lee@": a job first is no first name to greet by.
  if (!isNameWord(first) || !isNameWord(last) || namesNoPerson(first)) return null;
  const firstName = cased(first);
  const lastName = cased(last);
  if (firstName === null || lastName === null) return null;
  return { firstName, lastName, fullName: `${firstName} ${lastName}` };
}

const APOSTROPHES_AND_HYPHENS = /['\u2019-]/g;
const MAX_NAME_WORDS = 6;

/** Words of a name as an address writes them: lower case, joined, without accents or apostrophes ("O'Neil" -> oneil). */
function asInAddress(words: readonly string[]): string {
  const joined = words.join('').toLowerCase().replace(APOSTROPHES_AND_HYPHENS, '');
  return withoutAccents(joined) ?? joined;
}

/**
 * A whole name typed in the first-name (or last-name) column with nothing in the other ("Jane Doe"), split
 * where the address is made of its given and family names: jane.doe@, doe.jane@, j.doe@, jdoe@ (a middle
 * initial and digits aside; jean-pierre.dupont@ for Jean-Pierre Dupont). Read whole, it would greet "Hi Jane Doe". Elsewhere two given names ("Mary
 * Ann") cannot be told from a given and a family name, and the name stays as typed.
 */
export function namePartsByAddress(name: string, email: string | null): NameParts | null {
  if (email === null || !name.includes(' ')) return null;
  const local = mailboxName(email);
  if (local === null) return null;
  const parts = local
    .split(/[._]/)
    .map((p) => p.replace(/\d+$/, '').replace(APOSTROPHES_AND_HYPHENS, ''))
    .filter((p, i, all) => !(p.length === 1 && i > 0 && i < all.length - 1));
  const words = name.split(' ');
  // A name of more words than this is no whole name typed in one cell; each split below joins the rest.
  if (words.length > MAX_NAME_WORDS) return null;
  const given = asInAddress(words.slice(0, 1));
  // The shortest family name first: "Jane Marie Doe" at jane.doe@ is Jane Marie, of the Doe family.
  for (let k = words.length - 1; k >= 1; k--) {
    const family = asInAddress(words.slice(k));
    const [a, b] = parts;
    const made =
      parts.length === 2
        ? (a === given && b === family) || (a === family && b === given) || (a === given[0] && b === family)
        : parts.length === 1 && family.length >= 3 && a === given[0] + family;
    if (made) return { firstName: words.slice(0, k).join(' '), lastName: words.slice(k).join(' ') };
  }
  return null;
}
