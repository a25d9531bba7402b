/*
 * Accented Latin letters before an address's @ ("josé@", "chloé.martin@"), as a list built by hand
 * from people's names gets them. Most senders take ASCII before the @ only, and a mailbox is named
 * without the accents of its owner's name. The fix drops an accent only where that is the one way to
 * write the letter in ASCII: a wrong suggestion is worse than none (fixes are applied in bulk), so
 * letters with two spellings (ü is "ue" or "u", å "aa" or "a") and letters with no accent to drop
 * (ß, ø, æ, ł) get none.
 */

// Combining diacritical marks, as NFD splits them from their letter.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Umlauts and the ring above: German and Scandinavian names write each two ways in ASCII.
const TWO_SPELLINGS = /[äöüÄÖÜåÅ]/;
const NOT_ASCII = /[\u0080-\uffff]/;

/** `text` with its accents dropped, when that leaves ASCII and each letter has one spelling; else null. */
export function withoutAccents(text: string): string | null {
  if (!NOT_ASCII.test(text) || TWO_SPELLINGS.test(text)) return null;
  const plain = text.normalize('NFD').replace(COMBINING_MARKS, '');
  return NOT_ASCII.test(plain) ? null : plain;
}
