import type Database from 'better-sqlite3';
import { normaliseEmailKey } from '../../../src-shared/generation/batching';
import type { Logger } from '../../logging/log';
import type { ExportResult } from '../../providers/machfive';
import { cachedStatement } from '../../queue/sql';
import { applyRegeneratedSteps, recomputeFlags } from '../review';
import { batchLeads, setBatch, setLeads, settleRun, type BatchRow } from './store';

/**
 * Runs inside the export job's finishing transaction: all of a batch's sequences land, or none. A lead
 * that already has steps in this run is being regenerated: the review code moves its current text to
 * the step history and recomputes its flags, and its review verdict starts over (it was about other text).
 * New leads get their quality flags here too, so the first review of a large run has nothing to catch up.
 */
export function storeExport(
  sqlite: Database.Database,
  log: Logger,
  batch: BatchRow,
  result: ExportResult,
  now = Date.now(),
): void {
  const pending = batchLeads(sqlite, batch);
  const byEmail = new Map(pending.map((p) => [normaliseEmailKey(p.email), p.lead_id]));
  // Driven from the batch's leads (batch index), not from the run's steps, so it stays cheap however
  // many sequences the run already holds.
  const hadText = new Set(
    cachedStatement(
      sqlite,
      `SELECT rl.lead_id FROM run_leads rl
       WHERE rl.batch_id = ? AND rl.run_id = ? AND rl.gen_state = 'pending'
         AND EXISTS (SELECT 1 FROM sequence_steps s WHERE s.run_id = rl.run_id AND s.lead_id = rl.lead_id)`,
    )
      .pluck()
      .all(batch.id, batch.run_id) as number[],
  );
  const insertStep = cachedStatement(
    sqlite,
    `INSERT INTO sequence_steps (run_id, lead_id, step, subject_generated, body_generated, subject, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, lead_id, step) DO NOTHING`,
  );
  const markGenerated = cachedStatement(
    sqlite,
    `UPDATE run_leads SET gen_state = 'generated', gen_message = NULL, updated_at = ? WHERE run_id = ? AND lead_id = ?`,
  );
  const resetReview = cachedStatement(
    sqlite,
    `UPDATE run_leads SET review_state = 'pending' WHERE run_id = ? AND lead_id = ?`,
  );
  const done = new Set<number>();
  const fresh: number[] = [];
  let unknown = 0;
  let empty = 0;
  for (const lead of result.leads) {
    const leadId = byEmail.get(normaliseEmailKey(lead.email));
    if (leadId === undefined) {
      unknown++;
      continue;
    }
    if (done.has(leadId)) continue;
    const steps = lead.sequence.filter((s) => s.step >= 1);
    if (steps.length === 0) {
      empty++;
      continue;
    }
    if (hadText.has(leadId)) {
      applyRegeneratedSteps(sqlite, batch.run_id, leadId, steps, now);
      resetReview.run(batch.run_id, leadId);
    } else {
      for (const s of steps)
        insertStep.run(batch.run_id, leadId, s.step, s.subject, s.body, s.subject, s.body, now);
      fresh.push(leadId);
    }
    markGenerated.run(now, batch.run_id, leadId);
    done.add(leadId);
  }
  if (fresh.length > 0) recomputeFlags(sqlite, batch.run_id, fresh);
  const missing = setLeads(
    sqlite,
    batch.run_id,
    { batchId: batch.id, fromStates: ['pending'] },
    'not_generated',
    'MachFive returned no sequence for this lead. Use "Retry these leads" to send it again.',
    now,
  );
  if (unknown > 0)
    log.warn(
      `Export of ${batch.client_ref}: ${unknown} entr${unknown === 1 ? 'y' : 'ies'} with an email not in this batch were ignored.`,
    );
  if (result.unreadable > 0)
    log.warn(
      `Export of ${batch.client_ref}: ${result.unreadable} unreadable entr${result.unreadable === 1 ? 'y was' : 'ies were'} skipped.`,
    );
  if (empty > 0)
    log.warn(`Export of ${batch.client_ref}: ${empty} lead(s) came back without any email step.`);
  setBatch(
    sqlite,
    batch.id,
    {
      state: 'done',
      completed_at: now,
      error:
        missing > 0
          ? `${missing} lead${missing === 1 ? ' was' : 's were'} missing from MachFive's export; use "Retry these leads".`
          : null,
      error_code: missing > 0 ? 'export_missing' : null,
    },
    now,
  );
  settleRun(sqlite, batch.run_id, now);
}
