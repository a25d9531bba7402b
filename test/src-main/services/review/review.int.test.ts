import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewFilter } from '../../../../src-shared/contract/review';
import { recomputeFlags } from '../../../../src-main/services/review';
import { applyRegeneratedSteps } from '../../../../src-main/services/review/mutations';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { seedGeneratedRun, seedLeads } from '../generation/seed';

const F = (f: Partial<ReviewFilter> = {}): ReviewFilter => ({
  search: '',
  states: [],
  flags: [],
  flagless: false,
  ...f,
});

/**
 * Ten leads. Lead 0 has a placeholder, lead 1 a spammy subject, lead 2 talks about pricing, lead 3 is
 * Zoë from Müller (non-Latin search), the others are clean.
 */
function seedRun(app: TestApp) {
  const { leadIds } = seedLeads(app.ctx, 10, {
    emailPrefix: 'rv',
    override: (i) => (i === 3 ? { firstName: 'Zoë', lastName: 'Ångström', company: 'Müller 東京' } : {}),
  });
  const run = seedGeneratedRun(app.ctx, {
    leads: leadIds,
    steps: 3,
    text: (leadId, step) => {
      const i = leadIds.indexOf(leadId);
      const first = i === 3 ? 'Zoë' : `First${i}`;
      const company = i === 3 ? 'Müller 東京' : `Company ${i}`;
      let subject = `Step ${step} idea for ${company}`;
      let body = `Hi ${first},\nnoticed ${company} is growing.\nBest`;
      if (i === 0 && step === 1) body = 'Hi {{first_name}}, about your team';
      if (i === 1 && step === 2) subject = 'Act now: free trial';
      if (i === 2) body += '\nOur pricing is simple.';
      return { subject, body };
    },
  });
  recomputeFlags(app.ctx.database.sqlite, run.runId);
  return { runId: run.runId, leadIds };
}

describe('review service (real SQLite)', () => {
  let app: TestApp;
  let runId: number;
  let leadIds: number[];

  beforeEach(() => {
    app = createTestApp();
    ({ runId, leadIds } = seedRun(app));
  });
  afterEach(async () => {
    await app.close();
  });

  const lead = (i: number) => leadIds[i] ?? -1;

  it('lists a page with total and counts, rows carry flags and the step 1 subject', async () => {
    const page = await app.call('review.list', { runId, limit: 4 });
    expect(page.total).toBe(10);
    expect(page.rows.map((r) => r.leadId)).toEqual(leadIds.slice(0, 4));
    expect(page.rows[0]?.flags).toEqual(expect.arrayContaining(['placeholder', 'no_first_name']));
    expect(page.rows[1]?.flags).toEqual(['spam_words']);
    expect(page.rows[2]?.subject1).toBe('Step 1 idea for Company 2');
    expect(page.rows[2]?.stepCount).toBe(3);
    expect(page.counts).toMatchObject({
      runTotal: 10,
      byState: { pending: 10, approved: 0, rejected: 0 },
      flagless: 8,
    });
    expect(page.counts?.byFlag.placeholder).toBe(1);
    expect(page.counts?.byFlag.spam_words).toBe(1);
    const next = await app.call('review.list', { runId, offset: 8, limit: 4, counts: false });
    expect(next.rows.map((r) => r.leadId)).toEqual(leadIds.slice(8));
    expect(next.counts).toBeNull();
  });

  it('searches subjects, bodies, names and companies by word prefix, accents folded, non-Latin included', async () => {
    const ids = async (search: string) =>
      (await app.call('review.list', { runId, filter: F({ search }) })).rows.map((r) => r.leadId);
    expect(await ids('pric')).toEqual([lead(2)]);
    expect(await ids('zoe')).toEqual([lead(3)]);
    expect(await ids('muller 東京')).toEqual([lead(3)]);
    expect(await ids('angstrom')).toEqual([lead(3)]);
    expect(await ids('rv5@example')).toEqual([lead(5)]);
    expect(await ids('trial')).toEqual([lead(1)]);
    expect(await ids('"unbalanced OR')).toEqual([]);
  });

  it('filters by flag and state; counts ignore their own facet but honour search', async () => {
    const flagged = await app.call('review.list', {
      runId,
      filter: F({ flags: ['placeholder', 'spam_words'] }),
    });
    expect(flagged.rows.map((r) => r.leadId)).toEqual([lead(0), lead(1)]);
    expect(flagged.total).toBe(2);
    // byFlag ignores the flag facet: the chip still says how many have each flag.
    expect(flagged.counts?.byFlag.placeholder).toBe(1);
    expect(flagged.counts?.byState.pending).toBe(2);
    const clean = await app.call('review.list', { runId, filter: F({ flagless: true, search: 'growing' }) });
    expect(clean.total).toBe(8);
    expect(clean.counts?.flagless).toBe(8);
    await app.call('review.setState', {
      runId,
      state: 'approved',
      target: { kind: 'leads', leadIds: [lead(4), lead(5)] },
    });
    const approved = await app.call('review.list', { runId, filter: F({ states: ['approved'] }) });
    expect(approved.rows.map((r) => r.leadId)).toEqual([lead(4), lead(5)]);
    expect(approved.counts?.byState).toEqual({ pending: 8, approved: 2, rejected: 0 });
    expect(approved.counts?.flagless).toBe(2);
  });

  it('bulk-approves exactly the leads of the current filter, and one undo restores every previous state', async () => {
    await app.call('review.setState', {
      runId,
      state: 'rejected',
      target: { kind: 'leads', leadIds: [lead(6)] },
    });
    const result = await app.call('review.setState', {
      runId,
      state: 'approved',
      target: { kind: 'filter', filter: F({ flagless: true }) },
    });
    expect(result).toMatchObject({ matched: 8, changed: 8 });
    expect(result.action?.label).toBe('Approved 8 leads');
    const states = async () => (await app.call('review.list', { runId })).rows.map((r) => r.reviewState);
    expect(await states()).toEqual(['pending', 'pending', ...Array(8).fill('approved')]);
    const undo = await app.call('review.undo', { runId });
    expect(undo.undone?.label).toBe('Approved 8 leads');
    expect(await states()).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'rejected',
      'pending',
      'pending',
      'pending',
    ]);
    expect(undo.next?.label).toBe('Rejected 1 lead');
  });

  it('approves by email, case-insensitively, and reports the matches', async () => {
    const r = await app.call('review.setState', {
      runId,
      state: 'approved',
      target: { kind: 'emails', emails: ['RV1@example.com', 'nobody@example.com'] },
    });
    expect(r).toMatchObject({ matched: 1, changed: 1 });
    const again = await app.call('review.setState', {
      runId,
      state: 'approved',
      target: { kind: 'emails', emails: ['rv1@example.com'] },
    });
    expect(again).toMatchObject({ matched: 1, changed: 0, action: null });
  });

  it('an edit keeps the generated text, updates flags and search, and can be reverted', async () => {
    const searchTeam = async () =>
      (await app.call('review.list', { runId, filter: F({ search: 'your team' }) })).rows.map(
        (r) => r.leadId,
      );
    expect(await searchTeam()).toEqual([lead(0)]);
    const before = await app.call('review.lead', { runId, leadId: lead(0) });
    expect(before.flags.find((f) => f.flag === 'placeholder')).toMatchObject({
      step: 1,
      field: 'body',
      spans: [[3, 17]],
    });
    const edited = await app.call('review.editStep', {
      runId,
      leadId: lead(0),
      step: 1,
      body: 'Hi First0, about your team at Company 0',
    });
    const s1 = edited.steps[0];
    expect(s1).toMatchObject({
      body: 'Hi First0, about your team at Company 0',
      bodyGenerated: 'Hi {{first_name}}, about your team',
      edited: true,
    });
    expect(s1?.editedAt).toEqual(expect.any(Number));
    expect(edited.flags).toEqual([]);
    // The same search again reflects the edit (the cached hits are dropped when the index changes).
    await app.call('review.editStep', {
      runId,
      leadId: lead(0),
      step: 1,
      body: 'Hi First0, about us at Company 0',
    });
    expect(await searchTeam()).toEqual([]);
    await app.call('review.editStep', {
      runId,
      leadId: lead(0),
      step: 1,
      body: 'Hi First0, about your team at Company 0',
    });
    const row = (await app.call('review.list', { runId, filter: F({ search: 'about team' }) })).rows[0];
    expect(row).toMatchObject({ leadId: lead(0), edited: true, flags: [] });
    const reverted = await app.call('review.revertStep', { runId, leadId: lead(0), step: 1 });
    expect(reverted.steps[0]).toMatchObject({
      body: 'Hi {{first_name}}, about your team',
      edited: false,
      editedAt: null,
    });
    expect(reverted.flags.map((f) => f.flag)).toContain('placeholder');
    const { entries } = await app.call('review.history', { runId, leadId: lead(0), step: 1 });
    expect(entries.map((e) => [e.kind, e.bodyAfter])).toEqual([
      ['edit', 'Hi First0, about your team at Company 0'],
      ['edit', 'Hi First0, about us at Company 0'],
      ['edit', 'Hi First0, about your team at Company 0'],
      ['revert', 'Hi {{first_name}}, about your team'],
    ]);
  });

  it('autosaves of one session make one history entry and one undo step', async () => {
    for (const body of ['Hi F', 'Hi First0', 'Hi First0 at Company 0']) {
      await app.call('review.editStep', { runId, leadId: lead(2), step: 1, body, session: 's1' });
    }
    await app.call('review.editStep', {
      runId,
      leadId: lead(2),
      step: 1,
      subject: 'New subject',
      session: 's2',
    });
    const { entries } = await app.call('review.history', { runId, leadId: lead(2) });
    expect(entries.map((e) => [e.kind, e.subjectAfter, e.bodyAfter])).toEqual([
      ['edit', 'Step 1 idea for Company 2', 'Hi First0 at Company 0'],
      ['edit', 'New subject', 'Hi First0 at Company 0'],
    ]);
    await app.call('review.undo', { runId });
    let detail = await app.call('review.lead', { runId, leadId: lead(2) });
    expect(detail.steps[0]).toMatchObject({
      subject: 'Step 1 idea for Company 2',
      body: 'Hi First0 at Company 0',
    });
    await app.call('review.undo', { runId });
    detail = await app.call('review.lead', { runId, leadId: lead(2) });
    expect(detail.steps[0]).toMatchObject({
      body: 'Hi First2,\nnoticed Company 2 is growing.\nBest\nOur pricing is simple.',
      edited: false,
      editedAt: null,
    });
    expect((await app.call('review.undo', { runId })).undone).toBeNull();
    const kinds = (await app.call('review.history', { runId, leadId: lead(2) })).entries.map((e) => e.kind);
    expect(kinds).toEqual(['edit', 'edit', 'undo', 'undo']);
  });

  it('undo reverses a revert', async () => {
    await app.call('review.editStep', { runId, leadId: lead(4), step: 2, subject: 'Mine' });
    await app.call('review.revertStep', { runId, leadId: lead(4), step: 2 });
    const u = await app.call('review.undo', { runId });
    expect(u.undone?.kind).toBe('revert');
    expect((await app.call('review.lead', { runId, leadId: lead(4) })).steps[1]?.subject).toBe('Mine');
  });

  it('text changed outside the review service is re-flagged and re-indexed before the next list', async () => {
    app.ctx.database.sqlite
      .prepare(
        "UPDATE sequence_steps SET body = 'Click here {company}' WHERE run_id = ? AND lead_id = ? AND step = 3",
      )
      .run(runId, lead(7));
    const page = await app.call('review.list', { runId, filter: F({ flags: ['placeholder'] }) });
    expect(page.rows.map((r) => r.leadId)).toEqual([lead(0), lead(7)]);
    expect(page.rows[1]?.flags).toEqual(['placeholder', 'spam_words']);
    const found = await app.call('review.list', { runId, filter: F({ search: 'click' }) });
    expect(found.rows.map((r) => r.leadId)).toEqual([lead(7)]);
  });

  it('a regenerated sequence replaces the text and keeps the old version in the history', async () => {
    await app.call('review.editStep', { runId, leadId: lead(5), step: 1, body: 'my edit' });
    applyRegeneratedSteps(app.ctx.database.sqlite, runId, lead(5), [
      { step: 1, subject: 'New 1', body: 'Hi First5 at Company 5' },
      { step: 2, subject: 'New 2', body: 'Follow up' },
    ]);
    const d = await app.call('review.lead', { runId, leadId: lead(5) });
    expect(d.steps.map((s) => [s.step, s.subject, s.edited])).toEqual([
      [1, 'New 1', false],
      [2, 'New 2', false],
    ]);
    expect(d.flags.map((f) => f.flag)).toEqual(['missing_steps']);
    const h = (await app.call('review.history', { runId, leadId: lead(5), step: 1 })).entries;
    expect(h.at(-1)).toMatchObject({
      kind: 'regenerated',
      bodyBefore: 'my edit',
      bodyAfter: 'Hi First5 at Company 5',
    });
    // The edit's undo would overwrite the new text, so it is gone from the stack.
    expect((await app.call('review.actions', { runId })).actions).toEqual([]);
  });

  it('the body word limit is a setting; changing it re-flags existing leads', async () => {
    await app.call('review.setOptions', { maxBodyWords: 10 });
    const info = await app.call('review.flagInfo', {});
    expect(info.options).toEqual({ maxSubjectChars: 60, maxBodyWords: 10 });
    expect(info.spamWords).toContain('free trial');
    const page = await app.call('review.list', { runId, filter: F({ flags: ['long_body'] }) });
    expect(page.rows.map((r) => r.leadId)).toEqual([lead(2)]);
  });

  it('unknown runs, leads and steps give plain not_found errors', async () => {
    await expect(app.call('review.list', { runId: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.call('review.lead', { runId, leadId: 9999 })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      app.call('review.editStep', { runId, leadId: lead(0), step: 5, body: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.call('review.editStep', { runId, leadId: lead(0), step: 1 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('deleting a run removes its search documents', async () => {
    app.ctx.database.sqlite.prepare('DELETE FROM runs WHERE id = ?').run(runId);
    const n = app.ctx.database.sqlite
      .prepare("SELECT count(*) FROM review_fts WHERE review_fts MATCH 'growing'")
      .pluck()
      .get();
    expect(n).toBe(0);
  });
});
