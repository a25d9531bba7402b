import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ReviewAction, ReviewState } from '../../../src-shared/contract/review';
import { AppError } from '../../../src-shared/errors';
import { recomputeFlags } from './flags-store';

/** Older actions fall off the undo stack; the step history itself is kept. */
const UNDO_DEPTH = 200;

interface StepRow {
  id: number;
  subject: string;
  body: string;
  subject_generated: string;
  body_generated: string;
  edited_at: number | null;
}

const TextUndo = z.object({
  editId: z.number().int(),
  subject: z.string(),
  body: z.string(),
  editedAt: z.number().int().nullable(),
});
const StateUndo = z.object({
  previous: z.object({
    pending: z.array(z.number().int()),
    approved: z.array(z.number().int()),
    rejected: z.array(z.number().int()),
  }),
});

interface ActionRow {
  id: number;
  kind: 'edit' | 'revert' | 'state';
  label: string;
  lead_id: number | null;
  step: number | null;
  session: string | null;
  undo_json: string;
  created_at: number;
}

export const toAction = (r: ActionRow): ReviewAction => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  leadId: r.lead_id,
  step: r.step,
  at: r.created_at,
});

function loadStep(sqlite: Database.Database, runId: number, leadId: number, step: number): StepRow {
  const row = sqlite
    .prepare(
      'SELECT id, subject, body, subject_generated, body_generated, edited_at FROM sequence_steps WHERE run_id = ? AND lead_id = ? AND step = ?',
    )
    .get(runId, leadId, step) as StepRow | undefined;
  if (!row)
    throw new AppError('not_found', `This lead has no step ${step} in this run. Refresh the review list.`);
  return row;
}

function newestAction(sqlite: Database.Database, runId: number): ActionRow | undefined {
  return sqlite
    .prepare('SELECT * FROM review_actions WHERE run_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(runId) as ActionRow | undefined;
}

function writeStepText(
  sqlite: Database.Database,
  row: StepRow,
  subject: string,
  body: string,
  editedAt: number | null,
) {
  sqlite
    .prepare('UPDATE sequence_steps SET subject = ?, body = ?, edited_at = ? WHERE id = ?')
    .run(subject, body, editedAt, row.id);
}

function insertHistory(
  sqlite: Database.Database,
  runId: number,
  leadId: number,
  step: number,
  kind: 'edit' | 'revert' | 'undo' | 'regenerated',
  before: { subject: string; body: string },
  after: { subject: string; body: string },
  session: string | null,
  now: number,
): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO step_edits(run_id, lead_id, step, kind, subject_before, body_before, subject_after, body_after, session, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        runId,
        leadId,
        step,
        kind,
        before.subject,
        before.body,
        after.subject,
        after.body,
        session,
        now,
        now,
      ).lastInsertRowid,
  );
}

function pushAction(
  sqlite: Database.Database,
  a: {
    runId: number;
    kind: ActionRow['kind'];
    label: string;
    leadId: number | null;
    step: number | null;
    session: string | null;
    undo: unknown;
  },
  now: number,
): ActionRow {
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO review_actions(run_id, kind, label, lead_id, step, session, undo_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(a.runId, a.kind, a.label, a.leadId, a.step, a.session, JSON.stringify(a.undo), now)
      .lastInsertRowid,
  );
  sqlite
    .prepare(
      'DELETE FROM review_actions WHERE run_id = ? AND id <= (SELECT id FROM review_actions WHERE run_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
    )
    .run(a.runId, a.runId, UNDO_DEPTH);
  return sqlite.prepare('SELECT * FROM review_actions WHERE id = ?').get(id) as ActionRow;
}

/**
 * Saves a step's text. Autosaves of one editing session (same `session`, and nothing else done in the
 * run since) update one history entry and one undo action, so undo returns to the text before the
 * session rather than stepping back keystroke by keystroke.
 */
export function editStep(
  sqlite: Database.Database,
  input: { runId: number; leadId: number; step: number; subject?: string; body?: string; session?: string },
  now = Date.now(),
): boolean {
  return sqlite.transaction(() => {
    const row = loadStep(sqlite, input.runId, input.leadId, input.step);
    const subject = input.subject ?? row.subject;
    const body = input.body ?? row.body;
    if (subject === row.subject && body === row.body) return false;
    const session = input.session ?? null;
    const last = session ? newestAction(sqlite, input.runId) : undefined;
    const continuing =
      last &&
      last.kind === 'edit' &&
      last.session === session &&
      last.lead_id === input.leadId &&
      last.step === input.step;
    if (continuing) {
      const undo = TextUndo.parse(JSON.parse(last.undo_json));
      sqlite
        .prepare('UPDATE step_edits SET subject_after = ?, body_after = ?, updated_at = ? WHERE id = ?')
        .run(subject, body, now, undo.editId);
    } else {
      const editId = insertHistory(
        sqlite,
        input.runId,
        input.leadId,
        input.step,
        'edit',
        row,
        { subject, body },
        session,
        now,
      );
      pushAction(
        sqlite,
        {
          runId: input.runId,
          kind: 'edit',
          label: `Edit of step ${input.step}`,
          leadId: input.leadId,
          step: input.step,
          session,
          undo: { editId, subject: row.subject, body: row.body, editedAt: row.edited_at },
        },
        now,
      );
    }
    const isGenerated = subject === row.subject_generated && body === row.body_generated;
    writeStepText(sqlite, row, subject, body, isGenerated ? null : now);
    recomputeFlags(sqlite, input.runId, [input.leadId]);
    return true;
  })();
}

export function revertStep(
  sqlite: Database.Database,
  runId: number,
  leadId: number,
  step: number,
  now = Date.now(),
): boolean {
  return sqlite.transaction(() => {
    const row = loadStep(sqlite, runId, leadId, step);
    const generated = { subject: row.subject_generated, body: row.body_generated };
    if (row.subject === generated.subject && row.body === generated.body) return false;
    const editId = insertHistory(sqlite, runId, leadId, step, 'revert', row, generated, null, now);
    pushAction(
      sqlite,
      {
        runId,
        kind: 'revert',
        label: `Revert of step ${step} to the generated text`,
        leadId,
        step,
        session: null,
        undo: { editId, subject: row.subject, body: row.body, editedAt: row.edited_at },
      },
      now,
    );
    writeStepText(sqlite, row, generated.subject, generated.body, null);
    recomputeFlags(sqlite, runId, [leadId]);
    return true;
  })();
}

const STATE_VERB: Record<ReviewState, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  pending: 'Reset',
};

/** Bulk state writes go in slices with a yield between them: 100k leads in one statement froze the app ~0.5 s. */
const STATE_SLICE = 5000;

async function writeStates(
  sqlite: Database.Database,
  runId: number,
  state: ReviewState,
  leadIds: readonly number[],
  now: number,
) {
  const update = sqlite.prepare(
    'UPDATE run_leads SET review_state = ?, updated_at = ? WHERE run_id = ? AND lead_id IN (SELECT value FROM json_each(?))',
  );
  for (let i = 0; i < leadIds.length; i += STATE_SLICE) {
    update.run(state, now, runId, JSON.stringify(leadIds.slice(i, i + STATE_SLICE)));
    if (i + STATE_SLICE < leadIds.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Sets the review state of the given leads (already resolved from ids, emails or a filter). The undo
 * record (every changed lead's previous state) is written first, so even an interrupted bulk change
 * is fully undoable; leads already in the target state are untouched.
 */
export async function setReviewState(
  sqlite: Database.Database,
  runId: number,
  state: ReviewState,
  matched: ReadonlyArray<{ leadId: number; state: ReviewState }>,
  describe: (changed: number) => string,
  now = Date.now(),
): Promise<{ changed: number; changedIds: number[]; action: ReviewAction | null }> {
  const previous: Record<ReviewState, number[]> = { pending: [], approved: [], rejected: [] };
  for (const m of matched) if (m.state !== state) previous[m.state].push(m.leadId);
  const changedIds = [...previous.pending, ...previous.approved, ...previous.rejected];
  if (changedIds.length === 0) return { changed: 0, changedIds, action: null };
  const action = sqlite.transaction(() =>
    pushAction(
      sqlite,
      {
        runId,
        kind: 'state',
        label: `${STATE_VERB[state]} ${describe(changedIds.length)}`,
        leadId: changedIds.length === 1 ? (changedIds[0] ?? null) : null,
        step: null,
        session: null,
        undo: { previous },
      },
      now,
    ),
  )();
  await writeStates(sqlite, runId, state, changedIds, now);
  return { changed: changedIds.length, changedIds, action: toAction(action) };
}

/** Reverses the newest action; returns it and the leads it touched (null: many). */
export async function undoLast(
  sqlite: Database.Database,
  runId: number,
  now = Date.now(),
): Promise<{ undone: ReviewAction; leadIds: number[] | null } | null> {
  const action = newestAction(sqlite, runId);
  if (!action) return null;
  if (action.kind === 'state') {
    const { previous } = StateUndo.parse(JSON.parse(action.undo_json));
    sqlite.prepare('UPDATE review_actions SET undone_at = ? WHERE id = ?').run(now, action.id);
    for (const s of ['pending', 'approved', 'rejected'] as const)
      await writeStates(sqlite, runId, s, previous[s], now);
    const all = [...previous.pending, ...previous.approved, ...previous.rejected];
    return { undone: toAction(action), leadIds: all.length <= 100 ? all : null };
  }
  return sqlite.transaction(() => {
    if (action.lead_id === null || action.step === null) return null;
    const undo = TextUndo.parse(JSON.parse(action.undo_json));
    const row = loadStep(sqlite, runId, action.lead_id, action.step);
    insertHistory(sqlite, runId, action.lead_id, action.step, 'undo', row, undo, null, now);
    writeStepText(sqlite, row, undo.subject, undo.body, undo.editedAt);
    recomputeFlags(sqlite, runId, [action.lead_id]);
    sqlite.prepare('UPDATE review_actions SET undone_at = ? WHERE id = ?').run(now, action.id);
    return { undone: toAction(action), leadIds: [action.lead_id] };
  })();
}

export function recentActions(sqlite: Database.Database, runId: number, limit: number): ReviewAction[] {
  const rows = sqlite
    .prepare('SELECT * FROM review_actions WHERE run_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT ?')
    .all(runId, limit) as ActionRow[];
  return rows.map(toAction);
}

/**
 * For the generation code when a regenerated sequence arrives: the text shown until now goes to the
 * step's history (kind 'regenerated'), the new text becomes both the generated and the current text,
 * and flags are recomputed. Runs inside the caller's transaction when there is one.
 */
export function applyRegeneratedSteps(
  sqlite: Database.Database,
  runId: number,
  leadId: number,
  steps: ReadonlyArray<{ step: number; subject: string; body: string }>,
  now = Date.now(),
): void {
  sqlite.transaction(() => {
    for (const s of steps) {
      const row = sqlite
        .prepare('SELECT id, subject, body FROM sequence_steps WHERE run_id = ? AND lead_id = ? AND step = ?')
        .get(runId, leadId, s.step) as { id: number; subject: string; body: string } | undefined;
      if (row) {
        insertHistory(sqlite, runId, leadId, s.step, 'regenerated', row, s, null, now);
        sqlite
          .prepare(
            'UPDATE sequence_steps SET subject_generated = ?, body_generated = ?, subject = ?, body = ?, edited_at = NULL WHERE id = ?',
          )
          .run(s.subject, s.body, s.subject, s.body, row.id);
      } else {
        sqlite
          .prepare(
            `INSERT INTO sequence_steps(run_id, lead_id, step, subject_generated, body_generated, subject, body, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(runId, leadId, s.step, s.subject, s.body, s.subject, s.body, now);
      }
    }
    const kept = new Set(steps.map((s) => s.step));
    const stale = sqlite
      .prepare('SELECT id, step, subject, body FROM sequence_steps WHERE run_id = ? AND lead_id = ?')
      .all(runId, leadId) as Array<{ id: number; step: number; subject: string; body: string }>;
    for (const old of stale.filter((r) => !kept.has(r.step))) {
      insertHistory(
        sqlite,
        runId,
        leadId,
        old.step,
        'regenerated',
        old,
        { subject: '', body: '' },
        null,
        now,
      );
      sqlite.prepare('DELETE FROM sequence_steps WHERE id = ?').run(old.id);
    }
    // Text edits made before regeneration no longer apply: their undo would overwrite the new text.
    sqlite
      .prepare("DELETE FROM review_actions WHERE run_id = ? AND lead_id = ? AND kind IN ('edit', 'revert')")
      .run(runId, leadId);
    recomputeFlags(sqlite, runId, [leadId]);
  })();
}
