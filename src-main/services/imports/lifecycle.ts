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
import { yieldToEventLoop, type Core, type DbImport } from './core';

export function createLifecycle(core: Core) {
  const sqlite = core.ctx.database.sqlite;
  // Each deleted lead also cascades through group memberships, runs and review rows: keep chunks small.
  const DELETE_CHUNK = 500;
  const COMMIT_CHUNK = 2000;

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
  const idRange = sqlite.prepare<[number], { lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM leads WHERE import_id = ?',
  );
  const markCommittedDuplicates = sqlite.prepare<[number, number, number]>(
    `UPDATE leads SET state = 'duplicate',
       reason = CASE WHEN email_key IS NOT NULL AND EXISTS (
                  SELECT 1 FROM leads o JOIN imports i ON i.id = o.import_id
                   WHERE o.email_key = leads.email_key AND i.status = 'committed' AND o.state != 'invalid')
                THEN 'Already in your leads (same email)' ELSE 'Already in your leads (same LinkedIn profile)' END,
       flags_json = json_insert(flags_json, '$[#]', 'in_database')
     WHERE id >= ? AND id < ? AND +import_id = ? AND state = 'ready' AND decision IS NULL AND (
       (email_key IS NOT NULL AND EXISTS (
          SELECT 1 FROM leads o JOIN imports i ON i.id = o.import_id
           WHERE o.email_key = leads.email_key AND i.status = 'committed' AND o.state != 'invalid'))
       OR (linkedin_url IS NOT NULL AND EXISTS (
          SELECT 1 FROM leads o JOIN imports i ON i.id = o.import_id
           WHERE o.linkedin_url = leads.linkedin_url AND i.status = 'committed' AND o.state != 'invalid')))`,
  );
  const commit = sqlite.prepare<[number, string, number]>(
    "UPDATE imports SET status = 'committed', committed_at = ?, counts_json = ? WHERE id = ? AND status = 'draft'",
  );
  const dropUndo = sqlite.prepare<[number]>('DELETE FROM lead_undo_batches WHERE import_id = ?');

  let closed = false;
  core.ctx.onClose(() => {
    closed = true;
  });

  async function removeLeads(importId: number): Promise<void> {
    for (const chunk of [deleteUndoChunk, deleteChunk, deleteGroupsChunk]) {
      while (!closed && chunk.run(importId).changes > 0) await yieldToEventLoop();
    }
    if (!closed) deleteImport.run(importId);
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
        await core.exclusive(importId, 'Commit', async () => {
          // Marking is not undoable and stays true if a crash stops the commit halfway: those leads are in the database.
          const { lo, hi } = idRange.get(importId) ?? { lo: null, hi: null };
          if (lo !== null && hi !== null) {
            for (let from = lo; from <= hi; from += COMMIT_CHUNK) {
              markCommittedDuplicates.run(from, from + COMMIT_CHUNK, importId);
              await yieldToEventLoop();
            }
          }
          while (deleteUndoChunk.run(importId).changes > 0) await yieldToEventLoop();
          sqlite.transaction(() => {
            commit.run(Date.now(), JSON.stringify(core.liveCounts(importId)), importId);
            dropUndo.run(importId);
          })();
        });
        core.announce(importId);
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
        return { deleted: true, leadsRemoved, generatedLeadsRemoved: used.generated };
      },
    },
  };
}
