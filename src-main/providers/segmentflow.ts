import { z } from 'zod';
import type { SegmentflowDefaultsPayload, SegmentflowItemPayload } from '../../src-shared/push/mapping';
import type { SegmentflowItemResult } from '../../src-shared/push/results';
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from './keys';
import { parseResponse, requestJson } from './http';

const Accepted = z
  .object({
    index: z.number().int(),
    idempotencyKey: z.string().nullish(),
    send: z.object({ id: z.string().min(1) }).loose(),
  })
  .loose();

/** The seed names EmailBatchSendRejectedItem without its fields: read code/message wherever they are. */
const Rejected = z
  .object({
    index: z.number().int(),
    idempotencyKey: z.string().nullish(),
    error: z
      .union([z.string(), z.object({ code: z.string().nullish(), message: z.string().nullish() }).loose()])
      .nullish(),
    code: z.string().nullish(),
    message: z.string().nullish(),
  })
  .loose();

const BatchResponse = z
  .object({
    total: z.number().int().nonnegative(),
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    items: z.array(z.unknown()),
  })
  .loose();

function readItem(raw: unknown): SegmentflowItemResult | null {
  const a = Accepted.safeParse(raw);
  if (a.success)
    return {
      kind: 'accepted',
      index: a.data.index,
      idempotencyKey: a.data.idempotencyKey ?? null,
      sendId: a.data.send.id,
    };
  const r = Rejected.safeParse(raw);
  if (!r.success) return null;
  const err = r.data.error;
  const code = (typeof err === 'object' && err ? err.code : null) ?? r.data.code ?? null;
  const message =
    (typeof err === 'string' ? err : err?.message) ?? r.data.message ?? 'rejected without a message';
  return {
    kind: 'rejected',
    index: r.data.index,
    idempotencyKey: r.data.idempotencyKey ?? null,
    code,
    message,
  };
}

export interface SegmentflowBatchResult {
  total: number;
  accepted: number;
  rejected: number;
  items: SegmentflowItemResult[];
}

/** Segmentflow emails batch (seed 002). Sends real email: callers confirm counts first. */
export function createSegmentflowClient(opts: ClientOptions) {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** POST /api/v1/emails/batch with 1–100 items; each item's idempotencyKey makes a resend a replay. */
  const sendBatch = async (
    items: SegmentflowItemPayload[],
    defaults: SegmentflowDefaultsPayload,
  ): Promise<SegmentflowBatchResult> => {
    if (items.length < 1 || items.length > 100)
      throw new RangeError(`Segmentflow takes 1–100 items per request, got ${items.length}`);
    const res = await requestJson({
      provider: 'segmentflow',
      method: 'POST',
      url: `${opts.baseUrl}/api/v1/emails/batch`,
      headers: { 'x-api-key': await opts.key() },
      body: { items, defaults },
      timeoutMs,
      fetchImpl: opts.fetchImpl,
    });
    const body = parseResponse('segmentflow', BatchResponse, res.json, 'the email batch');
    // An unreadable entry is simply missing from the list; the mapper then marks that item failed
    // (retryable, its key makes the resend a replay).
    const parsed = body.items.map(readItem).filter((x): x is SegmentflowItemResult => x !== null);
    return { total: body.total, accepted: body.accepted, rejected: body.rejected, items: parsed };
  };

  return { sendBatch };
}

export type SegmentflowClient = ReturnType<typeof createSegmentflowClient>;
