import type Database from 'better-sqlite3';
import type { Handlers } from '../../../src-shared/contract';
import type {
  Estimate,
  LeadSelection,
  ProviderQueueState,
  RunDetail,
  RunRequest,
} from '../../../src-shared/contract/generation';
import { AppError } from '../../../src-shared/errors';
import { batchCount, normaliseEmailKey, splitIntoBatches } from '../../../src-shared/generation/batching';
import { makeClientRef } from '../../../src-shared/generation/client-ref';
import { PROVIDERS, type Provider } from '../../../src-shared/providers';
import type { AppContext } from '../../app/context';
import type { CampaignRef } from '../../providers/campaigns';
import { cancelJobs, enqueueJob, listJobs, pauseProvider, providerState, resumeProvider } from '../../queue';
import { generationConfig, machFiveClientFor } from './config';
import {
  POLL,
  SUBMIT,
  addLeadBatches,
  pollKey,
  registerGenerationJobs,
  submitKey,
  wakeSlotWaitersIn,
} from './jobs';
import {
  PREPARING,
  getBatch,
  getRun,
  leadHistory,
  reactivateRun,
  removeAbandonedPreparations,
  runDetail,
  runSummaries,
  selectLeads,
  setBatch,
  setLeads,
  type RunRow,
} from './store';
import { cachedStatement } from '../../queue/sql';
import { isSuppressed } from '../../../src-shared/import/suppression';
import { loadSuppressionSet } from '../imports/suppression-set';
import { suppressedPeople } from '../imports/suppressions';

type GenerationHandlers = Pick<
  Handlers,
  | 'campaigns.list'
  | 'runs.estimate'
  | 'runs.start'
  | 'runs.list'
  | 'runs.get'
  | 'runs.cancel'
  | 'runs.retryBatch'
  | 'runs.retryLeads'
  | 'queue.status'
  | 'queue.pause'
  | 'queue.resume'
  | 'jobs.list'
>;

const EMIT_EVERY_MS = 250;
const MAX_EMIT_EVERY_MS = 2_000;
/** Leads written per transaction while a run is created (whole batches; ~15 ms each on a busy 2-core machine). */
const CHUNK_LEADS = 250;

interface Plan {
  estimate: Estimate;
  leadIds: number[];
}

/** Which of the selected leads a run would take, and why the others are left out. */
function plan(
  sqlite: Database.Database,
  selection: LeadSelection,
  batchSize: number,
  includeGenerated: boolean,
): Plan {
  const selected = selectLeads(sqlite, selection);
  const history = leadHistory(sqlite);
  // Committed leads keep the state they had at commit; the list may have grown since.
  const suppression = loadSuppressionSet(sqlite);
  const samePerson = suppressedPeople(sqlite);
  const seen = new Set<string>();
  const excluded = { notReady: 0, suppressed: 0, alreadyGenerated: 0, inActiveRun: 0, duplicateEmail: 0 };
  const leadIds: number[] = [];
  for (const l of selected) {
    if (l.state !== 'ready' || l.importStatus !== 'committed' || !l.email) {
      excluded.notReady++;
      continue;
    }
    if (isSuppressed(l.email, suppression) !== null || samePerson.has(l.id)) {
      excluded.suppressed++;
      continue;
    }
    if (!includeGenerated && history.inActiveRun.has(l.id)) {
      excluded.inActiveRun++;
      continue;
    }
    if (!includeGenerated && history.generated.has(l.id)) {
      excluded.alreadyGenerated++;
      continue;
    }
    const key = normaliseEmailKey(l.email);
    // The export is matched by email, so one email may appear once per run.
    if (seen.has(key)) {
      excluded.duplicateEmail++;
      continue;
    }
    seen.add(key);
    leadIds.push(l.id);
  }
  return {
    leadIds,
    estimate: {
      leadCount: leadIds.length,
      batchCount: batchCount(leadIds.length, batchSize),
      credits: leadIds.length,
      excluded,
    },
  };
}

export function providerStatuses(sqlite: Database.Database): ProviderQueueState[] {
  const counts = cachedStatement(
    sqlite,
    `SELECT provider, state, COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running') GROUP BY provider, state`,
  ).all() as Array<{ provider: Provider; state: 'queued' | 'running'; n: number }>;
  return PROVIDERS.map((provider) => {
    const s = providerState(sqlite, provider);
    return {
      provider,
      paused: s.paused_reason
        ? { reason: s.paused_reason, message: s.paused_message, at: s.paused_at }
        : null,
      concurrency: s.concurrency,
      queuedJobs: counts.find((c) => c.provider === provider && c.state === 'queued')?.n ?? 0,
      runningJobs: counts.find((c) => c.provider === provider && c.state === 'running')?.n ?? 0,
    };
  });
}

export function createGenerationService(ctx: AppContext) {
  const sqlite = ctx.database.sqlite;
  const config = generationConfig(ctx.env);
  const client = () => machFiveClientFor(ctx, config);

  // Progress events: at most one per run every EMIT_EVERY_MS, whatever the number of job changes.
  const dirtyRuns = new Set<number>();
  let emitTimer: NodeJS.Timeout | null = null;
  let providersDirty = false;
  let closed = false;
  // The interval grows with the cost of building the events (a 10k-lead run's detail costs a few ms),
  // so progress reporting stays under ~1% of the main process whatever the run size.
  let emitEveryMs = EMIT_EVERY_MS;
  const flush = () => {
    emitTimer = null;
    if (closed) return;
    const began = performance.now();
    const runs = [...dirtyRuns];
    dirtyRuns.clear();
    for (const id of runs) {
      const detail = runDetail(sqlite, id);
      if (detail) ctx.events.emit('runs.changed', detail);
    }
    if (providersDirty) {
      providersDirty = false;
      ctx.events.emit('queue.changed', { providers: providerStatuses(sqlite) });
    }
    emitEveryMs = Math.min(MAX_EMIT_EVERY_MS, Math.max(EMIT_EVERY_MS, (performance.now() - began) * 100));
  };
  const scheduleEmit = () => {
    if (emitTimer || closed) return;
    emitTimer = setTimeout(flush, emitEveryMs);
    emitTimer.unref?.();
  };
  const notify = (runId: number) => {
    dirtyRuns.add(runId);
    scheduleEmit();
  };
  const offProviders = ctx.jobs.onProvidersChanged(() => {
    providersDirty = true;
    scheduleEmit();
  });
  ctx.onClose(() => {
    closed = true;
    offProviders();
    if (emitTimer) clearTimeout(emitTimer);
  });

  registerGenerationJobs({ ctx, config, client, notify });
  const abandoned = removeAbandonedPreparations(sqlite);
  if (abandoned > 0)
    ctx.log.warn(
      `Removed ${abandoned} run(s) whose preparation was interrupted; nothing of them had been sent.`,
    );

  let campaignCache: { campaigns: CampaignRef[]; fetchedAt: number } | null = null;

  const detailOrThrow = (runId: number): RunDetail => {
    const d = runDetail(sqlite, runId);
    if (!d) throw new AppError('not_found', `Run ${runId} does not exist.`);
    return d;
  };

  const afterChange = (runId: number): RunDetail => {
    ctx.jobs.wake();
    notify(runId);
    return detailOrThrow(runId);
  };

  /**
   * Creates the run in chunks of whole batches (about CHUNK_LEADS leads each, one transaction per chunk,
   * a yield between them) so a 10k-lead run never holds the main process for long. The submit jobs are
   * written only by the last transaction, together with clearing the PREPARING message: a half-built run
   * is visible (as preparing) but nothing of it can be claimed or sent. A run whose preparation was cut
   * short by a crash is removed at the next start (removeAbandonedPreparations). Starts in this process
   * run one after another, so two of them cannot plan the same leads.
   */
  let starting: Promise<unknown> = Promise.resolve();
  function startRun(req: RunRequest): Promise<RunDetail> {
    const next = starting.then(() => buildRun(req));
    starting = next.catch(() => undefined);
    return next;
  }

  async function buildRun(req: RunRequest): Promise<RunDetail> {
    const { estimate, leadIds } = plan(sqlite, req.selection, req.batchSize, req.includeGenerated);
    if (leadIds.length === 0) {
      const ex = estimate.excluded;
      throw new AppError(
        'invalid_input',
        `No leads to generate: none of the selected leads is ready (${ex.notReady} not ready, ${ex.alreadyGenerated} already generated, ${ex.inActiveRun} in a run still going). Fix leads in Clean & dedupe, or include already generated ones.`,
      );
    }
    const now = Date.now();
    const runId = (
      cachedStatement(
        sqlite,
        `INSERT INTO runs (campaign_id, campaign_name, options_json, batch_size, lead_count, state, message, created_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?) RETURNING id`,
      ).get(
        req.campaignId,
        req.campaignName ?? null,
        JSON.stringify(req.options),
        req.batchSize,
        leadIds.length,
        PREPARING,
        now,
      ) as {
        id: number;
      }
    ).id;
    const insertBatch = cachedStatement(
      sqlite,
      `INSERT INTO batches (run_id, seq, client_ref, state, lead_count, updated_at) VALUES (?, ?, ?, 'queued', ?, ?) RETURNING id`,
    );
    const insertLead = cachedStatement(
      sqlite,
      `INSERT INTO run_leads (run_id, lead_id, batch_id, gen_state, review_state, updated_at) VALUES (?, ?, ?, 'pending', 'pending', ?)`,
    );
    const groups = splitIntoBatches(leadIds, req.batchSize);
    const batchIds: number[] = [];
    const insertChunk = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const seq = i + 1;
        const ids = groups[i]!;
        const batch = insertBatch.get(runId, seq, makeClientRef(runId, seq), ids.length, now) as {
          id: number;
        };
        for (const leadId of ids) insertLead.run(runId, leadId, batch.id, now);
        batchIds.push(batch.id);
      }
    });
    const perChunk = Math.max(1, Math.floor(CHUNK_LEADS / req.batchSize));
    try {
      for (let from = 0; from < groups.length; from += perChunk) {
        if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        insertChunk(from, Math.min(groups.length, from + perChunk));
      }
    } catch (e) {
      // Nothing of it was queued: take the partial run away again rather than leave it half-built.
      cachedStatement(sqlite, `DELETE FROM runs WHERE id = ?`).run(runId);
      throw e;
    }
    const started = sqlite.transaction(() => {
      const live = cachedStatement(
        sqlite,
        `UPDATE runs SET message = NULL WHERE id = ? AND state = 'active' AND message = ?`,
      ).run(runId, PREPARING);
      if (live.changes === 0) return false;
      const at = Date.now();
      for (const batchId of batchIds) {
        enqueueJob(
          ctx,
          { kind: SUBMIT, provider: 'machfive', payload: { batchId }, runId, dedupeKey: submitKey(batchId) },
          at,
        );
      }
      return true;
    })();
    if (started) {
      ctx.log.info(
        `Run ${runId} started: ${leadIds.length} leads in ${estimate.batchCount} batches for campaign ${req.campaignId}.`,
      );
    } else {
      // Cancelled while it was being prepared: leads added after the cancel are marked like the others.
      setLeads(
        sqlite,
        runId,
        { fromStates: ['pending'] },
        'not_generated',
        'Run cancelled before this lead was generated.',
      );
    }
    return afterChange(runId);
  }

  function cancelRun(runId: number): RunDetail {
    const run = getRun(sqlite, runId);
    if (!run) throw new AppError('not_found', `Run ${runId} does not exist.`);
    if (run.state === 'cancelled') return detailOrThrow(runId);
    const now = Date.now();
    sqlite.transaction(() => {
      cachedStatement(
        sqlite,
        `UPDATE runs SET state = 'cancelled', message = 'Cancelled by you.', finished_at = ? WHERE id = ?`,
      ).run(now, runId);
      cachedStatement(
        sqlite,
        `UPDATE batches SET state = 'cancelled', updated_at = ? WHERE run_id = ? AND state IN ('queued','submitting','processing','exporting','stuck')`,
      ).run(now, runId);
      setLeads(
        sqlite,
        runId,
        { fromStates: ['pending'] },
        'not_generated',
        'Run cancelled before this lead was generated.',
        now,
      );
      cancelJobs(ctx, { runId }, now);
      wakeSlotWaitersIn(sqlite, now);
    })();
    ctx.log.info(`Run ${runId} cancelled.`);
    return afterChange(runId);
  }

  function retryBatch(batchId: number): RunDetail {
    const batch = getBatch(sqlite, batchId);
    if (!batch) throw new AppError('not_found', `Batch ${batchId} does not exist.`);
    const detail = detailOrThrow(batch.run_id);
    const summary = detail.batches.find((b) => b.id === batchId);
    if (!summary?.canRetry) {
      throw new AppError(
        'conflict',
        `Batch ${batch.seq} cannot be retried in its current state (${batch.state}).`,
      );
    }
    const now = Date.now();
    sqlite.transaction(() => {
      reactivateRun(sqlite, batch.run_id);
      if (batch.list_id) {
        // MachFive already has the list: keep waiting for it with a fresh deadline.
        setBatch(
          sqlite,
          batchId,
          {
            state: 'processing',
            error: null,
            error_code: null,
            poll_deadline_at: now + config.pollDeadlineMs,
          },
          now,
        );
        enqueueJob(
          ctx,
          {
            kind: POLL,
            provider: 'machfive',
            payload: { batchId },
            runId: batch.run_id,
            dedupeKey: pollKey(batchId),
          },
          now,
        );
      } else {
        // It may have reached MachFive before it failed: 'submitting' makes the job look it up first.
        setBatch(sqlite, batchId, { state: 'submitting', error: null, error_code: null }, now);
        enqueueJob(
          ctx,
          {
            kind: SUBMIT,
            provider: 'machfive',
            payload: { batchId },
            runId: batch.run_id,
            dedupeKey: submitKey(batchId),
          },
          now,
        );
      }
    })();
    return afterChange(batch.run_id);
  }

  /** "Retry these leads": the leads that came back not generated go out again as a new batch of the same run. */
  function retryLeads(runId: number, batchId: number | undefined): RunDetail {
    const run: RunRow | undefined = getRun(sqlite, runId);
    if (!run) throw new AppError('not_found', `Run ${runId} does not exist.`);
    if (run.state !== 'active' && run.state !== 'done') {
      throw new AppError(
        'conflict',
        `Run ${runId} is ${run.state}; start a new run to generate these leads.`,
      );
    }
    const leadIds = (
      cachedStatement(
        sqlite,
        `SELECT rl.lead_id AS id FROM run_leads rl JOIN batches b ON b.id = rl.batch_id
           WHERE rl.run_id = ? AND rl.gen_state = 'not_generated' AND b.state IN ('done', 'failed') AND (? IS NULL OR b.id = ?)
           ORDER BY rl.lead_id`,
      ).all(runId, batchId ?? null, batchId ?? null) as Array<{ id: number }>
    ).map((r) => r.id);
    if (leadIds.length === 0)
      throw new AppError(
        'conflict',
        'There are no leads to retry: every lead has its sequence or is still in progress.',
      );
    sqlite.transaction(() => {
      reactivateRun(sqlite, runId);
      addLeadBatches(ctx, run, leadIds);
    })();
    return afterChange(runId);
  }

  const providerOut = (provider: Provider): ProviderQueueState => {
    const s = providerStatuses(sqlite).find((p) => p.provider === provider);
    if (!s) throw new AppError('not_found', `Unknown provider ${provider}.`);
    return s;
  };

  const handlers: GenerationHandlers = {
    'campaigns.list': async ({ refresh }) => {
      if (!refresh && campaignCache) return campaignCache;
      const campaigns = await client().listCampaigns();
      campaignCache = { campaigns, fetchedAt: Date.now() };
      return campaignCache;
    },
    'runs.estimate': async (req) => plan(sqlite, req.selection, req.batchSize, req.includeGenerated).estimate,
    'runs.start': (req) => startRun(req),
    'runs.list': async ({ limit }) => ({
      runs: runSummaries(
        sqlite,
        cachedStatement(sqlite, `SELECT * FROM runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[],
      ),
    }),
    'runs.get': async ({ runId }) => detailOrThrow(runId),
    'runs.cancel': async ({ runId }) => cancelRun(runId),
    'runs.retryBatch': async ({ batchId }) => retryBatch(batchId),
    'runs.retryLeads': async ({ runId, batchId }) => retryLeads(runId, batchId),
    'queue.status': async () => ({ providers: providerStatuses(sqlite) }),
    'queue.pause': async ({ provider }) => {
      if (pauseProvider(sqlite, provider, 'user', 'Paused by you. Press Resume to continue.'))
        ctx.jobs.providersChanged();
      return providerOut(provider);
    },
    'queue.resume': async ({ provider }) => {
      if (resumeProvider(sqlite, provider)) {
        ctx.log.info(`${provider} resumed by the user.`);
        ctx.jobs.providersChanged();
      }
      return providerOut(provider);
    },
    'jobs.list': async ({ runId, pushId, limit }) => ({ jobs: listJobs(ctx, { runId, pushId, limit }) }),
  };

  return { handlers, config, startRun, cancelRun, retryBatch, retryLeads };
}
