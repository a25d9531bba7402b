/**
 * Turns each provider's answer for one chunk into one outcome per item sent, in request order.
 * Where a provider reports only counts, the inference is spelled out in the item's reason.
 */
import type { ItemOutcome, ReasonCode } from './types';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InstantlyAddResult {
  in_blocklist: number;
  duplicated_leads: number;
  skipped_count: number;
  invalid_email_count: number;
  incomplete_count: number;
  duplicate_email_count: number;
  created_leads: { id: string; index: number; email?: string | null }[];
}

const INSTANTLY_REASONS: {
  field: keyof Omit<InstantlyAddResult, 'created_leads'>;
  code: ReasonCode;
  text: string;
}[] = [
  { field: 'in_blocklist', code: 'blocklist', text: 'on your Instantly blocklist' },
  { field: 'duplicated_leads', code: 'duplicate', text: 'already in this campaign/list' },
  {
    field: 'skipped_count',
    code: 'skip_flag',
    text: 'already elsewhere in your workspace (skip_if_in_… option)',
  },
  { field: 'invalid_email_count', code: 'invalid', text: 'invalid or missing email' },
  { field: 'incomplete_count', code: 'incomplete', text: 'incomplete (no email and no name)' },
  { field: 'duplicate_email_count', code: 'duplicate_in_request', text: 'same email twice in one request' },
];

const skipped = (reasonCode: ReasonCode, reason: string): ItemOutcome => ({
  state: 'skipped',
  reasonCode,
  reason,
  remoteId: null,
  retryable: false,
});

/**
 * Instantly: created_leads[].index marks what was added. Everything else was skipped; the counters
 * say why only in aggregate. Invalid emails and in-request duplicates are attributed locally when
 * obvious; the rest gets the one remaining reason when only one counter is non-zero, otherwise an
 * honest "Instantly does not say which".
 */
export function mapInstantlyResult(sentEmails: readonly string[], res: InstantlyAddResult): ItemOutcome[] {
  const out: (ItemOutcome | null)[] = sentEmails.map(() => null);
  for (const c of res.created_leads) {
    if (Number.isInteger(c.index) && c.index >= 0 && c.index < out.length && out[c.index] === null) {
      out[c.index] = { state: 'added', reasonCode: null, reason: null, remoteId: c.id, retryable: false };
    }
  }
  const remaining = { ...res };
  const seen = new Set<string>();
  sentEmails.forEach((email, i) => {
    const key = email.trim().toLowerCase();
    const dup = seen.has(key);
    seen.add(key);
    if (out[i] !== null) return;
    if (!LOOKS_LIKE_EMAIL.test(email.trim()) && remaining.invalid_email_count > 0) {
      remaining.invalid_email_count--;
      out[i] = skipped('invalid', 'Skipped by Instantly: invalid or missing email.');
    } else if (dup && remaining.duplicate_email_count > 0) {
      remaining.duplicate_email_count--;
      out[i] = skipped(
        'duplicate_in_request',
        'Skipped by Instantly: the same email was sent twice in one request.',
      );
    }
  });
  const open = INSTANTLY_REASONS.filter((r) => remaining[r.field] > 0);
  return out.map((o) => {
    if (o) return o;
    const only = open.length === 1 ? open[0] : undefined;
    if (only) return skipped(only.code, `Skipped by Instantly: ${only.text}.`);
    if (open.length === 0)
      return skipped('unattributed', 'Skipped by Instantly without a reason in its counts.');
    return skipped(
      'unattributed',
      `Skipped by Instantly (${open.map((r) => r.text).join(' / ')} — Instantly does not say which).`,
    );
  });
}

export interface SendkitAddResult {
  added: number;
  skipped: number;
  errors: { entry: unknown; message: string }[];
}

function entryEmail(entry: unknown): string | null {
  if (
    entry &&
    typeof entry === 'object' &&
    'email' in entry &&
    typeof (entry as { email: unknown }).email === 'string'
  ) {
    return (entry as { email: string }).email.trim().toLowerCase();
  }
  return null;
}

/**
 * Sendkit: errors[].entry echoes the entry as sent, so it is matched back by email -> rejected with
 * Sendkit's message. Every other lead is in the campaign afterwards, either added now or skipped as
 * already present; Sendkit returns only the two counts, so: skipped 0 -> all added; added 0 -> all
 * skipped as already in the campaign; both non-zero -> "added" with reason saying Sendkit did not say
 * which of them were already there.
 */
export function mapSendkitResult(sentEmails: readonly string[], res: SendkitAddResult): ItemOutcome[] {
  const errorsByEmail = new Map<string, string[]>();
  for (const e of res.errors) {
    const email = entryEmail(e.entry);
    if (email === null) continue;
    errorsByEmail.set(email, [...(errorsByEmail.get(email) ?? []), e.message]);
  }
  return sentEmails.map((email) => {
    const queue = errorsByEmail.get(email.trim().toLowerCase());
    const message = queue?.shift();
    if (message !== undefined) {
      return {
        state: 'rejected',
        reasonCode: 'provider_rejected',
        reason: `Sendkit: ${message}`,
        remoteId: null,
        retryable: false,
      };
    }
    if (res.skipped === 0)
      return { state: 'added', reasonCode: null, reason: null, remoteId: null, retryable: false };
    if (res.added === 0) return skipped('duplicate', 'Skipped by Sendkit: already in this campaign.');
    return {
      state: 'added',
      reasonCode: 'in_campaign',
      reason: `In the campaign: Sendkit added ${res.added} and skipped ${res.skipped} already present in this request, without saying which.`,
      remoteId: null,
      retryable: false,
    };
  });
}

export type SegmentflowItemResult =
  | { kind: 'accepted'; index: number; idempotencyKey: string | null; sendId: string }
  | { kind: 'rejected'; index: number; idempotencyKey: string | null; code: string | null; message: string };

/** Rejections that a changed profile/template can fix; a retry may resend them (same keys). */
const RETRYABLE_SEGMENTFLOW = new Set([
  'TEMPLATE_REQUIRED',
  'TEMPLATE_NOT_FOUND',
  'SUBJECT_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
]);

/**
 * Segmentflow: ordered per-item results. Matched by idempotency key (falling back to index), so a
 * reordered or partial answer can never credit one lead with another's send. An item with no result
 * counts as failed and retryable: its key makes a resend safe.
 */
export function mapSegmentflowResult(
  sentKeys: readonly string[],
  items: readonly SegmentflowItemResult[],
): ItemOutcome[] {
  const byKey = new Map<string, SegmentflowItemResult>();
  const byIndex = new Map<number, SegmentflowItemResult>();
  for (const r of items) {
    if (r.idempotencyKey) byKey.set(r.idempotencyKey, r);
    byIndex.set(r.index, r);
  }
  return sentKeys.map((key, i) => {
    const fromIndex = byIndex.get(i);
    const r =
      byKey.get(key) ??
      (fromIndex && (fromIndex.idempotencyKey === null || fromIndex.idempotencyKey === key)
        ? fromIndex
        : undefined);
    if (!r) {
      return {
        state: 'failed',
        reasonCode: 'transport',
        reason: 'Segmentflow returned no result for this email; retrying is safe.',
        remoteId: null,
        retryable: true,
      };
    }
    if (r.kind === 'accepted')
      return { state: 'added', reasonCode: null, reason: null, remoteId: r.sendId, retryable: false };
    return {
      state: 'rejected',
      reasonCode: 'provider_rejected',
      reason: `Segmentflow: ${r.code ? `${r.code}: ` : ''}${r.message}`,
      remoteId: null,
      retryable: r.code !== null && RETRYABLE_SEGMENTFLOW.has(r.code),
    };
  });
}
