/*
 * JSON exports of scraping and data tools (PhantomBuster's result.json, Apify's datasets, an API's
 * download): a list of records read as one sheet, a row per record under a header of their keys.
 * - the list is the file itself (`[{…}, {…}]`), one record per line (JSON Lines, a single line
 *   included), or the first list of records in an object around it (`{"data": [{…}]}`); a list of
 *   lists is rows as they are;
 * - keys in the order they are first met; a nested record's keys joined by dots ("company.name");
 * - a value is its text: numbers as written, true/false, nothing for null; a list of plain values is
 *   joined with ", " (several addresses in one cell are read as any such cell is); anything deeper
 *   stays its JSON text.
 */
import { ReadError, cancelled, formatCount } from './errors';
import { truncateCell } from './cells';
import { padRows, tooManyRows } from './csv';
import type { ReadOptions, RecordRows } from './types';
import { DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_ROWS, MAX_COLUMNS } from './types';

/** Records between checks for cancel and progress reports. */
const PROGRESS_EVERY = 10_000;
/** Nested records deeper than this keep their JSON text in one column. */
const MAX_DEPTH = 3;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

const isRecord = (v: Json | undefined): v is JsonRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function notRecords(): ReadError {
  return new ReadError(
    'not_spreadsheet',
    'This file is JSON data, but not a list of records LeadPrep can read as rows. Export the leads from the app that made it as CSV or Excel, then import that file.',
  );
}

const ADDRESS = /\S@\S+\.\S/;

/**
 * The records of the file: the list it is, the first list of records in the object it is, or that
 * object itself when it holds an address (a file of one record per line, with one line); an object
 * without one is most often an error a download saved in place of the export.
 */
function recordsIn(value: Json): Json[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  const fields = Object.values(value);
  for (const v of fields) if (Array.isArray(v) && v.some(isRecord)) return v;
  return fields.some((v) => typeof v === 'string' && ADDRESS.test(v)) ? [value] : null;
}

/** One record per line (JSON Lines), or null when a line is not one. */
function jsonLines(text: string): Json[] | null {
  const records: Json[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as Json);
    } catch {
      return null;
    }
  }
  return records;
}

function parsed(text: string): Json[] {
  let whole: Json;
  try {
    whole = JSON.parse(text) as Json;
  } catch {
    const lines = jsonLines(text);
    if (lines === null || lines.length === 0) {
      throw new ReadError(
        'corrupt',
        'This JSON file is damaged or incomplete (it may have been cut off while downloading). Download it again, or export the leads as CSV.',
      );
    }
    return lines;
  }
  const records = recordsIn(whole);
  if (records === null) throw notRecords();
  return records;
}

function text(value: Json): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value
      .filter((v) => v !== null && v !== '')
      .map((v) => String(v))
      .join(', ');
  }
  return JSON.stringify(value);
}

/** The record's cells by key, nested records' keys joined by dots. */
function flatten(record: JsonRecord, into: Map<string, string>, prefix = '', depth = 1): void {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(value) && depth < MAX_DEPTH) flatten(value, into, name, depth + 1);
    else into.set(name, text(value));
  }
}

/** The records of a JSON file (`json`, decoded) as a grid: the header of their keys, then a row each. */
export function readJsonRecords(json: string, opts: ReadOptions = {}): RecordRows {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCellChars = opts.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  opts.onProgress?.({ phase: 'parse', done: 0, total: 1 });
  const records = parsed(json);
  if (records.length + 1 > maxRows) throw tooManyRows(formatCount(records.length + 1), maxRows);
  if (records.length === 0)
    throw new ReadError('empty', 'This JSON file holds an empty list: there is nothing to import.');

  // A list of lists is rows already: the first is the header.
  if (records.every(Array.isArray)) {
    const rows = records.map((r) => (r as Json[]).slice(0, MAX_COLUMNS).map(text));
    return cut(rows, maxCellChars);
  }
  const columns = new Map<string, number>();
  const cellsOf: Map<string, string>[] = [];
  for (let i = 0; i < records.length; i++) {
    if (i % PROGRESS_EVERY === 0) {
      if (opts.signal?.aborted) throw cancelled();
      opts.onProgress?.({ phase: 'extract', done: i, total: records.length });
    }
    const record = records[i] as Json;
    const cells = new Map<string, string>();
    if (isRecord(record)) flatten(record, cells);
    else cells.set('value', text(record));
    for (const key of cells.keys())
      if (!columns.has(key) && columns.size < MAX_COLUMNS) columns.set(key, columns.size);
    cellsOf.push(cells);
  }
  const header = [...columns.keys()];
  const rows: string[][] = [header];
  for (const cells of cellsOf) {
    const row = new Array<string>(header.length).fill('');
    for (const [key, value] of cells) {
      const c = columns.get(key);
      if (c !== undefined) row[c] = value;
    }
    rows.push(row);
  }
  opts.onProgress?.({ phase: 'extract', done: records.length, total: records.length });
  return cut(rows, maxCellChars);
}

/** `rows` as a rectangle, with cells past `max` cut, and how many were. */
function cut(rows: string[][], max: number): RecordRows {
  let truncatedCells = 0;
  let width = 0;
  for (const row of rows) {
    if (row.length > width) width = row.length;
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string;
      if (v.length > max) {
        row[c] = truncateCell(v, max);
        truncatedCells++;
      }
    }
  }
  padRows(rows, width);
  return { rows, truncatedCells };
}
