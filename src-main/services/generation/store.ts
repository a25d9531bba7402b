import type Database from 'better-sqlite3';
import {
  BATCH_STATES,
  GenerationOptions,
  type BatchState,
  type BatchSummary,
  type RunDetail,
  type RunSummary,
} from '../../../src-shared/contract/generation';
import type { LeadSelection } from '../../../src-shared/contract/generation';
import { storedJson } from '../../db/stored-json';
import { cachedStatement } from '../../queue/sql';

/** Raw SQL of runs, batches and run_leads; rows are read through these shapes. */

export interface RunRow {
  id: number;
  campaign_id: string;
  campaign_name: string | null;
  options_json: string;
  batch_size: number;
  lead_count: number;
  state: 'active' | 'done' | 'cancelled' | 'failed';
  message: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface BatchRow {
  id: number;
  run_id: number;
  seq: number;
  client_ref: string;
  state: BatchState;
  list_id: string | null;
  lead_count: number;
  error: string | null;
  error_code: string | null;
  submitted_at: number | null;
  poll_deadline_at: number | null;
  completed_at: number | null;
  updated_at: number;
}

export interface BatchLeadRow {
  lead_id: number;
  email: string;
  full_name: string | null;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  linkedin_url: string | null;
}

/** States in which a batch still has (or may get) work without the user doing anything. */
export const LIVE_BATCH_STATES: readonly BatchState[] = ['queued', 'submitting', 'processing', 'exporting'];

export function parseOptions(json: string): GenerationOptions {
  return storedJson(GenerationOptions, json) ?? GenerationOptions.parse({});
}

export function getRun(sqlite: Database.Database, runId: number): RunRow | undefined {
  return cachedStatement(sqlite, `SELECT * FROM runs WHERE id = ?`).get(runId) as RunRow | undefined;
}

export function getBatch(sqlite: Database.Database, batchId: number): BatchRow | undefined {
  return cachedStatement(sqlite, `SELECT * FROM batches WHERE id = ?`).get(batchId) as BatchRow | undefined;
}

export function batchLeads(
  sqlite: Database.Database,
  batch: { id: number; run_id: number },
  genStates: string[] = ['pending'],
): BatchLeadRow[] {
  return cachedStatement(
    sqlite,
    `SELECT l.id AS lead_id, l.email, l.full_name, l.first_name, l.last_name, l.title, l.company, l.website, l.linkedin_url
       FROM run_leads rl JOIN leads l ON l.id = rl.lead_id
       WHERE rl.run_id = ? AND rl.batch_id = ? AND rl.gen_state IN (SELECT value FROM json_each(?))
       ORDER BY l.id`,
  ).all(batch.run_id, batch.id, JSON.stringify(genStates)) as BatchLeadRow[];
}

export function setBatch(
  sqlite: Database.Database,
  batchId: number,
  fields: Partial<
    Pick<
      BatchRow,
      | 'state'
      | 'list_id'
      | 'error'
      | 'error_code'
      | 'submitted_at'
      | 'poll_deadline_at'
      | 'completed_at'
      | 'client_ref'
    >
  >,
  now = Date.now(),
): void {
  const cols = Object.keys(fields) as Array<keyof typeof fields>;
  const sets = [...cols.map((c) => `${c} = @${c}`), 'updated_at = @now'].join(', ');
  cachedStatement(sqlite, `UPDATE batches SET ${sets} WHERE id = @id`).run({ ...fields, now, id: batchId });
}

/** gen_message of a lead whose regeneration ended without new text: it keeps (and shows) its previous text. */
export const KEPT_TEXT_MESSAGE =
  'New text could not be generated this time, so the previous text is kept. Press Regenerate to try again.';

/**
 * Sets the generation state of some of a run's leads. A lead that ends not generated or failed but
 * still holds steps from before (its regeneration did not work out) stays 'generated' with
 * KEPT_TEXT_MESSAGE: a failed retry never hides text the founder already has.
 */
export function setLeads(
  sqlite: Database.Database,
  runId: number,
  where: { batchId?: number; fromStates: string[] } | { leadIds: number[] },
  genState: 'pending' | 'generated' | 'not_generated' | 'failed',
  message: string | null,
  now = Date.now(),
): number {
  const keepsText = genState === 'not_generated' || genState === 'failed' ? 1 : 0;
  const set = `UPDATE run_leads SET
      gen_state = CASE WHEN @keepsText = 1 AND EXISTS (SELECT 1 FROM sequence_steps s WHERE s.run_id = run_leads.run_id AND s.lead_id = run_leads.lead_id)
        THEN 'generated' ELSE @genState END,
      gen_message = CASE WHEN @keepsText = 1 AND EXISTS (SELECT 1 FROM sequence_steps s WHERE s.run_id = run_leads.run_id AND s.lead_id = run_leads.lead_id)
        THEN @kept ELSE @message END,
      updated_at = @now
    WHERE run_id = @runId`;
  const params = { keepsText, genState, message, kept: KEPT_TEXT_MESSAGE, now, runId };
  if ('leadIds' in where) {
    return cachedStatement(sqlite, `${set} AND lead_id IN (SELECT value FROM json_each(@ids))`).run({
      ...params,
      ids: JSON.stringify(where.leadIds),
    }).changes;
  }
  // Two texts rather than "@batchId IS NULL OR ...", which would keep SQLite off the batch index.
  const scope = where.batchId === undefined ? '' : ' AND batch_id = @batchId';
  return cachedStatement(
    sqlite,
    `${set}${scope} AND gen_state IN (SELECT value FROM json_each(@states))`,
  ).run({
    ...params,
    ...(where.batchId === undefined ? {} : { batchId: where.batchId }),
    states: JSON.stringify(where.fromStates),
  }).changes;
}

/** runs.message while startRun is still writing the run's batches and leads (nothing is queued yet). */
export const PREPARING = 'Preparing this run…';

/**
 * Runs still PREPARING long after they were created were cut short by a crash or a closed app: nothing
 * of them was queued or sent, so they are removed (with their batches and leads) and the leads are free
 * for a new run. The age keeps this away from a run another process is preparing right now.
 */
export function removeAbandonedPreparations(
  sqlite: Database.Database,
  now = Date.now(),
  olderThanMs = 10 * 60_000,
): number {
  return cachedStatement(
    sqlite,
    `DELETE FROM runs WHERE state = 'active' AND message = ? AND created_at < ?`,
  ).run(PREPARING, now - olderThanMs).changes;
}

/** A finished run gets work again (retry, regenerate); cancelled and failed runs stay as they are. */
export function reactivateRun(sqlite: Database.Database, runId: number): void {
  cachedStatement(
    sqlite,
    `UPDATE runs SET state = 'active', finished_at = NULL WHERE id = ? AND state IN ('active', 'done')`,
  ).run(runId);
}

/** A run whose batches all reached an end state (done/failed/cancelled) is finished. */
export function settleRun(sqlite: Database.Database, runId: number, now = Date.now()): void {
  const live = cachedStatement(
    sqlite,
    `SELECT COUNT(*) AS n FROM batches WHERE run_id = ? AND state IN ('queued','submitting','processing','exporting','stuck')`,
  ).get(runId) as { n: number };
  if (live.n === 0) {
    cachedStatement(
      sqlite,
      `UPDATE runs SET state = 'done', finished_at = ? WHERE id = ? AND state = 'active'`,
    ).run(now, runId);
  }
}

// ---- selection ----

export interface SelectedLead {
  id: number;
  email: string | null;
  state: string;
  importStatus: string;
}

export function selectLeads(sqlite: Database.Database, selection: LeadSelection): SelectedLead[] {
  const base = `SELECT l.id, l.email, l.state, i.status AS importStatus FROM leads l JOIN imports i ON i.id = l.import_id`;
  switch (selection.kind) {
    case 'import':
      return cachedStatement(sqlite, `${base} WHERE l.import_id = ? ORDER BY l.id`).all(
        selection.importId,
      ) as SelectedLead[];
    case 'allReady':
      return cachedStatement(
        sqlite,
        `${base} WHERE l.state = 'ready' AND i.status = 'committed' ORDER BY l.id`,
      ).all() as SelectedLead[];
    case 'leads':
      return cachedStatement(
        sqlite,
        `${base} WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
      ).all(JSON.stringify(selection.leadIds)) as SelectedLead[];
  }
}

export interface LeadHistory {
  generated: Set<number>;
  inActiveRun: Set<number>;
}

export function leadHistory(sqlite: Database.Database): LeadHistory {
  const generated = new Set<number>();
  const inActiveRun = new Set<number>();
  const rows = cachedStatement(
    sqlite,
    `SELECT rl.lead_id AS id, rl.gen_state AS g, r.state AS r FROM run_leads rl JOIN runs r ON r.id = rl.run_id
       WHERE rl.gen_state = 'generated' OR (rl.gen_state = 'pending' AND r.state = 'active')`,
  ).all() as Array<{ id: number; g: string; r: string }>;
  for (const row of rows) (row.g === 'generated' ? generated : inActiveRun).add(row.id);
  return { generated, inActiveRun };
}

// ---- summaries ----

type LeadCounts = RunSummary['leads'];

const noLeads = (): LeadCounts => ({ pending: 0, generated: 0, notGenerated: 0, failed: 0 });

function addCount(c: LeadCounts, genState: string, n: number) {
  if (genState === 'pending') c.pending += n;
  else if (genState === 'generated') c.generated += n;
  else if (genState === 'not_generated') c.notGenerated += n;
  else if (genState === 'failed') c.failed += n;
}

function emptyBatchStates(): Record<BatchState, number> {
  return Object.fromEntries(BATCH_STATES.map((s) => [s, 0])) as Record<BatchState, number>;
}

function summaryOf(r: RunRow, leads: LeadCounts, batchStates: Record<BatchState, number>): RunSummary {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    options: parseOptions(r.options_json),
    batchSize: r.batch_size,
    leadCount: r.lead_count,
    state: r.state,
    message: r.message,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    leads,
    batchStates,
  };
}

export function runSummaries(sqlite: Database.Database, runs: RunRow[]): RunSummary[] {
  if (runs.length === 0) return [];
  const ids = JSON.stringify(runs.map((r) => r.id));
  const leadRows = cachedStatement(
    sqlite,
    `SELECT run_id AS k, gen_state AS g, COUNT(*) AS n FROM run_leads
     WHERE run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id, gen_state`,
  ).all(ids) as Array<{ k: number; g: string; n: number }>;
  const leads = new Map<number, LeadCounts>();
  for (const row of leadRows) {
    const c = leads.get(row.k) ?? noLeads();
    addCount(c, row.g, row.n);
    leads.set(row.k, c);
  }
  const states = cachedStatement(
    sqlite,
    `SELECT run_id, state, COUNT(*) AS n FROM batches WHERE run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id, state`,
  ).all(ids) as Array<{ run_id: number; state: BatchState; n: number }>;
  const byRun = new Map<number, Record<BatchState, number>>();
  for (const st of states) {
    const m = byRun.get(st.run_id) ?? emptyBatchStates();
    m[st.state] += st.n;
    byRun.set(st.run_id, m);
  }
  return runs.map((r) => summaryOf(r, leads.get(r.id) ?? noLeads(), byRun.get(r.id) ?? emptyBatchStates()));
}

/**
 * Everything the Runs panel shows for one run. Sent with every progress event, so it is two indexed
 * reads: the batches, and one grouped count of the run's leads by batch and state (run totals are
 * their sum).
 */
export function runDetail(sqlite: Database.Database, runId: number): RunDetail | null {
  const run = getRun(sqlite, runId);
  if (!run) return null;
  const rows = cachedStatement(sqlite, `SELECT * FROM batches WHERE run_id = ? ORDER BY seq`).all(
    runId,
  ) as BatchRow[];
  const countRows = cachedStatement(
    sqlite,
    `SELECT batch_id AS b, gen_state AS g, COUNT(*) AS n FROM run_leads WHERE run_id = ? GROUP BY batch_id, gen_state`,
  ).all(runId) as Array<{ b: number | null; g: string; n: number }>;
  const total = noLeads();
  const perBatch = new Map<number, LeadCounts>();
  for (const c of countRows) {
    addCount(total, c.g, c.n);
    if (c.b === null) continue;
    const bc = perBatch.get(c.b) ?? noLeads();
    addCount(bc, c.g, c.n);
    perBatch.set(c.b, bc);
  }
  const batchStates = emptyBatchStates();
  const live = run.state === 'active' || run.state === 'done';
  const batches: BatchSummary[] = rows.map((b) => {
    batchStates[b.state]++;
    const counts = perBatch.get(b.id) ?? noLeads();
    return {
      id: b.id,
      runId: b.run_id,
      seq: b.seq,
      clientRef: b.client_ref,
      state: b.state,
      listId: b.list_id,
      leadCount: b.lead_count,
      leads: counts,
      message: b.error,
      errorCode: b.error_code,
      submittedAt: b.submitted_at,
      pollDeadlineAt: b.poll_deadline_at,
      completedAt: b.completed_at,
      updatedAt: b.updated_at,
      canRetry: live && (b.state === 'stuck' || (b.state === 'failed' && counts.pending > 0)),
      canRetryLeads: live && (b.state === 'done' || b.state === 'failed') && counts.notGenerated > 0,
    };
  });
  return { ...summaryOf(run, total, batchStates), batches };
}
