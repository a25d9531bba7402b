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
import { matchHeader, namesCompanyDetail } from './synonyms';
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
 * The header row of a sheet that has none, such as a list of addresses copied from a column: every
 * row is a lead, and the columns are named by position ("Column 1") and mapped by what they hold.
 */
export const NO_HEADER_ROW = -1;

/**
 * 0-based index of the header row among the first `maxScan` rows; 0 when
 * nothing looks better (or the sheet is empty). Ties go to the higher row.
 * Of a header of two rows (`groupRowAbove`), the second: the one right above the data.
 * `NO_HEADER_ROW` when the first row with something in it holds an email address: no header
 * names a column that way, and taking the row for one would lose its lead.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[], maxScan = 30): number {
  const first = rows.slice(0, maxScan).find((row) => nonEmptyCells(row).length > 0);
  if (first !== undefined && nonEmptyCells(first).some(looksLikeEmail)) return NO_HEADER_ROW;
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
  return best + 1 < rows.length && groupRowAbove(rows, best + 1) !== null ? best + 1 : best;
}

/**
 * The row of group labels right above the header row, when the header is two rows as a sheet kept
 * by hand often has it ("Contact" over "First" and "Last", "Company" over "Name" and "Website",
 * "Email" over nothing or merged down over both rows); null when it is not. Most of the header
 * row's cells, and at least two, name a lead field, and none of either row is data; the row above
 * has at least two labels of its own (a title over the whole table has one), and labels a column
 * the header leaves empty, or spans columns the header names apart.
 */
export function groupRowAbove(
  rows: readonly (readonly string[])[],
  headerRow: number,
): readonly string[] | null {
  const upper = headerRow > 0 ? rows[headerRow - 1] : undefined;
  const lower = rows[headerRow];
  if (upper === undefined || lower === undefined) return null;
  const isLabel = (cell: string): boolean => cell.length <= MAX_LABEL_LENGTH && !isDataLike(cell);
  const labels = nonEmptyCells(lower);
  if (!labels.every(isLabel)) return null;
  const named = labels.filter((cell) => matchHeader(cell) !== null).length;
  if (named < 2 || named * 2 <= labels.length) return null;
  const own = nonEmptyCells(upper);
  if (!own.every(isLabel) || new Set(own.map((g) => g.toLowerCase())).size < 2) return null;
  const groups = spannedGroups(upper, lower.length);
  let differs = false;
  let grouped = false;
  for (let c = 0; c < lower.length; c++) {
    const u = (upper[c] ?? '').trim().toLowerCase();
    const l = (lower[c] ?? '').trim().toLowerCase();
    if (u !== l) differs = true;
    if (l === '') grouped ||= u !== '';
    else if (c > 0 && groups[c] !== '' && groups[c] === groups[c - 1]) {
      const left = (lower[c - 1] ?? '').trim().toLowerCase();
      grouped ||= left !== '' && left !== l;
    }
  }
  return differs && grouped ? upper : null;
}

/**
 * By column, the group label over it: a label spans the columns to its right up to the next one,
 * whether a merge copied it into each (an .xlsx) or it sits in the first alone (a .csv).
 */
function spannedGroups(upper: readonly string[], width: number): string[] {
  const groups: string[] = [];
  let current = '';
  for (let c = 0; c < width; c++) {
    const u = (upper[c] ?? '').trim();
    if (u !== '') current = u;
    groups.push(current);
  }
  return groups;
}

/**
 * The names of the columns under header row `headerRow`, as `normaliseHeaders` gives them ("Column 1",
 * "Column 2"… without a header row, `NO_HEADER_ROW`; the grid is as wide as its first row). Under a
 * header of two rows (`groupRowAbove`), a column the header row leaves empty takes the label above
 * it ("Email"), and a column takes its group's label before its own where that says more: a name
 * the row gives several columns ("Contact Name", "Company Name"), or a name of no field, or of a
 * person's name without saying which part, that names a field or something of the company's with it
 * ("Phone Work" for "Work", "Company Name" for "Name", "Company Size" for "Size"; "Mobile" and "First"
 * stay as they are).
 */
export function headerNames(rows: readonly (readonly string[])[], headerRow: number): string[] {
  if (headerRow === NO_HEADER_ROW)
    return normaliseHeaders(Array.from({ length: rows[0]?.length ?? 0 }, () => ''));
  const lower = rows[headerRow] ?? [];
  const upper = groupRowAbove(rows, headerRow);
  if (upper === null) return normaliseHeaders(lower);
  const groups = spannedGroups(upper, lower.length);
  const times = new Map<string, number>();
  for (const cell of nonEmptyCells(lower)) {
    times.set(cell.toLowerCase(), (times.get(cell.toLowerCase()) ?? 0) + 1);
  }
  return normaliseHeaders(
    lower.map((cell, c) => {
      const l = cell.trim();
      const g = groups[c] ?? '';
      if (l === '') return (upper[c] ?? '').trim();
      if (g === '' || g.toLowerCase() === l.toLowerCase()) return l;
      const both = `${g} ${l}`;
      if ((times.get(l.toLowerCase()) ?? 0) > 1) return both;
      const own = matchHeader(l)?.field;
      if (own !== undefined && own !== 'ambiguousName') return l;
      const field = matchHeader(both)?.field;
      return (field !== undefined && field !== own) || namesCompanyDetail(both) ? both : l;
    }),
  );
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
