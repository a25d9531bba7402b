/*
 * Phone numbers stay text: a leading 0 or + is meaning, not formatting, and
 * a 15-digit number is past what a float keeps exactly. Comparison uses
 * `phoneKey` (a leading + and the digits).
 */
import { cleanText, isNoValue } from './text';

const TEL_PREFIX = /^(?:tel:\s*)+/i;
const DIGIT = /\d/;
const TEXT_MARKED_NUMBER = /^'[+(\d]/;
// What Excel shows when a long number column was stored as a number: 4.4207E+11.
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d{1,3}$/i;

/** Cleaned display text of a phone cell, or null when it has no digit at all. */
export function cleanPhone(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = cleanText(raw);
  // Only a cell starting with "tel:" has a prefix to drop.
  const c = s.charCodeAt(0);
  if (c === 0x74 || c === 0x54) s = s.replace(TEL_PREFIX, '').trim();
  // The apostrophe some exports (Apollo) put first to keep the number text in Excel, also after a
  // "tel:" ("tel:'0612…" left "'0612…", which cleaning again changed).
  if (s.charCodeAt(0) === 0x27 && TEXT_MARKED_NUMBER.test(s)) s = s.slice(1);
  // After the prefix goes, which may leave a placeholder ("tel:#DIV/0!", with a digit).
  return DIGIT.test(s) && !isNoValue(s) ? s : null;
}

/** "+44 (0)20 7946-0000" -> "+4402079460000": for comparing, never for display. */
export function phoneKey(phone: string): string {
  let key = phone.trimStart().startsWith('+') ? '+' : '';
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c >= 48 && c <= 57) key += phone[i];
  }
  return key;
}

/** True for "4.4207E+11": the digits were lost when the column became a number. */
export function isPhoneMangledByNumberFormat(phone: string): boolean {
  return SCIENTIFIC.test(phone.trim());
}
