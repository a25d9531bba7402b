import { z } from 'zod';
import type { PushSummary, ResultRow } from '../../../src-shared/contract/push';
import { AppError } from '../../../src-shared/errors';
import { PROVIDER_LABELS } from '../../../src-shared/providers';
import { Destination, ItemState, ReasonCode, type PushLead } from '../../../src-shared/push/types';
import type { AppContext } from '../../app/context';
import { storedJson } from '../../db/stored-json';
import { providerState } from '../../queue';
import { isSuppressed } from '../../../src-shared/import/suppression';
import { loadSuppressionSet } from '../imports/suppression-set';
import { suppressedPeople } from '../imports/suppressions';

/** Raw SQL on the app's single connection: these reads run per push/chunk over up to 100k rows. */

const CustomJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

function parseCustom(json: string): Record<string, string> {
  const custom = storedJson(CustomJson, json);
  const out: Record<string, string> = {};
  if (custom === null) return out;
  // Flat scalars only (Instantly custom_variables); null means "no value".
  for (const [k, v] of Object.entries(custom)) if (v !== null) out[k] = String(v);
  return out;
}

interface LeadRow {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  linkedin_url: string | null;
  phone: string | null;
  custom_json: string;
  state: string;
}

interface StepRow {
  lead_id: number;
  step: number;
  subject: string;
  body: string;
}

const LEAD_COLS = `l.id, l.email, l.first_name, l.last_name, l.full_name, l.title, l.company, l.website,
  l.linkedin_url, l.phone, l.custom_json, l.state`;

/**
 * What a push knows a person by: the address lower-cased, as written. Not the import's dedupe key (the
 * mailbox, without +tags or Gmail dots): the keys sent to providers and the lookup of earlier pushes
 * must stay what they were when those pushes ran.
 */
const pushEmailKey = (email: string | null): string | null => (email ? email.toLowerCase() : null);

function toPushLeads(rows: LeadRow[], steps: StepRow[]): PushLead[] {
  const byLead = new Map<number, PushLead['steps']>();
  for (const s of steps) {
    const list = byLead.get(s.lead_id) ?? [];
    list.push({ step: s.step, subject: s.subject, body: s.body });
    byLead.set(s.lead_id, list);
  }
  return rows.map((r) => ({
    leadId: r.id,
    email: r.email,
    emailKey: pushEmailKey(r.email),
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    title: r.title,
    company: r.company,
    website: r.website,
    linkedinUrl: r.linkedin_url,
    phone: r.phone,
    custom: parseCustom(r.custom_json),
    steps: byLead.get(r.id) ?? [],
  }));
}

export interface RunLeads {
  approved: PushLead[];
  review: { approved: number; pending: number; rejected: number };
  /** Approved leads that must not be contacted, with the reason. */
  blocked: Map<number, string>;
}

export function loadRunLeads(ctx: AppContext, runId: number): RunLeads {
  const sqlite = ctx.database.sqlite;
  const run = sqlite.prepare(`SELECT id FROM runs WHERE id = ?`).get(runId);
  if (!run) throw new AppError('not_found', `Run ${runId} does not exist. Pick a run from the list of runs.`);
  const counts = sqlite
    .prepare(`SELECT review_state AS s, COUNT(*) AS n FROM run_leads WHERE run_id = ? GROUP BY review_state`)
    .all(runId) as { s: 'approved' | 'pending' | 'rejected'; n: number }[];
  const review = { approved: 0, pending: 0, rejected: 0 };
  for (const c of counts) review[c.s] = c.n;
  const rows = sqlite
    .prepare(
      `SELECT ${LEAD_COLS} FROM run_leads rl JOIN leads l ON l.id = rl.lead_id
       WHERE rl.run_id = ? AND rl.review_state = 'approved' ORDER BY l.id`,
    )
    .all(runId) as LeadRow[];
  const steps = sqlite
    .prepare(
      `SELECT s.lead_id, s.step, s.subject, s.body FROM sequence_steps s
       JOIN run_leads rl ON rl.run_id = s.run_id AND rl.lead_id = s.lead_id
       WHERE s.run_id = ? AND rl.review_state = 'approved' ORDER BY s.lead_id, s.step`,
    )
    .all(runId) as StepRow[];
  const approved = toPushLeads(rows, steps);
  return { approved, review, blocked: blockedLeads(ctx, rows) };
}

/** Suppressed or invalid leads stay out even when approved: a suppression may be newer than the review. */
function blockedLeads(ctx: AppContext, rows: LeadRow[]): Map<number, string> {
  const suppression = loadSuppressionSet(ctx.database.sqlite);
  const samePerson = suppressedPeople(ctx.database.sqlite);
  const out = new Map<number, string>();
  for (const r of rows) {
    if (r.state === 'suppressed') {
      out.set(r.id, 'On your suppression list.');
      continue;
    }
    if (r.state === 'invalid') {
      out.set(r.id, 'The email address is invalid.');
      continue;
    }
    const why = isSuppressed(r.email, suppression) ?? samePerson.get(r.id) ?? null;
    if (why !== null) out.set(r.id, `${why}.`);
  }
  return out;
}

/** Leads (and steps) for specific push items, for building one chunk's request. */
export function loadLeadsByIds(ctx: AppContext, runId: number, leadIds: number[]): Map<number, PushLead> {
  const sqlite = ctx.database.sqlite;
  const ids = JSON.stringify(leadIds);
  const rows = sqlite
    .prepare(`SELECT ${LEAD_COLS} FROM leads l WHERE l.id IN (SELECT value FROM json_each(?))`)
    .all(ids) as LeadRow[];
  const steps = sqlite
    .prepare(
      `SELECT lead_id, step, subject, body FROM sequence_steps WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))
       ORDER BY lead_id, step`,
    )
    .all(runId, ids) as StepRow[];
  return new Map(toPushLeads(rows, steps).map((l) => [l.leadId, l]));
}

/**
 * Earlier pushes that ADDED this email at the same destination+target. For Segmentflow any profile
 * counts: whatever the template, the person already got that step from LeadPrep.
 */
export function previousLookup(
  ctx: AppContext,
  destination: Destination,
  targetKey: string,
): (emailKey: string, step: number | null) => { pushId: number; pushedAt: number } | null {
  // Grouped by the address as stored; addresses that differ only in case are folded below.
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT l.email AS email, pi.step AS step, MAX(p.id) AS pushId, MAX(pi.updated_at) AS at
       FROM push_items pi JOIN pushes p ON p.id = pi.push_id JOIN leads l ON l.id = pi.lead_id
       WHERE p.destination = ? ${destination === 'segmentflow' ? '' : 'AND p.target_key = ?'} AND pi.state = 'added'
       GROUP BY l.email, pi.step`,
    )
    .all(...(destination === 'segmentflow' ? [destination] : [destination, targetKey])) as {
    email: string | null;
    step: number | null;
    pushId: number;
    at: number;
  }[];
  const map = new Map<string, { pushId: number; pushedAt: number }>();
  for (const r of rows) {
    const k = pushEmailKey(r.email);
    if (k === null) continue;
    const key = `${k}|${r.step ?? ''}`;
    const seen = map.get(key);
    map.set(key, {
      pushId: Math.max(seen?.pushId ?? 0, r.pushId),
      pushedAt: Math.max(seen?.pushedAt ?? 0, r.at),
    });
  }
  return (emailKey, step) => map.get(`${emailKey}|${step ?? ''}`) ?? null;
}

const StoredTarget = z.object({
  kind: z.enum(['campaign', 'list', 'profile']),
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type StoredTarget = z.infer<typeof StoredTarget>;

export function targetLabel(destination: Destination, t: StoredTarget): string {
  const label = PROVIDER_LABELS[destination];
  if (t.kind === 'profile') return `${label} profile "${t.name ?? '?'}"`;
  return `${label} ${t.kind} ${t.name ? `"${t.name}" (${t.id})` : t.id}`;
}

interface PushRow {
  id: number;
  run_id: number;
  destination: string;
  target_json: string;
  state: PushSummary['state'];
  message: string | null;
  created_at: number;
  finished_at: number | null;
}

export function pushCounts(ctx: AppContext, pushId: number): PushSummary['counts'] {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT state, retryable, COUNT(*) AS n FROM push_items WHERE push_id = ? GROUP BY state, retryable`,
    )
    .all(pushId) as { state: ItemState; retryable: number; n: number }[];
  const c = { total: 0, pending: 0, sending: 0, added: 0, skipped: 0, rejected: 0, failed: 0, retryable: 0 };
  for (const r of rows) {
    c[r.state] += r.n;
    c.total += r.n;
    if (r.state === 'failed' || (r.state === 'rejected' && r.retryable)) c.retryable += r.n;
  }
  return c;
}

function summarize(ctx: AppContext, row: PushRow): PushSummary {
  const destination = Destination.parse(row.destination);
  const target = StoredTarget.parse(JSON.parse(row.target_json));
  const counts = pushCounts(ctx, row.id);
  const settled = counts.total - counts.pending - counts.sending;
  const ps = row.state === 'active' ? providerState(ctx.database.sqlite, destination) : null;
  return {
    id: row.id,
    runId: row.run_id,
    destination,
    target,
    targetLabel: targetLabel(destination, target),
    state: row.state,
    message: row.message,
    counts,
    progress: counts.total === 0 ? 1 : settled / counts.total,
    paused: ps?.paused_reason ? { reason: ps.paused_reason, message: ps.paused_message } : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function getPush(ctx: AppContext, pushId: number): PushSummary {
  const row = ctx.database.sqlite.prepare(`SELECT * FROM pushes WHERE id = ?`).get(pushId) as
    PushRow | undefined;
  if (!row)
    throw new AppError('not_found', `Push ${pushId} does not exist. List pushes to see their numbers.`);
  return summarize(ctx, row);
}

export function listPushes(ctx: AppContext, runId: number | undefined, limit: number): PushSummary[] {
  const rows = (
    runId === undefined
      ? ctx.database.sqlite.prepare(`SELECT * FROM pushes ORDER BY id DESC LIMIT ?`).all(limit)
      : ctx.database.sqlite
          .prepare(`SELECT * FROM pushes WHERE run_id = ? ORDER BY id DESC LIMIT ?`)
          .all(runId, limit)
  ) as PushRow[];
  return rows.map((r) => summarize(ctx, r));
}

/**
 * Closes a push once nothing is pending or sending, or re-opens it when a retry queued items again.
 * Runs inside the caller's transaction. Returns true when the state changed.
 */
export function settlePush(ctx: AppContext, pushId: number, now = Date.now()): boolean {
  const sqlite = ctx.database.sqlite;
  const row = sqlite.prepare(`SELECT state FROM pushes WHERE id = ?`).get(pushId) as
    { state: string } | undefined;
  if (!row || row.state === 'cancelled') return false;
  const c = pushCounts(ctx, pushId);
  const open = c.pending + c.sending;
  if (open > 0) {
    if (row.state === 'active') return false;
    sqlite
      .prepare(`UPDATE pushes SET state = 'active', message = NULL, finished_at = NULL WHERE id = ?`)
      .run(pushId);
    return true;
  }
  const parts = [`${c.added} added`, `${c.skipped} skipped`, `${c.rejected} rejected`, `${c.failed} failed`];
  const failedAll = c.total > 0 && c.added + c.skipped === 0 && c.failed > 0;
  const message = `${parts.join(', ')}.${c.retryable > 0 ? ` ${c.retryable} can be retried.` : ''}`;
  const state = failedAll ? 'failed' : 'done';
  const res = sqlite
    .prepare(
      `UPDATE pushes SET state = ?, message = ?, finished_at = ? WHERE id = ? AND (state != ? OR message IS NOT ?)`,
    )
    .run(state, message, now, pushId, state, message);
  return res.changes > 0;
}

export interface ResultsQuery {
  pushId: number;
  states?: ItemState[];
  reasonCodes?: ReasonCode[];
  retryableOnly: boolean;
  search?: string;
}

function resultsWhere(q: ResultsQuery): { sql: string; args: (string | number)[] } {
  const where = ['pi.push_id = ?'];
  const args: (string | number)[] = [q.pushId];
  if (q.states?.length) {
    where.push(`pi.state IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(q.states));
  }
  if (q.reasonCodes?.length) {
    where.push(`pi.reason_code IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(q.reasonCodes));
  }
  if (q.retryableOnly) where.push(`(pi.state = 'failed' OR (pi.state = 'rejected' AND pi.retryable = 1))`);
  if (q.search) {
    where.push(`(instr(lower(COALESCE(l.email, '')), ?) > 0 OR instr(lower(COALESCE(l.full_name, l.first_name || ' ' || l.last_name, '')), ?) > 0
      OR instr(lower(COALESCE(l.company, '')), ?) > 0)`);
    const s = q.search.toLowerCase();
    args.push(s, s, s);
  }
  return { sql: where.join(' AND '), args };
}

interface ResultSqlRow {
  id: number;
  lead_id: number;
  email: string | null;
  name: string | null;
  company: string | null;
  step: number | null;
  state: ItemState;
  reason_code: string | null;
  reason: string | null;
  remote_id: string | null;
  retryable: number;
  updated_at: number;
}

export function queryResults(
  ctx: AppContext,
  q: ResultsQuery,
  offset: number,
  limit: number,
): { total: number; items: ResultRow[] } {
  getPush(ctx, q.pushId);
  const { sql, args } = resultsWhere(q);
  const sqlite = ctx.database.sqlite;
  const total = (
    sqlite
      .prepare(`SELECT COUNT(*) AS n FROM push_items pi JOIN leads l ON l.id = pi.lead_id WHERE ${sql}`)
      .get(...args) as { n: number }
  ).n;
  const rows = sqlite
    .prepare(
      `SELECT pi.id, pi.lead_id, l.email, COALESCE(l.full_name, NULLIF(TRIM(COALESCE(l.first_name, '') || ' ' || COALESCE(l.last_name, '')), '')) AS name,
         l.company, pi.step, pi.state, pi.reason_code, pi.reason, pi.remote_id, pi.retryable, pi.updated_at
       FROM push_items pi JOIN leads l ON l.id = pi.lead_id WHERE ${sql} ORDER BY pi.id LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as ResultSqlRow[];
  return {
    total,
    items: rows.map((r) => {
      const code = ReasonCode.safeParse(r.reason_code);
      return {
        itemId: r.id,
        leadId: r.lead_id,
        email: r.email,
        name: r.name,
        company: r.company,
        step: r.step,
        state: r.state,
        reasonCode: code.success ? code.data : null,
        reason: r.reason,
        remoteId: r.remote_id,
        retryable: r.retryable === 1,
        updatedAt: r.updated_at,
      };
    }),
  };
}
