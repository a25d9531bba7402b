/*
 * The suppression list, and its effect on DRAFT imports: adding or removing
 * entries re-classifies the draft leads they match and the leads linked to
 * them. Committed imports are left alone: generation (when a run is planned)
 * and push (when it sends) check their leads against the list as it is then
 * (`loadSuppressionSet` in suppression-set.ts, `suppressedPeople`).
 */
import type Database from 'better-sqlite3';
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import type { SuppressionEntryView } from '../../../src-shared/contract/imports';
import {
  isSuppressed,
  parseSuppressionEntry,
  suppressedByPerson,
  type SuppressionEntry,
} from '../../../src-shared/import/suppression';
import { cachedStatement } from '../../queue/sql';
import { CHUNK, type Core } from './core';
import { likePattern } from './rows';
import { entriesAsSet, loadSuppressionSet } from './suppression-set';
import { outsideVersion } from './versions';

const MAX_INVALID_SAMPLES = 5;

interface DbSuppression {
  id: number;
  kind: 'email' | 'domain';
  value: string;
  source: string;
  created_at: number;
}

const asView = (r: DbSuppression): SuppressionEntryView => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  source: r.source,
  createdAt: r.created_at,
});

/** An entry with where it came from and when it was added. */
type Listed = SuppressionEntry & { source: string; createdAt: number };

const people = new WeakMap<Database.Database, { version: string; reasons: ReadonlyMap<number, string> }>();

/**
 * Committed leads linked by an address or LinkedIn profile to a lead whose address is on the list (the
 * same person; `suppressedByPerson`), by id, with why: an entry added after their import was committed
 * keeps them out of generation and push like the listed lead itself. Kept between calls while neither
 * the list nor the committed imports change.
 */
export function suppressedPeople(sqlite: Database.Database): ReadonlyMap<number, string> {
  const version = outsideVersion(sqlite);
  const hit = people.get(sqlite);
  if (hit?.version === version) return hit.reasons;
  // Only leads sharing a key with another can be linked to anyone: their committed keys are in lead_keys
  // (leads that stand for their person only), which a sorted index groups without reading every lead.
  const leads = cachedStatement(
    sqlite,
    `WITH shared AS (SELECT kind, key FROM lead_keys GROUP BY kind, key HAVING count(*) > 1)
     SELECT DISTINCT l.id, l.email, l.linkedin_url, l.state
       FROM shared s JOIN lead_keys k ON k.kind = s.kind AND k.key = s.key
       JOIN leads l ON l.id = k.lead_id JOIN imports i ON i.id = l.import_id
      WHERE i.status = 'committed'`,
  ).all() as { id: number; email: string | null; linkedin_url: string | null; state: string }[];
  const found = suppressedByPerson(
    leads.map((l) => ({ email: l.email, linkedinUrl: l.linkedin_url, valid: l.state !== 'invalid' })),
    loadSuppressionSet(sqlite),
  );
  const reasons = new Map<number, string>();
  for (const [i, by] of found)
    reasons.set(
      (leads[i] as { id: number }).id,
      `The same person as ${(leads[by] as { email: string }).email}, which is on your suppression list`,
    );
  people.set(sqlite, { version, reasons });
  return reasons;
}

export function createSuppressions(core: Core) {
  const sqlite = core.ctx.database.sqlite;

  const insert = sqlite.prepare<[string, string, string, number]>(
    'INSERT OR IGNORE INTO suppressions (kind, value, source, created_at) VALUES (?, ?, ?, ?)',
  );
  const byIds = sqlite.prepare<[string], DbSuppression>(
    'SELECT id, kind, value, source, created_at FROM suppressions WHERE id IN (SELECT value FROM json_each(?))',
  );
  const removeIds = sqlite.prepare<[string]>(
    'DELETE FROM suppressions WHERE id IN (SELECT value FROM json_each(?))',
  );
  const total = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM suppressions');
  type DraftLead = { id: number; import_id: number; email: string; state: string; decision: string | null };
  const draftLeads = sqlite.prepare<[], DraftLead>(
    `SELECT l.id, l.import_id, l.email, l.state, l.decision FROM leads l JOIN imports i ON i.id = l.import_id
      WHERE i.status = 'draft' AND l.email IS NOT NULL`,
  );

  /**
   * Re-classifies the draft leads `matches` says are affected, and in the drafts that hold any of them,
   * those `alongside` says may be affected with them.
   */
  async function reclassifyDrafts(
    matches: (lead: DraftLead) => boolean,
    alongside?: (lead: DraftLead) => boolean,
  ): Promise<number> {
    const ids: number[] = [];
    const imports = new Set<number>();
    const others: DraftLead[] = [];
    for (const l of draftLeads.iterate()) {
      if (matches(l)) {
        ids.push(l.id);
        imports.add(l.import_id);
      } else if (alongside?.(l)) others.push(l);
    }
    for (const l of others) if (imports.has(l.import_id)) ids.push(l.id);
    // With the rest of their groups: a suppressed address suppresses the person's other rows, and a
    // suppressed lead no longer makes them its duplicates (and the other way round).
    const changed = await core.recheck(imports, ids);
    for (const id of imports) core.announce(id);
    return changed.size;
  }

  const announce = (): void => core.ctx.events.emit('suppressions.changed', { total: total.get()?.n ?? 0 });

  /**
   * Adds the entries not on the list yet, each with its source and date, and re-checks the draft leads
   * they suppress.
   */
  async function insertAll(
    entries: readonly Listed[],
  ): Promise<{ added: number; addedIds: number[]; reclassified: number }> {
    const added: SuppressionEntry[] = [];
    const addedIds: number[] = [];
    await core.inChunks(entries, CHUNK * 2, (chunk) => {
      for (const e of chunk) {
        const r = insert.run(e.kind, e.value, e.source, e.createdAt);
        if (r.changes === 0) continue;
        added.push(e);
        addedIds.push(Number(r.lastInsertRowid));
      }
    });
    if (added.length === 0) return { added: 0, addedIds, reclassified: 0 };
    const set = entriesAsSet(added);
    // An invalid lead stays so whatever the list says, and keeps nobody else out or in (its address is
    // no suppressor's, and it is no lead): the rows of the addresses an import's verifier or bounces
    // just put on the list (thousands, in a bought list) need no second look.
    const reclassified = await reclassifyDrafts(
      (l) => l.state !== 'invalid' && isSuppressed(l.email, set) !== null,
    );
    announce();
    return { added: added.length, addedIds, reclassified };
  }

  /** The filter a search of the list (`suppressions.list`'s, or `suppressions.remove`'s) makes. */
  function matching(text: string | undefined): { where: string; search: string } {
    const search = text?.trim();
    return search
      ? {
          where: "WHERE value LIKE @search ESCAPE '\\' OR source LIKE @search ESCAPE '\\'",
          search: likePattern(search.toLowerCase()),
        }
      : { where: '', search: '' };
  }

  const idOf = sqlite
    .prepare<[string, string], number>('SELECT id FROM suppressions WHERE kind = ? AND value = ?')
    .pluck();

  /** The ids of the entries equal to `values`, each read as the list stores it (`@Acme.com` is acme.com). */
  function idsOf(values: readonly string[]): number[] {
    const ids: number[] = [];
    for (const text of values) {
      const e = parseSuppressionEntry(text);
      const id = e === null ? undefined : idOf.get(e.kind, e.value);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  function idsMatching(text: string): number[] {
    const { where, search } = matching(text);
    return sqlite
      .prepare<{ search: string }, number>(`SELECT id FROM suppressions ${where}`)
      .pluck()
      .all({ search });
  }

  const handlers = {
    'suppressions.list': async (
      input: HandlerInput<'suppressions.list'>,
    ): Promise<CallOutput<'suppressions.list'>> => {
      const { where, search } = matching(input.search);
      const params = { search, limit: input.limit, offset: input.offset };
      const count =
        sqlite
          .prepare<typeof params, { n: number }>(`SELECT count(*) AS n FROM suppressions ${where}`)
          .get(params)?.n ?? 0;
      const entries = sqlite
        .prepare<typeof params, DbSuppression>(
          `SELECT id, kind, value, source, created_at FROM suppressions ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
        )
        .all(params)
        .map(asView);
      return { total: count, entries };
    },

    'suppressions.add': async ({
      entries,
      source,
    }: HandlerInput<'suppressions.add'>): Promise<CallOutput<'suppressions.add'>> => {
      const parsed: SuppressionEntry[] = [];
      const seen = new Set<string>();
      const invalidSamples: string[] = [];
      let invalid = 0;
      let duplicates = 0;
      for (const text of entries) {
        const e = parseSuppressionEntry(text);
        if (e === null) {
          if (text.trim() === '') continue;
          invalid++;
          if (invalidSamples.length < MAX_INVALID_SAMPLES) invalidSamples.push(text.slice(0, 200));
          continue;
        }
        const key = `${e.kind}:${e.value}`;
        if (seen.has(key)) {
          duplicates++;
          continue;
        }
        seen.add(key);
        parsed.push(e);
      }
      const now = Date.now();
      const { added, addedIds, reclassified } = await insertAll(
        parsed.map((e) => ({ ...e, source, createdAt: now })),
      );
      duplicates += parsed.length - added;
      return { added, addedIds, duplicates, invalid, invalidSamples, reclassified };
    },

    'suppressions.restore': async ({
      entries,
    }: HandlerInput<'suppressions.restore'>): Promise<CallOutput<'suppressions.restore'>> => {
      // Parsed again, as any entry from outside is: what comes back is what the list holds.
      const parsed: Listed[] = [];
      for (const e of entries) {
        const entry = parseSuppressionEntry(e.value);
        if (entry !== null) parsed.push({ ...entry, source: e.source, createdAt: e.createdAt });
      }
      const { added, reclassified } = await insertAll(parsed);
      return { restored: added, reclassified };
    },

    'suppressions.remove': async (
      input: HandlerInput<'suppressions.remove'>,
    ): Promise<CallOutput<'suppressions.remove'>> => {
      const ids =
        'ids' in input ? input.ids : 'values' in input ? idsOf(input.values) : idsMatching(input.search);
      const json = JSON.stringify(ids);
      const gone = byIds.all(json);
      const removed = removeIds.run(json).changes;
      const entries = gone.map(asView);
      let reclassified = 0;
      if (removed > 0) {
        const set = entriesAsSet(gone);
        const remaining = loadSuppressionSet(sqlite);
        // With the rows of those drafts suppressed as the same person as a listed address (perhaps one
        // removed): re-checked together with that address's rows, the most complete of them all is kept.
        reclassified = await reclassifyDrafts(
          (l) => l.state === 'suppressed' && isSuppressed(l.email, set) !== null,
          (l) =>
            l.state === 'suppressed' && l.decision !== 'exclude' && isSuppressed(l.email, remaining) === null,
        );
        announce();
      }
      return { removed, reclassified, entries };
    },
  };
  return { handlers, announce };
}
