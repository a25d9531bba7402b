import type { Handlers } from '../../../src-shared/contract';
import type { ReviewFilter, ReviewState, StateTarget } from '../../../src-shared/contract/review';
import { AppError } from '../../../src-shared/errors';
import { FLAG_INFO, REVIEW_FLAGS } from '../../../src-shared/review/flags';
import { SPAM_WORDS } from '../../../src-shared/review/spam-words';
import type { AppContext } from '../../app/context';
import { leadDetail, stepHistory } from './detail';
import { readFlagOptions, recomputeDirty, writeFlagOptions } from './flags-store';
import { editStep, recentActions, revertStep, setReviewState, undoLast } from './mutations';
import { leadsMatching, queryPage } from './query';

export { recomputeFlags } from './flags-store';
export { applyRegeneratedSteps } from './mutations';

type ReviewHandlers = Pick<
  Handlers,
  | 'review.list'
  | 'review.lead'
  | 'review.editStep'
  | 'review.revertStep'
  | 'review.history'
  | 'review.setState'
  | 'review.undo'
  | 'review.actions'
  | 'review.regenerate'
  | 'review.flagInfo'
  | 'review.setOptions'
>;

export interface ReviewDeps {
  /**
   * Queues regeneration of these leads of a run through the generation queue and returns how many were
   * queued. The generation service owns the queue; when its sequences arrive it stores them with
   * applyRegeneratedSteps, which moves the text shown until then into the step history.
   */
  regenerateLeads(runId: number, leadIds: readonly number[]): Promise<{ queued: number; message: string }>;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function createReviewService(ctx: AppContext, deps: ReviewDeps) {
  const sqlite = ctx.database.sqlite;

  function requireRun(runId: number) {
    const exists = sqlite.prepare('SELECT 1 FROM runs WHERE id = ?').pluck().get(runId);
    if (!exists)
      throw new AppError('not_found', `Run ${runId} does not exist. Pick a run from the list of runs.`);
  }

  const changed = (runId: number, leadIds: number[] | null) =>
    ctx.events.emit('review.changed', { runId, leadIds });

  function resolveTarget(runId: number, target: StateTarget): Array<{ leadId: number; state: ReviewState }> {
    if (target.kind === 'filter') return leadsMatching(sqlite, runId, target.filter);
    if (target.kind === 'leads') {
      return sqlite
        .prepare(
          'SELECT lead_id AS leadId, review_state AS state FROM run_leads WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))',
        )
        .all(runId, JSON.stringify(target.leadIds)) as Array<{ leadId: number; state: ReviewState }>;
    }
    return sqlite
      .prepare(
        `SELECT rl.lead_id AS leadId, rl.review_state AS state FROM run_leads rl JOIN leads l ON l.id = rl.lead_id
         WHERE rl.run_id = ? AND lower(trim(l.email)) IN (SELECT lower(trim(value)) FROM json_each(?))`,
      )
      .all(runId, JSON.stringify(target.emails)) as Array<{ leadId: number; state: ReviewState }>;
  }

  async function setState(runId: number, state: ReviewState, target: StateTarget) {
    requireRun(runId);
    if (target.kind === 'filter') await recomputeDirty(sqlite, runId);
    const matched = resolveTarget(runId, target);
    const {
      changed: count,
      changedIds,
      action,
    } = await setReviewState(sqlite, runId, state, matched, (n) => plural(n, 'lead'));
    if (count > 0) changed(runId, changedIds.length <= 100 ? changedIds : null);
    return { matched: matched.length, changed: count, action };
  }

  async function list(runId: number, filter: ReviewFilter, offset: number, limit: number, counts: boolean) {
    requireRun(runId);
    await recomputeDirty(sqlite, runId);
    return queryPage(sqlite, runId, filter, offset, limit, counts);
  }

  const handlers: ReviewHandlers = {
    'review.list': ({ runId, filter, offset, limit, counts }) => list(runId, filter, offset, limit, counts),
    'review.lead': async ({ runId, leadId }) => leadDetail(sqlite, runId, leadId),
    'review.editStep': async ({ runId, leadId, step, subject, body, session }) => {
      if (editStep(sqlite, { runId, leadId, step, subject, body, session })) changed(runId, [leadId]);
      return leadDetail(sqlite, runId, leadId);
    },
    'review.revertStep': async ({ runId, leadId, step }) => {
      if (revertStep(sqlite, runId, leadId, step)) changed(runId, [leadId]);
      return leadDetail(sqlite, runId, leadId);
    },
    'review.history': async ({ runId, leadId, step }) => ({
      entries: stepHistory(sqlite, runId, leadId, step),
    }),
    'review.setState': ({ runId, state, target }) => setState(runId, state, target),
    'review.undo': async ({ runId }) => {
      requireRun(runId);
      const result = await undoLast(sqlite, runId);
      if (result) changed(runId, result.leadIds);
      return { undone: result?.undone ?? null, next: recentActions(sqlite, runId, 1)[0] ?? null };
    },
    'review.actions': async ({ runId, limit }) => ({ actions: recentActions(sqlite, runId, limit) }),
    'review.regenerate': async ({ runId, leadIds }) => {
      requireRun(runId);
      const known = sqlite
        .prepare(
          'SELECT lead_id FROM run_leads WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))',
        )
        .pluck()
        .all(runId, JSON.stringify(leadIds)) as number[];
      if (known.length === 0)
        throw new AppError('not_found', 'None of these leads are in this run. Refresh the review list.');
      return deps.regenerateLeads(runId, known);
    },
    'review.flagInfo': async () => ({
      flags: REVIEW_FLAGS.map((flag) => ({ flag, ...FLAG_INFO[flag] })),
      spamWords: [...SPAM_WORDS],
      options: readFlagOptions(sqlite),
    }),
    'review.setOptions': async (patch) => {
      const options = { ...readFlagOptions(sqlite), ...patch };
      writeFlagOptions(sqlite, options);
      return options;
    },
  };

  return {
    handlers,
    list,
    setState,
    leadDetail: (runId: number, leadId: number) => leadDetail(sqlite, runId, leadId),
  };
}
