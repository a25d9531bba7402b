/// <reference lib="webworker" />
/*
 * The import Web Worker: reads the file, guesses the header, suggests a
 * mapping and runs the whole pipeline off the UI thread. It keeps the
 * workbook, the sheet grid and the last pipeline result between requests,
 * so the UI only ever receives what it shows (picker rows, a preview, one
 * chunk at a time for staging).
 *
 * Cancelling is terminating: SheetJS's parse and runPipeline are synchronous
 * and cannot be interrupted from inside, so the client kills this worker and
 * starts a fresh one.
 */
import { isReadError, openWorkbook, readNotes, type Workbook } from '../../../src-shared/import/read';
import { detectHeaderRow, headerNames } from '../../../src-shared/import/header';
import { suggestMapping, visibleRowsBelow } from '../../../src-shared/import/mapping';
import { describeSheets } from '../../../src-shared/import/sheet-choice';
import { MappingError, runPipeline, type PipelineResult } from '../../../src-shared/import/pipeline';
import { encodeInput } from '../../../src-shared/contract/encoded';
import {
  compactStagedRow,
  stagingColumns,
  type StagingColumns,
} from '../../../src-shared/contract/staged-rows';
import { compileMapping } from '../../../src-shared/import/clean';
import { guardedRowCounts } from '../../../src-shared/import/row-guards';
import { suppressionFileEntries, suppressionSetOf } from '../../../src-shared/import/suppression';
import { existingLookupOf } from '../../../src-shared/import/dedupe';
import type { ColumnMapping } from '../../../src-shared/import/types';
import {
  HEADER_PICKER_ROWS,
  WorkerRequestSchema,
  type Phase,
  type CleanedRowMessage,
  type ResultOf,
  type RequestType,
  type WorkerRequest,
  type WorkerResponse,
} from './import-messages';

declare const self: DedicatedWorkerGlobalScope;

const PREVIEW_ROWS = 20;
const SAMPLES_PER_COLUMN = 3;
/** Rows looked through for them: a column of one value in 100k rows is not read to its end. */
const SAMPLE_ROWS = 5000;

class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface State {
  fileName: string;
  workbook: Workbook | null;
  sheet: string | null;
  grid: string[][] | null;
  /** The sheet's hidden rows (`Workbook.hiddenRows`). */
  hidden: number[];
  /** The sheet's hidden columns (`Workbook.hiddenColumns`). */
  hiddenColumns: number[];
  /** The last run's result, and its mapping, which says what of each row staging can leave out. */
  run: { result: PipelineResult; columns: StagingColumns } | null;
}
const state: State = {
  fileName: '',
  workbook: null,
  sheet: null,
  grid: null,
  hidden: [],
  hiddenColumns: [],
  run: null,
};

/** Results whose buffers move to the UI thread instead of being copied (the UI thread only passes them on). */
const transfers = new WeakMap<object, Transferable[]>();
function transferring<T extends object>(value: T, buffers: Transferable[]): T {
  transfers.set(value, buffers);
  return value;
}

const post = (message: WorkerResponse, transfer: Transferable[] = []): void =>
  self.postMessage(message, transfer);
const progress = (id: number, phase: Phase, done: number, total: number): void =>
  post({ type: 'progress', id, phase, done, total });

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function requireGrid(): string[][] {
  if (!state.grid) throw new UserFacingError('no_sheet', 'Pick a sheet first.');
  return state.grid;
}

/**
 * A few distinct non-empty values per column, from the first rows: "Replied · Contacted · Bounced"
 * says more of a status column than "Contacted · Contacted · Contacted".
 */
function nonEmptySamples(rows: readonly (readonly string[])[], columns: number): string[][] {
  const samples: string[][] = Array.from({ length: columns }, () => []);
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    let full = true;
    for (let c = 0; c < columns; c++) {
      const list = samples[c] as string[];
      const v = (row[c] ?? '').trim();
      if (list.length < SAMPLES_PER_COLUMN) {
        full = false;
        const shown = v.length > 80 ? `${v.slice(0, 79)}…` : v;
        if (shown !== '' && !list.includes(shown)) list.push(shown);
      }
    }
    if (full) break;
  }
  return samples;
}

function pipelineError(e: unknown): never {
  if (e instanceof MappingError) throw new UserFacingError('mapping', e.message);
  throw e;
}

type Handler<T extends RequestType> = (
  req: Extract<WorkerRequest, { type: T }>,
) => Promise<ResultOf<T>> | ResultOf<T>;

const handlers: { [T in RequestType]: Handler<T> } = {
  async open(req) {
    state.workbook = null;
    state.grid = null;
    state.hidden = [];
    state.hiddenColumns = [];
    state.run = null;
    state.fileName = req.fileName;
    progress(req.id, 'hash', 0, 1);
    const sha256 = await sha256Hex(req.bytes);
    progress(req.id, 'hash', 1, 1);
    const wb = openWorkbook(new Uint8Array(req.bytes), req.fileName, {
      onProgress: (p) => progress(req.id, p.phase, p.done, p.total),
      ...(req.encoding === undefined ? {} : { encoding: req.encoding }),
    });
    state.workbook = wb;
    return {
      kind: wb.kind,
      sheets: describeSheets(wb).map((s) => ({
        name: s.name,
        rowCount: s.rowCount,
        hidden: s.hidden ?? false,
        emailColumn: s.emailColumn,
        unreadable: s.unreadable ?? null,
      })),
      encoding: wb.encoding ?? null,
      delimiter: wb.delimiter ?? null,
      sha256,
      size: req.bytes.byteLength,
    };
  },
  readSheet(req) {
    if (!state.workbook) throw new UserFacingError('no_file', 'Open a file first.');
    const grid = state.workbook.readSheet(req.sheet, {
      onProgress: (p) => progress(req.id, p.phase, p.done, p.total),
    });
    state.sheet = req.sheet;
    state.grid = grid;
    state.hidden = state.workbook.hiddenRows(req.sheet);
    state.hiddenColumns = state.workbook.hiddenColumns(req.sheet);
    state.run = null;
    return {
      sheet: req.sheet,
      rowCount: grid.length,
      detectedHeaderRow: Math.min(detectHeaderRow(grid), HEADER_PICKER_ROWS - 1),
      rows: grid.slice(0, HEADER_PICKER_ROWS),
      notes: readNotes(state.workbook),
      hiddenRows: state.hidden,
    };
  },
  suggest(req) {
    const grid = requireGrid();
    const headers = headerNames(grid, req.headerRow);
    const below = visibleRowsBelow(grid, req.headerRow, state.hidden);
    const mapping = suggestMapping(headers, below, state.hiddenColumns);
    return {
      headers,
      mapping,
      samples: nonEmptySamples(below, headers.length),
      hiddenColumns: state.hiddenColumns,
      guarded: guardedRowCounts(mapping, below),
    };
  },
  preview(req) {
    const grid = requireGrid();
    try {
      const result = runPipeline({
        rows: grid.slice(0, req.headerRow + 1 + PREVIEW_ROWS),
        headerRow: req.headerRow,
        mapping: req.mapping,
        leaveOut: req.includeHidden ? [] : state.hidden,
      });
      return { ok: true, headers: result.headers, rows: result.leads.map(plainRow) };
    } catch (e) {
      if (e instanceof MappingError) return { ok: false, message: e.message };
      throw e;
    }
  },
  run(req) {
    const grid = requireGrid();
    const dataRows = Math.max(0, grid.length - req.headerRow - 1);
    progress(req.id, 'clean', 0, dataRows);
    let result: PipelineResult;
    try {
      result = runPipeline({
        rows: grid,
        headerRow: req.headerRow,
        mapping: req.mapping as ColumnMapping,
        leaveOut: req.includeHidden ? [] : state.hidden,
        existing: existingLookupOf(req.index),
        suppression: suppressionSetOf(req.index.suppressedEmails, req.index.suppressedDomains),
      });
    } catch (e) {
      pipelineError(e);
    }
    state.run = { result, columns: stagingColumns(compileMapping(req.mapping as ColumnMapping)) };
    progress(req.id, 'clean', dataRows, dataRows);
    return {
      headers: result.headers,
      counts: result.counts,
      total: result.total,
      blankRows: result.blankRows,
      hiddenRows: result.hiddenRows,
      headerRepeats: result.headerRepeats,
      footerRows: result.footerRows,
      groups: result.groups.map((g) => ({ id: g.id, kind: g.kind, ids: g.ids, survivorId: g.survivorId })),
    };
  },
  entries() {
    if (!state.workbook) throw new UserFacingError('no_file', 'Open a file first.');
    return suppressionFileEntries(state.workbook);
  },
  chunk(req) {
    if (!state.run) throw new UserFacingError('no_result', 'Run the import first.');
    const { result, columns } = state.run;
    const rows = result.leads.slice(req.start, req.start + req.size).map((r) => compactStagedRow(r, columns));
    const json = encodeInput('imports.stageRows', { importId: req.importId, rows });
    return transferring({ json, rows: rows.length, done: req.start + req.size >= result.leads.length }, [
      json.buffer,
    ]);
  },
};

/** The contract's row shape (mutable arrays, plain objects) for a row of the pipeline's result. */
function plainRow(row: PipelineResult['leads'][number]): CleanedRowMessage {
  return {
    rowNumber: row.rowNumber,
    original: [...row.original],
    lead: { ...row.lead, custom: { ...row.lead.custom } },
    state: row.state,
    reason: row.reason,
    flags: [...row.flags],
    suggestion: row.suggestion,
    groupId: row.groupId,
  };
}

async function handle(req: WorkerRequest): Promise<unknown> {
  const handler = handlers[req.type] as Handler<RequestType>;
  return handler(req as never);
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = WorkerRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const id =
      typeof event.data === 'object' && event.data !== null && 'id' in event.data
        ? Number(event.data.id)
        : -1;
    post({
      type: 'error',
      id,
      code: 'bad_request',
      message: 'The import worker received a message it does not understand. Reload the window.',
    });
    return;
  }
  const req = parsed.data;
  handle(req).then(
    (value) =>
      post(
        { type: 'result', id: req.id, value },
        typeof value === 'object' && value !== null ? transfers.get(value) : [],
      ),
    (e: unknown) => {
      if (isReadError(e) || e instanceof UserFacingError)
        post({ type: 'error', id: req.id, code: e.code, message: e.message });
      else {
        console.error('import worker failed', e);
        post({
          type: 'error',
          id: req.id,
          code: 'internal',
          message:
            'Reading this file failed unexpectedly. Try again; if it keeps failing, save the file again from Excel and re-import it.',
        });
      }
    },
  );
};
