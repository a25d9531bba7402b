/*
 * Messages between the Import screen (UI thread) and the import Web Worker.
 *
 * Both directions are parsed with zod on arrival: a worker is a separate
 * realm, and a stale bundle or a bug on either side should fail loudly with
 * a readable message rather than half-render. (A staging chunk's encoded
 * rows only pass through: the host parses them.) Every request carries an `id`;
 * the worker answers it exactly once with a `result` or an `error`, and may
 * send `progress` for it in between.
 */
import { z } from 'zod';
import { isBytes, type EncodedInput } from '../../../src-shared/contract/encoded';
import { ColumnMappingSchema, ROW_GUARDS } from '../../../src-shared/import/types';
import { TEXT_ENCODINGS } from '../../../src-shared/import/read/text';
import {
  importsCalls,
  StagedGroup,
  StagedRow,
  StateCounts,
  STAGE_CHUNK_ROWS,
} from '../../../src-shared/contract/imports';

const Grid = z.array(z.array(z.string()));

/** Existing committed leads and the suppression list, exactly as `imports.dedupeIndex` returns them. */
export const DedupeIndexSchema = importsCalls['imports.dedupeIndex'].output;
export type DedupeIndex = z.infer<typeof DedupeIndexSchema>;

export const WorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    id: z.number(),
    fileName: z.string(),
    bytes: z.instanceof(ArrayBuffer),
    /** Text files: read in this encoding instead of the one detected. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
  }),
  z.object({ type: z.literal('readSheet'), id: z.number(), sheet: z.string() }),
  z.object({ type: z.literal('suggest'), id: z.number(), headerRow: z.number().int().min(-1) }),
  z.object({
    type: z.literal('preview'),
    id: z.number(),
    headerRow: z.number().int().min(-1),
    mapping: ColumnMappingSchema,
    /** Rows hidden in the sheet are left out unless this is true. */
    includeHidden: z.boolean(),
  }),
  z.object({
    type: z.literal('run'),
    id: z.number(),
    headerRow: z.number().int().min(-1),
    mapping: ColumnMappingSchema,
    includeHidden: z.boolean(),
    index: DedupeIndexSchema,
  }),
  z.object({
    type: z.literal('chunk'),
    id: z.number(),
    importId: z.number().int().min(1),
    start: z.number().int().min(0),
    size: z.number().int().min(1).max(STAGE_CHUNK_ROWS),
  }),
  /** Every non-empty cell of the open file, for the suppression list. */
  z.object({ type: z.literal('entries'), id: z.number() }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;
export type RequestType = WorkerRequest['type'];

export const SheetSummarySchema = z.object({
  name: z.string(),
  rowCount: z.number(),
  hidden: z.boolean(),
  /** The top of the sheet has a column the mapping step would take for the email. */
  emailColumn: z.boolean(),
  /** A file in an archive that could not be read: why. */
  unreadable: z.string().nullable(),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;

export const OpenedSchema = z.object({
  kind: z.string(),
  sheets: z.array(SheetSummarySchema),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number(),
});
export type Opened = z.infer<typeof OpenedSchema>;

/** How many raw rows the header picker gets; the detected header is always among them. */
export const HEADER_PICKER_ROWS = 200;

export const SheetReadSchema = z.object({
  sheet: z.string(),
  rowCount: z.number(),
  detectedHeaderRow: z.number(),
  /** The first HEADER_PICKER_ROWS rows as read, title rows included. */
  rows: Grid,
  /** What reading the sheet changed, in sentences (`readNotes`). */
  notes: z.array(z.string()),
  /** Rows hidden in the sheet (filtered out or hidden by hand), as 0-based indices into its rows, ascending. */
  hiddenRows: z.array(z.number().int().min(0)),
});
export type SheetRead = z.infer<typeof SheetReadSchema>;

export const SuggestionSchema = z.object({
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  /** A few non-empty values per column, index-aligned with `headers`. */
  samples: z.array(z.array(z.string())),
  /** Columns hidden in the sheet (`Workbook.hiddenColumns`), suggested as ignored. */
  hiddenColumns: z.array(z.number().int().min(0)),
  /** Per column, how many of the rows shown each tick of the suggestion leaves out (`guardedRowCounts`). */
  guarded: z.array(z.partialRecord(z.enum(ROW_GUARDS), z.number().int().min(0))),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** One row of a pipeline result: the shape `imports.stageRows` takes, so chunks go to main as they are. */
export const CleanedRowSchema = StagedRow;
export type CleanedRowMessage = z.infer<typeof CleanedRowSchema>;

export const PreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.array(CleanedRowSchema), headers: z.array(z.string()) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type Preview = z.infer<typeof PreviewSchema>;

export const RunSummarySchema = z.object({
  headers: z.array(z.string()),
  counts: StateCounts,
  total: z.number(),
  blankRows: z.number(),
  hiddenRows: z.number(),
  headerRepeats: z.number(),
  footerRows: z.number(),
  groups: z.array(StagedGroup),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/**
 * A chunk is the whole `imports.stageRows` input, encoded as JSON in the worker and transferred, not
 * copied: the UI thread hands the bytes to the host as they are, and the host parses them with the
 * call's schema. Copying the rows out of the worker and serialising them again on the UI thread took
 * it ~5 s per 100,000 rows and held up the host, which waited for each chunk.
 */
export const ChunkSchema = z.object({
  json: z.custom<EncodedInput<'imports.stageRows'>>(isBytes, 'Expected the encoded rows of a chunk'),
  rows: z.number().int().min(0),
  done: z.boolean(),
});
export type Chunk = z.infer<typeof ChunkSchema>;

/** What each request type answers with. */
export const RESULT_SCHEMAS = {
  open: OpenedSchema,
  readSheet: SheetReadSchema,
  suggest: SuggestionSchema,
  preview: PreviewSchema,
  run: RunSummarySchema,
  chunk: ChunkSchema,
  entries: z.object({ entries: z.array(z.string()), columns: z.array(z.string()) }),
} as const satisfies Record<RequestType, z.ZodType>;
export type ResultOf<T extends RequestType> = z.infer<(typeof RESULT_SCHEMAS)[T]>;

export const PHASES = ['inspect', 'parse', 'extract', 'hash', 'clean'] as const;
export type Phase = (typeof PHASES)[number];

export const WorkerResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), value: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number(), code: z.string(), message: z.string() }),
  z.object({
    type: z.literal('progress'),
    id: z.number(),
    phase: z.enum(PHASES),
    done: z.number(),
    total: z.number(),
  }),
]);
export type WorkerResponse = z.infer<typeof WorkerResponseSchema>;
export type ProgressMessage = Extract<WorkerResponse, { type: 'progress' }>;
