/**
 * Push contract: send a run's APPROVED leads to Instantly, Sendkit or Segmentflow.
 *
 * Screen flow (UI): push.destinations -> pick destination -> push.targets (Instantly campaign/list
 * pickers; Sendkit: validated ID field + recent IDs) or push.profiles (Segmentflow) -> options ->
 * push.preview (N leads -> M requests, excluded + why, repeats) -> confirm -> push.start ->
 * 'pushes.changed' events / push.list / push.get for progress -> push.results (filters) ->
 * push.retry (failed only) / push.exportResults.
 *
 * Segmentflow sends real email: push.start requires `confirmSendCount` equal to the preview's
 * `emailsToSend`. Leads already added to the same destination+target need `acknowledgeRepeat: true`
 * (or `spec.skipAlreadyPushed: true` to leave them out).
 */
import { z } from 'zod';
import { call, Empty, Ok } from './define';
import {
  Destination,
  ItemState,
  ProfileName,
  PushSpec,
  ReasonCode,
  SegmentflowProfileSettings,
} from '../push/types';

export { PushSpec, SegmentflowProfileSettings };

export const DestinationInfo = z.object({
  destination: Destination,
  label: z.string(),
  keySet: z.boolean(),
  /** What a push targets: Instantly campaign or list, Sendkit campaign, Segmentflow profile. */
  targetKinds: z.array(z.enum(['campaign', 'list', 'profile'])),
  /** The API can list targets (push.targets returns a picker); otherwise a validated ID field. */
  picker: z.boolean(),
  maxPerRequest: z.number().int(),
  /** Whether the generated sequence text reaches the destination. */
  carriesSequences: z.boolean(),
  /** Pushing sends email immediately (Segmentflow): confirm with a count. */
  sendsEmail: z.boolean(),
  notes: z.array(z.string()),
});
export type DestinationInfo = z.infer<typeof DestinationInfo>;

export const TargetRef = z.object({ id: z.string(), name: z.string() });
export const RecentTarget = z.object({
  id: z.string(),
  name: z.string().nullable(),
  usedAt: z.number().int(),
});

export const TargetsInput = z
  .object({ destination: z.enum(['instantly', 'sendkit']), kind: z.enum(['campaign', 'list']) })
  .strict();
export const TargetsResult = z.object({
  picker: z.boolean(),
  items: z.array(TargetRef),
  recent: z.array(RecentTarget),
  /** Why the picker is empty or unavailable (no key, offline, API error); the ID field still works. */
  message: z.string().nullable(),
  /** Hint for the ID field. */
  idFormat: z.string(),
});
export type TargetsResult = z.infer<typeof TargetsResult>;

export const DestinationProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  destination: z.literal('segmentflow'),
  settings: SegmentflowProfileSettings,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type DestinationProfile = z.infer<typeof DestinationProfile>;

export const SaveProfileInput = z
  .object({
    /** Give the id to rename/update an existing profile; omit it to create (names are unique). */
    id: z.number().int().positive().optional(),
    name: ProfileName,
    settings: SegmentflowProfileSettings,
  })
  .strict();

export const ExcludedRow = z.object({
  leadId: z.number().int(),
  email: z.string().nullable(),
  step: z.number().int().nullable(),
  reason: z.string(),
});
export const RepeatRow = z.object({
  leadId: z.number().int(),
  email: z.string(),
  step: z.number().int().nullable(),
  pushId: z.number().int(),
  pushedAt: z.number().int(),
});

/** Lists in a preview are capped at this many rows; the counts are always complete. */
export const PREVIEW_LIST_CAP = 1000;

export const PushPreview = z.object({
  destination: Destination,
  runId: z.number().int(),
  targetLabel: z.string(),
  /** The run's leads by review state; only approved ones are ever pushed. */
  review: z.object({ approved: z.number().int(), pending: z.number().int(), rejected: z.number().int() }),
  /** Leads that would be pushed, items (= leads, or lead-steps for Segmentflow), requests (= queue jobs). */
  leadCount: z.number().int(),
  itemCount: z.number().int(),
  requests: z.number().int(),
  chunkSize: z.number().int(),
  /** Segmentflow: emails that would be sent; push.start needs confirmSendCount equal to it. Else null. */
  emailsToSend: z.number().int().nullable(),
  excludedCount: z.number().int(),
  excluded: z.array(ExcludedRow),
  repeatCount: z.number().int(),
  repeats: z.array(RepeatRow),
  /** Plain-language notes the screen must show (e.g. Sendkit carries no custom variables). */
  notes: z.array(z.string()),
  /** Variable names the destination template can use. */
  variables: z.array(z.string()),
  /** The first mapped item exactly as it would be sent (no keys or secrets), or null when nothing would be. */
  sample: z.record(z.string(), z.unknown()).nullable(),
});
export type PushPreview = z.infer<typeof PushPreview>;

export const StartPushInput = z
  .object({
    spec: PushSpec,
    confirmSendCount: z.number().int().nonnegative().optional(),
    acknowledgeRepeat: z.boolean().default(false),
  })
  .strict();

export const PushCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  added: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
  /** failed + retryable rejected: what push.retry would send again. */
  retryable: z.number().int(),
});

export const PushSummary = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  destination: Destination,
  target: z.object({
    kind: z.enum(['campaign', 'list', 'profile']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  targetLabel: z.string(),
  state: z.enum(['active', 'done', 'failed', 'cancelled']),
  message: z.string().nullable(),
  counts: PushCounts,
  /** Share of items settled (not pending/sending), 0..1. */
  progress: z.number(),
  /** The destination is paused (bad key, credits) and this push waits for it. */
  paused: z.object({ reason: z.string(), message: z.string().nullable() }).nullable(),
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type PushSummary = z.infer<typeof PushSummary>;

export const ResultsFilter = z
  .object({
    pushId: z.number().int().positive(),
    states: z.array(ItemState).optional(),
    reasonCodes: z.array(ReasonCode).optional(),
    /** Only what push.retry would resend. */
    retryableOnly: z.boolean().default(false),
    /** Case-insensitive match on email, name or company. */
    search: z.string().trim().max(200).optional(),
  })
  .strict();

export const ResultRow = z.object({
  itemId: z.number().int(),
  leadId: z.number().int(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  step: z.number().int().nullable(),
  state: ItemState,
  reasonCode: ReasonCode.nullable(),
  reason: z.string().nullable(),
  remoteId: z.string().nullable(),
  retryable: z.boolean(),
  updatedAt: z.number().int(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const pushCalls = {
  'push.destinations': call(Empty, z.array(DestinationInfo)),
  'push.targets': call(TargetsInput, TargetsResult),
  'push.profiles': call(Empty, z.array(DestinationProfile)),
  'push.saveProfile': call(SaveProfileInput, DestinationProfile),
  'push.deleteProfile': call(z.object({ name: ProfileName }).strict(), Ok),
  'push.preview': call(z.object({ spec: PushSpec }).strict(), PushPreview),
  'push.start': call(StartPushInput, PushSummary),
  'push.list': call(
    z
      .object({
        runId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.array(PushSummary),
  ),
  'push.get': call(z.object({ pushId: z.number().int().positive() }).strict(), PushSummary),
  'push.results': call(
    ResultsFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }).strict(),
    z.object({ total: z.number().int(), items: z.array(ResultRow) }),
  ),
  'push.retry': call(z.object({ pushId: z.number().int().positive() }).strict(), PushSummary),
  'push.exportResults': call(
    ResultsFilter,
    z.object({
      fileName: z.string(),
      mimeType: z.literal('text/csv'),
      content: z.string(),
      rows: z.number().int(),
    }),
  ),
};

export const pushEvents = {
  'pushes.changed': PushSummary,
};
