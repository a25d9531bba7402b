import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  computeFlags,
  DEFAULT_FLAG_OPTIONS,
  flagsMask,
  FlagHitSchema,
  FlagOptionsSchema,
  type FlagHit,
  type FlagOptions,
  type FlagStep,
} from '../../../src-shared/review/flags';
import { storedJson } from '../../db/stored-json';
import { searchIndexChanged } from './query';

export const FLAG_OPTIONS_KEY = 'review.flagOptions';
const CHUNK = 500;
/** About 0.3 ms a lead (flags + search text): small enough that one slice stays well under 100 ms. */
const DIRTY_CHUNK = 200;

export function readFlagOptions(sqlite: Database.Database): FlagOptions {
  const row = sqlite
    .prepare('SELECT value_json AS v FROM preferences WHERE key = ?')
    .get(FLAG_OPTIONS_KEY) as { v: string } | undefined;
  if (!row) return DEFAULT_FLAG_OPTIONS;
  const stored = storedJson(FlagOptionsSchema.partial(), row.v);
  return stored === null ? DEFAULT_FLAG_OPTIONS : { ...DEFAULT_FLAG_OPTIONS, ...stored };
}

export function writeFlagOptions(sqlite: Database.Database, options: FlagOptions, now = Date.now()): void {
  sqlite
    .prepare(
      'INSERT INTO preferences(key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    )
    .run(FLAG_OPTIONS_KEY, JSON.stringify(options), now);
  // Word limits changed: every stored verdict may be stale; review reads recompute dirty leads lazily.
  sqlite.prepare('UPDATE review_docs SET dirty = 1').run();
}

const EmailCount = z.coerce.number().int().min(1).max(20);

/** The run's requested email_count, wherever the generation code put it in options_json. */
export function expectedStepsOf(optionsJson: string): number | null {
  const raw = storedJson(z.unknown(), optionsJson);
  const candidates: unknown[] = [];
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    candidates.push(o.email_count, o.emailCount);
    if (o.options && typeof o.options === 'object') {
      const inner = o.options as Record<string, unknown>;
      candidates.push(inner.email_count, inner.emailCount);
    }
  }
  for (const c of candidates) {
    if (c === undefined || c === null) continue;
    const n = EmailCount.safeParse(c);
    if (n.success) return n.data;
  }
  return null;
}

export function parseStoredFlags(json: string): FlagHit[] | null {
  return storedJson(z.array(FlagHitSchema), json);
}

interface LeadRow {
  lead_id: number;
  first_name: string | null;
  company: string | null;
  gen_state: string;
}

function computeChunk(
  sqlite: Database.Database,
  runId: number,
  leadIds: number[],
  expected: number | null,
  options: FlagOptions,
) {
  const ids = JSON.stringify(leadIds);
  const leads = sqlite
    .prepare(
      `SELECT rl.lead_id, l.first_name, l.company, rl.gen_state FROM run_leads rl JOIN leads l ON l.id = rl.lead_id
       WHERE rl.run_id = ? AND rl.lead_id IN (SELECT value FROM json_each(?))`,
    )
    .all(runId, ids) as LeadRow[];
  const steps = sqlite
    .prepare(
      `SELECT lead_id, step, subject, body FROM sequence_steps
       WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?)) ORDER BY lead_id, step`,
    )
    .all(runId, ids) as Array<FlagStep & { lead_id: number }>;
  const byLead = new Map<number, FlagStep[]>();
  for (const s of steps) {
    const list = byLead.get(s.lead_id) ?? [];
    list.push({ step: s.step, subject: s.subject, body: s.body });
    byLead.set(s.lead_id, list);
  }
  reindexSearch(sqlite, runId, ids);
  const setJson = sqlite.prepare('UPDATE run_leads SET flags_json = ? WHERE run_id = ? AND lead_id = ?');
  const setMask = sqlite.prepare(
    'UPDATE review_docs SET flags_mask = ?, dirty = 0 WHERE run_id = ? AND lead_id = ?',
  );
  for (const lead of leads) {
    const leadSteps = byLead.get(lead.lead_id) ?? [];
    // A lead still waiting for (or failed at) generation has no text to judge; its gen state says why.
    const hits =
      lead.gen_state === 'generated' || leadSteps.length > 0
        ? computeFlags(
            { firstName: lead.first_name, company: lead.company, expectedSteps: expected, steps: leadSteps },
            options,
          )
        : [];
    setJson.run(JSON.stringify(hits), runId, lead.lead_id);
    setMask.run(flagsMask(hits), runId, lead.lead_id);
  }
  return leads.length;
}

/** Rebuilds the FTS text of these leads' review documents from their current steps and lead fields. */
function reindexSearch(sqlite: Database.Database, runId: number, idsJson: string) {
  searchIndexChanged();
  sqlite
    .prepare(
      'DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review_docs WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?)))',
    )
    .run(runId, idsJson);
  sqlite
    .prepare(
      `INSERT INTO review_fts(rowid, subjects, bodies, person, company, email)
       SELECT d.id,
         (SELECT group_concat(s.subject, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
         (SELECT group_concat(s.body, char(10)) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id),
         concat_ws(' ', l.first_name, l.last_name, l.full_name, l.title),
         l.company,
         l.email
       FROM review_docs d JOIN leads l ON l.id = d.lead_id
       WHERE d.run_id = ? AND d.lead_id IN (SELECT value FROM json_each(?))`,
    )
    .run(runId, idsJson);
}

function runContext(sqlite: Database.Database, runId: number) {
  const run = sqlite.prepare('SELECT options_json FROM runs WHERE id = ?').get(runId) as
    { options_json: string } | undefined;
  return { expected: run ? expectedStepsOf(run.options_json) : null, options: readFlagOptions(sqlite) };
}

/**
 * Brings a run's review documents (all of them, or `leadIds`) up to date with their current text:
 * quality flags into run_leads.flags_json (hits with spans) and review_docs.flags_mask (for filters and
 * counts), and the search text into review_fts. Synchronous and transactional, so it can run inside
 * the caller's transaction, e.g. right after a batch's sequences are stored (about 0.1 ms a lead).
 * Leads it is not called for are refreshed lazily, in chunks, before the next review list.
 * Returns the number of leads updated.
 */
export function recomputeFlags(
  sqlite: Database.Database,
  runId: number,
  leadIds?: readonly number[],
): number {
  const { expected, options } = runContext(sqlite, runId);
  return sqlite.transaction(() => {
    let count = 0;
    if (leadIds) {
      for (let i = 0; i < leadIds.length; i += CHUNK) {
        count += computeChunk(sqlite, runId, leadIds.slice(i, i + CHUNK), expected, options);
      }
      return count;
    }
    const page = sqlite
      .prepare('SELECT lead_id FROM run_leads WHERE run_id = ? AND lead_id > ? ORDER BY lead_id LIMIT ?')
      .pluck();
    for (let after = 0; ;) {
      const ids = page.all(runId, after, CHUNK) as number[];
      if (ids.length === 0) return count;
      count += computeChunk(sqlite, runId, ids, expected, options);
      after = ids[ids.length - 1] ?? after;
    }
  })();
}

/**
 * Documents whose text changed outside the review service (triggers mark them dirty) are refreshed in
 * small transactions with a yield between them, so a freshly generated 100k-lead run does not freeze
 * the main process.
 */
export async function recomputeDirty(sqlite: Database.Database, runId: number): Promise<number> {
  const next = sqlite
    .prepare('SELECT lead_id FROM review_docs WHERE run_id = ? AND dirty = 1 LIMIT ?')
    .pluck();
  let total = 0;
  for (;;) {
    const ids = next.all(runId, DIRTY_CHUNK) as number[];
    if (ids.length === 0) return total;
    const { expected, options } = runContext(sqlite, runId);
    total += sqlite.transaction(() => {
      const n = computeChunk(sqlite, runId, ids, expected, options);
      // Guarantees progress even for a document whose lead row could not be read.
      sqlite
        .prepare(
          'UPDATE review_docs SET dirty = 0 WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))',
        )
        .run(runId, JSON.stringify(ids));
      return n;
    })();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
