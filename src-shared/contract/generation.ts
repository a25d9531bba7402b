import { z } from 'zod';
import { call, Empty } from './define';
import { Provider } from '../providers';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, MIN_BATCH_SIZE } from '../generation/batching';

/**
 * Generate (workflow step 5) and the job queue it runs on.
 *
 * Screen flow: 'campaigns.list' fills the picker (refresh: true asks MachFive again); the form's
 * RunRequest goes to 'runs.estimate' on every change and to 'runs.start' on Start. The Runs panel
 * shows 'runs.list' and follows 'runs.changed' (one RunDetail per changed run, throttled) and
 * 'queue.changed' (provider pauses / offline / concurrency). Actions: 'runs.cancel', 'runs.retryBatch'
 * (a stuck or failed batch), 'runs.retryLeads' ("retry these leads": a new batch in the same run from
 * the leads that came back not generated), 'queue.pause' / 'queue.resume' per provider.
 */

export const GenerationOptions = z
  .object({
    /** Shown in MachFive; LeadPrep appends " [lp-<run>-<seq>-<random>]" to find each batch again. */
    listName: z.string().trim().max(150).default(''),
    emailCount: z.number().int().min(1).max(5).default(3),
    emailSignature: z.string().trim().max(2000).optional(),
    campaignAngle: z.string().trim().max(2000).optional(),
    approvedCtas: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  })
  .strict();
export type GenerationOptions = z.infer<typeof GenerationOptions>;

/** Which leads: one committed import, every ready lead, or an explicit selection (from Clean & dedupe). */
export const LeadSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), importId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('allReady') }).strict(),
  z
    .object({ kind: z.literal('leads'), leadIds: z.array(z.number().int().positive()).min(1).max(500_000) })
    .strict(),
]);
export type LeadSelection = z.infer<typeof LeadSelection>;

const SelectionRequest = z.object({
  selection: LeadSelection,
  batchSize: z.number().int().min(MIN_BATCH_SIZE).max(MAX_BATCH_SIZE).default(DEFAULT_BATCH_SIZE),
  /** Also take leads that already have a sequence (or are in a run still going). */
  includeGenerated: z.boolean().default(false),
});

export const EstimateRequest = SelectionRequest.strict();
export const RunRequest = SelectionRequest.extend({
  campaignId: z.string().trim().min(1).max(200),
  campaignName: z.string().trim().max(300).optional(),
  options: GenerationOptions,
}).strict();
export type RunRequest = z.infer<typeof RunRequest>;

export const Estimate = z.object({
  leadCount: z.number().int(),
  batchCount: z.number().int(),
  /** MachFive charges one credit per lead. */
  credits: z.number().int(),
  excluded: z.object({
    /** In the selection but not 'ready' (needs fix, invalid, duplicate, suppressed) or not committed. */
    notReady: z.number().int(),
    /** Ready when committed, but their address or domain is on the suppression list now. */
    suppressed: z.number().int(),
    alreadyGenerated: z.number().int(),
    /** Pending in a run that is still going. */
    inActiveRun: z.number().int(),
    /** Same email as another selected lead: only the first is sent. */
    duplicateEmail: z.number().int(),
  }),
});
export type Estimate = z.infer<typeof Estimate>;

export const BATCH_STATES = [
  'queued',
  'submitting',
  'processing',
  'exporting',
  'done',
  'failed',
  'stuck',
  'cancelled',
] as const;
export const BatchState = z.enum(BATCH_STATES);
export type BatchState = z.infer<typeof BatchState>;

export const RUN_STATES = ['active', 'done', 'cancelled', 'failed'] as const;
export const RunState = z.enum(RUN_STATES);

export const LeadCounts = z.object({
  pending: z.number().int(),
  generated: z.number().int(),
  /** Missing from MachFive's export or in a failed list: retryable with 'runs.retryLeads'. */
  notGenerated: z.number().int(),
  /** Refused by MachFive (e.g. invalid email): fix the lead, then start a new run. */
  failed: z.number().int(),
});

export const BatchSummary = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  seq: z.number().int(),
  clientRef: z.string(),
  state: BatchState,
  listId: z.string().nullable(),
  leadCount: z.number().int(),
  leads: LeadCounts,
  /** Plain-language reason and next step when failed/stuck, or the current wait (e.g. offline). */
  message: z.string().nullable(),
  errorCode: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  pollDeadlineAt: z.number().int().nullable(),
  completedAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
  /** 'runs.retryBatch' is offered (stuck, or failed before MachFive accepted it). */
  canRetry: z.boolean(),
  /** 'runs.retryLeads' with this batchId is offered (leads came back not generated). */
  canRetryLeads: z.boolean(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const RunSummary = z.object({
  id: z.number().int(),
  campaignId: z.string(),
  campaignName: z.string().nullable(),
  options: GenerationOptions,
  batchSize: z.number().int(),
  leadCount: z.number().int(),
  state: RunState,
  message: z.string().nullable(),
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  leads: LeadCounts,
  batchStates: z.record(BatchState, z.number().int()),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({ batches: z.array(BatchSummary) });
export type RunDetail = z.infer<typeof RunDetail>;

export const ProviderQueueState = z.object({
  provider: Provider,
  paused: z
    .object({
      reason: z.enum(['auth', 'credits', 'user']),
      message: z.string().nullable(),
      at: z.number().int().nullable(),
    })
    .nullable(),
  concurrency: z.number().int(),
  queuedJobs: z.number().int(),
  runningJobs: z.number().int(),
});
export type ProviderQueueState = z.infer<typeof ProviderQueueState>;

export const JobSummary = z.object({
  id: z.number().int(),
  kind: z.string(),
  provider: Provider,
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  runId: z.number().int().nullable(),
  pushId: z.number().int().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextRunAt: z.number().int(),
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});

const RunId = z.object({ runId: z.number().int().positive() }).strict();

export const generationCalls = {
  'campaigns.list': call(
    z.object({ refresh: z.boolean().default(false) }).strict(),
    z.object({
      campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
      fetchedAt: z.number().int(),
    }),
  ),
  'runs.estimate': call(EstimateRequest, Estimate),
  'runs.start': call(RunRequest, RunDetail),
  'runs.list': call(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.object({ runs: z.array(RunSummary) }),
  ),
  'runs.get': call(RunId, RunDetail),
  'runs.cancel': call(RunId, RunDetail),
  'runs.retryBatch': call(z.object({ batchId: z.number().int().positive() }).strict(), RunDetail),
  'runs.retryLeads': call(
    z
      .object({ runId: z.number().int().positive(), batchId: z.number().int().positive().optional() })
      .strict(),
    RunDetail,
  ),
  'queue.status': call(Empty, z.object({ providers: z.array(ProviderQueueState) })),
  'queue.pause': call(z.object({ provider: Provider }).strict(), ProviderQueueState),
  'queue.resume': call(z.object({ provider: Provider }).strict(), ProviderQueueState),
  'jobs.list': call(
    z
      .object({
        runId: z.number().int().positive().optional(),
        pushId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    z.object({ jobs: z.array(JobSummary) }),
  ),
};

export const generationEvents = {
  /** A run or one of its batches changed (throttled per run). */
  'runs.changed': RunDetail,
  /** A provider was paused/resumed, went offline/online, or its concurrency changed. */
  'queue.changed': z.object({ providers: z.array(ProviderQueueState) }),
};
