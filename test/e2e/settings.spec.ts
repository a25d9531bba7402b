import type { Page } from '@playwright/test';
import { expect, requireKeychain, test } from './fixtures';

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
