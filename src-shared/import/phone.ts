/*
 * Phone numbers stay text: a leading 0 or + is meaning, not formatting, and
 * a 15-digit number is past what a float keeps exactly.
 */
import { cleanText, isNoValue } from './text';

const TEL_PREFIX = /^(?:tel:\s*)+/i;
// What a contact card or a signature writes before the number: "Mobile: +1 …", "T. +33 …", "Tél : 01 …".
const LABEL =
  /^(?:(?:tel|tél|phone|telephone|téléphone|telefon|teléfono|telefone|mobile|mob|cell|handy|móvil|movil|celular|portable|direct|work|office|main|m|t|p|w|o|d)\s*[:.]\s*)+(?=[+(\d])/i;
// The list marks a cell's last number leaves ("+1 415 555 0100;"), looked for where their run starts:
// tried inside every run, a long one took time by its square.
const TRAILING_MARKS = /(?<![\s;|,/])[\s;|,/]+$/;
const LIST_MARK_CODES: ReadonlySet<number> = new Set([0x20, 0x3b, 0x7c, 0x2c, 0x2f]);
const DIGIT = /\d/;
const START_OF_NUMBER = /^[+(\d]/;
const TEXT_MARKED_NUMBER = /^'[+(\d]/;
// What Excel shows when a long number column was stored as a number: 4.4207E+11.
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d{1,3}$/i;
// Between the numbers of a cell that holds several: Google Contacts' " ::: ", a list's ; | , or /,
// a line break (by now a space) before the next +.
const NUMBER_LIST = /\s*(?::::|[;|,/])\s*|\s+(?=\+)/;
// Fewer digits than this are no number of their own: a German area code before its slash ("089/
// 1234567"), an extension ("…4567, ext 12").
const MIN_NUMBER_DIGITS = 6;

/** Cleaned display text of a phone cell, or null when it has no digit at all. */
export function cleanPhone(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = cleanText(raw);
  // Only a cell starting with "tel:" has a prefix to drop.
  const c = s.charCodeAt(0);
  if (c === 0x74 || c === 0x54) s = s.replace(TEL_PREFIX, '').trim();
  // Nor has any cell starting with a digit, a + or a bracket a label.
  if (!START_OF_NUMBER.test(s)) s = s.replace(LABEL, '');
  if (LIST_MARK_CODES.has(s.charCodeAt(s.length - 1))) s = s.replace(TRAILING_MARKS, '');
  // The apostrophe some exports (Apollo) put first to keep the number text in Excel, also after a
  // "tel:" ("tel:'0612…" left "'0612…", which cleaning again changed).
  if (s.charCodeAt(0) === 0x27 && TEXT_MARKED_NUMBER.test(s)) s = s.slice(1);
  // After the prefix goes, which may leave a placeholder ("tel:#DIV/0!", with a digit).
  if (!DIGIT.test(s) || isNoValue(s)) return null;
  return NUMBER_LIST.test(s) ? firstOfSeveral(s) : s;
}

/**
 * The first number of a cell holding several ("+44 20 7946 0958 ::: +44 7700 900123"): an email tool
 * dials one. The cell as read stays among the row's original values. Anything else is kept whole.
 */
function firstOfSeveral(phone: string): string {
  const parts = phone.split(NUMBER_LIST);
  for (const part of parts) if (digitCount(part) < MIN_NUMBER_DIGITS) return phone;
  return parts[0] as string;
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** True for "4.4207E+11": the digits were lost when the column became a number. */
export function isPhoneMangledByNumberFormat(phone: string): boolean {
  return SCIENTIFIC.test(phone.trim());
}
