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
  const r = GenerationOptions.safeParse(JSON.parse(json));
  return r.success ? r.data : GenerationOptions.parse({});
}

export function getRun(sqlite: Database.Database, runId: number): RunRow | undefined {
  return sqlite.prepare(`SELECT * FROM runs WHERE id = ?`).get(runId) as RunRow | undefined;
}

export function getBatch(sqlite: Database.Database, batchId: number): BatchRow | undefined {
  return sqlite.prepare(`SELECT * FROM batches WHERE id = ?`).get(batchId) as BatchRow | undefined;
}

export function batchLeads(sqlite: Database.Database, batch: { id: number; run_id: number }, genStates: string[] = ['pending']): BatchLeadRow[] {
  return sqlite
    .prepare(
      `SELECT l.id AS lead_id, l.email, l.full_name, l.first_name, l.last_name, l.title, l.company, l.website, l.linkedin_url
       FROM run_leads rl JOIN leads l ON l.id = rl.lead_id
       WHERE rl.run_id = ? AND rl.batch_id = ? AND rl.gen_state IN (SELECT value FROM json_each(?))
       ORDER BY l.id`,
    )
    .all(batch.run_id, batch.id, JSON.stringify(genStates)) as BatchLeadRow[];
}

export function setBatch(
  sqlite: Database.Database,
  batchId: number,
  fields: Partial<Pick<BatchRow, 'state' | 'list_id' | 'error' | 'error_code' | 'submitted_at' | 'poll_deadline_at' | 'completed_at' | 'client_ref'>>,
  now = Date.now(),
): void {
  const cols = Object.keys(fields) as Array<keyof typeof fields>;
  const sets = [...cols.map((c) => `${c} = @${c}`), 'updated_at = @now'].join(', ');
  sqlite.prepare(`UPDATE batches SET ${sets} WHERE id = @id`).run({ ...fields, now, id: batchId });
}

/** gen_message of a lead whose regeneration ended without new text: it keeps (and shows) its previous text. */
export const KEPT_TEXT_MESSAGE = 'New text could not be generated this time, so the previous text is kept. Press Regenerate to try again.';

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
    return sqlite.prepare(`${set} AND lead_id IN (SELECT value FROM json_each(@ids))`).run({ ...params, ids: JSON.stringify(where.leadIds) }).changes;
  }
  return sqlite
    .prepare(`${set} AND (@batchId IS NULL OR batch_id = @batchId) AND gen_state IN (SELECT value FROM json_each(@states))`)
    .run({ ...params, batchId: where.batchId ?? null, states: JSON.stringify(where.fromStates) }).changes;
}

/** A finished run gets work again (retry, regenerate); cancelled and failed runs stay as they are. */
export function reactivateRun(sqlite: Database.Database, runId: number): void {
  sqlite.prepare(`UPDATE runs SET state = 'active', finished_at = NULL WHERE id = ? AND state IN ('active', 'done')`).run(runId);
}

/** A run whose batches all reached an end state (done/failed/cancelled) is finished. */
export function settleRun(sqlite: Database.Database, runId: number, now = Date.now()): void {
  const live = sqlite
    .prepare(`SELECT COUNT(*) AS n FROM batches WHERE run_id = ? AND state IN ('queued','submitting','processing','exporting','stuck')`)
    .get(runId) as { n: number };
  if (live.n === 0) {
    sqlite.prepare(`UPDATE runs SET state = 'done', finished_at = ? WHERE id = ? AND state = 'active'`).run(now, runId);
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
      return sqlite.prepare(`${base} WHERE l.import_id = ? ORDER BY l.id`).all(selection.importId) as SelectedLead[];
    case 'allReady':
      return sqlite.prepare(`${base} WHERE l.state = 'ready' AND i.status = 'committed' ORDER BY l.id`).all() as SelectedLead[];
    case 'leads':
      return sqlite
        .prepare(`${base} WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`)
        .all(JSON.stringify(selection.leadIds)) as SelectedLead[];
  }
}

export interface LeadHistory {
  generated: Set<number>;
  inActiveRun: Set<number>;
}

export function leadHistory(sqlite: Database.Database): LeadHistory {
  const generated = new Set<number>();
  const inActiveRun = new Set<number>();
  const rows = sqlite
    .prepare(
      `SELECT rl.lead_id AS id, rl.gen_state AS g, r.state AS r FROM run_leads rl JOIN runs r ON r.id = rl.run_id
       WHERE rl.gen_state = 'generated' OR (rl.gen_state = 'pending' AND r.state = 'active')`,
    )
    .all() as Array<{ id: number; g: string; r: string }>;
  for (const row of rows) (row.g === 'generated' ? generated : inActiveRun).add(row.id);
  return { generated, inActiveRun };
}

// ---- summaries ----

interface Counts {
  pending: number;
  generated: number;
  not_generated: number;
  failed: number;
}

function emptyBatchStates(): Record<BatchState, number> {
  return Object.fromEntries(BATCH_STATES.map((s) => [s, 0])) as Record<BatchState, number>;
}

function leadCountsBy(sqlite: Database.Database, column: 'run_id' | 'batch_id', ids: number[]) {
  const rows = sqlite
    .prepare(
      `SELECT ${column} AS k, gen_state AS g, COUNT(*) AS n FROM run_leads
       WHERE ${column} IN (SELECT value FROM json_each(?)) GROUP BY ${column}, gen_state`,
    )
    .all(JSON.stringify(ids)) as Array<{ k: number; g: string; n: number }>;
  const out = new Map<number, Counts>();
  for (const r of rows) {
    const c = out.get(r.k) ?? { pending: 0, generated: 0, not_generated: 0, failed: 0 };
    if (r.g in c) c[r.g as keyof typeof c] += r.n;
    out.set(r.k, c);
  }
  return (id: number) => {
    const c = out.get(id) ?? { pending: 0, generated: 0, not_generated: 0, failed: 0 };
    return { pending: c.pending, generated: c.generated, notGenerated: c.not_generated, failed: c.failed };
  };
}

export function runSummaries(sqlite: Database.Database, runs: RunRow[]): RunSummary[] {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const leads = leadCountsBy(sqlite, 'run_id', ids);
  const states = sqlite
    .prepare(`SELECT run_id, state, COUNT(*) AS n FROM batches WHERE run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id, state`)
    .all(JSON.stringify(ids)) as Array<{ run_id: number; state: BatchState; n: number }>;
  const byRun = new Map<number, Record<BatchState, number>>();
  for (const s of states) {
    const m = byRun.get(s.run_id) ?? emptyBatchStates();
    m[s.state] += s.n;
    byRun.set(s.run_id, m);
  }
  return runs.map((r) => ({
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
    leads: leads(r.id),
    batchStates: byRun.get(r.id) ?? emptyBatchStates(),
  }));
}

export function runDetail(sqlite: Database.Database, runId: number): RunDetail | null {
  const run = getRun(sqlite, runId);
  if (!run) return null;
  const [summary] = runSummaries(sqlite, [run]);
  const rows = sqlite.prepare(`SELECT * FROM batches WHERE run_id = ? ORDER BY seq`).all(runId) as BatchRow[];
  const leads = leadCountsBy(sqlite, 'batch_id', rows.map((b) => b.id));
  const batches: BatchSummary[] = rows.map((b) => {
    const counts = leads(b.id);
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
      canRetry: (run.state === 'active' || run.state === 'done') && (b.state === 'stuck' || (b.state === 'failed' && counts.pending > 0)),
      canRetryLeads: (run.state === 'active' || run.state === 'done') && (b.state === 'done' || b.state === 'failed') && counts.notGenerated > 0,
    };
  });
  return { ...summary!, batches };
}
