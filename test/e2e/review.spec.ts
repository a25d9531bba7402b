import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, focusedName, test, type LeadPrepHost } from './fixtures';
import { seedGeneratedRun, seedLeads } from '../src-main/services/generation/seed';

const FIRST_NAMES = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Zed'] as const;
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';
const EDITED_BODY = 'Hi Ada,\nI rewrote this myself — naïve café test.\n=1+1 stays text.';

/** Runs in the page: what the payloads would have set if any of them had executed. */
const xssMarker = () => (globalThis as { __xss?: unknown }).__xss;

/** Six leads of one generated run; Ada's body has a rare word, Ben's a spam phrase, Zed's an XSS payload. */
function seedRun(leadprep: LeadPrepHost) {
  const { leadIds } = seedLeads(leadprep.ctx, FIRST_NAMES.length, {
    emailPrefix: 'review',
    override: (i) => ({ firstName: FIRST_NAMES[i] as string, lastName: 'Tester', company: `Firm${i}` }),
  });
  const nameOf = (leadId: number) => FIRST_NAMES[leadIds.indexOf(leadId)] as string;
  const { runId } = seedGeneratedRun(leadprep.ctx, {
    leads: leadIds,
    steps: 2,
    text: (leadId, step) => {
      const name = nameOf(leadId);
      const company = `Firm${leadIds.indexOf(leadId)}`;
      if (step === 2)
        return { subject: `Following up, ${name}`, body: `Hi ${name},\nany thoughts on ${company}?` };
      if (name === 'Ada')
        return { subject: `Idea for ${company}`, body: `Hi ${name},\nthe pineapple plan for ${company}.` };
      if (name === 'Ben')
        return { subject: `Idea for ${company}`, body: `Hi ${name},\nthis is 100% free for ${company}.` };
      if (name === 'Zed')
        return { subject: `Idea for ${company}`, body: `Hi ${name},\n${XSS_IMG}\n${XSS_SCRIPT}\n${company}` };
      return { subject: `Idea for ${company}`, body: `Hi ${name},\na short note for ${company}.` };
    },
  });
  return { runId, leadIds };
}

async function openReview(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
}

const shownStatus = (page: Page, shown: number, of: number) =>
  expect(page.getByRole('status').filter({ hasText: `${shown} of ${of} leads shown` })).toBeVisible();

const leadRow = (page: Page, first: string) =>
  page
    .getByRole('grid', { name: 'Leads in this run' })
    .getByRole('row')
    .filter({ hasText: `${first} Tester` });

const stepBody = (page: Page, step: number) => page.getByTestId(`step-${step}-body`);

test('review: untrusted text stays text, search, flag filter, edit, keyboard approval and xlsx export', async ({
  app: page,
  leadprep,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { runId, leadIds } = seedRun(leadprep);
  await openReview(page);
  await shownStatus(page, 6, 6);
  // Nothing done yet: Undo says so and cannot be pressed.
  const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undoButton).toBeDisabled();
  await expect(undoButton).toHaveAttribute('title', 'Nothing to undo yet');

  // The XSS body is shown literally and nothing in it runs.
  await leadRow(page, 'Zed').click();
  await expect(page.getByRole('article', { name: 'Lead Zed Tester' })).toBeVisible();
  await expect(stepBody(page, 1)).toContainText(XSS_IMG);
  await expect(stepBody(page, 1)).toContainText(XSS_SCRIPT);
  await expect(page.locator('.lead-pane img, .lead-pane script')).toHaveCount(0);
  // The HTML flag marks the tags inside the text.
  await expect(stepBody(page, 1).locator('mark', { hasText: '<script>' })).toBeVisible();
  expect(await page.evaluate(xssMarker)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Search narrows the list as you type (full-text over bodies).
  const search = page.getByRole('searchbox', { name: /Search subjects/ });
  await search.fill('pineapple');
  await shownStatus(page, 1, 6);
  await expect(leadRow(page, 'Ada')).toBeVisible();
  await expect(leadRow(page, 'Zed')).toHaveCount(0);
  await search.fill('');
  await shownStatus(page, 6, 6);

  // Filtering by a flag: only Ben's "100% free" is spammy, and it is marked in his body.
  const flagChips = page.getByRole('group', { name: 'Filter by flag' });
  await flagChips.getByRole('button', { name: /Spam words/ }).click();
  await shownStatus(page, 1, 6);
  await expect(leadRow(page, 'Ben')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Lead Ben Tester' })).toBeVisible();
  await expect(stepBody(page, 1).locator('mark', { hasText: '100% free' })).toBeVisible();
  await flagChips.getByRole('button', { name: /Spam words/ }).click();
  await shownStatus(page, 6, 6);

  // Edit Ada's first body in place; it autosaves and survives a reload.
  await leadRow(page, 'Ada').click();
  await expect(page.getByRole('article', { name: 'Lead Ada Tester' })).toBeVisible();
  await stepBody(page, 1).click();
  const editor = page.getByRole('textbox', { name: 'Step 1 body' });
  await editor.fill(EDITED_BODY);
  await editor.press('Escape');
  const step1 = page.getByRole('region', { name: 'Step 1' });
  await expect(step1.getByText('edited', { exact: true })).toBeVisible();
  await expect(step1.getByRole('button', { name: 'Revert to generated' })).toBeVisible();
  await page.reload();
  await openReview(page);
  await shownStatus(page, 6, 6);
  await expect(page.getByRole('article', { name: 'Lead Ada Tester' })).toBeVisible();
  await expect(stepBody(page, 1)).toContainText('I rewrote this myself — naïve café test.');
  const stored = await leadprep.call('review.lead', { runId, leadId: leadIds[0] as number });
  expect(stored.steps[0]?.body).toBe(EDITED_BODY);
  expect(stored.steps[0]?.bodyGenerated).toBe('Hi Ada,\nthe pineapple plan for Firm0.');

  // Keyboard: j/k move, a approves and moves on. Three approvals: Ada, Ben, Cleo.
  const current = page.locator('.review-row[aria-current="true"]');
  await expect(current).toContainText('Ada Tester');
  await page.keyboard.press('j');
  await expect(current).toContainText('Ben Tester');
  await page.keyboard.press('k');
  await expect(current).toContainText('Ada Tester');
  const approvedChip = page
    .getByRole('group', { name: 'Filter by review state' })
    .getByRole('button', { name: /Approved/ });
  for (const [i, name] of ['Ada', 'Ben', 'Cleo'].entries()) {
    await expect(current).toContainText(`${name} Tester`);
    await page.keyboard.press('a');
    await expect(approvedChip).toContainText(String(i + 1));
  }
  // z undoes the last approval (Cleo); approving her again brings the count back to three.
  await page.keyboard.press('z');
  await expect(approvedChip).toContainText('2');
  await page.keyboard.press('k');
  await expect(current).toContainText('Cleo Tester');
  await page.keyboard.press('a');
  await expect(approvedChip).toContainText('3');
  await expect(undoButton).toBeEnabled();
  await expect(undoButton).toHaveAttribute('title', /^Undo: /);
  const approved = await leadprep.call('review.list', { runId, filter: { states: ['approved'] } });
  expect(approved.rows.map((r) => r.firstName)).toEqual(['Ada', 'Ben', 'Cleo']);

  // The shortcut overlay lists the keys.
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByText('Approve (and go to the next lead)')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // Export the approved leads to .xlsx (formula escaping on by default) and read the file back.
  await page.getByRole('button', { name: 'Export…' }).click();
  const panel = page.getByRole('region', { name: 'Export' });
  await expect(panel.getByRole('radio', { name: 'Approved leads' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: /Protect against formula injection/ })).toBeChecked();
  await panel.getByRole('button', { name: 'Export .xlsx' }).click();
  const downloadButton = panel.getByRole('button', { name: /^Download leadprep-run-/ });
  await expect(downloadButton).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  const sheet = workbook.Sheets[workbook.SheetNames[0] as string];
  expect(sheet).toBeDefined();
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet as XLSX.WorkSheet, { defval: '' });
  const header = Object.keys(rows[0] ?? {});
  expect(header).toEqual(
    expect.arrayContaining(['email', 'step_1_subject', 'step_1_body', 'step_2_subject', 'step_2_body']),
  );
  expect(rows.map((r) => r.first_name)).toEqual(['Ada', 'Ben', 'Cleo']);
  const ada = rows.find((r) => r.first_name === 'Ada');
  // The edited body is exported; its "=1+1" line is inside the cell, not at its start, so it is unchanged.
  expect(ada?.step_1_body).toBe(EDITED_BODY);
  expect(ada?.step_2_subject).toBe('Following up, Ada');
  expect(rows.find((r) => r.first_name === 'Ben')?.step_1_body).toBe('Hi Ben,\nthis is 100% free for Firm1.');

  expect(await page.evaluate(xssMarker)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('review without runs offers to generate', async ({ app: page }) => {
  await openReview(page);
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Generate sequences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
});

test('in the smallest window LeadPrep allows, the email under review sits beside the list, not below it', async ({
  app: page,
  leadprep,
}) => {
  seedRun(leadprep);
  // mainWindowOptions' minimum size.
  await page.setViewportSize({ width: 960, height: 600 });
  await openReview(page);
  const list = page.getByRole('grid', { name: 'Leads in this run' });
  await expect(leadRow(page, 'Ada')).toBeVisible();
  const pane = page.getByRole('article', { name: /^Lead / });
  await expect(pane).toBeVisible();
  const [listBox, paneBox] = [await list.boundingBox(), await pane.boundingBox()];
  expect(paneBox!.x).toBeGreaterThanOrEqual(listBox!.x + listBox!.width);
  expect(paneBox!.y).toBeLessThan(listBox!.y + 50);
  // The name and the address of a lead stay readable in the narrow list.
  const name = leadRow(page, 'Ada').locator('.review-name');
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('the lead list is one Tab stop whose checkbox follows the cursor, so Tab reaches the email after it', async ({
  app: page,
  leadprep,
}) => {
  seedRun(leadprep);
  await openReview(page);
  const list = page.getByRole('grid', { name: 'Leads in this run' });
  await expect(leadRow(page, 'Ada')).toBeVisible();
  const focused = () => focusedName(page);

  await page.getByRole('button', { name: 'Reset all' }).focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Select Ada Tester');
  expect(await list.locator('[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('j');
  await expect.poll(focused).toBe('Select Ben Tester');
  await page.keyboard.press('x');
  await expect(list.getByRole('checkbox', { name: 'Select Ben Tester' })).toBeChecked();

  // Ben's email is loaded after the cursor moved: Tab into it once it is there.
  const pane = page.getByRole('article', { name: 'Lead Ben Tester' });
  await expect(pane.getByRole('button', { name: 'Approve' })).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await pane.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
});

test('focus stays in the email pane when the next lead replaces it, even before that lead has loaded', async ({
  app: page,
  leadprep,
}) => {
  seedRun(leadprep);
  // Each lead arrives a moment after the cursor moves, as on a busy machine.
  let delay = 0;
  await page.route('**/api/call/review.lead', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.continue();
  });
  await openReview(page);
  const inPane = (name: string) =>
    page
      .getByRole('article', { name: `Lead ${name}` })
      .evaluate((el) => el.contains(el.ownerDocument.activeElement));

  // Approve and move on (a) while working in the pane: the next lead's pane takes focus, so Tab stays in it.
  const ada = page.getByRole('article', { name: 'Lead Ada Tester' });
  await ada.getByRole('button', { name: 'Approve' }).focus();
  delay = 400;
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: 'Loading lead…' })).toBeFocused();
  await expect.poll(() => inPane('Ben Tester')).toBe(true);
  await page.keyboard.press('Tab');
  expect(await inPane('Ben Tester')).toBe(true);

  // j, then Tab at once from the list: focus waits on the loading notice, then moves into the email.
  await page
    .getByRole('grid', { name: 'Leads in this run' })
    .getByRole('checkbox', { name: 'Select Ben Tester' })
    .focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Loading lead…' })).toBeFocused();
  await expect.poll(() => inPane('Cleo Tester')).toBe(true);

  // Focus moved elsewhere on purpose is left there.
  await page.getByRole('button', { name: 'Reset all' }).focus();
  await page.keyboard.press('j');
  await expect(page.getByRole('article', { name: 'Lead Dan Tester' })).toBeVisible();
  expect(await focusedName(page)).toBe('Reset all');
});

test('an edit typed just before the window reloads or closes is saved, not lost with the page', async ({
  app: page,
  leadprep,
}) => {
  const { runId, leadIds } = seedRun(leadprep);
  await openReview(page);
  await leadRow(page, 'Ada').click();
  await stepBody(page, 1).click();
  const editor = page.getByRole('textbox', { name: 'Step 1 body' });
  await editor.fill('Hi Ada,\ntyped and gone at once.');
  // Well inside the autosave's wait: only the page going away can save it now.
  await page.reload();
  await expect
    .poll(
      async () =>
        (await leadprep.call('review.lead', { runId, leadId: leadIds[0] as number })).steps[0]?.body,
    )
    .toBe('Hi Ada,\ntyped and gone at once.');
});
