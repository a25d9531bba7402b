/*
 * Clean & dedupe over the database: paging with counts, inline edits,
 * one-click fixes, bulk actions, duplicate groups, and undo.
 *
 * Every change to a draft import's leads is one undoable step: the mutable
 * columns of each touched lead (and the touched group) are copied into the
 * undo log before the change, and `leads.undo` copies the latest step back.
 */
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import {
  MAX_GROUP_MEMBERS_SHOWN,
  type BulkAction,
  type GroupView,
  type LeadEditChanges,
  type LeadMatch,
  type WholeImportAction,
} from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import { mergeInto } from '../../../src-shared/import/dedupe';
import { nameInAddress } from '../../../src-shared/import/name-in-address';
import {
  LEAD_FLAGS,
  type LeadFlag,
  type NormalisedLead,
  type RowDecision,
} from '../../../src-shared/import/types';
import { yieldToEventLoop } from '../../app/event-loop';
import { CHUNK, type Core, type ProgressReport } from './core';
import type { KeyedLead } from './reclassify';
import { LEAD_COLUMNS, MUTABLE_COLUMNS, leadFilterSql, toLeadRow, toNormalised, type DbLead } from './rows';

const EXCLUDE_BY_FLAG = {
  exclude_role: 'role',
  exclude_free_mail: 'free_mail',
  exclude_disposable: 'disposable',
  exclude_verifier_unconfirmed: 'verifier_unconfirmed',
  exclude_similar_in_database: 'similar_in_database',
} as const satisfies Record<
  Exclude<WholeImportAction, 'apply_all_typo_fixes' | 'fill_names_from_addresses'>,
  LeadFlag
>;
/** Leads per flag-count query: json_each over 5,000 rows' flags stays well under the ~100 ms a task may block. */
const FLAG_COUNT_CHUNK = 5000;

const BULK_LABELS: Record<HandlerInput<'leads.bulk'>['action'], string> = {
  apply_all_typo_fixes: 'Apply all suggested fixes',
  fill_names_from_addresses: 'Fill names from addresses',
  exclude_role: 'Exclude role addresses',
  exclude_free_mail: 'Exclude free-mail addresses',
  exclude_disposable: 'Exclude disposable addresses',
  exclude_verifier_unconfirmed: 'Exclude addresses your verifier could not confirm',
  exclude_similar_in_database: 'Exclude leads similar to imported ones',
  exclude_selected: 'Exclude selected',
  keep_selected: 'Keep selected',
};

interface DbGroup {
  id: number;
  import_id: number;
  kind: 'email' | 'linkedin' | 'name_company';
  survivor_lead_id: number | null;
  status: 'open' | 'resolved' | 'kept_both';
}

export function createReview(core: Core) {
  const sqlite = core.ctx.database.sqlite;

  // Keyset pages in id order, so finding the leads of a bulk action over 100k rows is chunked too
  // (`+import_id` keeps the planner on the id range instead of walking the whole import per page).
  const lastLeadId = sqlite
    .prepare<[number], number | null>('SELECT max(id) FROM leads WHERE import_id = ?')
    .pluck();
  // The same predicates as idsWithFlag and idsWithSuggestion below: a count is what the action would collect.
  const flagCountsIn = sqlite.prepare<[number, number, number], { flag: string; n: number; open: number }>(
    `SELECT j.value AS flag, count(*) AS n, sum(l.decision IS NULL OR l.decision != 'exclude') AS open
       FROM leads l, json_each(l.flags_json) j
      WHERE l.id >= ? AND l.id < ? AND +l.import_id = ? GROUP BY j.value`,
  );
  const suggestionsIn = sqlite
    .prepare<[number, number, number], number>(
      `SELECT count(*) FROM leads WHERE id >= ? AND id < ? AND +import_id = ?
         AND suggestion IS NOT NULL AND (decision IS NULL OR decision != 'exclude')`,
    )
    .pluck();
  const idsWithSuggestion = sqlite
    .prepare<[number, number, number], number>(
      `SELECT id FROM leads WHERE id > ? AND id <= ? AND +import_id = ? AND suggestion IS NOT NULL AND (decision IS NULL OR decision != 'exclude')
        ORDER BY id LIMIT ${CHUNK}`,
    )
    .pluck();
  const idsWithFlag = sqlite
    .prepare<[number, number, number, string], number>(
      `SELECT id FROM leads WHERE id > ? AND id <= ? AND +import_id = ? AND flags_json LIKE ? AND (decision IS NULL OR decision != 'exclude')
        ORDER BY id LIMIT ${CHUNK}`,
    )
    .pluck();
  const idsInImport = sqlite.prepare<[number, string], { id: number }>(
    'SELECT id FROM leads WHERE import_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  // classify(): invalid beats everything, an address on the list stays "suppressed" with its own reason.
  const excludeIds = sqlite.prepare<[string]>(
    `UPDATE leads SET decision = 'exclude',
       state = CASE WHEN state IN ('invalid', 'suppressed') THEN state ELSE 'suppressed' END,
       reason = CASE WHEN state IN ('invalid', 'suppressed') THEN reason ELSE 'Excluded by you' END
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const notYetExcluded = sqlite.prepare<[string], KeyedLead>(
    `SELECT id, import_id, email_key, linkedin_url FROM leads
      WHERE id IN (SELECT value FROM json_each(?)) AND (decision IS NULL OR decision != 'exclude')`,
  );
  const latestUndo = sqlite.prepare<[number], { id: number; label: string }>(
    'SELECT id, label FROM lead_undo_batches WHERE import_id = ? ORDER BY id DESC LIMIT 1',
  );
  const cols = MUTABLE_COLUMNS.join(', ');
  const fromUndo = MUTABLE_COLUMNS.map((c) => `u.${c}`).join(', ');
  const undoLeadCount = sqlite
    .prepare<[number], number>('SELECT count(*) FROM lead_undo_leads WHERE batch_id = ?')
    .pluck();
  // Restoring rewrites every mutable column (and so every index on them): half the usual chunk.
  const undoLeadIds = sqlite
    .prepare<[number], number>(
      `SELECT lead_id FROM lead_undo_leads WHERE batch_id = ? ORDER BY lead_id LIMIT ${CHUNK / 2}`,
    )
    .pluck();
  const restoreLeads = sqlite.prepare<[number, string]>(
    `UPDATE leads SET (${cols}) = (${fromUndo}) FROM lead_undo_leads u
      WHERE u.batch_id = ? AND u.lead_id IN (SELECT value FROM json_each(?)) AND leads.id = u.lead_id`,
  );
  const dropUndoLeads = sqlite.prepare<[number, string]>(
    'DELETE FROM lead_undo_leads WHERE batch_id = ? AND lead_id IN (SELECT value FROM json_each(?))',
  );
  const restoreGroups = sqlite.prepare<[number]>(
    `UPDATE duplicate_groups SET survivor_lead_id = u.survivor_lead_id, status = u.status
       FROM lead_undo_groups u WHERE u.batch_id = ? AND duplicate_groups.id = u.group_id`,
  );
  const dropUndo = sqlite.prepare<[number]>('DELETE FROM lead_undo_batches WHERE id = ?');
  const getGroup = sqlite.prepare<[number], DbGroup>(
    'SELECT id, import_id, kind, survivor_lead_id, status FROM duplicate_groups WHERE id = ?',
  );
  /** A group's members by row number, the first `limit` of them (-1: all). */
  const groupMembers = sqlite.prepare<[number, number], DbLead>(
    `SELECT ${LEAD_COLUMNS.split(', ')
      .map((c) => `l.${c}`)
      .join(', ')} FROM duplicate_group_members m JOIN leads l ON l.id = m.lead_id
      WHERE m.group_id = ? ORDER BY l.row_number LIMIT ?`,
  );
  const groupSize = sqlite
    .prepare<[number], number>('SELECT count(*) FROM duplicate_group_members WHERE group_id = ?')
    .pluck();
  const setGroupDecision = sqlite.prepare<[string, number | null, number]>(
    'UPDATE duplicate_groups SET status = ?, survivor_lead_id = ? WHERE id = ?',
  );
  const groupsOf = sqlite.prepare<[string, number], { id: number }>(
    `SELECT DISTINCT g.id FROM duplicate_group_members m JOIN duplicate_groups g ON g.id = m.group_id
      WHERE m.lead_id IN (SELECT value FROM json_each(?)) AND g.import_id = ?`,
  );

  /**
   * Whether another lead's verdict can follow from this change: the re-check of a lead reads its peers'
   * keys, states and decisions (a key group, the first peer that is not a duplicate), nothing else. An
   * edited title needs no peer re-checked: in a group of 1,500 rows sharing one address that took 3 s.
   */
  const peersMayChange = (before: DbLead, after: DbLead): boolean =>
    before.email_key !== after.email_key ||
    before.linkedin_url !== after.linkedin_url ||
    before.state !== after.state ||
    before.decision !== after.decision;

  /**
   * The leads whose groups a change to `befores` (as they were before this step changed them) can reach:
   * each one with its keys as they were, and again with its new keys when they moved.
   */
  function originsOf(befores: readonly DbLead[]): DbLead[] {
    const origins: DbLead[] = [];
    for (const before of befores) {
      const after = core.getLead(before.id) as DbLead;
      if (!peersMayChange(before, after)) continue;
      origins.push(before);
      if (after.email_key !== before.email_key || after.linkedin_url !== before.linkedin_url)
        origins.push(after);
    }
    return origins;
  }

  /**
   * Re-checks what changes to the leads `befores` can reach (`originsOf`). Leads re-checked earlier in
   * the same step are re-checked again: these changes can reach them. Returns the leads that changed.
   */
  const refreshAround = (befores: readonly DbLead[], batchId: number): number[] =>
    core.refreshPeers(originsOf(befores), batchId);

  function applyChanges(lead: NormalisedLead, changes: LeadEditChanges): NormalisedLead {
    const next: NormalisedLead = {
      ...lead,
      custom: Object.assign(Object.create(null) as Record<string, string>, lead.custom),
    };
    for (const key of [
      'email',
      'firstName',
      'lastName',
      'fullName',
      'title',
      'company',
      'website',
      'linkedinUrl',
      'phone',
    ] as const) {
      const v = changes[key];
      if (v !== undefined) next[key] = v;
    }
    for (const [k, v] of Object.entries(changes.custom ?? {})) {
      if (!Object.hasOwn(lead.custom, k)) {
        throw new AppError(
          'invalid_input',
          `This import has no custom variable "${k}"; only mapped columns can be edited.`,
        );
      }
      next.custom[k] = v;
    }
    // A changed name part must not keep a full name (or parts) derived from the old one.
    if (changes.firstName !== undefined || changes.lastName !== undefined) {
      if (changes.fullName === undefined) next.fullName = null;
    } else if (changes.fullName !== undefined) {
      next.firstName = null;
      next.lastName = null;
    }
    return next;
  }

  function editLead(leadId: number, changes: LeadEditChanges, label: string): CallOutput<'leads.edit'> {
    const row = core.requireLead(leadId);
    core.requireDraft(row.import_id);
    const alsoChanged = core.write(() => {
      const batchId = core.beginUndo(row.import_id, label);
      core.snapshot(batchId, [row.id]);
      core.refresh(row, { lead: applyChanges(toNormalised(row), changes), edited: true });
      return refreshAround([row], batchId).filter((id) => id !== row.id);
    });
    core.announce(row.import_id);
    return { lead: toLeadRow(core.getLead(row.id) as DbLead), alsoChanged };
  }

  /**
   * After a group decision: re-checks the leads linked to its members by address or profile that are not
   * in it (an edit may have linked them since the group was found). Returns how many of those changed.
   */
  function refreshLinkedTo(members: readonly DbLead[], batchId: number): number {
    const inGroup = new Set(members.map((m) => m.id));
    return refreshAround(members, batchId).filter((id) => !inGroup.has(id)).length;
  }

  async function refreshMany(
    importId: number,
    ids: readonly number[],
    label: string,
    change: (row: DbLead) => { lead?: NormalisedLead; decision?: RowDecision | null; edited?: boolean },
    report?: ProgressReport,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    await core.warmKeys(importId);
    const changed = new Set<number>();
    const batchId = sqlite.transaction(() => core.beginUndo(importId, label))();
    const bulkStep = core.step(batchId);
    await bulkStep.each(
      ids,
      CHUNK / 4,
      (chunk) => {
        const befores: DbLead[] = [];
        for (const id of chunk) {
          const row = core.getLead(id);
          if (!row) continue;
          core.snapshot(batchId, [id]);
          if (!core.refresh(row, change(row))) continue;
          changed.add(id);
          befores.push(row);
        }
        return originsOf(befores);
      },
      report,
    );
    for (const peer of await bulkStep.finish()) changed.add(peer);
    return changed.size;
  }

  function groupView(g: DbGroup): GroupView {
    const shown = groupMembers.all(g.id, MAX_GROUP_MEMBERS_SHOWN);
    const survivor = g.survivor_lead_id;
    if (
      survivor !== null &&
      shown.length === MAX_GROUP_MEMBERS_SHOWN &&
      !shown.some((m) => m.id === survivor)
    ) {
      const row = core.getLead(survivor);
      if (row) shown[shown.length - 1] = row;
    }
    return {
      id: g.id,
      kind: g.kind,
      status: g.status,
      survivorId: survivor,
      members: shown.map(toLeadRow),
      memberCount: groupSize.get(g.id) ?? shown.length,
    };
  }

  function requireGroup(groupId: number): DbGroup {
    const g = getGroup.get(groupId);
    if (!g)
      throw new AppError(
        'not_found',
        `Duplicate group ${groupId} does not exist (its import may have been deleted).`,
      );
    core.requireDraft(g.import_id);
    return g;
  }

  /** Re-checks every member of every group the given leads are in (a group decision changes them all). */
  function refreshGroupMembers(
    importId: number,
    leadIds: readonly number[],
    batchId: number,
    skip: ReadonlySet<number>,
  ): number {
    let changed = 0;
    const seen = new Set<number>(skip);
    for (const { id: gid } of groupsOf.all(JSON.stringify(leadIds), importId)) {
      for (const m of groupMembers.all(gid, -1)) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        core.snapshot(batchId, [m.id]);
        if (core.refresh(m)) changed++;
      }
    }
    return changed;
  }

  return {
    'leads.page': async (input: HandlerInput<'leads.page'>): Promise<CallOutput<'leads.page'>> => {
      core.requireImport(input.importId);
      const filter = leadFilterSql(input);
      const params: Record<string, string | number> = {
        ...filter.params,
        importId: input.importId,
        limit: input.limit,
        offset: input.offset,
      };
      // A search without a flag filter reads only the covering search index (not 100k wide rows);
      // without statistics the planner would not pick it.
      const from = filter.searched && !input.flag ? 'leads INDEXED BY leads_search_idx' : 'leads';
      const base = ['import_id = @importId', ...filter.conditions].join(' AND ');
      const counts = { ready: 0, needs_fix: 0, invalid: 0, duplicate: 0, suppressed: 0 };
      for (const r of sqlite
        .prepare<Record<string, string | number>, { state: keyof typeof counts; n: number }>(
          `SELECT state, count(*) AS n FROM ${from} WHERE ${base} GROUP BY state`,
        )
        .all(params)) {
        if (r.state in counts) counts[r.state] = r.n;
      }
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      let filtered = base;
      if (input.state) {
        filtered += ' AND state = @state';
        params.state = input.state;
      }
      // Page over ids first (index only), then read the page's full rows.
      const rows = sqlite
        .prepare<Record<string, string | number>, DbLead>(
          `SELECT ${LEAD_COLUMNS} FROM leads WHERE id IN (
             SELECT id FROM ${from} WHERE ${filtered} ORDER BY row_number LIMIT @limit OFFSET @offset)
           ORDER BY row_number`,
        )
        .all(params)
        .map(toLeadRow);
      return { total, counts, matching: input.state ? counts[input.state] : total, rows };
    },

    'leads.edit': async ({
      leadId,
      changes,
    }: HandlerInput<'leads.edit'>): Promise<CallOutput<'leads.edit'>> => {
      await core.warmKeys(core.requireLead(leadId).import_id);
      return editLead(leadId, changes, 'Edit');
    },

    'leads.applySuggestion': async ({
      leadId,
    }: HandlerInput<'leads.applySuggestion'>): Promise<CallOutput<'leads.applySuggestion'>> => {
      await core.warmKeys(core.requireLead(leadId).import_id);
      const row = core.requireLead(leadId);
      if (row.suggestion === null)
        throw new AppError('conflict', `Row ${row.row_number} has no suggested fix.`);
      return editLead(leadId, { email: row.suggestion }, 'Apply suggested fix');
    },

    'leads.bulk': async ({
      importId,
      action,
      leadIds,
      matching,
    }: HandlerInput<'leads.bulk'>): Promise<CallOutput<'leads.bulk'>> => {
      core.requireDraft(importId);
      const label = BULK_LABELS[action];
      const changed = await core.exclusive(importId, label, (report) =>
        bulk(importId, action, label, leadIds, matching, report),
      );
      core.announce(importId);
      return { changed };
    },

    'leads.flagCounts': async ({
      importId,
    }: HandlerInput<'leads.flagCounts'>): Promise<CallOutput<'leads.flagCounts'>> => {
      core.requireImport(importId);
      const byFlag = Object.fromEntries(LEAD_FLAGS.map((f) => [f, 0])) as Record<LeadFlag, number>;
      const open = { ...byFlag };
      let suggestions = 0;
      for await (const [from, to] of core.idWindows(importId, FLAG_COUNT_CHUNK)) {
        for (const r of flagCountsIn.all(from, to, importId)) {
          if (!(LEAD_FLAGS as readonly string[]).includes(r.flag)) continue;
          byFlag[r.flag as LeadFlag] += r.n;
          open[r.flag as LeadFlag] += r.open;
        }
        suggestions += suggestionsIn.get(from, to, importId) ?? 0;
      }
      return {
        byFlag,
        actionable: {
          apply_all_typo_fixes: suggestions,
          fill_names_from_addresses: open.name_in_address,
          exclude_role: open[EXCLUDE_BY_FLAG.exclude_role],
          exclude_free_mail: open[EXCLUDE_BY_FLAG.exclude_free_mail],
          exclude_disposable: open[EXCLUDE_BY_FLAG.exclude_disposable],
          exclude_verifier_unconfirmed: open[EXCLUDE_BY_FLAG.exclude_verifier_unconfirmed],
          exclude_similar_in_database: open[EXCLUDE_BY_FLAG.exclude_similar_in_database],
        },
      };
    },

    'leads.undo': async ({ importId }: HandlerInput<'leads.undo'>): Promise<CallOutput<'leads.undo'>> => {
      core.requireDraft(importId);
      const step = latestUndo.get(importId);
      if (!step) return { undone: null, changed: 0 };
      const changed = await core.exclusive(importId, `Undo ${step.label}`, (report) =>
        undo(importId, step.id, report),
      );
      core.announce(importId);
      return { undone: step.label, changed };
    },

    'groups.list': async (input: HandlerInput<'groups.list'>): Promise<CallOutput<'groups.list'>> => {
      core.requireImport(input.importId);
      const statusClause = input.status ? 'AND status = @status' : '';
      const params = {
        importId: input.importId,
        status: input.status ?? '',
        limit: input.limit,
        offset: input.offset,
      };
      const total =
        sqlite
          .prepare<typeof params, { n: number }>(
            `SELECT count(*) AS n FROM duplicate_groups WHERE import_id = @importId ${statusClause}`,
          )
          .get(params)?.n ?? 0;
      const groups = sqlite
        .prepare<typeof params, DbGroup>(
          `SELECT id, import_id, kind, survivor_lead_id, status FROM duplicate_groups
            WHERE import_id = @importId ${statusClause} ORDER BY id LIMIT @limit OFFSET @offset`,
        )
        .all(params)
        .map(groupView);
      return { total, groups };
    },

    'groups.resolve': async ({
      groupId,
      survivorId,
      mergeEmptyFields,
    }: HandlerInput<'groups.resolve'>): Promise<CallOutput<'groups.resolve'>> => {
      await core.warmKeys(requireGroup(groupId).import_id);
      const g = requireGroup(groupId);
      const members = groupMembers.all(groupId, -1);
      const survivor = members.find((m) => m.id === survivorId);
      if (!survivor)
        throw new AppError('invalid_input', `Lead ${survivorId} is not in this duplicate group.`);
      const others = members.filter((m) => m.id !== survivorId);
      let changed = 0;
      core.write(() => {
        const batchId = core.beginUndo(g.import_id, 'Resolve duplicate group');
        core.snapshotGroupRow(batchId, groupId);
        core.snapshot(
          batchId,
          members.map((m) => m.id),
        );
        setGroupDecision.run('resolved', survivorId, groupId);
        // One pass: the members of a group of 1,500 rows read it once, not once each.
        core.inPass(() => {
          for (const o of others)
            if (core.refresh(o, { decision: o.decision === 'exclude' ? 'exclude' : 'duplicate' })) changed++;
          const merged = mergeEmptyFields
            ? mergeInto(toNormalised(survivor), others.map(toNormalised))
            : undefined;
          const decision =
            survivor.decision === 'duplicate' ? null : (survivor.decision as RowDecision | null);
          if (core.refresh(survivor, { lead: merged, decision, edited: merged !== undefined })) changed++;
          changed += refreshLinkedTo(members, batchId);
          changed += refreshGroupMembers(
            g.import_id,
            members.map((m) => m.id),
            batchId,
            new Set(members.map((m) => m.id)),
          );
        });
      });
      core.announce(g.import_id);
      return { group: groupView(getGroup.get(groupId) as DbGroup), changed };
    },

    'groups.keepBoth': async ({
      groupId,
    }: HandlerInput<'groups.keepBoth'>): Promise<CallOutput<'groups.keepBoth'>> => {
      await core.warmKeys(requireGroup(groupId).import_id);
      const g = requireGroup(groupId);
      const members = groupMembers.all(groupId, -1);
      let changed = 0;
      core.write(() => {
        const batchId = core.beginUndo(g.import_id, 'Keep both');
        core.snapshotGroupRow(batchId, groupId);
        core.snapshot(
          batchId,
          members.map((m) => m.id),
        );
        setGroupDecision.run('kept_both', g.survivor_lead_id, groupId);
        core.inPass(() => {
          for (const m of members) {
            // Exact duplicates need an explicit "keep"; a fuzzy suggestion just goes away with the open group.
            const keep = g.kind !== 'name_company' && (m.decision === null || m.decision === 'duplicate');
            if (core.refresh(m, keep ? { decision: 'keep' } : {})) changed++;
          }
          changed += refreshLinkedTo(members, batchId);
        });
      });
      core.announce(g.import_id);
      return { group: groupView(getGroup.get(groupId) as DbGroup), changed };
    },
  };

  /** Ids of an import's leads that `page(after, last)` selects, one chunk at a time. */
  async function* keyset(
    importId: number,
    page: (after: number, last: number) => number[],
  ): AsyncGenerator<number[]> {
    const last = lastLeadId.get(importId) ?? 0;
    let after = 0;
    for (;;) {
      const ids = page(after, last);
      if (ids.length === 0) return;
      yield ids;
      after = ids[ids.length - 1] as number;
      await yieldToEventLoop();
    }
  }

  async function collect(pages: AsyncIterable<number[]>): Promise<number[]> {
    const out: number[] = [];
    for await (const ids of pages) out.push(...ids);
    return out;
  }

  /**
   * The leads a *_selected action acts on, in id order: the ticked ones, or every lead the table's filter
   * shows now but those unticked since "select all" (read in id windows, like the other bulk actions).
   */
  async function selectedIds(
    importId: number,
    leadIds: readonly number[] | undefined,
    matching: LeadMatch | undefined,
  ): Promise<number[]> {
    if (leadIds && matching)
      throw new AppError('invalid_input', 'Name the selected leads or a filter, not both.');
    if (!matching) return leadIds ? idsInImport.all(importId, JSON.stringify(leadIds)).map((r) => r.id) : [];
    const filter = leadFilterSql(matching);
    const conditions = [...filter.conditions];
    const params: Record<string, string | number> = { ...filter.params, importId };
    if (matching.state) {
      conditions.push('state = @state');
      params.state = matching.state;
    }
    const page = sqlite
      .prepare<Record<string, string | number>, number>(
        `SELECT id FROM leads WHERE id > @after AND id <= @last AND +import_id = @importId
           ${conditions.map((c) => `AND ${c}`).join(' ')} ORDER BY id LIMIT ${CHUNK}`,
      )
      .pluck();
    const except = new Set(matching.exceptIds);
    const ids = await collect(keyset(importId, (after, last) => page.all({ ...params, after, last })));
    return except.size === 0 ? ids : ids.filter((id) => !except.has(id));
  }

  async function bulk(
    importId: number,
    action: BulkAction,
    label: string,
    leadIds: readonly number[] | undefined,
    matching: LeadMatch | undefined,
    report: ProgressReport,
  ): Promise<number> {
    // Each lead `edited` gives a new version of, edited as one undo step.
    const editEach = (ids: readonly number[], edited: (row: DbLead) => NormalisedLead | null) =>
      refreshMany(
        importId,
        ids,
        label,
        (row) => {
          const lead = edited(row);
          return lead === null ? {} : { lead, edited: true };
        },
        report,
      );
    if (action === 'apply_all_typo_fixes') {
      const ids = await collect(
        keyset(importId, (after, last) => idsWithSuggestion.all(after, last, importId)),
      );
      return editEach(ids, (row) =>
        row.suggestion === null ? null : { ...toNormalised(row), email: row.suggestion },
      );
    }
    if (action === 'fill_names_from_addresses') {
      return editEach(await idsFlagged(importId, 'name_in_address'), (row) => {
        const name = nameInAddress(row.email);
        return name === null ? null : { ...toNormalised(row), ...name };
      });
    }
    if (action === 'keep_selected' || action === 'exclude_selected') {
      const ids = await selectedIds(importId, leadIds, matching);
      if (ids.length === 0)
        throw new AppError(
          'invalid_input',
          matching ? 'No selected lead matches the filter any more.' : 'Select at least one lead first.',
        );
      if (action === 'keep_selected')
        return refreshMany(importId, ids, label, () => ({ decision: 'keep' }), report);
      return excludeMany(importId, ids, label, report);
    }
    return excludeMany(importId, await idsFlagged(importId, EXCLUDE_BY_FLAG[action]), label, report);
  }

  /** The leads of an import carrying `flag` that are not excluded, in id order. */
  function idsFlagged(importId: number, flag: LeadFlag): Promise<number[]> {
    const like = `%"${flag}"%`;
    return collect(keyset(importId, (after, last) => idsWithFlag.all(after, last, importId, like)));
  }

  /**
   * Restores an undo step chunk by chunk. Each chunk restores some leads and deletes their
   * snapshots in one transaction; the step itself (and its group decisions) goes last. So a
   * crash halfway leaves a smaller undo step that finishes the job when undo is pressed again,
   * and the import is marked busy meanwhile so no other change lands between the chunks.
   *
   * Undo puts back the user's values and decisions. When the suppression list or the committed imports
   * changed since the step, the verdicts are then re-checked, once every lead is back (a lead restored
   * as ready whose domain was suppressed meanwhile would have been sent).
   */
  async function undo(importId: number, batchId: number, report: ProgressReport): Promise<number> {
    let changed = 0;
    const restored: number[] = [];
    const total = undoLeadCount.get(batchId) ?? 0;
    for (;;) {
      const ids = undoLeadIds.all(batchId);
      if (ids.length === 0) break;
      const json = JSON.stringify(ids);
      changed += sqlite.transaction(() => {
        const n = restoreLeads.run(batchId, json).changes;
        dropUndoLeads.run(batchId, json);
        return n;
      })();
      restored.push(...ids);
      // Restored keys bypass core.store.
      core.draftKeys.forget(importId);
      report(restored.length, total);
      await yieldToEventLoop();
    }
    sqlite.transaction(() => {
      restoreGroups.run(batchId);
      dropUndo.run(batchId);
    })();
    if (core.changedOutsideSince(batchId)) await core.recheck([importId], restored);
    return changed;
  }

  /**
   * Excludes leads, then re-checks the rest of each one's group: an excluded lead keeps its address from
   * being sent through another row (the reclassifier's rule), and no longer holds its profile or group.
   */
  async function excludeMany(
    importId: number,
    ids: readonly number[],
    label: string,
    report?: ProgressReport,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    await core.warmKeys(importId);
    const batchId = sqlite.transaction(() => core.beginUndo(importId, label))();
    const selected = new Set(ids);
    let changed = 0;
    // The selected leads end excluded whatever their peers say, and their flags do not depend on exclusions.
    const excludeStep = core.step(batchId, selected);
    await excludeStep.each(
      ids,
      CHUNK / 4,
      (chunk) => {
        const json = JSON.stringify(chunk);
        const newly = notYetExcluded.all(json);
        core.snapshot(batchId, chunk);
        changed += excludeIds.run(json).changes;
        core.rewritten(chunk);
        return newly;
      },
      report,
    );
    return changed + (await excludeStep.finish()).size;
  }
}
