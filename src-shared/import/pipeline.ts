/*
 * The whole import pipeline over one sheet: map -> clean -> validate ->
 * dedupe (within the file, against the database, against suppression) ->
 * one state per row. Pure and synchronous: hosts run it in a worker (UI) or
 * in-process (CLI) and persist the result.
 *
 * Counting rule (the "nothing dropped silently" invariant):
 *   rows below the header = leads.length + blankRows + hiddenRows + headerRepeats + footerRows
 *   leads.length = total = sum of counts over all states
 * Rows above the header row (titles) are not data. Blank rows (every cell
 * empty after trimming, or part of a line drawn across the table) are not leads; they are counted in `blankRows` so
 * the UI can say "3 empty rows skipped". Rows the user hid in Excel (a
 * filter) are left out when the host asks, and counted in `hiddenRows`. A row
 * that repeats the header, or the group labels above a header of two rows
 * (files pasted or joined one after another, each with its own header), is no
 * lead either: counted in `headerRepeats`. So is one that names the header's
 * columns in another order or by other names (`joined-tables.ts`): the rows
 * below it are read by its names, and one that repeats a title row above the
 * header (each page's title, in a table converted from a PDF). Nor are the notes
 * of a report's footer below the table (`report-footer.ts`), nor a page's number
 * or a group's subtotal between its rows: counted in `footerRows`.
 *
 * User input is fed back on every run, keyed by 1-based sheet row number
 * (stable across runs): `decisions` (exclude / keep / duplicate) and
 * `edits` (a lead as edited inline, re-cleaned with `cleanLead`).
 */
import {
  LEAD_STATES,
  type ColumnMapping,
  type LeadFlag,
  type LeadState,
  type NormalisedLead,
  type RowDecision,
} from './types';
import { groupRowAbove, headerNames } from './header';
import {
  joinedTableOrder,
  keepsColumns,
  mappedFields,
  realigned,
  type JoinedTableOrder,
} from './joined-tables';
import { validateMapping, type MappingProblem } from './mapping';
import { isBlankRow } from './blank-row';
import { footerStart, isPageNumberRow, isTotalsRow, onlyCell } from './report-footer';
import { fillCompaniesFromColleagues } from './colleagues';
import {
  classify,
  cleanLead,
  keepVerdicts,
  cleanRow,
  compileMapping,
  invalidReason,
  isMarkedOutByFile,
  spreadFileMarks,
  type CleanedLead,
  type CompiledMapping,
  type CrossRowVerdict,
} from './clean';
import {
  alreadyInLeadsReason,
  duplicateGroupsInIdOrder,
  matchExisting,
  possiblyInLeadsReason,
  possiblySameRowReason,
  reachOf,
  sameFileReason,
  survivorScore,
  type DuplicateGroup,
  type ExistingLookup,
  type ExistingMatch,
} from './dedupe';
import {
  isSuppressed,
  isSuppressedPerson,
  samePersonSuppressedReason,
  type SuppressionSet,
} from './suppression';
import { emailKey } from './email';

export interface PipelineInput {
  /** The sheet as read: cells as the user sees them, '' for empty. */
  rows: readonly (readonly string[])[];
  /** 0-based index of the header row in `rows` (see `detectHeaderRow`). */
  headerRow: number;
  /** Index-aligned with the header row. */
  mapping: ColumnMapping;
  existing?: ExistingLookup;
  suppression?: SuppressionSet;
  /** By 1-based sheet row number. */
  decisions?: ReadonlyMap<number, RowDecision>;
  /** Inline edits by 1-based sheet row number; replace what the row's cells give. */
  edits?: ReadonlyMap<number, NormalisedLead>;
  /** 0-based indices into `rows` to leave out, ascending: rows hidden in the spreadsheet app (`Workbook.hiddenRows`). */
  leaveOut?: readonly number[];
}

export interface CleanedRow {
  /** 1-based row number in the sheet, as the user's spreadsheet app shows it. */
  rowNumber: number;
  /** The cells as read, index-aligned with `headers`. */
  original: readonly string[];
  lead: NormalisedLead;
  state: LeadState;
  reason: string;
  flags: LeadFlag[];
  /** One-click email fix, or null. */
  suggestion: string | null;
  /**
   * Index into `groups` of the row's duplicate group: its exact group if it
   * has one, else its fuzzy group. (An exact group's survivor can also be in
   * a fuzzy group; `groups[i].ids` lists every member.)
   */
  groupId: number | null;
}

export interface PipelineGroup extends DuplicateGroup {
  /** Position in `groups`; ids are sheet row numbers. */
  id: number;
}

export interface PipelineResult {
  headers: string[];
  leads: CleanedRow[];
  groups: PipelineGroup[];
  counts: Record<LeadState, number>;
  /** Rows that became leads (= leads.length = sum of counts). */
  total: number;
  /** Rows below the header with no value at all, not turned into leads. */
  blankRows: number;
  /** Rows below the header left out as `leaveOut` asked (hidden in the spreadsheet app). */
  hiddenRows: number;
  /** Rows below the header that repeat it, cell for cell or in another order (files joined one after another). */
  headerRepeats: number;
  /** Rows of a report's footer below the table ("Copyright …", "Confidential Information"), not leads. */
  footerRows: number;
}

export class MappingError extends Error {
  constructor(
    readonly problem: MappingProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * Whether `cells` repeat the row `header`, the header row or its group labels (cells as read,
 * compared trimmed and in any case): every cell the same, and at least two of them named, so that a
 * row of one word that happens to be a column's name is still a lead.
 */
function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  let named = 0;
  for (let j = 0; j < header.length; j++) {
    const h = (header[j] ?? '').trim();
    if ((cells[j] ?? '').trim().toLowerCase() !== h.toLowerCase()) return false;
    if (h !== '') named++;
  }
  return named >= 2;
}

/** The one-cell rows above the header (a report's title, the date it was run), folded to compare. */
function titlesAbove(rows: readonly (readonly string[])[], headerRow: number): Set<string> {
  const titles = new Set<string>();
  for (let r = 0; r < headerRow; r++) {
    const only = onlyCell(rows[r] ?? []);
    if (only !== null) titles.add(only.trim().toLowerCase());
  }
  return titles;
}

/** Whether `cells` hold one cell only, and it says what a title row above the header says. */
function repeatsTitle(cells: readonly string[], titles: ReadonlySet<string>): boolean {
  if (titles.size === 0) return false;
  const only = onlyCell(cells);
  return only !== null && titles.has(only.trim().toLowerCase());
}

function duplicateReason(row: NormalisedLead, survivor: NormalisedLead, survivorRow: number): string {
  if (row.email && survivor.email && emailKey(row.email) === emailKey(survivor.email))
    return sameFileReason('email', survivorRow);
  if (row.linkedinUrl && row.linkedinUrl === survivor.linkedinUrl)
    return sameFileReason('linkedin', survivorRow);
  return sameFileReason('group', survivorRow);
}

/** The rows below the header that are leads, cleaned, with their sheet row numbers. */
interface CleanedSheet {
  rowNumbers: number[];
  originals: (readonly string[])[];
  cleaned: CleanedLead[];
  blankRows: number;
  hiddenRows: number;
  headerRepeats: number;
  footerRows: number;
}

// Each phase of `runPipeline` is its own function: V8 optimises a function per
// hot loop, and one long function is deoptimised whenever a later loop meets
// types an earlier compilation had not seen.
function cleanSheet(input: PipelineInput, mapping: CompiledMapping): CleanedSheet {
  const { rows, headerRow, edits } = input;
  // Parallel arrays indexed by lead position: no wrapper object per row.
  const rowNumbers: number[] = [];
  const originals: (readonly string[])[] = [];
  const cleaned: CleanedLead[] = [];
  let blankRows = 0;
  let hiddenRows = 0;
  let headerRepeats = 0;
  let footerRows = 0;
  const footer = footerStart(rows, headerRow);
  const header = rows[headerRow] ?? [];
  // Files joined one after another repeat a header of two rows whole, its group labels too.
  const groups = groupRowAbove(rows, headerRow);
  // The first named column: most rows differ from the header there, and are told apart at once.
  const probe = header.findIndex((h) => h.trim() !== '');
  const probeHeader = (header[probe] ?? '').trim();
  const probeName = probeHeader.toLowerCase();
  const titles = titlesAbove(rows, headerRow);
  const leaveOut = input.leaveOut ?? [];
  let nextLeftOut = 0;
  // Rows below the header of a table joined below it in another order are read by that header.
  const email = mapping.fields.email;
  const fields = mappedFields(mapping, header.length);
  let order: JoinedTableOrder | null = null;
  for (let r = headerRow + 1; r < rows.length; r++) {
    while ((leaveOut[nextLeftOut] ?? Infinity) < r) nextLeftOut++;
    if (leaveOut[nextLeftOut] === r) {
      hiddenRows++;
      continue;
    }
    const cells = rows[r] ?? [];
    const rowNumber = r + 1;
    const edit = edits?.get(rowNumber);
    if (edit === undefined && isBlankRow(cells)) {
      blankRows++;
      continue;
    }
    if (r >= footer) {
      footerRows++;
      continue;
    }
    if (
      edit === undefined &&
      ((namesProbe(cells[probe] ?? '', probeHeader, probeName) && repeatsHeader(cells, header)) ||
        (groups !== null && repeatsHeader(cells, groups)))
    ) {
      headerRepeats++;
      order = null;
      continue;
    }
    // A header names no address: only a row without one where the header has them is looked at.
    const noAddress = edit === undefined && email !== undefined && !(cells[email] ?? '').includes('@');
    const joined = noAddress ? joinedTableOrder(cells, header, fields) : null;
    if (joined !== null) {
      headerRepeats++;
      order = keepsColumns(joined) ? null : joined;
      continue;
    }
    // A table converted from a PDF repeats each page's title and numbers its pages between the rows; a
    // report grouped by source or owner sums each group below it.
    if (noAddress && repeatsTitle(cells, titles)) {
      headerRepeats++;
      continue;
    }
    if (noAddress && (isPageNumberRow(cells) || isTotalsRow(cells))) {
      footerRows++;
      continue;
    }
    const read = order === null ? cells : realigned(cells, order, header.length);
    rowNumbers.push(rowNumber);
    originals.push(read);
    cleaned.push(edit ? cleanEdited(edit, read, mapping) : cleanRow(read, mapping));
  }
  return { rowNumbers, originals, cleaned, blankRows, hiddenRows, headerRepeats, footerRows };
}

/**
 * Whether `cell` is the probe column's header in any case: most cells (an address) are told apart by
 * their length, without a lower-cased copy.
 */
function namesProbe(cell: string, header: string, headerInLowerCase: string): boolean {
  const text = cell.trim();
  return text.length === header.length && text.toLowerCase() === headerInLowerCase;
}

/**
 * An edited row: what the verifier said of the address as read holds while the edit keeps it, and
 * that the file marks the person as opted out or as not interested holds whatever the edit.
 */
function cleanEdited(edit: NormalisedLead, cells: readonly string[], mapping: CompiledMapping): CleanedLead {
  const cleaned = cleanLead(edit);
  const guarded =
    mapping.emailStatus !== undefined || mapping.bounces.length > 0 || mapping.personMarks.length > 0;
  if (!guarded) return cleaned;
  const asRead = cleanRow(cells, mapping);
  keepVerdicts(
    cleaned,
    asRead.lead.email,
    asRead.issues.map((i) => i.flag),
  );
  return cleaned;
}

/** What an exact group says about each of its members, by lead position (0: nothing). */
interface PersonLinks {
  /** The lowest row of the group already in your leads. */
  anchors: Int32Array;
  /** The lowest row of the group whose own (valid) address is on the list as an address. */
  suppressors: Int32Array;
}

/**
 * The duplicate groups to review, and what each lead's exact group (rows linked by the same address or
 * LinkedIn profile: one person) says about it. A group with a member already in your leads, or one
 * whose address is on your suppression list (the address, not only its domain: `isSuppressedPerson`),
 * is that person: every other member is too, so there is nothing to review. Neither is there in a
 * group of rows that can never be sent (the same broken address three times, a person the file marks as
 * opted out in each of their rows).
 */
function groupsOf(
  sheet: CleanedSheet,
  leads: readonly NormalisedLead[],
  indexOfRow: Int32Array,
  existing: ReadonlyMap<number, ExistingMatch> | null,
  suppressed: readonly (string | null)[],
  suppression: SuppressionSet | undefined,
  decisions: ReadonlyMap<number, RowDecision> | undefined,
): { groups: PipelineGroup[] } & PersonLinks {
  const n = leads.length;
  const scores: number[] = new Array<number>(n);
  const unsendable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const never =
      invalidReason(sheet.cleaned[i] as CleanedLead) !== null ||
      isMarkedOutByFile(
        sheet.cleaned[i] as CleanedLead,
        decisions?.get(sheet.rowNumbers[i] as number) ?? null,
      ) ||
      suppressed[i] !== null ||
      existing?.has(sheet.rowNumbers[i] as number)
        ? 1
        : 0;
    unsendable[i] = never;
    const reach = reachOf((sheet.cleaned[i] as CleanedLead).emailCheck, never === 1);
    scores[i] = survivorScore(leads[i] as NormalisedLead, reach);
  }
  const found = duplicateGroupsInIdOrder(leads, sheet.rowNumbers, scores);
  const groups: PipelineGroup[] = [];
  const anchors = new Int32Array(n);
  const suppressors = new Int32Array(n);
  const ownSuppressed = (id: number): boolean => {
    const i = indexOfRow[id] as number;
    return (
      suppression !== undefined &&
      isSuppressedPerson(leads[i]?.email ?? null, suppression) &&
      invalidReason(sheet.cleaned[i] as CleanedLead) === null
    );
  };
  for (const g of found) {
    // Ids ascend: the first member found is the lowest row.
    const person = g.kind !== 'name_company';
    const anchor = person && existing ? g.ids.find((id) => existing.has(id)) : undefined;
    const suppressor = person ? g.ids.find(ownSuppressed) : undefined;
    // The rest are the same person as the rows named (a member already in your leads is that already).
    for (const id of g.ids) {
      const i = indexOfRow[id] as number;
      if (anchor !== undefined && !existing?.has(id)) anchors[i] = anchor;
      if (suppressor !== undefined && suppressed[i] === null) suppressors[i] = suppressor;
    }
    if (anchor !== undefined || suppressor !== undefined) continue;
    if (g.ids.every((id) => unsendable[indexOfRow[id] as number] === 1)) continue;
    groups.push({ kind: g.kind, ids: g.ids, survivorId: g.survivorId, id: groups.length });
  }
  return { groups, anchors, suppressors };
}

function classifyRows(
  input: PipelineInput,
  sheet: CleanedSheet,
  indexOfRow: Int32Array,
  groups: readonly PipelineGroup[],
  existing: ReadonlyMap<number, ExistingMatch> | null,
  links: PersonLinks,
  suppressed: readonly (string | null)[],
): { leads: CleanedRow[]; counts: Record<LeadState, number> } {
  const { anchors, suppressors } = links;
  const { rowNumbers, originals, cleaned: cleanedRows } = sheet;
  const n = cleanedRows.length;
  const exactGroupOf = new Int32Array(n).fill(-1);
  const fuzzyGroupOf = new Int32Array(n).fill(-1);
  for (const g of groups) {
    const target = g.kind === 'name_company' ? fuzzyGroupOf : exactGroupOf;
    for (const id of g.ids) target[indexOfRow[id] as number] = g.id;
  }

  const counts = Object.fromEntries(LEAD_STATES.map((s) => [s, 0])) as Record<LeadState, number>;
  const leads: CleanedRow[] = new Array<CleanedRow>(n);
  for (let i = 0; i < n; i++) {
    const rowNumber = rowNumbers[i] as number;
    const cleaned = cleanedRows[i] as CleanedLead;
    const lead = cleaned.lead;
    // Every field set, on every row: one object shape for `classify` to read.
    const verdict: Required<CrossRowVerdict> = {
      suppressed:
        suppressed[i] ?? (suppressors[i] === 0 ? null : samePersonSuppressedReason(suppressors[i] as number)),
      duplicate: null,
      possibleDuplicate: null,
    };
    const inDb = existing?.get(rowNumber);
    const exact = exactGroupOf[i] as number;
    const fuzzy = fuzzyGroupOf[i] as number;
    const anchor = anchors[i] as number;
    if (inDb) {
      verdict.duplicate = alreadyInLeadsReason(inDb);
    } else if (anchor > 0) {
      verdict.duplicate = alreadyInLeadsReason(anchor);
    } else if (exact >= 0) {
      const survivorId = (groups[exact] as PipelineGroup).survivorId;
      if (survivorId !== rowNumber) {
        const survivor = (cleanedRows[indexOfRow[survivorId] as number] as CleanedLead).lead;
        verdict.duplicate = duplicateReason(lead, survivor, survivorId);
      }
    }
    if (fuzzy >= 0) {
      const survivorId = (groups[fuzzy] as PipelineGroup).survivorId;
      if (survivorId !== rowNumber) verdict.possibleDuplicate = possiblySameRowReason(survivorId);
    }
    // A fact about the lead alone, whatever other rows say: the same on every re-check of it.
    const known = input.existing?.similarPerson(lead) ?? null;
    if (known !== null) verdict.possibleDuplicate ??= possiblyInLeadsReason(known);
    const c = classify(cleaned, verdict, input.decisions?.get(rowNumber) ?? null);
    if (inDb || anchor > 0) c.flags.push('in_database');
    if (known !== null) c.flags.push('similar_in_database');
    counts[c.state]++;
    leads[i] = {
      rowNumber,
      original: originals[i] as readonly string[],
      lead,
      state: c.state,
      reason: c.reason,
      flags: c.flags,
      suggestion: c.suggestion,
      groupId: exact >= 0 ? exact : fuzzy >= 0 ? fuzzy : null,
    };
  }
  return { leads, counts };
}

/** @throws MappingError when the mapping cannot be imported (e.g. no email column). */
export function runPipeline(input: PipelineInput): PipelineResult {
  const headers = headerNames(input.rows, input.headerRow);
  const valid = validateMapping(headers, input.mapping);
  if (!valid.ok) throw new MappingError(valid.problem, valid.message);

  const sheet = cleanSheet(input, compileMapping(input.mapping));
  const { edits } = input;
  fillCompaniesFromColleagues(sheet.cleaned, (i) => !edits?.has(sheet.rowNumbers[i] as number));
  spreadFileMarks(sheet.cleaned);
  // Row numbers are below rows.length + 1: a typed array finds a lead by its row number.
  const indexOfRow = new Int32Array(input.rows.length + 1);
  for (let i = 0; i < sheet.rowNumbers.length; i++) indexOfRow[sheet.rowNumbers[i] as number] = i;
  const records = sheet.cleaned.map((c) => c.lead);
  const existing = input.existing
    ? matchExisting(
        records.map((lead, i) => ({
          id: sheet.rowNumbers[i] as number,
          email: lead.email,
          linkedinUrl: lead.linkedinUrl,
        })),
        input.existing,
      )
    : null;
  const { suppression } = input;
  const suppressed = records.map((lead) => (suppression ? isSuppressed(lead.email, suppression) : null));
  const { groups, ...links } = groupsOf(
    sheet,
    records,
    indexOfRow,
    existing,
    suppressed,
    suppression,
    input.decisions,
  );
  const { leads, counts } = classifyRows(input, sheet, indexOfRow, groups, existing, links, suppressed);
  return {
    headers,
    leads,
    groups,
    counts,
    total: leads.length,
    blankRows: sheet.blankRows,
    hiddenRows: sheet.hiddenRows,
    headerRepeats: sheet.headerRepeats,
    footerRows: sheet.footerRows,
  };
}

/** The rows below the header a run read: its leads and each row that is none (the counting rule above). */
export function rowsBelowHeader(
  r: Pick<PipelineResult, 'total' | 'blankRows' | 'hiddenRows' | 'headerRepeats' | 'footerRows'>,
): number {
  return r.total + r.blankRows + r.hiddenRows + r.headerRepeats + r.footerRows;
}
