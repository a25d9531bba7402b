import type Database from 'better-sqlite3';
import { z } from 'zod';
import { listNameFor, listNameHasRef, makeClientRef } from '../../../src-shared/generation/client-ref';
import { normaliseEmailKey, splitIntoBatches } from '../../../src-shared/generation/batching';
import { pollDelayMs } from '../../../src-shared/generation/backoff';
import type { AppContext } from '../../app/context';
import {
  BatchRejectedError,
  type BatchLead,
  type ExportResult,
  type MachFiveClient,
} from '../../providers/machfive';
import { isProviderError } from '../../providers/http';
import {
  classifyFailure,
  enqueueJob,
  providerState,
  type HasDatabase,
  type JobKindDef,
  type JobOutcome,
} from '../../queue';
import type { GenerationConfig } from './config';
import { storeExport } from './store-export';
import {
  batchLeads,
  getBatch,
  getRun,
  parseOptions,
  setBatch,
  setLeads,
  settleRun,
  type BatchLeadRow,
  type BatchRow,
  type RunRow,
} from './store';
import { cachedStatement } from '../../queue/sql';

export const SUBMIT = 'machfive.submit';
export const POLL = 'machfive.poll';
export const EXPORT = 'machfive.export';

const BatchPayload = z.object({ batchId: z.number().int().positive() });
type BatchPayload = z.infer<typeof BatchPayload>;

/** last_error of a submit job that waits only for a free MachFive slot; finished batches wake exactly these. */
export const SLOT_NOTE = 'Waiting for a free MachFive slot (the workspace is busy with other batches).';

export const submitKey = (batchId: number) => `mf-submit:${batchId}`;
export const pollKey = (batchId: number) => `mf-poll:${batchId}`;
export const exportKey = (batchId: number) => `mf-export:${batchId}`;

/**
 * Moves these leads of a run into new batches (next seq numbers) and queues one submit job per batch.
 * Their old batch keeps its history; its counts now exclude the leads that moved. Call it inside the
 * caller's transaction, with a run that is active again.
 */
export function addLeadBatches(
  ctx: HasDatabase,
  run: Pick<RunRow, 'id' | 'batch_size'>,
  leadIds: readonly number[],
  now = Date.now(),
): number[] {
  const sqlite = ctx.database.sqlite;
  const { seq } = cachedStatement(
    sqlite,
    `SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM batches WHERE run_id = ?`,
  ).get(run.id) as { seq: number };
  const insertBatch = cachedStatement(
    sqlite,
    `INSERT INTO batches (run_id, seq, client_ref, state, lead_count, updated_at) VALUES (?, ?, ?, 'queued', ?, ?) RETURNING id`,
  );
  const moveLeads = cachedStatement(
    sqlite,
    `UPDATE run_leads SET batch_id = ?, gen_state = 'pending', gen_message = NULL, updated_at = ?
     WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))`,
  );
  return splitIntoBatches([...leadIds], run.batch_size).map((ids, i) => {
    const s = seq + i;
    const batch = insertBatch.get(run.id, s, makeClientRef(run.id, s), ids.length, now) as { id: number };
    moveLeads.run(batch.id, now, run.id, JSON.stringify(ids));
    enqueueJob(
      ctx,
      {
        kind: SUBMIT,
        provider: 'machfive',
        payload: { batchId: batch.id },
        runId: run.id,
        dedupeKey: submitKey(batch.id),
      },
      now,
    );
    return batch.id;
  });
}

/** MachFive lists of live runs that hold a workspace slot (sent, not yet finished). */
function busySlots(sqlite: Database.Database): number {
  return (
    cachedStatement(
      sqlite,
      `SELECT COUNT(*) AS n FROM batches b JOIN runs r ON r.id = b.run_id
       WHERE r.state IN ('active','failed') AND b.state IN ('submitting', 'processing')`,
    ).get() as { n: number }
  ).n;
}

/**
 * Slots were freed (a batch finished, failed, got stuck or was cancelled): as many submit jobs parked
 * for a slot as there are free slots run now; the others keep waiting instead of polling. Call it in
 * the transaction that frees the slot.
 */
export function wakeSlotWaitersIn(sqlite: Database.Database, now = Date.now()): void {
  const free = providerState(sqlite, 'machfive', now).concurrency - busySlots(sqlite);
  if (free <= 0) return;
  cachedStatement(
    sqlite,
    `UPDATE jobs SET next_run_at = ? WHERE id IN (
       SELECT id FROM jobs WHERE kind = ? AND state = 'queued' AND last_error = ? AND next_run_at > ? ORDER BY id LIMIT ?)`,
  ).run(now, SUBMIT, SLOT_NOTE, now, free);
}

function toBatchLead(l: BatchLeadRow): BatchLead {
  const name = l.full_name ?? ([l.first_name, l.last_name].filter(Boolean).join(' ') || undefined);
  const lead: BatchLead = { email: l.email };
  if (name) lead.name = name;
  if (l.title) lead.title = l.title;
  if (l.company) lead.company = l.company;
  if (l.linkedin_url) lead.linkedin_url = l.linkedin_url;
  if (l.website) lead.company_website = l.website;
  return lead;
}

export interface GenerationJobsDeps {
  ctx: AppContext;
  config: GenerationConfig;
  client: () => MachFiveClient;
  /** A run changed: emit progress (throttled by the caller). */
  notify(runId: number): void;
}

export function registerGenerationJobs(deps: GenerationJobsDeps): void {
  const { ctx, config } = deps;
  const sqlite: Database.Database = ctx.database.sqlite;
  const log = ctx.log;

  const load = (batchId: number): { batch: BatchRow; run: RunRow } | null => {
    const batch = getBatch(sqlite, batchId);
    const run = batch ? getRun(sqlite, batch.run_id) : undefined;
    return batch && run ? { batch, run } : null;
  };

  const wakeSlotWaiters = (now: number) => wakeSlotWaitersIn(sqlite, now);

  const accepted = (batch: BatchRow, listId: string) => () => {
    const now = Date.now();
    setBatch(
      sqlite,
      batch.id,
      {
        state: 'processing',
        list_id: listId,
        submitted_at: now,
        poll_deadline_at: now + config.pollDeadlineMs,
        error: null,
        error_code: null,
      },
      now,
    );
    enqueueJob(
      ctx,
      {
        kind: POLL,
        provider: 'machfive',
        payload: { batchId: batch.id },
        runId: batch.run_id,
        dedupeKey: pollKey(batch.id),
        delayMs: config.poll.minMs,
      },
      now,
    );
  };

  /** 403/404 on the campaign: nothing more of this run can be submitted. Lists already accepted still finish. */
  const stopRun = (runId: number, message: string, code: string) => {
    const now = Date.now();
    cachedStatement(
      sqlite,
      `UPDATE runs SET state = 'failed', message = ?, finished_at = ? WHERE id = ? AND state = 'active'`,
    ).run(message, now, runId);
    const unsent = cachedStatement(
      sqlite,
      `SELECT id FROM batches WHERE run_id = ? AND state IN ('queued', 'submitting') AND list_id IS NULL`,
    ).all(runId) as Array<{ id: number }>;
    for (const b of unsent) {
      setBatch(sqlite, b.id, { state: 'failed', error: message, error_code: code }, now);
      setLeads(
        sqlite,
        runId,
        { batchId: b.id, fromStates: ['pending'] },
        'not_generated',
        `Not sent: ${message}`,
        now,
      );
    }
    cachedStatement(
      sqlite,
      `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?
         WHERE run_id = ? AND kind = ? AND state IN ('queued', 'running')`,
    ).run(now, now, runId, SUBMIT);
  };

  const giveUpBatch = (batchId: number, message: string, code: string) => {
    const l = load(batchId);
    // A batch already ended (e.g. a 400 marked it failed with its own reason) keeps that reason.
    if (!l || l.batch.state === 'done' || l.batch.state === 'cancelled' || l.batch.state === 'failed') return;
    if ((code === 'provider_forbidden' || code === 'provider_not_found') && l.batch.list_id === null) {
      stopRun(l.run.id, message, code);
    } else {
      setBatch(sqlite, batchId, { state: 'failed', error: message, error_code: code });
    }
    settleRun(sqlite, l.run.id);
    wakeSlotWaiters(Date.now());
  };

  const rejected = (batch: BatchRow, sent: BatchLeadRow[], e: BatchRejectedError) => () => {
    const now = Date.now();
    const bad =
      (e.badLead.index !== null ? sent[e.badLead.index] : undefined) ??
      (e.badLead.email
        ? sent.find((l) => normaliseEmailKey(l.email) === normaliseEmailKey(e.badLead.email ?? ''))
        : undefined);
    const reason = bad
      ? `MachFive refused the batch because of ${bad.email}. Fix or exclude that lead, then use "Retry these leads".`
      : `MachFive refused the batch: ${e.message}`;
    setBatch(sqlite, batch.id, { state: 'failed', error: reason, error_code: e.code }, now);
    if (bad)
      setLeads(
        sqlite,
        batch.run_id,
        { leadIds: [bad.lead_id] },
        'failed',
        `MachFive refused this lead: ${e.message}`,
        now,
      );
    setLeads(
      sqlite,
      batch.run_id,
      { batchId: batch.id, fromStates: ['pending'] },
      'not_generated',
      `Not generated: ${reason}`,
      now,
    );
    settleRun(sqlite, batch.run_id, now);
    wakeSlotWaiters(now);
  };

  const common = {
    provider: 'machfive' as const,
    payload: BatchPayload,
    onSettled: (job: { runId: number | null }) => {
      if (job.runId !== null) deps.notify(job.runId);
    },
  };

  const submit: JobKindDef<BatchPayload> = {
    ...common,
    kind: SUBMIT,
    onGiveUp: (job, err) => giveUpBatch(job.payload.batchId, err.message, err.code),
    async handle(job): Promise<JobOutcome> {
      const l = load(job.payload.batchId);
      if (!l || l.run.state !== 'active') return { type: 'done' };
      const { batch, run } = l;
      if (batch.list_id)
        return {
          type: 'done',
          effects: batch.state === 'processing' ? accepted(batch, batch.list_id) : undefined,
        };
      if (batch.state !== 'queued' && batch.state !== 'submitting') return { type: 'done' };
      const client = deps.client();
      if (batch.state === 'submitting') {
        // A POST may have reached MachFive before a crash or a lost answer: find it before sending again.
        const lists = await client.listAllLists(run.campaign_id);
        job.checkpoint();
        const found = lists.find((x) => listNameHasRef(x.custom_name, batch.client_ref));
        if (found) {
          log.info(
            `Batch ${batch.client_ref} was already accepted by MachFive (list ${found.id}); adopted it instead of resubmitting.`,
          );
          return { type: 'done', effects: accepted(batch, found.id) };
        }
      } else {
        if (busySlots(sqlite) >= providerState(sqlite, 'machfive').concurrency) {
          return { type: 'retry', afterMs: config.slotWaitMs, note: SLOT_NOTE };
        }
        job.withLease(() => setBatch(sqlite, batch.id, { state: 'submitting' }));
      }
      const leads = batchLeads(sqlite, batch);
      if (leads.length === 0) {
        return {
          type: 'done',
          effects: () => {
            setBatch(sqlite, batch.id, { state: 'done', completed_at: Date.now() });
            settleRun(sqlite, run.id);
          },
        };
      }
      const options = parseOptions(run.options_json);
      let listId: string;
      try {
        ({ listId } = await deps.client().generateBatch(run.campaign_id, leads.map(toBatchLead), {
          list_name: listNameFor(options.listName, batch.client_ref),
          email_count: options.emailCount,
          ...(options.emailSignature ? { email_signature: options.emailSignature } : {}),
          ...(options.campaignAngle ? { campaign_angle: options.campaignAngle } : {}),
          ...(options.approvedCtas?.length ? { approved_ctas: options.approvedCtas } : {}),
        }));
      } catch (e) {
        if (e instanceof BatchRejectedError)
          return { type: 'fail', code: e.code, message: e.message, effects: rejected(batch, leads, e) };
        const f = classifyFailure(e);
        const maybeSent = f.action === 'backoff' && f.ambiguous;
        // Provably not accepted: back to 'queued' so the next attempt needs no reconciliation.
        job.withLease(() =>
          setBatch(sqlite, batch.id, {
            state: maybeSent ? 'submitting' : 'queued',
            error: f.message,
            error_code: f.code,
          }),
        );
        throw e;
      }
      return { type: 'done', effects: accepted(batch, listId) };
    },
  };

  const poll: JobKindDef<BatchPayload> = {
    ...common,
    kind: POLL,
    onGiveUp: (job, err) => giveUpBatch(job.payload.batchId, err.message, err.code),
    async handle(job): Promise<JobOutcome> {
      const l = load(job.payload.batchId);
      if (!l || l.run.state === 'cancelled' || l.batch.state !== 'processing' || !l.batch.list_id)
        return { type: 'done' };
      const { batch } = l;
      const list = await deps.client().getList(batch.list_id!);
      job.checkpoint();
      const now = Date.now();
      if (list.processing_status === 'completed') {
        return {
          type: 'done',
          effects: () => {
            setBatch(sqlite, batch.id, { state: 'exporting', error: null, error_code: null });
            enqueueJob(ctx, {
              kind: EXPORT,
              provider: 'machfive',
              payload: { batchId: batch.id },
              runId: batch.run_id,
              dedupeKey: exportKey(batch.id),
            });
          },
        };
      }
      if (list.processing_status === 'failed') {
        return {
          type: 'done',
          effects: () => {
            const msg =
              'MachFive could not generate this list (it ended "failed"). Use "Retry these leads" to send them again.';
            setBatch(sqlite, batch.id, {
              state: 'failed',
              error: msg,
              error_code: 'list_failed',
              completed_at: now,
            });
            setLeads(
              sqlite,
              batch.run_id,
              { batchId: batch.id, fromStates: ['pending'] },
              'not_generated',
              msg,
              now,
            );
            settleRun(sqlite, batch.run_id, now);
            wakeSlotWaiters(now);
          },
        };
      }
      if (batch.poll_deadline_at !== null && now >= batch.poll_deadline_at) {
        return {
          type: 'done',
          effects: () => {
            const mins = Math.round((now - (batch.submitted_at ?? now)) / 60_000);
            setBatch(sqlite, batch.id, {
              state: 'stuck',
              error: `MachFive is still processing this list after ${mins} min. Press Retry to keep waiting, or check the list in MachFive.`,
              error_code: 'stuck',
            });
            wakeSlotWaiters(now);
          },
        };
      }
      return {
        type: 'retry',
        afterMs: pollDelayMs(now - (batch.submitted_at ?? now), config.poll),
        note: null,
      };
    },
  };

  const exporter: JobKindDef<BatchPayload> = {
    ...common,
    kind: EXPORT,
    onGiveUp: (job, err) => giveUpBatch(job.payload.batchId, err.message, err.code),
    async handle(job): Promise<JobOutcome> {
      const l = load(job.payload.batchId);
      if (!l || l.run.state === 'cancelled' || l.batch.state !== 'exporting' || !l.batch.list_id)
        return { type: 'done' };
      const { batch } = l;
      let result: ExportResult;
      try {
        result = await deps.client().exportList(batch.list_id!);
      } catch (e) {
        // 409 NOT_READY: the list status and its export are not always in step; ask again shortly.
        if (isProviderError(e) && e.status === 409)
          return { type: 'retry', afterMs: config.poll.minMs, note: 'MachFive export not ready yet.' };
        throw e;
      }
      job.checkpoint();
      return {
        type: 'done',
        effects: () => {
          const now = Date.now();
          storeExport(sqlite, log, batch, result, now);
          wakeSlotWaiters(now);
        },
      };
    },
  };

  ctx.jobs.register(submit);
  ctx.jobs.register(poll);
  ctx.jobs.register(exporter);
}
