import type { Page } from '@playwright/test';
import { startBackgroundQueue } from '../../src-main/queue';
import { INSTANTLY_IDS, SEGMENTFLOW_IDS } from '../sim';
import { seedGeneratedRun, seedLeads } from '../src-main/services/generation/seed';
import { expect, requireKeychain, test, type LeadPrepHost } from './fixtures';

async function openPush(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Push/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Push' })).toBeVisible();
}

/** A generated run of `n` leads with `approve` of them approved through the review contract. */
async function seedApprovedRun(leadprep: LeadPrepHost, n: number, approve: number) {
  const leads = seedLeads(leadprep.ctx, n, { emailPrefix: 'push-e2e-', domain: 'acme-example.com' });
  const run = seedGeneratedRun(leadprep.ctx, { leads: leads.leadIds, steps: 2 });
  if (approve > 0) {
    await leadprep.call('review.setState', {
      runId: run.runId,
      state: 'approved',
      target: { kind: 'leads', leadIds: leads.leadIds.slice(0, approve) },
    });
  }
  return { runId: run.runId, leadIds: leads.leadIds, emails: leads.emails };
}

test('with nothing approved the screen says to approve leads in Review first, then follows approvals', async ({
  app: page,
  leadprep,
}) => {
  const { runId, leadIds } = await seedApprovedRun(leadprep, 2, 0);
  await openPush(page);
  await expect(page.getByRole('heading', { name: 'Approve leads in Review first' })).toBeVisible();
  await expect(page.getByText('1 run has no approved lead yet.', { exact: false })).toBeVisible();
  await expect(page.getByText('No pushes yet.', { exact: false })).toBeVisible();

  // Approving elsewhere (Review, CLI) arrives through review.changed: the run becomes choosable.
  await leadprep.call('review.setState', {
    runId,
    state: 'approved',
    target: { kind: 'leads', leadIds: [leadIds[0]!] },
  });
  await expect(page.getByLabel('Run to push').locator('option:checked')).toHaveText(
    /1 approved lead \(1 pending\)/,
  );
  await expect(page.getByRole('heading', { name: 'Approve leads in Review first' })).toBeHidden();
});

test('Review hands its run to Push once leads are approved, even when it is not the newest run, and the target chosen stays', async ({
  app: page,
  leadprep,
}) => {
  const older = await seedApprovedRun(leadprep, 3, 2);
  const newer = await seedApprovedRun(leadprep, 2, 1);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await page.getByLabel('Run', { exact: true }).selectOption(String(older.runId));
  await page.getByRole('button', { name: 'Push 2 approved leads…' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Push' })).toBeVisible();
  await expect(page.getByLabel('Run to push')).toHaveValue(String(older.runId));

  // The destination and target chosen stay while the user approves more in Review.
  await page
    .getByRole('region', { name: 'Destination' })
    .getByRole('radio', { name: /Sendkit/ })
    .check();
  const campaignId = page.getByRole('region', { name: 'Target' }).getByLabel('Sendkit campaign ID');
  await campaignId.fill('cmp_founders');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await page.getByRole('button', { name: 'Push 2 approved leads…' }).click();
  await expect(
    page.getByRole('region', { name: 'Destination' }).getByRole('radio', { name: /Sendkit/ }),
  ).toBeChecked();
  await expect(campaignId).toHaveValue('cmp_founders');

  // Coming back through the menu later opens on the newest run again.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await openPush(page);
  await expect(page.getByLabel('Run to push')).toHaveValue(String(newer.runId));
});

test('push an approved run to an Instantly campaign and see per-lead results, a blocklisted lead skipped with its reason', async ({
  app: page,
  leadprep,
  sims,
}) => {
  await requireKeychain(leadprep);
  // The web host in the fixture does not run the job queue; the product hosts start it the same way.
  startBackgroundQueue(leadprep.ctx, { pollIntervalMs: 200 });
  const { runId, emails } = await seedApprovedRun(leadprep, 4, 3);
  const blocked = emails[1]!;
  sims.instantly.blocklist.add(blocked);

  await openPush(page);
  await expect(page.getByLabel('Run to push')).toHaveValue(String(runId));
  await expect(page.getByLabel('Run to push').locator('option:checked')).toHaveText(
    /3 approved leads \(1 pending\)/,
  );

  // The steps are numbered as shown: target and options appear with a destination.
  const previewHeading = page.getByRole('region', { name: 'Preview and push' }).getByRole('heading');
  await expect(previewHeading).toHaveText('3. Preview and push');

  // Without a key the destination says so and points to Settings.
  const destinations = page.getByRole('region', { name: 'Destination' });
  await destinations.getByRole('radio', { name: /Instantly/ }).check();
  await expect(previewHeading).toHaveText('5. Preview and push');
  await expect(destinations.getByText('No Instantly API key is saved.', { exact: false })).toBeVisible();
  await leadprep.call('keys.set', { provider: 'instantly', key: 'in_test_key' });
  await expect(destinations.getByText('Key set').first()).toBeVisible();

  // The campaign picker is filled from Instantly (the key arrived through keys.changed).
  const target = page.getByRole('region', { name: 'Target' });
  const picker = target.getByLabel('Instantly campaign', { exact: true });
  await expect(picker.locator('option', { hasText: 'Q1 founders (sim)' })).toHaveCount(1);
  await picker.selectOption({ label: 'Q1 founders (sim)' });
  await expect(target.getByLabel('Instantly campaign ID')).toHaveValue(INSTANTLY_IDS.campaign);

  // Safe default: skip leads already in the workspace.
  await expect(
    page
      .getByRole('region', { name: 'Options' })
      .getByLabel('Skip leads already anywhere in the workspace (recommended)'),
  ).toBeChecked();

  // Dry run: 3 approved leads -> 1 request, variables listed, nothing sent yet.
  const preview = page.getByRole('region', { name: 'Preview and push' });
  await expect(preview.getByTestId('push-preview-summary')).toHaveText(
    /3 approved leads → 3 leads in 1 request \(up to 1,000 per request\)/,
  );
  await expect(preview.getByText('step_1_subject', { exact: true })).toBeVisible();
  await expect(
    preview.getByText('1 pending and 0 rejected leads of this run stay here', { exact: false }),
  ).toBeVisible();
  expect(sims.instantly.requestsFor('leads-add')).toHaveLength(0);

  await preview.getByRole('button', { name: 'Push 3 leads…' }).click();
  const dialog = page.getByRole('dialog', { name: /Push 3 leads to Instantly campaign/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start push' }).click();
  await expect(dialog).toBeHidden();

  // Live results: two added, the blocklisted one skipped with Instantly's reason.
  const detail = page.getByRole('region', { name: 'Push #1' });
  await expect(detail.getByText('100% settled · 2 added, 1 skipped, 0 rejected, 0 failed')).toBeVisible();
  await expect(detail.getByRole('button', { name: /Retry failed \(0\)/ })).toBeDisabled();
  const results = detail.getByRole('table', { name: 'Push results' });
  const blockedRow = results.getByRole('row').filter({ hasText: blocked });
  await expect(blockedRow.getByText('Skipped', { exact: true })).toBeVisible();
  await expect(blockedRow).toContainText(/blocklist/i);

  // In the smallest window the outcome is in view without scrolling sideways.
  await page.setViewportSize({ width: 960, height: 600 });
  const resultHeader = await results.getByRole('columnheader', { name: 'Result' }).boundingBox();
  const scrollBox = await results.locator('xpath=..').boundingBox();
  expect(resultHeader!.x + resultHeader!.width).toBeLessThanOrEqual(scrollBox!.x + scrollBox!.width);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Filters narrow the table to one outcome.
  await detail.getByRole('button', { name: 'Skipped (1)' }).click();
  await expect(results.getByRole('row')).toHaveCount(2);
  await detail.getByRole('button', { name: 'Added (2)' }).click();
  await expect(results.getByRole('row')).toHaveCount(3);
  await expect(results.getByRole('row').filter({ hasText: blocked })).toHaveCount(0);

  // Exactly one request reached Instantly, with only the approved leads and the sequence variables.
  const sent = sims.instantly.requestsFor('leads-add');
  expect(sent).toHaveLength(1);
  const body = sent[0]!.body as {
    campaign_id: string;
    leads: { email: string; custom_variables: Record<string, string> }[];
  };
  expect(body.campaign_id).toBe(INSTANTLY_IDS.campaign);
  expect(body.leads.map((l) => l.email).sort()).toEqual(emails.slice(0, 3).sort());
  expect(body.leads[0]!.custom_variables).toHaveProperty('step_2_body');

  // The history lists it; the export downloads the filtered results as CSV.
  await expect(page.getByRole('table', { name: 'Push history' }).getByRole('row')).toHaveCount(2);
  await detail.getByRole('button', { name: 'All (3)' }).click();
  const download = page.waitForEvent('download');
  await detail.getByRole('button', { name: 'Export results (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('leadprep-push-1-instantly-results.csv');

  // Pushing the same run again to the same campaign warns and needs an explicit tick.
  await expect(preview.getByText('2 items already pushed here before')).toBeVisible();
  const again = page.getByRole('dialog');
  // The finished push re-runs the preview once more in the background, and the button is disabled
  // while it does: a click landing in that moment does nothing, so click until the dialog is up.
  await expect(async () => {
    if (!(await again.isVisible()))
      await preview.getByRole('button', { name: 'Push 3 leads…' }).click({ timeout: 2000 });
    await expect(again).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(again.getByRole('button', { name: 'Start push' })).toBeDisabled();
  await again.getByLabel('Push the 2 items already pushed here again').check();
  await expect(again.getByRole('button', { name: 'Start push' })).toBeEnabled();
  await again.getByRole('button', { name: 'Cancel' }).click();
  expect(sims.instantly.requestsFor('leads-add')).toHaveLength(1);
});

test('Segmentflow: create a destination profile, then send only after typing the number of emails', async ({
  app: page,
  leadprep,
  sims,
}) => {
  await requireKeychain(leadprep);
  startBackgroundQueue(leadprep.ctx, { pollIntervalMs: 200 });
  await leadprep.call('keys.set', { provider: 'segmentflow', key: 'sf_test_key' });
  const { emails } = await seedApprovedRun(leadprep, 3, 2);

  await openPush(page);
  await page
    .getByRole('region', { name: 'Destination' })
    .getByRole('radio', { name: /Segmentflow/ })
    .check();
  const target = page.getByRole('region', { name: 'Target' });
  await expect(target.getByText('Segmentflow sends real email, immediately')).toBeVisible();
  await expect(target.getByText('body_html', { exact: true })).toBeVisible();

  // A profile needs a valid template ID; the form says so before anything is saved.
  await target.getByRole('button', { name: 'New profile' }).click();
  const form = target.getByRole('form', { name: 'New Segmentflow profile' });
  await form.getByLabel('Profile name').fill('Main sender');
  await form.getByLabel('Template ID (required)').fill('not-a-template');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByText(/must be a UUID/)).toBeVisible();
  await form.getByLabel('Template ID (required)').fill(SEGMENTFLOW_IDS.templateWithSubject);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(target.getByLabel('Destination profile')).toHaveValue('Main sender');

  const preview = page.getByRole('region', { name: 'Preview and push' });
  await expect(preview.getByTestId('push-preview-summary')).toHaveText(
    /2 approved leads → 2 emails in 1 request/,
  );
  await preview.getByRole('button', { name: 'Send 2 emails…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send 2 emails now?' });
  const send = dialog.getByRole('button', { name: 'Send 2 emails' });
  await expect(send).toBeDisabled();
  await dialog.getByLabel('Type 2 to confirm').fill('3');
  await expect(send).toBeDisabled();
  expect(sims.segmentflow.requestsFor('emails-batch')).toHaveLength(0);
  await dialog.getByLabel('Type 2 to confirm').fill('2');
  await send.click();

  const detail = page.getByRole('region', { name: 'Push #1' });
  await expect(detail.getByText('100% settled · 2 added, 0 skipped, 0 rejected, 0 failed')).toBeVisible();
  expect(sims.segmentflow.sends.map((s) => s.send.to.email).sort()).toEqual(emails.slice(0, 2).sort());
  for (const s of sims.segmentflow.sends) expect(s.data).toHaveProperty('body');
});
