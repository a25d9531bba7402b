import type { Page } from '@playwright/test';
import { startBackgroundQueue } from '../../src-main/queue';
import { importFile } from '../../src-main/services/imports/file-import';
import { MACHFIVE_CAMPAIGN_IDS } from '../sim';
import { expect, requireKeychain, test, type LeadPrepHost } from './fixtures';

const LEADS = 10;
const BATCH_SIZE = 4; // 10 leads -> batches of 4, 4 and 2
const CAMPAIGN_NAME = 'Founders outreach (sim)';

// Short polling so a finished MachFive list is noticed within a second; set before each test's host starts.
const FAST_ENV: Record<string, string> = {
  LEADPREP_MACHFIVE_POLL_MIN_MS: '300',
  LEADPREP_MACHFIVE_POLL_MAX_MS: '800',
};
const saved: Record<string, string | undefined> = {};
test.beforeAll(() => {
  for (const [k, v] of Object.entries(FAST_ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
test.afterAll(() => {
  for (const k of Object.keys(FAST_ENV)) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** A generated lead file, imported and committed through the same calls the Import screen makes. */
async function seedCommittedImport(
  leadprep: LeadPrepHost,
  fileName = 'e2e-generate-leads.csv',
  domain = 'northwind-labs',
): Promise<string> {
  const rows = ['Email,First Name,Last Name,Company,Title'];
  for (let i = 0; i < LEADS; i++)
    rows.push(`person${i}@${domain}${i}.com,Ada${i},Lovelace${i},Northwind ${i},Founder`);
  const { summary } = await importFile(
    (name, input) => leadprep.call(name, input),
    new TextEncoder().encode(rows.join('\n')),
    fileName,
  );
  expect(summary.status).toBe('committed');
  expect(summary.counts.ready).toBe(LEADS);
  return fileName;
}

async function openGenerate(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Generate/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
}

test('start a run from the Generate screen, follow it across a reload, and see every lead generated', async ({
  app: page,
  leadprep,
  sims,
}) => {
  await requireKeychain(leadprep);
  await leadprep.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
  const fileName = await seedCommittedImport(leadprep);
  // The web host in the fixture serves calls only; the app's background queue runs beside it here.
  startBackgroundQueue(leadprep.ctx, { pollIntervalMs: 200 });
  // Lists stay 'processing' until the test finishes them, so "mid-run" is a state, not a race.
  sims.machfive.processingMs = 10 * 60 * 1000;

  await openGenerate(page);
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  const form = page.getByRole('region', { name: 'New run' });

  // Start with nothing chosen: inline messages say what is missing, nothing is sent.
  await form.getByLabel('Emails per lead').fill('9');
  await form.getByRole('button', { name: 'Start generating' }).click();
  await expect(form.getByText('Pick a MachFive campaign, or paste its ID.')).toBeVisible();
  await expect(form.getByText('Emails per lead must be a whole number from 1 to 5.')).toBeVisible();
  expect(sims.machfive.requestsFor('generate-batch')).toHaveLength(0);

  await form
    .getByLabel('MachFive campaign')
    .selectOption({ label: `${CAMPAIGN_NAME} (${MACHFIVE_CAMPAIGN_IDS.founders})` });
  await expect(form.getByText('Pick a MachFive campaign, or paste its ID.')).toBeHidden();
  await form.getByLabel('Emails per lead').fill('2');
  await form.getByLabel('List name', { exact: true }).fill('E2E founders');
  await form.getByLabel('Email signature').fill('Grace, LeadPrep E2E');
  await form.getByLabel('Campaign angle').fill('Cut the time spent cleaning lead lists.');
  const cta = form.getByLabel('Approved calls to action');
  await cta.fill('Worth a quick call next week?');
  await cta.press('Enter');
  await expect(
    form.getByRole('list', { name: 'Approved calls to action' }).getByRole('listitem'),
  ).toHaveCount(1);

  await expect(form.getByLabel('Import', { exact: true })).toHaveValue(/\d+/);
  await expect(form.getByLabel('Import', { exact: true }).locator('option:checked')).toContainText(fileName);
  await form.getByLabel('Batch size').fill(String(BATCH_SIZE));
  const estimate = form.getByRole('region', { name: 'Estimate' });
  await expect(estimate).toContainText(`Leads${LEADS}`);
  await expect(estimate).toContainText('Batches3');
  await expect(estimate).toContainText(`Credits${LEADS}`);

  await form.getByRole('button', { name: 'Start generating' }).click();
  const confirm = page.getByRole('dialog', { name: `Generate sequences for ${LEADS} leads?` });
  await expect(confirm).toContainText(`${LEADS} credits`);
  await confirm.getByRole('button', { name: `Start and use ${LEADS} credits` }).click();
  await expect(confirm).toBeHidden();

  // Live progress: every batch reaches MachFive and waits there.
  const runs = page.getByRole('region', { name: 'Runs' });
  const run = runs.getByRole('article', { name: /^Run \d+$/ });
  await expect(run).toHaveCount(1);
  await expect(
    run.getByRole('heading', { name: new RegExp(CAMPAIGN_NAME.replace(/[()]/g, '\\$&')) }),
  ).toBeVisible();
  const batchRows = run.getByRole('table').getByRole('row');
  await expect(batchRows).toHaveCount(1 + 3);
  await expect(run.getByRole('table').getByText('Processing', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
    `Generating · 0 of ${LEADS} leads`,
  );
  expect(sims.machfive.acceptedBatches).toHaveLength(3);
  expect(sims.machfive.acceptedBatches[0]?.options).toMatchObject({ email_count: 2 });

  // Another screen and back: the options typed stay (the next run starts from them).
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await openGenerate(page);
  await expect(form.getByLabel('Email signature')).toHaveValue('Grace, LeadPrep E2E');

  // Reload mid-run: the run, its batches and the status badge come back from the database.
  await page.reload();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
    `Generating · 0 of ${LEADS} leads`,
  );
  await openGenerate(page);
  // After a restart the form starts from the newest run's options.
  const formAfter = page.getByRole('region', { name: 'New run' });
  await expect(formAfter.getByLabel('Email signature')).toHaveValue('Grace, LeadPrep E2E');
  await expect(formAfter.getByLabel('Campaign angle')).toHaveValue('Cut the time spent cleaning lead lists.');
  await expect(formAfter.getByLabel('Emails per lead')).toHaveValue('2');
  await expect(formAfter.getByLabel('Batch size')).toHaveValue(String(BATCH_SIZE));
  const runAfter = page.getByRole('region', { name: 'Runs' }).getByRole('article', { name: /^Run \d+$/ });
  await expect(runAfter.getByText('Running', { exact: true })).toBeVisible();
  await expect(runAfter.getByRole('table').getByText('Processing', { exact: true })).toHaveCount(3);

  // MachFive finishes: the page follows to the end without another reload.
  sims.machfive.completeNow();
  await expect(runAfter.getByText('Finished', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(runAfter.getByRole('table').getByText('Done', { exact: true })).toHaveCount(3);
  await expect(runAfter).toContainText(`${LEADS} generated`);
  await expect(runAfter.getByRole('progressbar', { name: /progress/ })).toHaveAttribute(
    'aria-valuetext',
    `${LEADS} of ${LEADS} leads finished`,
  );
  await expect(page.getByRole('contentinfo', { name: 'Status' })).not.toContainText('Generating');

  // Exactly once per batch, and the leads now count as generated for the next estimate.
  expect(sims.machfive.acceptedBatches).toHaveLength(3);
  await expect(page.getByRole('region', { name: 'Estimate' })).toContainText('Leads0');
  await expect(page.getByRole('region', { name: 'Estimate' })).toContainText(
    `${LEADS} leads already generated`,
  );

  // The finished run leads on to reading what MachFive wrote.
  await runAfter.getByRole('button', { name: `Review ${LEADS} sequences` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByText(`${LEADS} of ${LEADS} leads shown`)).toBeVisible();
});

test('a committed import hands its ready leads to Generate from Clean & dedupe, even when it is not the newest', async ({
  app: page,
  leadprep,
}) => {
  const older = await seedCommittedImport(leadprep, 'older-leads.csv', 'older-labs');
  const newer = await seedCommittedImport(leadprep, 'newer-leads.csv', 'newer-labs');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Clean/ }).click();
  const picker = page.getByLabel('Import', { exact: true });
  await picker.selectOption((await picker.locator('option', { hasText: older }).getAttribute('value'))!);
  await page.getByRole('button', { name: `Generate sequences for ${LEADS} ready leads` }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  const form = page.getByRole('region', { name: 'New run' });
  await expect(form.getByLabel('Import', { exact: true }).locator('option:checked')).toContainText(older);
  await expect(form.getByRole('region', { name: 'Estimate' })).toContainText(`Leads${LEADS}`);

  // Coming back through the menu later opens on the newest import again.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Review/ })
    .click();
  await openGenerate(page);
  await expect(form.getByLabel('Import', { exact: true }).locator('option:checked')).toContainText(newer);
});

test('without a committed import the screen says to import a file first', async ({ app: page }) => {
  await openGenerate(page);
  await expect(
    page.getByRole('heading', { name: 'No committed imports yet — import a file first' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
});

test('a missing MachFive key is explained with a way to Settings and a typed-in campaign ID', async ({
  app: page,
  leadprep,
}) => {
  await requireKeychain(leadprep);
  await seedCommittedImport(leadprep);
  await openGenerate(page);
  const form = page.getByRole('region', { name: 'New run' });
  await expect(
    form.getByText('No MachFive key yet — save one in Settings to list your campaigns.'),
  ).toBeVisible();
  await expect(
    form.getByText('start the run now: it waits until the key is saved', { exact: false }),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Enter a campaign ID' }).click();
  await form.getByLabel('Campaign ID').fill(MACHFIVE_CAMPAIGN_IDS.founders);
  await form.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('credits running out pauses MachFive with a plain message; Resume finishes the run', async ({
  app: page,
  leadprep,
  sims,
}) => {
  await requireKeychain(leadprep);
  await leadprep.call('keys.set', { provider: 'machfive', key: 'mf_test_key' });
  await seedCommittedImport(leadprep);
  startBackgroundQueue(leadprep.ctx, { pollIntervalMs: 200 });
  sims.machfive.processingMs = 10 * 60 * 1000;
  sims.machfive.inject({ route: 'generate-batch', kind: 'status', status: 402 });

  await openGenerate(page);
  const form = page.getByRole('region', { name: 'New run' });
  await form
    .getByLabel('MachFive campaign')
    .selectOption({ label: `${CAMPAIGN_NAME} (${MACHFIVE_CAMPAIGN_IDS.founders})` });
  await expect(form.getByRole('region', { name: 'Estimate' })).toContainText('Batches1');
  await form.getByRole('button', { name: 'Start generating' }).click();
  await page.getByRole('button', { name: `Start and use ${LEADS} credits` }).click();

  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(
    runs.getByText('MachFive credits ran out — top up in MachFive, then press Resume.'),
  ).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
    'Generation paused: out of MachFive credits',
  );
  expect(sims.machfive.acceptedBatches).toHaveLength(0);

  await runs.getByRole('button', { name: 'Resume MachFive' }).click();
  await expect(runs.getByRole('button', { name: 'Pause MachFive' })).toBeVisible();
  const run = runs.getByRole('article', { name: /^Run \d+$/ });
  await expect(run.getByRole('table').getByText('Processing', { exact: true })).toHaveCount(1);
  sims.machfive.completeNow();
  await expect(run.getByText('Finished', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(run).toContainText(`${LEADS} generated`);
  expect(sims.machfive.acceptedBatches).toHaveLength(1);
});

test('rows ticked in Clean & dedupe of a committed import are generated on their own', async ({
  app: page,
  leadprep,
}) => {
  await requireKeychain(leadprep);
  await seedCommittedImport(leadprep);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Clean/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Generate for/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Select row 2' }).check();
  await page.getByRole('checkbox', { name: 'Select row 3' }).check();
  await expect(page.getByRole('button', { name: 'Generate for 2 selected' })).toBeVisible();
  // The header box, mixed, clears; ticked again it selects all, and rows unticked then stay out.
  const all = page.getByRole('checkbox', { name: `Select all ${LEADS} shown` });
  await all.click();
  await expect(page.getByRole('button', { name: /^Generate for \d+ selected/ })).toHaveCount(0);
  await all.check();
  for (let row = 2; row <= LEADS - 1; row++)
    await page.getByRole('checkbox', { name: `Select row ${row}` }).uncheck();
  await page.getByRole('button', { name: 'Generate for 2 selected' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  const form = page.getByRole('region', { name: 'New run' });
  await expect(form.getByRole('radio', { name: /2 leads chosen in Clean & dedupe/ })).toBeChecked();
  const estimate = form.getByRole('region', { name: 'Estimate' });
  await expect(estimate).toContainText('Leads2');
  await expect(estimate).toContainText('Credits2');

  // Clearing the hand-over goes back to the whole import.
  await form.getByRole('button', { name: 'Clear the leads chosen in Clean & dedupe' }).click();
  await expect(form.getByRole('radio', { name: /chosen in Clean & dedupe/ })).toHaveCount(0);
  await expect(estimate).toContainText(`Leads${LEADS}`);
});
