import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type LeadPrepHost } from './fixtures';
import { importFile } from '../../src-main/services/imports/file-import';
import { leadsToCsv, messyLeads, workbookFromRows, writeWorkbook } from '../fixtures-gen';
import { seedGeneratedRun } from '../src-main/services/generation/seed';

/** A committed import with a generated run and a draft with typos and duplicates: every screen has content. */
async function seedEverything(leadprep: LeadPrepHost): Promise<void> {
  const call: Parameters<typeof importFile>[0] = (name, input) => leadprep.call(name, input);
  const { summary } = await importFile(call, leadsToCsv(messyLeads(60, 2)), 'q2-leads.csv');
  await importFile(call, leadsToCsv(messyLeads(60, 3)), 'conference.csv', { draft: true });
  await leadprep.call('suppressions.add', { entries: ['rival.io'], source: 'typed' });
  const ready = await leadprep.call('leads.page', { importId: summary.id, state: 'ready', limit: 20 });
  const { runId } = seedGeneratedRun(leadprep.ctx, { leads: ready.rows.map((r) => r.id), steps: 2 });
  await leadprep.call('review.setState', {
    runId,
    state: 'approved',
    target: { kind: 'leads', leadIds: ready.rows.slice(0, 5).map((r) => r.id) },
  });
}

/** WCAG A/AA problems axe finds on the page as it is now, one line each. */
async function problems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}

const SCREENS = ['Import', 'Clean & dedupe', 'Generate', 'Review', 'Push', 'Settings'] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen, filled with data, meets WCAG 2.1 A and AA as axe checks it (${colorScheme})`, async ({
    app: page,
    leadprep,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await seedEverything(leadprep);
    await page.reload();
    for (const screen of SCREENS) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: new RegExp(`^${screen}`) })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
      // Lists and counts arrive after the heading: wait until nothing is loading.
      await expect(page.getByText('Loading…')).toHaveCount(0);
      expect(await problems(page), screen).toEqual([]);
    }

    // The import steps: sheet, header row, mapping with its preview.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Import/ })
      .click();
    const leads = messyLeads(40, 4);
    // With a second file chosen with it, waiting its turn.
    await page.getByLabel('Lead file').setInputFiles([
      {
        name: 'event.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(
          writeWorkbook(
            workbookFromRows({
              'Read me': [['Exported by the booth scanner']],
              // With a verifier's column, whose checkbox the mapping step shows under its select.
              Leads: [
                [...leads.header, 'Email Status'],
                ...leads.rows.map((r, i) => [...r, i % 5 === 0 ? 'invalid' : 'valid']),
              ],
            }),
          ),
        ),
      },
      { name: 'day2.csv', mimeType: 'text/csv', buffer: Buffer.from(leadsToCsv(messyLeads(10, 5))) },
    ]);
    await expect(page.getByRole('region', { name: 'Sheets' })).toBeVisible();
    await expect(page.getByText('Next: day2.csv.')).toBeVisible();
    expect(await problems(page), 'sheet step').toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Header row' })).toBeVisible();
    expect(await problems(page), 'header step').toEqual([]);
    await page.getByRole('button', { name: 'Use row 1 as header' }).click();
    await expect(page.getByRole('table', { name: 'Preview of the first rows' })).toBeVisible();
    await expect(
      page.getByRole('checkbox', { name: 'Leave out the addresses it marks undeliverable' }),
    ).toBeChecked();
    expect(await problems(page), 'mapping step').toEqual([]);
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await expect(page.getByRole('button', { name: 'Import day2.csv' })).toBeVisible();
    expect(await problems(page), 'a file waiting').toEqual([]);

    // The overlays too: Review's shortcuts and the commit dialog of the draft.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Review/ })
      .click();
    // Review listens for its shortcuts once its lead list is up.
    await expect(
      page.getByRole('grid', { name: 'Leads in this run' }).getByRole('row').first(),
    ).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await problems(page), 'shortcuts').toEqual([]);
    await page.keyboard.press('Escape');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Clean/ })
      .click();
    const picker = page.getByLabel('Import', { exact: true });
    const draft = await picker.locator('option', { hasText: 'conference.csv' }).getAttribute('value');
    await picker.selectOption(draft ?? '');
    await page.getByRole('button', { name: 'Commit import' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await problems(page), 'commit dialog').toEqual([]);
  });
}
