import type Database from 'better-sqlite3';
import type {
  ReviewCounts,
  ReviewFilter,
  ReviewPage,
  ReviewRow,
  ReviewState,
} from '../../../src-shared/contract/review';
import { flagBit, maskToFlags, REVIEW_FLAGS, type ReviewFlag } from '../../../src-shared/review/flags';
import { toFtsQuery } from '../../../src-shared/review/search';

type Param = string | number;

interface Where {
  sql: string;
  params: Param[];
}

const STATES: readonly ReviewState[] = ['pending', 'approved', 'rejected'];

const maskOf = (flags: readonly ReviewFlag[]) => flags.reduce((m, f) => m | flagBit(f), 0);

let searchIndexVersion = 0;
const searchCache = new WeakMap<Database.Database, string>();

/** Called whenever review_fts changes, so cached search hits are not reused. */
export function searchIndexChanged(): void {
  searchIndexVersion++;
}

/**
 * The documents matching a search, materialised once into a temp table: the page and the counts of
 * one call, and every later page while the user scrolls, reuse it instead of re-running a MATCH that
 * may hit every lead of the run.
 */
function prepareSearch(sqlite: Database.Database, fts: string): void {
  const key = `${searchIndexVersion}\u0000${fts}`;
  if (searchCache.get(sqlite) === key) return;
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS review_hits (id INTEGER PRIMARY KEY)');
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM temp.review_hits').run();
    sqlite
      .prepare('INSERT INTO temp.review_hits (id) SELECT rowid FROM review_fts WHERE review_fts MATCH ?')
      .run(fts);
  })();
  searchCache.set(sqlite, key);
}

/**
 * WHERE clause over `review_docs d` (which mirrors the review state, so no join is needed). `facets`
 * chooses which parts apply, so the counts query can drop the facet it is counting.
 */
export function filterWhere(
  sqlite: Database.Database,
  runId: number,
  filter: ReviewFilter,
  facets: { state: boolean; flags: boolean },
): Where {
  const parts = ['d.run_id = ?'];
  const params: Param[] = [runId];
  const fts = toFtsQuery(filter.search);
  if (fts) {
    prepareSearch(sqlite, fts);
    parts.push('d.id IN (SELECT id FROM temp.review_hits)');
  }
  if (facets.state && filter.states.length > 0 && filter.states.length < STATES.length) {
    parts.push(`d.review_state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (facets.flags) {
    if (filter.flags.length > 0) {
      parts.push('(d.flags_mask & ?) != 0');
      params.push(maskOf(filter.flags));
    }
    if (filter.flagless) parts.push('d.flags_mask = 0');
  }
  return { sql: parts.join(' AND '), params };
}

const FROM = 'review_docs d';

interface PageRow {
  lead_id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  company: string | null;
  title: string | null;
  review_state: ReviewState;
  gen_state: ReviewRow['genState'];
  flags_mask: number;
  edited: number;
  step_count: number;
  subject1: string | null;
}

export function listPage(
  sqlite: Database.Database,
  runId: number,
  filter: ReviewFilter,
  offset: number,
  limit: number,
) {
  const where = filterWhere(sqlite, runId, filter, { state: true, flags: true });
  const rows = sqlite
    .prepare(
      `SELECT d.lead_id, l.email, l.first_name, l.last_name, l.full_name, l.company, l.title,
              rl.review_state, rl.gen_state, d.flags_mask,
              EXISTS (SELECT 1 FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id
                        AND (s.subject != s.subject_generated OR s.body != s.body_generated)) AS edited,
              (SELECT count(*) FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id) AS step_count,
              (SELECT s.subject FROM sequence_steps s WHERE s.run_id = d.run_id AND s.lead_id = d.lead_id AND s.step = 1) AS subject1
       FROM (SELECT d.id FROM ${FROM} WHERE ${where.sql} ORDER BY d.lead_id LIMIT ? OFFSET ?) page
       JOIN review_docs d ON d.id = page.id
       JOIN run_leads rl ON rl.run_id = d.run_id AND rl.lead_id = d.lead_id
       JOIN leads l ON l.id = d.lead_id
       ORDER BY d.lead_id`,
    )
    .all(...where.params, limit, offset) as PageRow[];
  return rows.map((r): ReviewRow => ({
    leadId: r.lead_id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    company: r.company,
    title: r.title,
    reviewState: r.review_state,
    genState: r.gen_state,
    flags: maskToFlags(r.flags_mask),
    edited: r.edited === 1,
    stepCount: r.step_count,
    subject1: r.subject1,
  }));
}

/**
 * Every count the filter bar shows, from one grouped query: leads grouped by (review state, flag
 * mask) under the search text; the facets are then applied in memory over those few groups.
 */
export function countAll(
  sqlite: Database.Database,
  runId: number,
  filter: ReviewFilter,
): { total: number; counts: ReviewCounts } {
  const where = filterWhere(sqlite, runId, filter, { state: false, flags: false });
  const groups = sqlite
    .prepare(
      `SELECT d.review_state AS state, d.flags_mask AS mask, count(*) AS n FROM ${FROM} WHERE ${where.sql} GROUP BY 1, 2`,
    )
    .all(...where.params) as Array<{ state: ReviewState; mask: number; n: number }>;
  const runTotal = sqlite
    .prepare('SELECT count(*) FROM review_docs WHERE run_id = ?')
    .pluck()
    .get(runId) as number;
  const wanted = maskOf(filter.flags);
  const stateOk = (s: ReviewState) => filter.states.length === 0 || filter.states.includes(s);
  const flagsOk = (mask: number) =>
    (wanted === 0 || (mask & wanted) !== 0) && (!filter.flagless || mask === 0);
  const byState = { pending: 0, approved: 0, rejected: 0 };
  const byFlag = Object.fromEntries(REVIEW_FLAGS.map((f) => [f, 0])) as Record<ReviewFlag, number>;
  let flagless = 0;
  let total = 0;
  for (const g of groups) {
    if (flagsOk(g.mask)) byState[g.state] += g.n;
    if (!stateOk(g.state)) continue;
    if (g.mask === 0) flagless += g.n;
    for (const f of REVIEW_FLAGS) if ((g.mask & flagBit(f)) !== 0) byFlag[f] += g.n;
    if (flagsOk(g.mask)) total += g.n;
  }
  return { total, counts: { runTotal, byState, byFlag, flagless } };
}

export function countMatching(sqlite: Database.Database, runId: number, filter: ReviewFilter): number {
  const where = filterWhere(sqlite, runId, filter, { state: true, flags: true });
  return sqlite
    .prepare(`SELECT count(*) FROM ${FROM} WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
}

export function queryPage(
  sqlite: Database.Database,
  runId: number,
  filter: ReviewFilter,
  offset: number,
  limit: number,
  withCounts: boolean,
): ReviewPage {
  const rows = listPage(sqlite, runId, filter, offset, limit);
  if (withCounts) {
    const { total, counts } = countAll(sqlite, runId, filter);
    return { total, offset, rows, counts };
  }
  return { total: countMatching(sqlite, runId, filter), offset, rows, counts: null };
}

/** (lead, current state) of every lead the filter matches: the target of a bulk state change. */
export function leadsMatching(sqlite: Database.Database, runId: number, filter: ReviewFilter) {
  const where = filterWhere(sqlite, runId, filter, { state: true, flags: true });
  return sqlite
    .prepare(`SELECT d.lead_id AS leadId, d.review_state AS state FROM ${FROM} WHERE ${where.sql}`)
    .all(...where.params) as Array<{ leadId: number; state: ReviewState }>;
}
