import { z } from 'zod';
import { call, Empty } from './define';
import { NormalisedLeadSchema } from '../import/types';
import { FlagHitSchema, FlagOptionsSchema, ReviewFlagSchema } from '../review/flags';

/**
 * Review and export (issue 6). All text fields carry untrusted generated content: render as text.
 * Every change emits 'review.changed' so other windows refresh.
 */

export const ReviewState = z.enum(['pending', 'approved', 'rejected']);
export type ReviewState = z.infer<typeof ReviewState>;
export const GenState = z.enum(['pending', 'generated', 'not_generated', 'failed']);

const Id = z.number().int().positive();

/** Facets: states and flags are "any of"; an empty list means no restriction. */
export const ReviewFilter = z
  .object({
    search: z.string().max(300).default(''),
    states: z.array(ReviewState).max(3).default([]),
    flags: z.array(ReviewFlagSchema).max(32).default([]),
    /** Only leads without any flag; combined with `flags` it matches nothing. */
    flagless: z.boolean().default(false),
  })
  .strict();
export type ReviewFilter = z.infer<typeof ReviewFilter>;

export const ReviewRow = z.object({
  leadId: Id,
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  reviewState: ReviewState,
  genState: GenState,
  flags: z.array(ReviewFlagSchema),
  /** Any step's text differs from what MachFive wrote. */
  edited: z.boolean(),
  stepCount: z.number().int(),
  /** Step 1 subject, for the list's preview column. */
  subject1: z.string().nullable(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

const FlagCounts = z.record(ReviewFlagSchema, z.number().int());

/**
 * Counts for the filter bar. `byState` ignores the state facet and `byFlag`/`flagless` ignore the flag
 * facets (so each chip shows what you would get by clicking it); all honour the search text.
 */
export const ReviewCounts = z.object({
  runTotal: z.number().int(),
  byState: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  byFlag: FlagCounts,
  flagless: z.number().int(),
});
export type ReviewCounts = z.infer<typeof ReviewCounts>;

export const ReviewPage = z.object({
  /** Leads matching the whole filter; the virtual list's length. */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ReviewRow),
  counts: ReviewCounts.nullable(),
});
export type ReviewPage = z.infer<typeof ReviewPage>;

export const StepView = z.object({
  step: z.number().int(),
  subject: z.string(),
  body: z.string(),
  subjectGenerated: z.string(),
  bodyGenerated: z.string(),
  edited: z.boolean(),
  editedAt: z.number().int().nullable(),
});
export type StepView = z.infer<typeof StepView>;

export const LeadDetail = z.object({
  runId: Id,
  leadId: Id,
  reviewState: ReviewState,
  genState: GenState,
  genMessage: z.string().nullable(),
  expectedSteps: z.number().int().nullable(),
  lead: NormalisedLeadSchema.extend({
    // As stored with the lead: a key is not checked for its form again on the way out.
    custom: z.record(z.string(), z.string()),
    /** The imported row as read, by header, in column order. */
    original: z.array(z.object({ header: z.string(), value: z.string() })),
  }),
  steps: z.array(StepView),
  /** Spans are [start, end) UTF-16 offsets into that step's subject or body. */
  flags: z.array(FlagHitSchema),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const StepEditEntry = z.object({
  id: Id,
  step: z.number().int(),
  kind: z.enum(['edit', 'revert', 'undo', 'regenerated']),
  subjectBefore: z.string(),
  bodyBefore: z.string(),
  subjectAfter: z.string(),
  bodyAfter: z.string(),
  at: z.number().int(),
});
export type StepEditEntry = z.infer<typeof StepEditEntry>;

export const ReviewAction = z.object({
  id: Id,
  kind: z.enum(['edit', 'revert', 'state']),
  label: z.string(),
  leadId: Id.nullable(),
  step: z.number().int().nullable(),
  at: z.number().int(),
});
export type ReviewAction = z.infer<typeof ReviewAction>;

export const StateTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leads'), leadIds: z.array(Id).min(1).max(100_000) }).strict(),
  /** "Approve all 1,234 shown": the same filter the list uses. */
  z.object({ kind: z.literal('filter'), filter: ReviewFilter }).strict(),
  z.object({ kind: z.literal('emails'), emails: z.array(z.string().max(320)).min(1).max(100_000) }).strict(),
]);
export type StateTarget = z.infer<typeof StateTarget>;

const StepNumber = z.number().int().min(1).max(20);

export const ExportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), runId: Id }).strict(),
  /** Every lead of an import, with its sequence from the latest run that holds it (if any). */
  z.object({ kind: z.literal('import'), importId: Id }).strict(),
]);
export type ExportSource = z.infer<typeof ExportSource>;

export const ExportRequest = z
  .object({
    source: ExportSource,
    which: z.enum(['approved', 'selected', 'all']).default('approved'),
    /** Required when which = 'selected'. */
    leadIds: z.array(Id).max(100_000).default([]),
    format: z.enum(['xlsx', 'csv']),
    /** Prefix cells starting with = + - @ tab or CR with ' so spreadsheets never run them as formulas. */
    escapeFormulas: z.boolean().default(true),
    /** Echoed in 'export.progress' events so the UI can match them to this request. */
    jobId: z.string().max(100).nullable().default(null),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportResult = z.object({
  /** Name inside the data folder's exports/ directory; pass it to export.download / export.reveal. */
  fileName: z.string(),
  path: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  columns: z.array(z.string()),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;

const ExportFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.-]+\.(xlsx|csv)$/, 'an export file name from export.create');

export const reviewCalls = {
  'review.list': call(
    z
      .object({
        runId: Id,
        filter: ReviewFilter.default({ search: '', states: [], flags: [], flagless: false }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** Skip when only scrolling: the counts do not change with the page. */
        counts: z.boolean().default(true),
      })
      .strict(),
    ReviewPage,
  ),
  'review.lead': call(z.object({ runId: Id, leadId: Id }).strict(), LeadDetail),
  /** Autosave: call on every pause in typing; calls with the same `session` make one history entry and one undo step. */
  'review.editStep': call(
    z
      .object({
        runId: Id,
        leadId: Id,
        step: StepNumber,
        subject: z.string().max(1000).optional(),
        body: z.string().max(30_000).optional(),
        session: z.string().max(100).optional(),
      })
      .strict()
      .refine((v) => v.subject !== undefined || v.body !== undefined, 'Give a subject, a body or both'),
    LeadDetail,
  ),
  /** Back to the text MachFive generated; recorded in the history and undoable. */
  'review.revertStep': call(z.object({ runId: Id, leadId: Id, step: StepNumber }).strict(), LeadDetail),
  'review.history': call(
    z.object({ runId: Id, leadId: Id, step: StepNumber.optional() }).strict(),
    z.object({ entries: z.array(StepEditEntry) }),
  ),
  'review.setState': call(
    z.object({ runId: Id, state: ReviewState, target: StateTarget }).strict(),
    z.object({ matched: z.number().int(), changed: z.number().int(), action: ReviewAction.nullable() }),
  ),
  /** Reverses the newest not-yet-undone action of the run (edit session, revert or state change). */
  'review.undo': call(
    z.object({ runId: Id }).strict(),
    z.object({ undone: ReviewAction.nullable(), next: ReviewAction.nullable() }),
  ),
  'review.actions': call(
    z.object({ runId: Id, limit: z.number().int().min(1).max(100).default(20) }).strict(),
    z.object({ actions: z.array(ReviewAction) }),
  ),
  /** Queues new generation; the current text stays until the new text arrives (then it goes to the history). */
  'review.regenerate': call(
    z.object({ runId: Id, leadIds: z.array(Id).min(1).max(1000) }).strict(),
    z.object({ queued: z.number().int(), message: z.string() }),
  ),
  'review.flagInfo': call(
    Empty,
    z.object({
      flags: z.array(z.object({ flag: ReviewFlagSchema, label: z.string(), description: z.string() })),
      spamWords: z.array(z.string()),
      options: FlagOptionsSchema,
    }),
  ),
  'review.setOptions': call(FlagOptionsSchema.partial().strict(), FlagOptionsSchema),
  'export.create': call(ExportRequest, ExportResult),
  /** The file's bytes for the web host's download (files up to 50 MB; larger ones: export.reveal). */
  'export.download': call(
    z.object({ fileName: ExportFileName }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), bytes: z.number().int() }),
  ),
  'export.reveal': call(
    z.object({ fileName: ExportFileName }).strict(),
    z.object({ path: z.string(), revealed: z.boolean() }),
  ),
};

export const reviewEvents = {
  /** leadIds null: many leads changed (bulk change, undo of one, new flags): refetch the page and counts. */
  'review.changed': z.object({ runId: Id, leadIds: z.array(Id).nullable() }),
  'export.progress': z.object({
    jobId: z.string().nullable(),
    phase: z.enum(['rows', 'writing', 'done']),
    done: z.number().int(),
    total: z.number().int(),
  }),
};
