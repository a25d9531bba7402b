import type { Provider } from '../../src-shared/providers';
import type { HasDatabase, JobRow } from './store';
import { cachedStatement } from './sql';

export interface JobSummary {
  id: number;
  kind: string;
  provider: Provider;
  state: JobRow['state'];
  runId: number | null;
  pushId: number | null;
  attempts: number;
  maxAttempts: number;
  nextRunAt: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  lastErrorCode: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** Queued and running jobs of a run or push become 'cancelled'; a running handler's next CAS fails. */
export function cancelJobs(
  ctx: HasDatabase,
  target: { runId: number } | { pushId: number },
  now = Date.now(),
): number {
  const col = 'runId' in target ? 'run_id' : 'push_id';
  const id = 'runId' in target ? target.runId : target.pushId;
  return cachedStatement(
    ctx.database.sqlite,
    `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?
       WHERE ${col} = ? AND state IN ('queued', 'running')`,
  ).run(now, now, id).changes;
}

export function listJobs(
  ctx: HasDatabase,
  filter: { runId?: number; pushId?: number; limit?: number } = {},
): JobSummary[] {
  const where: string[] = [];
  const args: Array<number> = [];
  if (filter.runId !== undefined) {
    where.push('run_id = ?');
    args.push(filter.runId);
  }
  if (filter.pushId !== undefined) {
    where.push('push_id = ?');
    args.push(filter.pushId);
  }
  const rows = cachedStatement(
    ctx.database.sqlite,
    `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
  ).all(...args, filter.limit ?? 1000) as JobRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    provider: r.provider,
    state: r.state,
    runId: r.run_id,
    pushId: r.push_id,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextRunAt: r.next_run_at,
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  }));
}
