import { z } from 'zod';
import {
  instantlyRequestOptions,
  segmentflowDefaults,
  toInstantlyLead,
  toSegmentflowItem,
  toSendkitLead,
} from '../../../src-shared/push/mapping';
import { mapInstantlyResult, mapSegmentflowResult, mapSendkitResult } from '../../../src-shared/push/results';
import { DESTINATIONS, type Destination, type ItemOutcome } from '../../../src-shared/push/types';
import type { AppContext } from '../../app/context';
import type { JobContext, JobOutcome } from '../../queue';
import { JOB_KIND, StoredPushConfig, pushClients } from './config';
import { loadLeadsByIds, settlePush } from './data';

const ChunkPayload = z.object({ pushId: z.number().int().positive() });
type ChunkPayload = z.infer<typeof ChunkPayload>;

interface ItemRow {
  id: number;
  lead_id: number;
  step: number | null;
  idempotency_key: string;
}

/** Codes after which a repeated upload's "already in this campaign" most likely means our own lost request. */
const AMBIGUOUS_CODES = new Set([
  'provider_timeout',
  'offline',
  'provider_unavailable',
  'provider_unexpected',
]);
const PERMANENT_CODES = new Set([
  'provider_bad_request',
  'provider_forbidden',
  'provider_not_found',
  'conflict',
  'invalid_input',
  'not_found',
]);

/**
 * Registers one queue job kind per destination. A job is one chunk (<= the destination's request
 * limit); its items are the push_items rows carrying its job_id. Items go pending -> sending (in a
 * leased transaction before the request) -> a final state (with the job's "done", atomically). A
 * worker killed mid-request leaves them "sending"; the job comes back when its lease expires and
 * sends them again: Segmentflow replays the same idempotency keys, Instantly/Sendkit skip leads
 * already in the campaign.
 */
export function registerPushJobs(ctx: AppContext, onChange: (pushId: number) => void): void {
  const clients = pushClients(ctx);
  const sqlite = ctx.database.sqlite;
  const q = {
    config: sqlite.prepare(`SELECT run_id, state, options_json FROM pushes WHERE id = ?`),
    items: sqlite.prepare(
      `SELECT id, lead_id, step, idempotency_key FROM push_items WHERE job_id = ? AND state IN ('pending', 'sending') ORDER BY id`,
    ),
    markSending: sqlite.prepare(
      `UPDATE push_items SET state = 'sending', updated_at = ? WHERE job_id = ? AND state = 'pending'`,
    ),
    outcome: sqlite.prepare(
      `UPDATE push_items SET state = @state, reason_code = @reasonCode, reason = @reason, remote_id = @remoteId, retryable = @retryable, updated_at = @now
       WHERE id = @id AND state IN ('pending', 'sending')`,
    ),
    giveUp: sqlite.prepare(
      `UPDATE push_items SET state = 'failed', reason_code = ?, reason = ?, retryable = 1, updated_at = ? WHERE job_id = ? AND state IN ('pending', 'sending')`,
    ),
  };

  const writeOutcomes = (pushId: number, outcomes: Map<number, ItemOutcome>) => {
    const now = Date.now();
    for (const [id, o] of outcomes) {
      q.outcome.run({
        id,
        state: o.state,
        reasonCode: o.reasonCode,
        reason: o.reason,
        remoteId: o.remoteId,
        retryable: o.retryable ? 1 : 0,
        now,
      });
    }
    settlePush(ctx, pushId, now);
  };

  async function handle(destination: Destination, job: JobContext<ChunkPayload>): Promise<JobOutcome> {
    const { pushId } = job.payload;
    const row = q.config.get(pushId) as { run_id: number; state: string; options_json: string } | undefined;
    if (!row || row.state === 'cancelled') return { type: 'done' };
    const config = StoredPushConfig.parse(JSON.parse(row.options_json));
    const items = job.withLease(() => {
      const rows = q.items.all(job.id) as ItemRow[];
      q.markSending.run(Date.now(), job.id);
      return rows;
    });
    if (items.length === 0) return { type: 'done', effects: () => settlePush(ctx, pushId) };
    if (config.spec.destination !== destination) {
      return { type: 'fail', code: 'internal', message: `Push ${pushId} is not a ${destination} push.` };
    }
    const leads = loadLeadsByIds(ctx, row.run_id, [...new Set(items.map((i) => i.lead_id))]);
    const outcomes = new Map<number, ItemOutcome>();
    const local = (state: ItemOutcome['state'], reason: string): ItemOutcome => ({
      state,
      reasonCode: 'provider_error',
      reason,
      remoteId: null,
      retryable: false,
    });
    const sendable = items.filter((i) => {
      const lead = leads.get(i.lead_id);
      if (!lead?.email)
        outcomes.set(i.id, local('rejected', 'The lead no longer has an email address in LeadPrep.'));
      else if (i.step !== null && !lead.steps.some((s) => s.step === i.step))
        outcomes.set(i.id, local('rejected', `The sequence no longer has step ${i.step}.`));
      else return true;
      return false;
    });
    const spec = config.spec;
    if (sendable.length > 0) {
      const emails = sendable.map((i) => leads.get(i.lead_id)!.email!);
      let mapped: ItemOutcome[];
      if (spec.destination === 'instantly') {
        const res = await clients.instantly().addLeads(
          sendable.map((i) => toInstantlyLead(leads.get(i.lead_id)!, spec.options)),
          instantlyRequestOptions(spec.target, spec.options),
        );
        mapped = mapInstantlyResult(emails, res);
        if (job.attempts > 1 && job.lastErrorCode && AMBIGUOUS_CODES.has(job.lastErrorCode)) {
          mapped = mapped.map((o) =>
            o.reasonCode === 'duplicate'
              ? {
                  ...o,
                  reason:
                    'Already in this campaign/list — most likely added by an earlier attempt of this push whose answer was lost.',
                }
              : o,
          );
        }
      } else if (spec.destination === 'sendkit') {
        const res = await clients.sendkit().addLeadsToCampaign(
          spec.target.id,
          sendable.map((i) => toSendkitLead(leads.get(i.lead_id)!)),
        );
        mapped = mapSendkitResult(emails, res);
      } else {
        if (!config.profile)
          return {
            type: 'fail',
            code: 'internal',
            message: `Push ${pushId} has no Segmentflow profile saved with it.`,
          };
        const payload = sendable.map((i) =>
          toSegmentflowItem(leads.get(i.lead_id)!, i.step ?? 1, i.idempotency_key),
        );
        const res = await clients.segmentflow().sendBatch(payload, segmentflowDefaults(config.profile));
        mapped = mapSegmentflowResult(
          sendable.map((i) => i.idempotency_key),
          res.items,
        );
      }
      sendable.forEach((item, idx) => outcomes.set(item.id, mapped[idx]!));
    }
    job.checkpoint();
    return { type: 'done', effects: () => writeOutcomes(pushId, outcomes) };
  }

  for (const destination of DESTINATIONS) {
    ctx.jobs.register<ChunkPayload>({
      kind: JOB_KIND[destination],
      provider: destination,
      payload: ChunkPayload,
      maxAttempts: 8,
      handle: (job) => handle(destination, job),
      onGiveUp(job, err) {
        const code = PERMANENT_CODES.has(err.code) ? 'provider_error' : 'transport';
        q.giveUp.run(code, err.message, Date.now(), job.id);
        settlePush(ctx, job.payload.pushId);
      },
      onSettled(job) {
        onChange(job.payload.pushId);
      },
    });
  }
}
