/*
 * Header row detection and header names.
 *
 * Exports from CRMs and event tools often start with a title ("Leads -
 * March 2024"), a date line or blank rows before the real header, so the
 * header is the row that best looks like one: many short text cells, cells
 * that name lead fields, and data-like rows (emails, URLs, numbers) below it.
 *
 * Header names come from the user's file and end up as object keys
 * (custom variables): `customKeys` gives ASCII snake_case keys that can never
 * be `__proto__`, `constructor` or `prototype`.
 */
import { cleanText, foldWords } from './text';
import { matchHeader } from './synonyms';
import { looksLikeEmail, looksLikePhone, looksLikeWebsite } from './sniff';
import { RESERVED_KEYS } from './types';

const NUMBER_LIKE = /^[-+]?[\d\s.,/:%()-]+$/;
const MAX_LABEL_LENGTH = 60;
const ROWS_BELOW = 5;

function isDataLike(cell: string): boolean {
  return NUMBER_LIKE.test(cell) || looksLikeEmail(cell) || looksLikeWebsite(cell) || looksLikePhone(cell);
}

function nonEmptyCells(row: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of row) {
    const t = c.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

function scoreRow(rows: readonly (readonly string[])[], index: number): number {
  const cells = nonEmptyCells(rows[index] ?? []);
  if (cells.length === 0) return Number.NEGATIVE_INFINITY;
  let score = 0;
  const seen = new Set<string>();
  for (const cell of cells) {
    if (isDataLike(cell)) {
      score -= 3;
      continue;
    }
    if (cell.length <= MAX_LABEL_LENGTH) score += 1;
    if (matchHeader(cell) !== null) score += 3;
    const key = cell.toLowerCase();
    if (seen.has(key)) score -= 1;
    seen.add(key);
  }
  // Rows below a header are about as wide as it and hold data.
  let checked = 0;
  for (let i = index + 1; i < rows.length && checked < ROWS_BELOW; i++) {
    const below = nonEmptyCells(rows[i] ?? []);
    if (below.length === 0) continue;
    checked++;
    if (below.length >= Math.ceil(cells.length / 2)) score += 1;
    if (below.some(isDataLike)) score += 1;
  }
  return score;
}

/**
 * 0-based index of the header row among the first `maxScan` rows; 0 when
 * nothing looks better (or the sheet is empty). Ties go to the higher row.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[], maxScan = 30): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  const n = Math.min(rows.length, maxScan);
  for (let i = 0; i < n; i++) {
    const s = scoreRow(rows, i);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

/** Display headers longer than this are cut (a header cell can hold 1 MB of text). */
export const MAX_HEADER_LENGTH = 120;

/**
 * Unique, non-empty display names for a header row: cleaned text, an empty
 * cell becomes "Column 7" (1-based position), a repeat becomes "Email (2)".
 * Repeats are found case-insensitively, as a user would see them.
 */
export function normaliseHeaders(raw: readonly string[]): string[] {
  const used = new Set<string>();
  const base = raw.map((h, i) => {
    let t = cleanText(h);
    if (t.length > MAX_HEADER_LENGTH) t = `${t.slice(0, MAX_HEADER_LENGTH - 1)}\u2026`;
    return t === '' ? `Column ${i + 1}` : t;
  });
  for (const h of base) used.add(h.toLowerCase());
  const seen = new Set<string>();
  return base.map((h) => {
    const lower = h.toLowerCase();
    if (!seen.has(lower)) {
      seen.add(lower);
      return h;
    }
    let n = 2;
    while (used.has(`${lower} (${n})`)) n++;
    const name = `${h} (${n})`;
    used.add(name.toLowerCase());
    seen.add(name.toLowerCase());
    return name;
  });
}

const MAX_KEY_LENGTH = 64;

/**
 * Name-safe variable key for one header: ASCII snake_case starting with a
 * letter. "Company Size (FTE)" -> "company_size_fte"; "Größe" -> "grosse";
 * "2024 budget" -> "col_2024_budget"; "constructor" -> "col_constructor";
 * a header with no Latin letters or digits ("电话") -> "column".
 */
export function customKey(header: string): string {
  let key = foldWords(header)
    .join('_')
    .replace(/[^a-z0-9_]+/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (key === '') key = 'column';
  if (!/^[a-z]/.test(key) || RESERVED_KEYS.has(key)) key = `col_${key}`;
  if (key.length > MAX_KEY_LENGTH) key = key.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
  return key;
}

/**
 * `customKey` for every header, unique within the sheet ("notes", "notes_2").
 * Headers without a usable name get their position: "column_7".
 */
export function customKeys(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((h, i) => {
    let key = customKey(h);
    if (key === 'column') key = `column_${i + 1}`;
    let candidate = key;
    let n = 2;
    while (used.has(candidate)) {
      const suffix = `_${n++}`;
      candidate = key.slice(0, MAX_KEY_LENGTH - suffix.length) + suffix;
    }
    used.add(candidate);
    return candidate;
  });
}
