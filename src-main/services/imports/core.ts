/*
 * Shared pieces of the imports service: loading imports and leads, writing a
 * re-classified lead, the undo log, summaries, and chunked work that yields
 * to the event loop between short transactions (better-sqlite3 is
 * synchronous; no call may hold the main process for more than ~100 ms).
 */
import { z } from 'zod';
import type { ImportSummary, StateCounts } from '../../../src-shared/contract/imports';
import { SourceKindSchema } from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import type { StagingColumns } from '../../../src-shared/contract/staged-rows';
import {
  ColumnMappingSchema,
  LEAD_STATES,
  type LeadState,
  type NormalisedLead,
  type RowDecision,
} from '../../../src-shared/import/types';
import type { AppContext } from '../../app/context';
import type { OpenedDatabase } from '../../db/open';
import { storedJson } from '../../db/stored-json';
import { extensionOf } from '../../../src-shared/import/read/sniff';
import { createDraftKeys } from './draft-keys';
import { outsideVersion, writesVersion } from './versions';
import { createReclassifier, type KeyedLead, type Reclassified } from './reclassify';
import {
  LEAD_COLUMNS,
  LEAD_FIELD_COLUMNS,
  MUTABLE_COLUMNS,
  toNormalised,
  type DbLead,
  type DbLeadFields,
} from './rows';
import { reachOf, survivorScore } from '../../../src-shared/import/dedupe';
import { checkEmail } from '../../../src-shared/import/email';
import { yieldToEventLoop } from '../../app/event-loop';

export interface DbImport {
  id: number;
  file_name: string;
  file_size: number;
  sha256: string;
  source_kind: string;
  sheet: string;
  header_row: number;
  encoding: string | null;
  delimiter: string | null;
  headers_json: string;
  mapping_json: string;
  template_id: number | null;
  status: 'draft' | 'committed' | 'deleting';
  row_count: number;
  rows_read: number;
  blank_rows: number;
  hidden_rows: number;
  header_repeats: number;
  footer_rows: number;
  staged: number;
  counts_json: string;
  created_at: number;
  committed_at: number | null;
}

/** What a draft's staging calls have delivered so far (kept in memory: only the process that began staging may continue it). */
export interface StagingProgress {
  /** duplicate_groups ids `groupBase .. groupBase + row_count - 1` are reserved for this import: pipeline group i gets groupBase + i. */
  groupBase: number;
  /** Lead ids `leadBase .. leadBase + rows_read - 1` are reserved for this import: the lead of data row n (from 0) gets leadBase + n. */
  leadBase: number;
  rows: number;
  /**
   * What staging groups checks its rows against, by data row (sheet row minus the first data row),
   * so that it never reads the rows back: whether the row was staged (1) and the pipeline group the
   * row names (-1 for none).
   */
  staged: Uint8Array;
  rowGroups: Int32Array;
  /** Staged rows (those naming a group in `rowGroups`) that a staged group confirmed by listing them. */
  confirmed: number;
  /** The import's mapping: the column a value left out of a staged row is read from (staged-rows.ts). */
  columns: StagingColumns;
}

/** How far a long change of an import has got: `done` of `total` leads. */
export type ProgressReport = (done: number, total: number) => void;
/** A progress event per chunk would be hundreds a second; ten are plenty for a bar. */
const PROGRESS_EVERY_MS = 100;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per transaction for work that touches many leads (a 2,000-lead exclude took up to 210 ms on a busy 2-core machine). */
export const CHUNK = 500;
/** Leads whose keys are read per event-loop turn when a draft's keys are read ahead (~20 ms). */
const KEY_WINDOW = 5_000;
const MAX_UNDO_STEPS = 50;
/** Undo steps of all drafts whose outside stamp is kept (see `changedOutsideSince`). */
const MAX_UNDO_STAMPS = 1_000;
/** Times one re-check of a group may re-check the same lead: a bound, should verdicts never settle. */
const MAX_RECHECKS = 3;

const Headers = z.array(z.string());
const Counts = z.record(z.string(), z.number());

export function emptyCounts(): StateCounts {
  return { ready: 0, needs_fix: 0, invalid: 0, duplicate: 0, suppressed: 0 };
}

export function createCore(ctx: AppContext) {
  const sqlite: OpenedDatabase['sqlite'] = ctx.database.sqlite;
  const draftKeys = createDraftKeys(sqlite);
  const reclassifier = createReclassifier(sqlite, draftKeys);
  /** Drafts this process is staging right now; any other unstaged draft was left by a crash. */
  const staging = new Map<number, StagingProgress>();
  /**
   * Drafts a chunked change (bulk action, undo) is working on, with its label. The change yields
   * between chunks; other changes to the import are refused meanwhile so none lands between them.
   */
  const busy = new Map<number, string>();

  const getImport = sqlite.prepare<[number], DbImport>(
    "SELECT * FROM imports WHERE id = ? AND status != 'deleting'",
  );
  const getLead = sqlite.prepare<[number], DbLead>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?`);
  const fieldsOf = sqlite.prepare<[string], DbLeadFields & Pick<DbLead, 'id' | 'state'>>(
    `SELECT id, state, ${LEAD_FIELD_COLUMNS.join(', ')} FROM leads WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const idRange = sqlite.prepare<[number], { lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM leads WHERE import_id = ?',
  );
  const countsOf = sqlite.prepare<[number], { state: string; n: number }>(
    'SELECT state, count(*) AS n FROM leads WHERE import_id = ? GROUP BY state',
  );
  const openGroupsOf = sqlite.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM duplicate_groups WHERE import_id = ? AND status = 'open'",
  );
  const lastUndoLabel = sqlite
    .prepare<[number], string>(
      'SELECT label FROM lead_undo_batches WHERE import_id = ? ORDER BY id DESC LIMIT 1',
    )
    .pluck();
  const writeLead = sqlite.prepare(
    `UPDATE leads SET email = @email, email_key = @email_key, first_name = @first_name, last_name = @last_name,
       full_name = @full_name, title = @title, company = @company, website = @website, domain = @domain,
       linkedin_url = @linkedin_url, phone = @phone, custom_json = @custom_json, state = @state, reason = @reason,
       flags_json = @flags_json, suggestion = @suggestion, decision = @decision, edited_at = @edited_at
     WHERE id = @id`,
  );
  const newUndoBatch = sqlite.prepare<[number, string, number]>(
    'INSERT INTO lead_undo_batches (import_id, label, created_at) VALUES (?, ?, ?)',
  );
  const pruneUndo = sqlite.prepare<[number, number]>(
    'DELETE FROM lead_undo_batches WHERE import_id = ? AND id NOT IN (SELECT id FROM lead_undo_batches WHERE import_id = ? ORDER BY id DESC LIMIT ' +
      MAX_UNDO_STEPS +
      ')',
  );
  /** By undo step id: the outside stamp when the step began (this run of the app only). */
  const outsideAtUndo = new Map<number, string>();
  const cols = MUTABLE_COLUMNS.join(', ');
  const snapshotLeads = sqlite.prepare<[number, string]>(
    `INSERT OR IGNORE INTO lead_undo_leads (batch_id, lead_id, ${cols})
     SELECT ?, id, ${cols} FROM leads WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const snapshotGroup = sqlite.prepare<[number, number]>(
    `INSERT OR IGNORE INTO lead_undo_groups (batch_id, group_id, survivor_lead_id, status)
     SELECT ?, id, survivor_lead_id, status FROM duplicate_groups WHERE id = ?`,
  );

  function requireImport(importId: number): DbImport {
    const imp = getImport.get(importId);
    if (!imp)
      throw new AppError('not_found', `Import ${importId} does not exist (it may have been deleted).`);
    return imp;
  }

  function requireIdle(importId: number): void {
    const label = busy.get(importId);
    if (label !== undefined) {
      throw new AppError(
        'conflict',
        `Import ${importId} is still busy with "${label}"; try again when it has finished.`,
      );
    }
  }

  const isBusy = (importId: number): boolean => busy.has(importId);

  /**
   * Runs a chunked change of an import with other changes of it refused until it ends. `fn` may report how far it has got: the renderer
   * hears it ('imports.progress') at most every PROGRESS_EVERY_MS, and when it is done if it heard
   * before (a change over in less time shows no bar).
   */
  async function exclusive<T>(
    importId: number,
    label: string,
    fn: (report: ProgressReport) => Promise<T>,
  ): Promise<T> {
    requireIdle(importId);
    busy.set(importId, label);
    let last = Date.now();
    let heard = false;
    const report: ProgressReport = (done, total) => {
      const now = Date.now();
      if (done < total ? now - last < PROGRESS_EVERY_MS : !heard) return;
      last = now;
      heard = true;
      ctx.events.emit('imports.progress', { importId, label, done, total });
    };
    try {
      return await fn(report);
    } finally {
      busy.delete(importId);
    }
  }

  function requireDraft(importId: number): DbImport {
    requireIdle(importId);
    const imp = requireImport(importId);
    if (imp.status !== 'draft') {
      throw new AppError(
        'conflict',
        `Import ${importId} ("${imp.file_name}") is already committed, so its leads can no longer be changed. Delete it and import the file again to start over.`,
      );
    }
    return imp;
  }

  function requireLead(leadId: number): DbLead {
    const lead = getLead.get(leadId);
    if (!lead)
      throw new AppError('not_found', `Lead ${leadId} does not exist (its import may have been deleted).`);
    return lead;
  }

  function liveCounts(importId: number): StateCounts {
    const counts = emptyCounts();
    for (const r of countsOf.all(importId)) {
      if ((LEAD_STATES as readonly string[]).includes(r.state)) counts[r.state as LeadState] = r.n;
    }
    return counts;
  }

  /** The stored kind; for an unreadable one the file name's, else csv (it is only shown). */
  function sourceKindOf(imp: DbImport): ImportSummary['kind'] {
    const kind = SourceKindSchema.safeParse(imp.source_kind);
    if (kind.success) return kind.data;
    return SourceKindSchema.safeParse(extensionOf(imp.file_name)).data ?? 'csv';
  }

  function summary(imp: DbImport): ImportSummary {
    // Committed imports keep the counts taken at commit; drafts change with every decision. Stored values
    // that cannot be read are stood in for, so one damaged row does not take the imports list down.
    const stored = imp.status === 'committed' ? storedJson(Counts, imp.counts_json) : null;
    const counts = stored === null ? liveCounts(imp.id) : { ...emptyCounts(), ...stored };
    const total = LEAD_STATES.reduce((s, k) => s + counts[k], 0);
    const staged = imp.staged === 1;
    const stale = imp.created_at < Date.now() - DAY_MS;
    return {
      id: imp.id,
      fileName: imp.file_name,
      fileSize: imp.file_size,
      sha256: imp.sha256,
      kind: sourceKindOf(imp),
      sheet: imp.sheet,
      headerRow: imp.header_row,
      encoding: imp.encoding,
      delimiter: imp.delimiter,
      headers: storedJson(Headers, imp.headers_json) ?? [],
      mapping: storedJson(ColumnMappingSchema, imp.mapping_json) ?? [],
      templateId: imp.template_id,
      status: imp.status === 'committed' ? 'committed' : 'draft',
      staged,
      unfinished: imp.status === 'draft' && ((!staged && !staging.has(imp.id)) || stale),
      rowsRead: imp.rows_read,
      blankRows: imp.blank_rows,
      hiddenRows: imp.hidden_rows,
      headerRepeats: imp.header_repeats,
      footerRows: imp.footer_rows,
      total,
      counts,
      openGroups: openGroupsOf.get(imp.id)?.n ?? 0,
      undoLabel: imp.status === 'committed' ? null : (lastUndoLabel.get(imp.id) ?? null),
      createdAt: imp.created_at,
      committedAt: imp.committed_at,
    };
  }

  /**
   * Re-checks after a change outside the undo history (`recheck`) so far. Part of the stamp an undo step
   * keeps: the versions alone come back when a change is reverted (an entry added, then removed), but the
   * leads re-checked in between may have changed places (another row of the person became the one sent).
   */
  let outsideRechecks = 0;
  const outsideStamp = (): string => `${outsideVersion(sqlite)}#${outsideRechecks}`;

  /** Starts an undoable step; snapshots are taken with `snapshot` before each change. */
  function beginUndo(importId: number, label: string): number {
    const id = Number(newUndoBatch.run(importId, label, Date.now()).lastInsertRowid);
    pruneUndo.run(importId, importId);
    outsideAtUndo.set(id, outsideStamp());
    // Steps pruned from the history leave their stamp behind: forget the oldest (a step without one is re-checked).
    if (outsideAtUndo.size > MAX_UNDO_STAMPS)
      outsideAtUndo.delete(outsideAtUndo.keys().next().value as number);
    return id;
  }

  /**
   * Whether what a verdict reads beyond the import (the suppression list, the committed imports) may
   * have changed since undo step `batchId` began, or drafts were re-checked for such a change: always
   * for a step of an earlier run of the app.
   */
  function changedOutsideSince(batchId: number): boolean {
    const then = outsideAtUndo.get(batchId);
    outsideAtUndo.delete(batchId);
    return then !== outsideStamp();
  }

  function snapshot(batchId: number, leadIds: readonly number[]): void {
    if (leadIds.length > 0) snapshotLeads.run(batchId, JSON.stringify(leadIds));
  }

  function snapshotGroupRow(batchId: number, groupId: number): void {
    snapshotGroup.run(batchId, groupId);
  }

  /**
   * Moves on whenever a write may change what a re-check of another lead finds (`changesOthers`), and
   * for writes this module does not see lead by lead: a lead re-checked since then need not be again.
   */
  let verdictEpoch = 0;

  /** Writes `r` to the lead if anything differs; returns whether the lead changed. */
  function store(row: DbLead, r: Reclassified, decision: RowDecision | null, edited: boolean): boolean {
    const l = r.lead;
    const next = {
      id: row.id,
      email: l.email,
      email_key: r.emailKey,
      first_name: l.firstName,
      last_name: l.lastName,
      full_name: l.fullName,
      title: l.title,
      company: l.company,
      website: l.website,
      domain: l.domain,
      linkedin_url: l.linkedinUrl,
      phone: l.phone,
      custom_json: JSON.stringify(l.custom),
      state: r.classification.state,
      reason: r.classification.reason,
      flags_json: JSON.stringify(r.classification.flags),
      suggestion: r.classification.suggestion,
      decision,
      edited_at: edited ? Date.now() : row.edited_at,
    };
    const same = (Object.keys(next) as (keyof typeof next)[]).every(
      (k) => k === 'edited_at' || (row as unknown as Record<string, unknown>)[k] === next[k],
    );
    if (same) return false;
    if (reclassifier.changesOthers(row, next)) verdictEpoch++;
    writeLead.run(next);
    draftKeys.moved(row.import_id, row.id, row, next);
    reclassifier.written(row.id, next);
    return true;
  }

  /** Re-classifies a stored lead (optionally with new values / decision) and writes it when it changed. */
  function refresh(
    row: DbLead,
    opts: { lead?: NormalisedLead; decision?: RowDecision | null; edited?: boolean } = {},
  ): boolean {
    const decision = opts.decision === undefined ? (row.decision as RowDecision | null) : opts.decision;
    const r = reclassifier.reclassify(row, opts.lead, decision);
    return store(row, r, decision, opts.edited ?? false);
  }

  /**
   * Re-checks of the rest of the groups of changed leads, worked off in turns (`step`): every lead
   * sharing one of a changed lead's keys (a duplicate may now be the one left), then the leads linked to
   * those, row to row (the group may now hold someone already in your leads). Each is snapshotted into
   * undo step `batchId` first (none for a change outside the undo history, such as the suppression
   * list's). Leads in `skip` are left to the caller. `add` and `step` run inside a pass.
   *
   * The leads of one step go together: a bulk action over 1,500 rows sharing one address re-checks the
   * group once, not once per row or per chunk. A lead whose state changes can change the verdict of
   * those re-checked before it (the survivor of a group that became suppressed leaves its duplicates to
   * be suppressed too): they are re-checked again, the changed leads too, until no state moves (each at
   * most MAX_RECHECKS times).
   */
  function peerRechecks(batchId: number | null, skip?: ReadonlySet<number>) {
    const queue: number[] = [];
    let next = 0;
    const queued = new Set<number>();
    const checks = new Map<number, number>();
    const changed = new Set<number>();
    let settled: number[] = [];
    // By lead: the epoch of its last re-check in this step. Nothing a re-check reads has changed since
    // when it is still current: 20,000 rows re-checked in order are not re-checked again as their group.
    const checkedAt = new Map<number, number>();
    return {
      changed,
      get done(): boolean {
        return next >= queue.length;
      },
      /** Lead `id` was just re-checked by the step's caller. */
      checked(id: number): void {
        checkedAt.set(id, verdictEpoch);
      },
      /** The changed leads `rows` (with the keys their groups are found by). */
      add(rows: readonly KeyedLead[]): void {
        for (const id of reclassifier.othersInGroups(rows)) {
          if (skip?.has(id) || queued.has(id)) continue;
          queue.push(id);
          queued.add(id);
        }
        // Re-checked before their peers: a peer's new state can change their verdicts too.
        for (const r of rows) if (!skip?.has(r.id) && !queued.has(r.id)) settled.push(r.id);
      },
      /** Re-checks up to `limit` queued leads. */
      step(limit: number): void {
        for (let n = 0; n < limit && next < queue.length; n++, next++) {
          const id = queue[next] as number;
          queued.delete(id);
          // Current, so not read again; but settled like one that was: a later peer's change of state
          // can still change its verdict (its reason may name that peer).
          if (checkedAt.get(id) === verdictEpoch) {
            settled.push(id);
            continue;
          }
          checks.set(id, (checks.get(id) ?? 0) + 1);
          // Read it again: an earlier peer's change can change this one's verdict.
          const current = getLead.get(id);
          if (!current) continue;
          if (batchId !== null) snapshot(batchId, [id]);
          if (refresh(current)) {
            changed.add(id);
            if (getLead.get(id)?.state !== current.state) {
              for (const earlier of settled) {
                if (queued.has(earlier) || (checks.get(earlier) ?? 0) >= MAX_RECHECKS) continue;
                queue.push(earlier);
                queued.add(earlier);
              }
              settled = [];
            }
          }
          checkedAt.set(id, verdictEpoch);
          settled.push(id);
        }
      },
    };
  }

  /** Re-checks the rest of the groups of changed leads at once (see `peerRechecks`); returns those that changed. */
  function refreshPeers(
    rows: readonly KeyedLead[],
    batchId: number | null,
    skip?: ReadonlySet<number>,
  ): number[] {
    return reclassifier.inPass(() => {
      const work = peerRechecks(batchId, skip);
      work.add(rows);
      work.step(Infinity);
      return [...work.changed];
    });
  }

  /**
   * A chunked step over draft leads (a bulk action, a re-check), a transaction per chunk and a turn of
   * the event loop between them. What its re-checks read is kept from one transaction to the next while
   * nothing else writes between them (each chunk of 1,500 rows sharing one address would read the
   * group again), and the rest of the groups of the leads it changes are re-checked once, after its
   * own chunks.
   */
  function step(batchId: number | null, skip?: ReadonlySet<number>) {
    let memo = reclassifier.newMemo();
    let seen = writesVersion(sqlite);
    const work = peerRechecks(batchId, skip);
    const run = (fn: () => void): void => {
      if (writesVersion(sqlite) !== seen) {
        memo = reclassifier.newMemo();
        verdictEpoch++;
      }
      try {
        write(() => reclassifier.inPass(fn, memo));
      } catch (e) {
        memo = reclassifier.newMemo();
        verdictEpoch++;
        throw e;
      } finally {
        seen = writesVersion(sqlite);
      }
    };
    return {
      /**
       * Runs `fn` over `items` in chunks of `size`; it returns the changed leads whose groups to re-check.
       * `report` hears the items done after each chunk.
       */
      async each<T>(
        items: readonly T[],
        size: number,
        fn: (chunk: readonly T[]) => readonly KeyedLead[],
        report?: ProgressReport,
      ): Promise<void> {
        for (let i = 0; i < items.length; i += size) {
          if (i > 0) await yieldToEventLoop();
          run(() => work.add(fn(items.slice(i, i + size))));
          report?.(Math.min(i + size, items.length), items.length);
        }
      },
      /** Lead `id` was just re-checked by `fn` (see `peerRechecks`). */
      checked: work.checked,
      /** Re-checks the rest of the groups; returns the leads that changed in doing so. */
      async finish(): Promise<ReadonlySet<number>> {
        while (!work.done) {
          await yieldToEventLoop();
          run(() => work.step(CHUNK / 4));
        }
        return work.changed;
      },
    };
  }

  /**
   * One transaction of lead changes, checkpointed off the main thread (bulk actions and undo write
   * thousands of leads); when it fails, the key maps may hold moves it rolled back.
   */
  function write<T>(fn: () => T): T {
    try {
      return ctx.checkpointer.bulkWrite(() => sqlite.transaction(fn)());
    } catch (e) {
      draftKeys.forgetAll();
      throw e;
    }
  }

  /**
   * The import's lead ids as [from, to) windows of `size`, a turn of the event loop between windows:
   * for work over a whole import (`+import_id` in the caller's query keeps the planner on the id range).
   * `share` is how much of the import's id range is behind once the window is done, for progress.
   */
  async function* idWindows(
    importId: number,
    size: number,
  ): AsyncGenerator<[from: number, to: number, share: number]> {
    const { lo, hi } = idRange.get(importId) ?? { lo: null, hi: null };
    if (lo === null || hi === null) return;
    for (let from = lo; from <= hi; from += size) {
      if (from > lo) await yieldToEventLoop();
      yield [from, from + size, Math.min(1, (from + size - lo) / (hi - lo + 1))];
    }
  }

  /** Runs `fn` over `items` in transactions of `size`, yielding between them. */
  async function inChunks<T>(
    items: readonly T[],
    size: number,
    fn: (chunk: readonly T[]) => void,
  ): Promise<void> {
    for (let i = 0; i < items.length; i += size) {
      if (i > 0) await yieldToEventLoop();
      write(() => fn(items.slice(i, i + size)));
    }
  }

  /** Reads a draft's keys ahead in steps (`DraftKeys.warm`): awaited before its leads are re-checked. */
  const warmKeys = (importId: number): Promise<void> =>
    draftKeys.warm(importId, idWindows(importId, KEY_WINDOW));

  /**
   * `ids` with the likeliest survivors first. Rows re-checked together that are one person, such as
   * rows given back by an entry removed from the suppression list or by a committed import deleted,
   * then keep the row the import chose (the most complete that can be sent), not the first by row:
   * the first of them re-checked is the one its duplicates name.
   */
  async function survivorsFirst(ids: readonly number[]): Promise<number[]> {
    const score = new Map<number, number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (i > 0) await yieldToEventLoop();
      for (const row of fieldsOf.iterate(JSON.stringify(ids.slice(i, i + CHUNK))))
        score.set(
          row.id,
          survivorScore(
            toNormalised(row),
            reachOf(row.email === null ? null : checkEmail(row.email), row.state === 'invalid'),
          ),
        );
    }
    return [...ids].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a - b);
  }

  /**
   * Re-checks draft leads after a change outside their undo history (the suppression list, another
   * import's commit or deletion, an undo), a chunk per transaction, and the rest of the group of each one
   * that changed; `peersOfAll`: of each one, also when it was changed already (by a bulk statement).
   * Returns the leads that changed.
   */
  async function recheck(
    importIds: Iterable<number>,
    ids: readonly number[],
    peersOfAll = false,
  ): Promise<Set<number>> {
    const changed = new Set<number>();
    if (ids.length === 0) return changed;
    outsideRechecks++;
    for (const importId of importIds) await warmKeys(importId);
    const recheckStep = step(null);
    await recheckStep.each(await survivorsFirst(ids), CHUNK / 4, (chunk) => {
      const origins: DbLead[] = [];
      for (const id of chunk) {
        const row = getLead.get(id);
        if (!row) continue;
        const moved = refresh(row);
        recheckStep.checked(id);
        if (moved) changed.add(id);
        if (moved || peersOfAll) origins.push(row);
      }
      return origins;
    });
    for (const id of await recheckStep.finish()) changed.add(id);
    return changed;
  }

  const announce = (importId: number | null): void => ctx.events.emit('imports.changed', { importId });

  return {
    ctx,
    staging,
    draftKeys,
    requireImport,
    requireDraft,
    requireIdle,
    isBusy,
    exclusive,
    requireLead,
    getLead: (id: number) => getLead.get(id),
    liveCounts,
    summary,
    beginUndo,
    changedOutsideSince,
    snapshot,
    snapshotGroupRow,
    refresh,
    refreshPeers,
    step,
    recheck,
    inPass: reclassifier.inPass,
    /** Leads `ids` were written by a statement of the caller's (see `Reclassifier.rewritten`). */
    rewritten(ids: readonly number[]): void {
      verdictEpoch++;
      reclassifier.rewritten(ids);
    },
    warmKeys,
    write,
    idWindows,
    inChunks,
    announce,
  };
}

export type Core = ReturnType<typeof createCore>;
