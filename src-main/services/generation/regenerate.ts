import { AppError } from '../../../src-shared/errors';
import type { AppContext } from '../../app/context';
import { addLeadBatches } from './jobs';
import { getRun, reactivateRun, runDetail } from './store';
import { cachedStatement } from '../../queue/sql';

export interface RegenerateResult {
  queued: number;
  message: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Regenerate" from the review screen: these leads of a run go to MachFive again as new batch(es) of the
 * same run, through the same queue (submit, poll, export). Their current steps stay in place and visible
 * (gen_state 'pending' with steps = regenerating) until the new export is stored; the export job then
 * replaces them in its one transaction (see storeExport in jobs.ts). If no new text comes back the
 * previous text is kept. Leads already waiting for text are left alone.
 */
export async function regenerateLeads(
  ctx: AppContext,
  runId: number,
  leadIds: readonly number[],
): Promise<RegenerateResult> {
  const sqlite = ctx.database.sqlite;
  const run = getRun(sqlite, runId);
  if (!run) throw new AppError('not_found', `Run ${runId} does not exist.`);
  if (run.state !== 'active' && run.state !== 'done') {
    throw new AppError(
      'conflict',
      `Run ${runId} is ${run.state}, so it cannot generate again. Start a new run for these leads with "include already generated".`,
    );
  }
  const rows = cachedStatement(
    sqlite,
    `SELECT lead_id AS id, gen_state AS g FROM run_leads WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?)) ORDER BY lead_id`,
  ).all(runId, JSON.stringify(leadIds)) as Array<{ id: number; g: string }>;
  if (rows.length === 0)
    throw new AppError('not_found', 'None of these leads are in this run. Refresh the list.');
  const ids = rows.filter((r) => r.g !== 'pending').map((r) => r.id);
  const busy = rows.length - ids.length;
  if (ids.length === 0) {
    throw new AppError(
      'conflict',
      `${rows.length === 1 ? 'This lead is' : 'These leads are'} already being generated; the new text appears when MachFive finishes.`,
    );
  }
  const batchIds = sqlite.transaction(() => {
    reactivateRun(sqlite, runId);
    return addLeadBatches(ctx, run, ids);
  })();
  ctx.log.info(
    `Run ${runId}: ${plural(ids.length, 'lead')} queued for regeneration in ${batchIds.length} batch${batchIds.length === 1 ? '' : 'es'}.`,
  );
  ctx.jobs.wake();
  const detail = runDetail(sqlite, runId);
  if (detail) ctx.events.emit('runs.changed', detail);
  const skipped =
    busy > 0
      ? ` ${plural(busy, 'lead')} already being generated ${busy === 1 ? 'was' : 'were'} left as ${busy === 1 ? 'it is' : 'they are'}.`
      : '';
  return {
    queued: ids.length,
    message: `Regenerating ${plural(ids.length, 'lead')}. The current text stays until the new text arrives; then it moves to the step history and the lead is back to pending review.${skipped}`,
  };
}
