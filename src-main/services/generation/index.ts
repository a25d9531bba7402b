import type Database from 'better-sqlite3';
import type { Handlers } from '../../../src-shared/contract';
import type { Estimate, LeadSelection, ProviderQueueState, RunDetail, RunRequest } from '../../../src-shared/contract/generation';
import { AppError } from '../../../src-shared/errors';
import { batchCount, normaliseEmailKey, splitIntoBatches } from '../../../src-shared/generation/batching';
import { makeClientRef } from '../../../src-shared/generation/client-ref';
import { PROVIDERS, type Provider } from '../../../src-shared/providers';
import type { AppContext } from '../../app/context';
import type { CampaignRef } from '../../providers/campaigns';
import { cancelJobs, enqueueJob, listJobs, pauseProvider, providerState, resumeProvider } from '../../queue';
import { generationConfig, machFiveClientFor } from './config';
import { POLL, SUBMIT, addLeadBatches, pollKey, registerGenerationJobs, submitKey } from './jobs';
import { getBatch, getRun, leadHistory, reactivateRun, runDetail, runSummaries, selectLeads, setBatch, setLeads, type RunRow } from './store';

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

interface Plan {
  estimate: Estimate;
  leadIds: number[];
}

/** Which of the selected leads a run would take, and why the others are left out. */
function plan(sqlite: Database.Database, selection: LeadSelection, batchSize: number, includeGenerated: boolean): Plan {
  const selected = selectLeads(sqlite, selection);
  const history = leadHistory(sqlite);
  const seen = new Set<string>();
  const excluded = { notReady: 0, alreadyGenerated: 0, inActiveRun: 0, duplicateEmail: 0 };
  const leadIds: number[] = [];
  for (const l of selected) {
    if (l.state !== 'ready' || l.importStatus !== 'committed' || !l.email) {
      excluded.notReady++;
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
    estimate: { leadCount: leadIds.length, batchCount: batchCount(leadIds.length, batchSize), credits: leadIds.length, excluded },
  };
}

export function providerStatuses(sqlite: Database.Database): ProviderQueueState[] {
  const counts = sqlite
    .prepare(`SELECT provider, state, COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running') GROUP BY provider, state`)
    .all() as Array<{ provider: Provider; state: 'queued' | 'running'; n: number }>;
  return PROVIDERS.map((provider) => {
    const s = providerState(sqlite, provider);
    return {
      provider,
      paused: s.paused_reason ? { reason: s.paused_reason, message: s.paused_message, at: s.paused_at } : null,
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
  const flush = () => {
    emitTimer = null;
    if (closed) return;
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
  };
  const scheduleEmit = () => {
    if (emitTimer || closed) return;
    emitTimer = setTimeout(flush, EMIT_EVERY_MS);
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

  /** Creates the run, its batches, run_leads and one submit job per batch in one transaction. */
  function startRun(req: RunRequest): RunDetail {
    const { estimate, leadIds } = plan(sqlite, req.selection, req.batchSize, req.includeGenerated);
    if (leadIds.length === 0) {
      const ex = estimate.excluded;
      throw new AppError(
        'invalid_input',
        `No leads to generate: none of the selected leads is ready (${ex.notReady} not ready, ${ex.alreadyGenerated} already generated, ${ex.inActiveRun} in a run still going). Fix leads in Clean & dedupe, or include already generated ones.`,
      );
    }
    const now = Date.now();
    const runId = sqlite.transaction(() => {
      const run = sqlite
        .prepare(
          `INSERT INTO runs (campaign_id, campaign_name, options_json, batch_size, lead_count, state, created_at)
           VALUES (?, ?, ?, ?, ?, 'active', ?) RETURNING id`,
        )
        .get(req.campaignId, req.campaignName ?? null, JSON.stringify(req.options), req.batchSize, leadIds.length, now) as { id: number };
      const insertBatch = sqlite.prepare(
        `INSERT INTO batches (run_id, seq, client_ref, state, lead_count, updated_at) VALUES (?, ?, ?, 'queued', ?, ?) RETURNING id`,
      );
      const insertLead = sqlite.prepare(
        `INSERT INTO run_leads (run_id, lead_id, batch_id, gen_state, review_state, updated_at) VALUES (?, ?, ?, 'pending', 'pending', ?)`,
      );
      splitIntoBatches(leadIds, req.batchSize).forEach((ids, i) => {
        const seq = i + 1;
        const batch = insertBatch.get(run.id, seq, makeClientRef(run.id, seq), ids.length, now) as { id: number };
        for (const leadId of ids) insertLead.run(run.id, leadId, batch.id, now);
        enqueueJob(ctx, { kind: SUBMIT, provider: 'machfive', payload: { batchId: batch.id }, runId: run.id, dedupeKey: submitKey(batch.id) }, now);
      });
      return run.id;
    })();
    ctx.log.info(`Run ${runId} started: ${leadIds.length} leads in ${estimate.batchCount} batches for campaign ${req.campaignId}.`);
    return afterChange(runId);
  }

  function cancelRun(runId: number): RunDetail {
    const run = getRun(sqlite, runId);
    if (!run) throw new AppError('not_found', `Run ${runId} does not exist.`);
    if (run.state === 'cancelled') return detailOrThrow(runId);
    const now = Date.now();
    sqlite.transaction(() => {
      sqlite.prepare(`UPDATE runs SET state = 'cancelled', message = 'Cancelled by you.', finished_at = ? WHERE id = ?`).run(now, runId);
      sqlite
        .prepare(
          `UPDATE batches SET state = 'cancelled', updated_at = ? WHERE run_id = ? AND state IN ('queued','submitting','processing','exporting','stuck')`,
        )
        .run(now, runId);
      setLeads(sqlite, runId, { fromStates: ['pending'] }, 'not_generated', 'Run cancelled before this lead was generated.', now);
      cancelJobs(ctx, { runId }, now);
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
      throw new AppError('conflict', `Batch ${batch.seq} cannot be retried in its current state (${batch.state}).`);
    }
    const now = Date.now();
    sqlite.transaction(() => {
      reactivateRun(sqlite, batch.run_id);
      if (batch.list_id) {
        // MachFive already has the list: keep waiting for it with a fresh deadline.
        setBatch(sqlite, batchId, { state: 'processing', error: null, error_code: null, poll_deadline_at: now + config.pollDeadlineMs }, now);
        enqueueJob(ctx, { kind: POLL, provider: 'machfive', payload: { batchId }, runId: batch.run_id, dedupeKey: pollKey(batchId) }, now);
      } else {
        // It may have reached MachFive before it failed: 'submitting' makes the job look it up first.
        setBatch(sqlite, batchId, { state: 'submitting', error: null, error_code: null }, now);
        enqueueJob(ctx, { kind: SUBMIT, provider: 'machfive', payload: { batchId }, runId: batch.run_id, dedupeKey: submitKey(batchId) }, now);
      }
    })();
    return afterChange(batch.run_id);
  }

  /** "Retry these leads": the leads that came back not generated go out again as a new batch of the same run. */
  function retryLeads(runId: number, batchId: number | undefined): RunDetail {
    const run: RunRow | undefined = getRun(sqlite, runId);
    if (!run) throw new AppError('not_found', `Run ${runId} does not exist.`);
    if (run.state !== 'active' && run.state !== 'done') {
      throw new AppError('conflict', `Run ${runId} is ${run.state}; start a new run to generate these leads.`);
    }
    const leadIds = (
      sqlite
        .prepare(
          `SELECT rl.lead_id AS id FROM run_leads rl JOIN batches b ON b.id = rl.batch_id
           WHERE rl.run_id = ? AND rl.gen_state = 'not_generated' AND b.state IN ('done', 'failed') AND (? IS NULL OR b.id = ?)
           ORDER BY rl.lead_id`,
        )
        .all(runId, batchId ?? null, batchId ?? null) as Array<{ id: number }>
    ).map((r) => r.id);
    if (leadIds.length === 0) throw new AppError('conflict', 'There are no leads to retry: every lead has its sequence or is still in progress.');
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
    'runs.start': async (req) => startRun(req),
    'runs.list': async ({ limit }) => ({
      runs: runSummaries(sqlite, sqlite.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[]),
    }),
    'runs.get': async ({ runId }) => detailOrThrow(runId),
    'runs.cancel': async ({ runId }) => cancelRun(runId),
    'runs.retryBatch': async ({ batchId }) => retryBatch(batchId),
    'runs.retryLeads': async ({ runId, batchId }) => retryLeads(runId, batchId),
    'queue.status': async () => ({ providers: providerStatuses(sqlite) }),
    'queue.pause': async ({ provider }) => {
      if (pauseProvider(sqlite, provider, 'user', 'Paused by you. Press Resume to continue.')) ctx.jobs.providersChanged();
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
