import type { Page } from '@playwright/test';
import { expect, requireKeychain, test } from './fixtures';
import { csvBytes } from '../fixtures-gen';

const WRONG_KEY = 'mf_wrong_key_4f9a2c71';
const RIGHT_KEY = 'mf_test_key';

async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** The key must not be anywhere in the page: not in text, not in any input's value, not in the DOM. */
async function expectKeyNowhere(page: Page, key: string) {
  expect(await page.content()).not.toContain(key);
  const values = await page
    .locator('input, textarea')
    .evaluateAll((els) => els.map((el) => ('value' in el ? String(el.value) : '')));
  for (const v of values) expect(v).not.toContain(key);
  expect(await page.locator('body').innerText()).not.toContain(key);
}

test('store a MachFive key, never see it again, and test the connection (401, then success)', async ({
  app: page,
  leadprep,
  sims,
}) => {
  await requireKeychain(leadprep);
  await openSettings(page);
  const card = page.getByRole('region', { name: 'MachFive key' });
  await expect(card.getByText('Not set', { exact: true })).toBeVisible();

  // A wrong key first: it is saved, the field empties, and the page never shows it again.
  await card.getByLabel('MachFive API key', { exact: true }).fill(WRONG_KEY);
  await card.getByRole('button', { name: 'Save key' }).click();
  await expect(card.getByText('Set', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'MachFive key saved to the keychain.' }),
  ).toBeVisible();
  await expect(card.getByLabel('Replace MachFive API key')).toHaveValue('');
  await expectKeyNowhere(page, WRONG_KEY);
  expect(await leadprep.ctx.secrets.has('machfive')).toBe(true);

  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByText(/MachFive rejected this key \(401\)/)).toBeVisible();
  await expect(card.getByText('Key rejected', { exact: true })).toBeVisible();
  expect(sims.machfive.requestsFor('campaigns')).toHaveLength(1);

  // Replace it with the right key; the test now succeeds and the card says when it was verified.
  await card.getByLabel('Replace MachFive API key').fill(RIGHT_KEY);
  await card.getByRole('button', { name: 'Replace key' }).click();
  await expect(card.getByText('Key rejected', { exact: true })).toBeHidden();
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByText(/Connected to MachFive/)).toBeVisible();
  await expect(card.getByText('Last verified just now')).toBeVisible();
  expect(sims.machfive.requestsFor('campaigns')).toHaveLength(2);

  // Still nowhere after a full reload (status comes from the keychain and SQLite, never the key itself).
  await page.reload();
  await openSettings(page);
  await expect(
    page.getByRole('region', { name: 'MachFive key' }).getByText('Set', { exact: true }),
  ).toBeVisible();
  await expectKeyNowhere(page, RIGHT_KEY);
  await expectKeyNowhere(page, WRONG_KEY);
});

test('clearing a key asks first, then the card says Not set', async ({ app: page, leadprep }) => {
  await requireKeychain(leadprep);
  await leadprep.call('keys.set', { provider: 'instantly', key: 'in_test_key' });
  await openSettings(page);
  const card = page.getByRole('region', { name: 'Instantly key' });
  await expect(card.getByText('Set', { exact: true })).toBeVisible();

  await card.getByRole('button', { name: 'Clear key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the Instantly key?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await leadprep.ctx.secrets.has('instantly')).toBe(true);

  await card.getByRole('button', { name: 'Clear key' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove key' }).click();
  await expect(card.getByText('Not set', { exact: true })).toBeVisible();
  expect(await leadprep.ctx.secrets.has('instantly')).toBe(false);
});

test('a key saved elsewhere (CLI, another window) shows up through the keys.changed event', async ({
  app: page,
  leadprep,
}) => {
  await requireKeychain(leadprep);
  await openSettings(page);
  const card = page.getByRole('region', { name: 'Sendkit key' });
  await expect(card.getByText('Not set', { exact: true })).toBeVisible();
  await leadprep.call('keys.set', { provider: 'sendkit', key: 'sk_test_key' });
  await expect(card.getByText('Set', { exact: true })).toBeVisible();
  await expect(page.getByText('Keychain ready · 1 of 4 keys set')).toBeVisible();
});

test('Reveal logs in browser mode shows the log path to copy; Ctrl+number switches screens', async ({
  app: page,
  leadprep,
}) => {
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Reveal logs' }).click();
  await expect(page.getByLabel('Log file path')).toHaveValue(leadprep.ctx.paths.logPath);

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('main', { name: 'Import' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Import/ }),
  ).toHaveAttribute('aria-current', 'page');
});

test('the suppression list: add by hand, import a file, search, remove; a draft lead at a suppressed domain follows', async ({
  app: page,
  leadprep,
}) => {
  // A draft with a lead at rival.io, so adding that domain shows up in the import at once.
  await page.getByLabel('Lead file').setInputFiles({
    name: 'prospects.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvBytes([
        ['Email', 'Name'],
        ['joe@rival.io', 'Joe'],
        ['ann@acme.com', 'Ann'],
      ]),
    ),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();

  await openSettings(page);
  const card = page.getByRole('region', { name: 'Suppression list' });
  await expect(card.getByText('Nobody is on your suppression list yet.', { exact: false })).toBeVisible();

  await card.getByLabel('Add emails or domains').fill('max@other.org, @rival.io\nnot an address');
  await card.getByRole('button', { name: 'Add to the list' }).click();
  await expect(card.getByRole('status').filter({ hasText: '2 added' })).toHaveText(
    '2 added, 0 already on the list, 1 not an email or domain (e.g. "not an address"). 1 lead in draft imports is now suppressed.',
  );
  await expect(card.getByLabel('Add emails or domains')).toHaveValue('');
  const table = card.getByRole('table', { name: 'Suppressed emails and domains' });
  await expect(table.getByRole('row', { name: /rival\.io Domain Typed/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /max@other\.org Email Typed/ })).toBeVisible();

  // A file with a header and one address already on the list.
  await card.getByLabel('Suppression list file').setInputFiles({
    name: 'do-not-contact.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csvBytes([['Email'], ['kim@beta.io'], ['MAX@other.org']])),
  });
  await expect(card.getByRole('status').filter({ hasText: 'added' })).toHaveText(
    '1 added, 1 already on the list, 1 not an email or domain (e.g. "Email").',
  );
  await expect(table.getByRole('row', { name: /kim@beta\.io Email do-not-contact\.csv/ })).toBeVisible();
  await expect(card.getByText('3 entries', { exact: true })).toBeVisible();

  // A file with nothing usable adds nothing and says so.
  await card.getByLabel('Suppression list file').setInputFiles({
    name: 'names.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csvBytes([['Name'], ['Ann Lee']])),
  });
  await expect(card.getByRole('alert')).toHaveText(
    'None of the 2 entries is an email address or a domain (e.g. "Name", "Ann Lee"), so nothing was changed.',
  );

  await card.getByLabel('Search the suppression list').fill('rival');
  await expect(card.getByText('1 match', { exact: true })).toBeVisible();
  await card.getByLabel('Select rival.io').check();
  await card.getByRole('button', { name: 'Remove selected (1)' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'removed' })).toHaveText(
    '1 entry removed. 1 lead in draft imports is no longer suppressed.',
  );
  await expect(card.getByText('No entry matches this search.')).toBeVisible();

  const { imports } = await leadprep.call('imports.list', { limit: 5 });
  expect(imports[0]?.counts.suppressed).toBe(0);
  const { entries } = await leadprep.call('suppressions.list', { limit: 10 });
  expect(entries.map((e) => [e.value, e.source])).toEqual([
    ['kim@beta.io', 'do-not-contact.csv'],
    ['max@other.org', 'typed'],
  ]);
});

test('the suppression list: removing entries and adding the wrong file can both be undone', async ({
  app: page,
  leadprep,
}) => {
  await leadprep.call('suppressions.add', {
    entries: ['ann@acme.com', 'rival.io'],
    source: 'unsubscribes.csv',
  });
  const before = (await leadprep.call('suppressions.list', {})).entries;
  await openSettings(page);
  const card = page.getByRole('region', { name: 'Suppression list' });
  await card.getByLabel('Select ann@acme.com').check();
  await card.getByLabel('Select rival.io').check();
  await card.getByRole('button', { name: 'Remove selected (2)' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'removed' })).toHaveText('2 entries removed.');
  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: 2 entries are back on the list.',
  );
  await expect(card.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  expect((await leadprep.call('suppressions.list', {})).entries).toEqual(
    before.map((e) => expect.objectContaining({ value: e.value, source: e.source, createdAt: e.createdAt })),
  );

  // The leads file picked instead of the unsubscribes: undoing takes out what it added, and only that.
  await card.getByLabel('Suppression list file').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvBytes([
        ['Email', 'First Name'],
        ['ann@acme.com', 'Ann'],
        ['bo@beta.io', 'Bo'],
        ['cy@gamma.io', 'Cy'],
      ]),
    ),
  });
  await expect(card.getByRole('status').filter({ hasText: 'added' })).toHaveText(
    '2 added, 1 already on the list. Only the column "Email" of the file was read.',
  );
  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: 2 entries removed.',
  );
  await expect(card.getByText('2 entries', { exact: true })).toBeVisible();
  expect((await leadprep.call('suppressions.list', {})).entries.map((e) => e.value).sort()).toEqual([
    'ann@acme.com',
    'rival.io',
  ]);
});

test("the suppression list: every entry a search finds, an import's 250 bounces, is removed in one click and can be put back", async ({
  app: page,
  leadprep,
}) => {
  await leadprep.call('suppressions.add', {
    entries: Array.from({ length: 250 }, (_, i) => `p${i}@bought.io`),
    source: 'bought.csv (marked as bounced)',
  });
  await leadprep.call('suppressions.add', { entries: ['ann@acme.com'], source: 'typed' });
  await openSettings(page);
  const card = page.getByRole('region', { name: 'Suppression list' });
  await expect(card.getByRole('button', { name: /Remove all/ })).toHaveCount(0);
  await card.getByLabel('Search the suppression list').fill('bought.csv');
  await expect(card.getByText('250 matches', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Remove all 250 matches' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'removed' })).toHaveText('250 entries removed.');
  await expect(card.getByText('No entry matches this search.')).toBeVisible();
  expect((await leadprep.call('suppressions.list', {})).entries.map((e) => e.value)).toEqual([
    'ann@acme.com',
  ]);

  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    'Undone: 250 entries are back on the list.',
  );
  expect((await leadprep.call('suppressions.list', {})).total).toBe(251);
});

test('Back up now saves a copy of the data in the backups folder, and Settings says when the latest was taken', async ({
  app: page,
}) => {
  await openSettings(page);
  const card = page.getByRole('region', { name: 'App information' });
  await expect(card.getByText('No copy yet. LeadPrep saves one each day it runs.')).toBeVisible();
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(
    page.getByText(/^Saved a copy of your data: .*backups[/\\]leadprep-copy-.*\.db$/),
  ).toBeVisible();
  await expect(card.getByText(/^Latest copy just now; LeadPrep saves one each day it runs/)).toBeVisible();
  // Browser mode cannot open a folder: the path is there to copy.
  await card.getByRole('button', { name: 'Reveal backups' }).click();
  await expect(card.getByLabel('Backups folder path')).toBeVisible();
});
