/*
 * A whole import in-process, through the same contract calls the renderer's
 * worker makes (read -> header -> mapping -> pipeline -> stage -> commit).
 * Used by the CLI; tests and the benchmark use it to drive the real path.
 *
 * Nothing is half-written: any failure after the draft was created removes
 * the draft before the error is passed on.
 */
import { createHash } from 'node:crypto';
import type { CallInput, CallName, CallOutput } from '../../../src-shared/contract';
import {
  STAGE_CHUNK_GROUPS,
  STAGE_CHUNK_ROWS,
  type ImportSummary,
} from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import { existingLookupOf } from '../../../src-shared/import/dedupe';
import { customKeys, detectHeaderRow, headerNames, NO_HEADER_ROW } from '../../../src-shared/import/header';
import {
  applyTemplate,
  suggestMapping,
  visibleRowsBelow,
  withOtherColumns,
  withSuggestedGuards,
  withoutGuards,
  templateFromMapping,
  validateMapping,
} from '../../../src-shared/import/mapping';
import {
  MappingError,
  rowsBelowHeader,
  runPipeline,
  type PipelineResult,
} from '../../../src-shared/import/pipeline';
import {
  hiddenRowsNote,
  openWorkbook,
  isReadError,
  readNotes,
  type TextEncoding,
  type Workbook,
} from '../../../src-shared/import/read';
import { suppressionSetOf } from '../../../src-shared/import/suppression';
import { describeSheets, importsOfSheet, preferredSheet } from '../../../src-shared/import/sheet-choice';
import { foldKey } from '../../../src-shared/import/text';
import {
  LEAD_FIELDS,
  LEAD_FIELD_LABELS,
  takesSeveralColumns,
  type ColumnMapping,
  type LeadField,
  type RowGuard,
} from '../../../src-shared/import/types';

export type Caller = <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallOutput<K>>;

export interface FileImportOptions {
  sheet?: string;
  /** 1-based sheet row of the header, 0 for none (every row a lead); detected when absent. */
  headerRowNumber?: number;
  /** `field=Column` overrides, applied after the template / suggestion. */
  map?: readonly string[];
  /** Name of a saved mapping template; otherwise a template matching the headers is used when there is one. */
  template?: string;
  /** Ignore the columns not mapped to a lead field, instead of keeping them as custom variables. */
  fieldsOnly?: boolean;
  /** Import even when this sheet of a file with the same bytes was imported before. */
  force?: boolean;
  /** Leave the import as a draft (for review in the app) instead of committing it. */
  draft?: boolean;
  /** Take every fix suggested for an address (typos, slips) before committing, as "Apply all suggested typo fixes" does. */
  applyFixes?: boolean;
  /** Give each lead without a name the one its address is made of (ann.lee@ -> Ann Lee) before committing, as "Fill names from addresses" does. */
  namesFromAddresses?: boolean;
  /** Exclude the addresses the file's email verifier could not confirm (catch-all, unknown) before committing. */
  excludeUnconfirmed?: boolean;
  /** The ticks to clear: the rows the file marks so are sent after all (`--keep-marked answered`). */
  keepMarked?: readonly RowGuard[];
  /** Import the rows hidden in the sheet (filtered out in Excel) too; by default they are left out, as Excel shows the sheet. */
  includeHidden?: boolean;
  /** Text files: the encoding to read them in, instead of the one detected. */
  encoding?: TextEncoding;
}

export interface FileImportResult {
  summary: ImportSummary;
  /** Things the user should know that did not stop the import. */
  warnings: string[];
  templateName: string | null;
  /** Leads whose suggested address fix was taken (`applyFixes`). */
  fixesApplied: number;
  /** Leads given the name in their address (`namesFromAddresses`). */
  namesFilled: number;
  /** Leads excluded as unconfirmed by the verifier (`excludeUnconfirmed`). */
  unconfirmedExcluded: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const FIELD_ALIASES: ReadonlyMap<string, LeadField> = new Map(
  LEAD_FIELDS.flatMap((f) => [
    [foldKey(f), f],
    [foldKey(LEAD_FIELD_LABELS[f]), f],
  ]),
);

/**
 * "email=E-Mail" / "first_name=3": the column by header (case/accents ignored) or 1-based position.
 * A field moves to the column named; `email` or `phone` given again adds a column tried after the ones before.
 */
export function applyMapOverrides(
  headers: readonly string[],
  mapping: ColumnMapping,
  overrides: readonly string[],
): ColumnMapping {
  const out = [...mapping];
  const keys = customKeys(headers);
  const given = new Set<LeadField>();
  for (const spec of overrides) {
    const eq = spec.indexOf('=');
    if (eq <= 0)
      throw new AppError(
        'invalid_input',
        `--map "${spec}" is not field=Column (for example --map email="Work Email").`,
      );
    const field = FIELD_ALIASES.get(foldKey(spec.slice(0, eq)));
    if (!field) {
      throw new AppError(
        'invalid_input',
        `--map "${spec}": unknown field. Fields: ${LEAD_FIELDS.join(', ')}.`,
      );
    }
    const columnText = spec.slice(eq + 1).trim();
    let column = headers.findIndex((h) => h === columnText);
    if (column < 0) column = headers.findIndex((h) => foldKey(h) === foldKey(columnText));
    if (column < 0 && /^\d+$/.test(columnText)) column = Number(columnText) - 1;
    if (column < 0 || column >= headers.length) {
      throw new AppError(
        'invalid_input',
        `--map "${spec}": no column "${columnText}". Columns: ${headers.join(', ')}.`,
      );
    }
    if (!(takesSeveralColumns(field) && given.has(field))) {
      out.forEach((t, i) => {
        if (t.kind === 'field' && t.field === field && i !== column)
          out[i] = { kind: 'custom', key: keys[i] ?? `column_${i + 1}` };
      });
    }
    out[column] = { kind: 'field', field };
    given.add(field);
  }
  return out;
}

/** The sheet to import, and when it was chosen among several visible ones with rows, a word saying so. */
function pickSheet(wb: Workbook, name: string | undefined): { sheet: string; note: string | null } {
  if (name !== undefined) {
    // In any case, and an archive's "crm.xlsx › Leads" as typed in a terminal: "crm.xlsx > Leads", "crm.xlsx/Leads".
    const folded = (n: string) =>
      n
        .toLowerCase()
        .replace(/\s*[›>/]\s*/g, '/')
        .trim();
    const found =
      wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => folded(s.name) === folded(name));
    if (!found)
      throw new AppError(
        'invalid_input',
        `There is no sheet "${name}". Sheets: ${wb.sheets.map((s) => s.name).join(', ')}.`,
      );
    return { sheet: found.name, note: null };
  }
  const described = describeSheets(wb);
  const chosen = preferredSheet(described);
  if (!chosen)
    throw new AppError('read_failed', 'Every sheet in this file is empty: there is nothing to import.');
  // Hidden sheets are the author's lookup tables and notes: not worth a word.
  const others = described
    .filter((s) => s !== chosen && !s.hidden && s.rowCount > 0)
    .map((s) => `"${s.name}"`);
  const why = chosen.emailColumn ? 'the largest with an email column' : 'none has an email column';
  const note =
    others.length === 0
      ? null
      : `This file has ${others.length + 1} visible sheets with rows; "${chosen.name}" was imported (${why}). To import another, add --sheet with one of: ${others.join(', ')}.`;
  return { sheet: chosen.name, note };
}

function readError(e: unknown): never {
  if (isReadError(e)) throw new AppError(e.code === 'cancelled' ? 'cancelled' : 'read_failed', e.message);
  throw e;
}

export async function importFile(
  call: Caller,
  bytes: Uint8Array,
  fileName: string,
  opts: FileImportOptions = {},
): Promise<FileImportResult> {
  const warnings: string[] = [];
  let wb: Workbook;
  let grid: string[][];
  let sheet: string;
  try {
    wb = openWorkbook(bytes, fileName, opts.encoding === undefined ? {} : { encoding: opts.encoding });
    const picked = pickSheet(wb, opts.sheet);
    sheet = picked.sheet;
    if (picked.note !== null) warnings.push(picked.note);
    grid = wb.readSheet(sheet);
  } catch (e) {
    readError(e);
  }
  warnings.push(...readNotes(wb));
  if (grid.length === 0)
    throw new AppError('read_failed', `The sheet "${sheet}" is empty: there is nothing to import.`);

  let headerRow: number;
  if (opts.headerRowNumber !== undefined) {
    if (
      !Number.isInteger(opts.headerRowNumber) ||
      opts.headerRowNumber < 0 ||
      opts.headerRowNumber > grid.length
    ) {
      throw new AppError(
        'invalid_input',
        `--header-row must be between 1 and ${grid.length} (the rows of "${sheet}"), or 0 for a sheet without a header row.`,
      );
    }
    headerRow = opts.headerRowNumber === 0 ? NO_HEADER_ROW : opts.headerRowNumber - 1;
  } else {
    headerRow = detectHeaderRow(grid);
  }
  const headers = headerNames(grid, headerRow);
  const hidden = opts.includeHidden ? [] : wb.hiddenRows(sheet);
  const hiddenColumns = opts.includeHidden ? [] : wb.hiddenColumns(sheet);
  const suggested = suggestMapping(headers, visibleRowsBelow(grid, headerRow, hidden), hiddenColumns);
  let mapping = suggested;

  let templateId: number | undefined;
  let templateName: string | null = null;
  if (opts.template !== undefined) {
    const wanted = opts.template.trim().toLowerCase();
    const { templates } = await call('imports.templates.list', {});
    const t = templates.find((x) => x.name.toLowerCase() === wanted);
    if (!t) {
      const names = templates.map((x) => x.name);
      throw new AppError(
        'invalid_input',
        `There is no mapping template "${opts.template}".${names.length ? ` Saved templates: ${names.join(', ')}.` : ''}`,
      );
    }
    const applied = applyTemplate(headers, templateFromMapping(t.headers, t.mapping));
    if (!applied) {
      throw new AppError(
        'invalid_input',
        `The template "${t.name}" was saved for other columns (${t.headers.join(', ')}); this sheet has ${headers.join(', ')}.`,
      );
    }
    mapping = withSuggestedGuards(applied, suggested);
    templateId = t.id;
    templateName = t.name;
  } else {
    const { match } = await call('imports.templates.match', { headers });
    if (match) {
      mapping = withSuggestedGuards(match.mapping, suggested);
      templateId = match.template.id;
      templateName = match.template.name;
    }
  }
  if (opts.map && opts.map.length > 0) mapping = applyMapOverrides(headers, mapping, opts.map);
  if (opts.fieldsOnly) mapping = withOtherColumns(mapping, mapping, headers, false);
  if (opts.keepMarked && opts.keepMarked.length > 0) mapping = withoutGuards(mapping, opts.keepMarked);
  const valid = validateMapping(headers, mapping);
  if (!valid.ok) {
    // The message says what to do in the app; here the column is picked with a flag.
    const how =
      valid.problem === 'no_email' && headers.length > 0 ? ' Name it with --map email="<column>".' : '';
    throw new AppError('invalid_input', `${valid.message}${how}`);
  }

  const sha256 = sha256Hex(bytes);
  const { previous } = await call('imports.checkHash', { sha256 });
  const p = importsOfSheet(previous, sheet, wb.sheets.length)[0];
  if (p !== undefined) {
    const when = new Date(p.createdAt).toISOString().slice(0, 16).replace('T', ' ');
    const what = wb.sheets.length > 1 ? `Sheet "${sheet}" of this file` : 'This file';
    const message = `${what} was already imported on ${when} UTC as import ${p.id} ("${p.fileName}", ${p.total} ${p.total === 1 ? 'lead' : 'leads'}).`;
    // A workbook of one sheet per event or region is imported a sheet at a time: say which are left.
    const left = wb.sheets
      .filter((s) => !s.hidden && s.rowCount > 0 && !previous.some((x) => x.sheet === s.name))
      .map((s) => `"${s.name}"`);
    const next = left.length > 0 ? ` Sheets not imported yet: ${left.join(', ')} (--sheet NAME).` : '';
    if (!opts.force) throw new AppError('conflict', `${message} Use --force to import it again.${next}`);
    warnings.push(message);
  }

  const index = await call('imports.dedupeIndex', {});
  let result: PipelineResult;
  try {
    result = runPipeline({
      rows: grid,
      headerRow,
      mapping,
      existing: existingLookupOf(index),
      suppression: suppressionSetOf(index.suppressedEmails, index.suppressedDomains),
      leaveOut: hidden,
    });
  } catch (e) {
    if (e instanceof MappingError) throw new AppError('invalid_input', e.message);
    throw e;
  }
  const hiddenNote = hiddenRowsNote(result.hiddenRows);
  if (result.total === 0) {
    throw new AppError(
      'read_failed',
      result.hiddenRows > 0
        ? `Every row of "${sheet}" below its header is hidden (filtered out in Excel). Add --include-hidden to import them.`
        : `The sheet "${sheet}" has a header row but no rows of data below it.`,
    );
  }
  if (hiddenNote !== null) warnings.push(`${hiddenNote} Add --include-hidden to import them.`);

  let fixesApplied = 0;
  let namesFilled = 0;
  let unconfirmedExcluded = 0;
  const beforeCommit = async (importId: number): Promise<void> => {
    if (opts.applyFixes)
      fixesApplied = (await call('leads.bulk', { importId, action: 'apply_all_typo_fixes' })).changed;
    if (opts.namesFromAddresses)
      namesFilled = (await call('leads.bulk', { importId, action: 'fill_names_from_addresses' })).changed;
    if (opts.excludeUnconfirmed) {
      unconfirmedExcluded = (await call('leads.bulk', { importId, action: 'exclude_verifier_unconfirmed' }))
        .changed;
    }
  };
  const summary = await stageAndCommit(
    call,
    {
      name: fileName.split(/[\\/]/).pop() ?? fileName,
      size: bytes.byteLength,
      sha256,
      kind: wb.kind,
      sheet,
      headerRow,
      encoding: wb.encoding ?? null,
      delimiter: wb.delimiter ?? null,
    },
    mapping,
    result,
    templateId,
    !opts.draft,
    opts.applyFixes || opts.namesFromAddresses || opts.excludeUnconfirmed ? beforeCommit : undefined,
  );
  return { summary, warnings, templateName, fixesApplied, namesFilled, unconfirmedExcluded };
}

/**
 * Stages `result` chunk by chunk, runs `beforeCommit` on the staged draft, and (unless `commit` is
 * false) commits it; removes the draft on any failure.
 */
export async function stageAndCommit(
  call: Caller,
  file: CallInput<'imports.stageBegin'>['file'],
  mapping: ColumnMapping,
  result: PipelineResult,
  templateId: number | undefined,
  commit: boolean,
  beforeCommit?: (importId: number) => Promise<void>,
): Promise<ImportSummary> {
  const { importId } = await call('imports.stageBegin', {
    file,
    headers: result.headers,
    mapping,
    ...(templateId === undefined ? {} : { templateId }),
    rowsRead: rowsBelowHeader(result),
    blankRows: result.blankRows,
    hiddenRows: result.hiddenRows,
    headerRepeats: result.headerRepeats,
    footerRows: result.footerRows,
    total: result.total,
  });
  try {
    for (let i = 0; i < result.leads.length; i += STAGE_CHUNK_ROWS) {
      // CleanedRow's cells are readonly; the call only reads them.
      const rows = result.leads.slice(i, i + STAGE_CHUNK_ROWS) as CallInput<'imports.stageRows'>['rows'];
      await call('imports.stageRows', { importId, rows });
    }
    for (let i = 0; i < result.groups.length; i += STAGE_CHUNK_GROUPS) {
      await call('imports.stageGroups', { importId, groups: result.groups.slice(i, i + STAGE_CHUNK_GROUPS) });
    }
    const staged = await call('imports.stageEnd', { importId });
    if (beforeCommit) await beforeCommit(importId);
    if (commit) return await call('imports.commit', { importId });
    return beforeCommit ? await call('imports.get', { importId }) : staged;
  } catch (e) {
    await call('imports.delete', { importId, force: true }).catch(() => undefined);
    throw e;
  }
}
