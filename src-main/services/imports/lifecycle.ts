/*
 * An import's life after staging: listing, commit, and rollback (delete).
 *
 * Deleting removes leads in chunks (each its own transaction) after marking
 * the import 'deleting', so a 100k-lead rollback never blocks the main
 * process and a crash halfway is finished on the next start instead of
 * leaving a half-deleted import visible.
 */
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { alreadyInLeadsReason } from '../../../src-shared/import/dedupe';
import { insertTuples, multiRowInsert } from '../../db/multi-row-insert';
import { yieldToEventLoop } from '../../app/event-loop';
import type { Core, DbImport } from './core';
import type { KeyKind } from './draft-keys';
import { NAMED_AT_DOMAIN, STANDS_FOR_PERSON } from './rows';

type LeadKey = [key: string, leadId: number];

/** The keys of sorted runs in key order (a linear scan over the run heads: a handful of runs). */
function* mergeRuns(runs: readonly (readonly LeadKey[])[]): Generator<LeadKey> {
  const at = runs.map(() => 0);
  for (;;) {
    let best = -1;
    let bestKey: LeadKey | undefined;
    for (let r = 0; r < runs.length; r++) {
      const head = runs[r]?.[at[r] as number];
      if (head !== undefined && (bestKey === undefined || head[0] < bestKey[0])) {
        best = r;
        bestKey = head;
      }
    }
    if (bestKey === undefined) return;
    at[best] = (at[best] as number) + 1;
    yield bestKey;
  }
}

/** Up to `n` more items of `items`. */
function take<T>(items: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const next = items.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

export function createLifecycle(core: Core) {
  const sqlite = core.ctx.database.sqlite;
  // Commit and delete write every lead of an import: checkpoints of their WAL run off the main thread.
  const { bulkWrite } = core.ctx.checkpointer;
  // Each deleted lead also cascades through group memberships, runs and review rows: keep chunks small.
  const DELETE_CHUNK = 500;
  const COMMIT_CHUNK = 2000;
  const KEYS_PER_TRANSACTION = 5000;
  const SORT_RUN = 20_000;
  // A commit reports thousandths of its work, not leads: checking the leads took ~30 % of committing
  // 100k of them and saving their keys the rest (0.37 and 0.85 s in one bench run).
  const COMMIT_PROGRESS_TOTAL = 1000;
  const COMMIT_CHECK_SHARE = 300;
  /** 4 parameters a key: 1,000 parameters a statement. */
  const KEYS_PER_INSERT = 250;

  const recent = sqlite.prepare<[number], DbImport>(
    "SELECT * FROM imports WHERE status != 'deleting' ORDER BY id DESC LIMIT ?",
  );
  const inRuns = sqlite.prepare<[number], { leads: number; generated: number }>(
    `SELECT count(DISTINCT rl.lead_id) AS leads,
            count(DISTINCT CASE WHEN rl.gen_state = 'generated' THEN rl.lead_id END) AS generated
       FROM run_leads rl JOIN leads l ON l.id = rl.lead_id WHERE l.import_id = ?`,
  );
  const leadCount = sqlite.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM leads WHERE import_id = ?',
  );
  const markDeleting = sqlite.prepare<[number]>("UPDATE imports SET status = 'deleting' WHERE id = ?");
  const deleteChunk = sqlite.prepare<[number]>(
    `DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE import_id = ? LIMIT ${DELETE_CHUNK})`,
  );
  // Groups and undo snapshots go in chunks too: letting the import's cascade take 28k groups or a
  // 100k-lead undo step at once blocked for half a second.
  const deleteGroupsChunk = sqlite.prepare<[number]>(
    `DELETE FROM duplicate_groups WHERE id IN (SELECT id FROM duplicate_groups WHERE import_id = ? LIMIT ${DELETE_CHUNK * 4})`,
  );
  const deleteUndoChunk = sqlite.prepare<[number]>(
    `DELETE FROM lead_undo_leads WHERE rowid IN (
       SELECT u.rowid FROM lead_undo_batches b JOIN lead_undo_leads u ON u.batch_id = b.id WHERE b.import_id = ? LIMIT ${DELETE_CHUNK * 4})`,
  );
  const deleteImport = sqlite.prepare<[number]>('DELETE FROM imports WHERE id = ?');
  const pendingDeletes = sqlite.prepare<[], { id: number }>(
    "SELECT id FROM imports WHERE status = 'deleting'",
  );
  // Leads that became "already in your leads" since they were staged: another import was committed first.
  // Run over id ranges (`+import_id` keeps the planner on the range) so a 100k-lead commit is chunked.
  const inCommitted = (kind: KeyKind, column: string): string =>
    `EXISTS (SELECT 1 FROM lead_keys k JOIN imports i ON i.id = k.import_id
              WHERE k.kind = '${kind}' AND k.key = leads.${column} AND i.status = 'committed')`;
  const emailCommitted = `(email_key IS NOT NULL AND ${inCommitted('email', 'email_key')})`;
  const ownKeyCommitted = `(${emailCommitted} OR (linkedin_url IS NOT NULL AND ${inCommitted('linkedin', 'linkedin_url')}))`;
  const markCommitted = sqlite.prepare<[string, string, number, number, number]>(
    `UPDATE leads SET state = 'duplicate',
       reason = CASE WHEN ${emailCommitted} THEN ? ELSE ? END,
       flags_json = json_insert(flags_json, '$[#]', 'in_database')
     WHERE id >= ? AND id < ? AND +import_id = ? AND state = 'ready' AND decision IS NULL AND ${ownKeyCommitted}`,
  );
  const markCommittedDuplicates = (from: number, to: number, importId: number) =>
    markCommitted.run(alreadyInLeadsReason('email'), alreadyInLeadsReason('linkedin'), from, to, importId);
  // Leads whose own address or profile an import committed after they were checked: the flag is not set yet.
  const newlyInDatabase = sqlite.prepare<[number, number, number], { id: number }>(
    `SELECT id FROM leads WHERE id >= ? AND id < ? AND +import_id = ? AND flags_json NOT LIKE '%"in_database"%'
       AND ${ownKeyCommitted}`,
  );
  // The keys of the leads that stand for their person; a named one's company domain is a key too, for
  // "possibly already in your leads" (see reclassify).
  const keysInRange = sqlite
    .prepare<[number, number, number], [number, string | null, string | null, string | null]>(
      `SELECT id, email_key, linkedin_url, CASE WHEN ${NAMED_AT_DOMAIN} THEN lower(domain) END
         FROM leads WHERE id >= ? AND id < ? AND +import_id = ? AND ${STANDS_FOR_PERSON}`,
    )
    .raw();
  // Leads at a company domain where the import just committed has named people: one of them may be
  // the same person (re-checked by the fuzzy name rule). Imports committed before were checked already.
  const atCommittedDomain = sqlite.prepare<[number, number, number, number], { id: number }>(
    `SELECT id FROM leads
      WHERE id >= ? AND id < ? AND +import_id = ? AND state IN ('ready', 'needs_fix') AND domain IS NOT NULL
        AND flags_json NOT LIKE '%"similar_in_database"%'
        AND EXISTS (SELECT 1 FROM lead_keys k WHERE k.kind = 'domain' AND k.key = lower(leads.domain) AND k.import_id = ?)`,
  );
  const insertKeys = multiRowInsert(
    sqlite,
    'INSERT OR IGNORE INTO lead_keys (kind, key, lead_id, import_id)',
    '(?, ?, ?, ?)',
  );
  const deleteKeysChunk = sqlite.prepare<[number]>(
    `DELETE FROM lead_keys WHERE rowid IN (SELECT rowid FROM lead_keys WHERE import_id = ? LIMIT ${DELETE_CHUNK * 4})`,
  );
  const flaggedInDatabase = sqlite.prepare<[number, number, number], { id: number }>(
    `SELECT id FROM leads WHERE id >= ? AND id < ? AND +import_id = ?
        AND (flags_json LIKE '%"in_database"%' OR flags_json LIKE '%"similar_in_database"%')`,
  );
  const otherDrafts = sqlite
    .prepare<[number | null], number>(
      "SELECT id FROM imports WHERE status = 'draft' AND staged = 1 AND id IS NOT ?",
    )
    .pluck();
  const commit = sqlite.prepare<[number, string, number]>(
    "UPDATE imports SET status = 'committed', committed_at = ?, counts_json = ? WHERE id = ? AND status = 'draft'",
  );
  const dropUndo = sqlite.prepare<[number]>('DELETE FROM lead_undo_batches WHERE import_id = ?');

  let closed = false;
  core.ctx.onClose(() => {
    closed = true;
  });

  /**
   * Adds a committing import's keys of one kind to lead_keys in key order, a chunk per transaction:
   * sorted chunks touch neighbouring index pages, where row order would touch pages all over the index
   * in every chunk (a third slower on an empty table, more as it grows). Sorting 100k keys at once
   * blocked for ~90 ms, so runs are sorted one per event-loop turn and merged as the chunks are written.
   */
  async function addKeys(
    importId: number,
    kind: KeyKind | 'domain',
    keys: LeadKey[],
    saved: (n: number) => void,
  ): Promise<void> {
    const runs: LeadKey[][] = [];
    for (let i = 0; i < keys.length; i += SORT_RUN) {
      runs.push(keys.slice(i, i + SORT_RUN).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
      await yieldToEventLoop();
    }
    const merged = mergeRuns(runs);
    for (
      let chunk = take(merged, KEYS_PER_TRANSACTION);
      chunk.length > 0;
      chunk = take(merged, KEYS_PER_TRANSACTION)
    ) {
      bulkWrite(
        sqlite.transaction(() => {
          const params: unknown[] = [];
          for (const [key, leadId] of chunk) params.push(kind, key, leadId, importId);
          insertTuples(insertKeys, params, 4, KEYS_PER_INSERT);
        }),
      );
      saved(chunk.length);
      await yieldToEventLoop();
    }
  }

  async function removeLeads(importId: number): Promise<void> {
    core.draftKeys.forget(importId);
    for (const chunk of [deleteKeysChunk, deleteUndoChunk, deleteChunk, deleteGroupsChunk]) {
      while (!closed && bulkWrite(() => chunk.run(importId)).changes > 0) await yieldToEventLoop();
    }
    if (!closed) deleteImport.run(importId);
  }

  /**
   * Marks the draft's ready leads whose own address or profile a committed import now holds (it took
   * that person first) as already in your leads, and re-checks the rest of their groups. `eachWindow`
   * runs on every window of lead ids as it goes (commit collects the keys it adds). `similarTo`: an
   * import just committed whose named people the leads at their company domains are re-checked against
   * (possibly already in your leads); only for a draft that stays one, since a suggestion appearing as
   * the import is committed could no longer be answered.
   */
  async function settleAgainstCommitted(
    importId: number,
    eachWindow: (from: number, to: number, share: number) => void,
    similarTo: number | null,
  ): Promise<void> {
    const found: number[] = [];
    const atDomain: number[] = [];
    for await (const [from, to, share] of core.idWindows(importId, COMMIT_CHUNK)) {
      for (const { id } of newlyInDatabase.iterate(from, to, importId)) found.push(id);
      bulkWrite(() => markCommittedDuplicates(from, to, importId));
      if (similarTo !== null)
        for (const { id } of atCommittedDomain.iterate(from, to, importId, similarTo)) atDomain.push(id);
      eachWindow(from, to, share);
    }
    // Marked by the statement above, so their groups are re-checked whether or not they change again.
    await core.recheck([importId], found, true);
    await core.recheck([importId], atDomain);
  }

  /** Re-checks the draft's leads that were in your leads: the import that held them was deleted. */
  async function recheckInDatabase(importId: number): Promise<void> {
    const ids: number[] = [];
    for await (const [from, to] of core.idWindows(importId, COMMIT_CHUNK))
      for (const { id } of flaggedInDatabase.iterate(from, to, importId)) ids.push(id);
    await core.recheck([importId], ids);
  }

  /**
   * After a commit or the deletion of a committed import, the other open drafts follow at once instead
   * of at their own commit: a lead shown as ready whose person was just committed elsewhere would
   * change state only when its import is committed. A draft busy with a change of its own, or whose
   * check fails, is left to its commit, which settles it anyway. `except`: the import changed (null:
   * every draft follows).
   */
  async function followInOtherDrafts(
    except: number | null,
    label: string,
    follow: (draftId: number) => Promise<void>,
  ): Promise<void> {
    for (const draftId of otherDrafts.all(except)) {
      if (closed || core.isBusy(draftId)) continue;
      try {
        await core.exclusive(draftId, label, () => follow(draftId));
      } catch (e) {
        // The change itself is done; that draft is checked again at its own commit.
        core.ctx.log.warn(
          `${label} failed for draft import ${draftId}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      core.announce(draftId);
    }
  }

  /**
   * After the database was upgraded, the open drafts are checked against your leads again, in the
   * background: a migration may change which committed leads stand for a person (0012: one committed
   * while it needed a fix no longer does), and a draft's leads checked before would keep a verdict that
   * is no longer true.
   */
  function recheckDraftsAfterUpgrade(): void {
    if (core.ctx.database.upgradedFrom === null) return;
    followInOtherDrafts(null, 'Checking against your leads', recheckInDatabase).catch((e: unknown) =>
      core.ctx.log.error(
        `Checking drafts after the upgrade failed: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }

  /** Rollbacks interrupted by a crash or quit are finished in the background. */
  function resumeDeletes(): void {
    const ids = pendingDeletes.all().map((r) => r.id);
    if (ids.length === 0) return;
    void (async () => {
      for (const id of ids) await removeLeads(id);
    })().catch((e: unknown) =>
      core.ctx.log.error(
        `Finishing an import deletion failed: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }

  return {
    resumeDeletes,
    recheckDraftsAfterUpgrade,
    /** Removes an import (drafts left by a failed CLI run too) without the run check. */
    discard: async (importId: number): Promise<void> => {
      markDeleting.run(importId);
      core.staging.delete(importId);
      await removeLeads(importId);
    },
    handlers: {
      'imports.list': async ({
        limit,
      }: HandlerInput<'imports.list'>): Promise<CallOutput<'imports.list'>> => ({
        imports: recent.all(limit).map(core.summary),
      }),

      'imports.get': async ({ importId }: HandlerInput<'imports.get'>): Promise<CallOutput<'imports.get'>> =>
        core.summary(core.requireImport(importId)),

      'imports.commit': async ({
        importId,
      }: HandlerInput<'imports.commit'>): Promise<CallOutput<'imports.commit'>> => {
        const imp = core.requireDraft(importId);
        if (imp.staged !== 1) {
          throw new AppError(
            'conflict',
            `Import ${importId} was not fully staged, so it cannot be committed. Discard it and import the file again.`,
          );
        }
        await core.exclusive(importId, 'Commit', async (report) => {
          // Marking is not undoable and stays true if a crash stops the commit halfway: those leads are in the database.
          // Keys added before a crash do not count either: lookups want the import committed. They are
          // removed first, since a lead edited or excluded since then would keep the key it had.
          while (bulkWrite(() => deleteKeysChunk.run(importId)).changes > 0) await yieldToEventLoop();
          const emails: LeadKey[] = [];
          const linkedins: LeadKey[] = [];
          const domains: LeadKey[] = [];
          await settleAgainstCommitted(
            importId,
            (from, to, share) => {
              for (const [id, email, linkedin, domain] of keysInRange.iterate(from, to, importId)) {
                if (email !== null) emails.push([email, id]);
                if (linkedin !== null) linkedins.push([linkedin, id]);
                if (domain !== null) domains.push([domain, id]);
              }
              report(Math.round(share * COMMIT_CHECK_SHARE), COMMIT_PROGRESS_TOTAL);
            },
            null,
          );
          const keyCount = emails.length + linkedins.length + domains.length;
          let keysSaved = 0;
          const saved = (n: number): void => {
            keysSaved += n;
            const share = keysSaved / Math.max(1, keyCount);
            report(
              COMMIT_CHECK_SHARE + Math.round(share * (COMMIT_PROGRESS_TOTAL - COMMIT_CHECK_SHARE)),
              COMMIT_PROGRESS_TOTAL,
            );
          };
          await addKeys(importId, 'email', emails, saved);
          await addKeys(importId, 'linkedin', linkedins, saved);
          await addKeys(importId, 'domain', domains, saved);
          core.draftKeys.forget(importId);
          while (bulkWrite(() => deleteUndoChunk.run(importId)).changes > 0) await yieldToEventLoop();
          sqlite.transaction(() => {
            commit.run(Date.now(), JSON.stringify(core.liveCounts(importId)), importId);
            dropUndo.run(importId);
          })();
          report(COMMIT_PROGRESS_TOTAL, COMMIT_PROGRESS_TOTAL);
        });
        core.announce(importId);
        await followInOtherDrafts(importId, 'Checking against the committed import', (draftId) =>
          settleAgainstCommitted(draftId, () => undefined, importId),
        );
        return core.summary(core.requireImport(importId));
      },

      'imports.delete': async ({
        importId,
        force,
      }: HandlerInput<'imports.delete'>): Promise<CallOutput<'imports.delete'>> => {
        core.requireIdle(importId);
        const imp = core.requireImport(importId);
        const used = inRuns.get(importId) ?? { leads: 0, generated: 0 };
        if (used.leads > 0 && !force) {
          throw new AppError(
            'conflict',
            `${used.leads} lead${used.leads === 1 ? '' : 's'} of "${imp.file_name}" ${used.leads === 1 ? 'is' : 'are'} in generation runs (${used.generated} with generated emails). Deleting the import deletes them and their emails too; confirm to delete anyway.`,
            { leadsInRuns: used.leads, generatedLeads: used.generated },
          );
        }
        const leadsRemoved = leadCount.get(importId)?.n ?? 0;
        markDeleting.run(importId);
        core.staging.delete(importId);
        await removeLeads(importId);
        core.announce(importId);
        if (imp.status === 'committed')
          await followInOtherDrafts(importId, 'Checking against your leads', recheckInDatabase);
        return { deleted: true, leadsRemoved, generatedLeadsRemoved: used.generated };
      },
    },
  };
}
