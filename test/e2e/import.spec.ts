import type { Page } from '@playwright/test';
import type * as XLSX from 'xlsx';
import { expect, focusedName, test } from './fixtures';
import { importFile } from '../../src-main/services/imports/file-import';
import {
  contactsVCard,
  crmReportPage,
  csvBytes,
  dynamicsExport,
  filteredWorkbook,
  leadsToCsv,
  messyLeads,
  pdfBytes,
  workbookFromRows,
  writeWorkbook,
  zipOf,
} from '../fixtures-gen';

const FILE_NAME = 'spring-leads.xlsx';

/**
 * A small export as people really get them: a title row and a blank row above the header, a column
 * whose name LeadPrep cannot guess ("Firm"), a typo'd free-mail domain, a ".con" typo, and the same
 * address twice in different case. Sheet rows: 3 = header, 4..9 = leads.
 */
function springLeadsXlsx(): Buffer {
  const rows = [
    ['Spring conference 2024 – leads', '', '', '', ''],
    ['', '', '', '', ''],
    ['E-Mail', 'First name', 'Last name', 'Firm', 'Website'],
    ['ana@acme.io', 'Ana', 'Silva', 'Acme', 'acme.io'],
    ['someone@gmial.com', 'Sam', 'Jones', 'Gamma', 'gamma.io'],
    ['bob@beta.com', 'Bob', 'Stone', 'Beta', 'https://www.beta.com'],
    ['Bob@Beta.com', 'Robert', 'Stone', 'Beta', ''],
    ['carla@delta.org', 'Carla', 'Diaz', 'Delta', 'delta.org'],
    ['dave@epsilon.con', 'Dave', 'Kim', 'Epsilon', 'epsilon.com'],
  ];
  return Buffer.from(writeWorkbook(workbookFromRows({ Leads: rows })));
}

/** Chooses a .csv file and takes row 1 as its header, which leaves it at the mapping step. */
async function continueWithCsvMapping(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page
    .getByLabel('Lead file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
}

/** Chooses a .csv file, takes row 1 as its header and presses Continue with the suggested mapping. */
async function continueWithCsv(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await continueWithCsvMapping(page, name, bytes);
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
}

/** A CRM export that filled every empty address with one placeholder: `rows` rows of one duplicate group. */
function placeholderExport(rows: number): Uint8Array {
  const grid = [['Email', 'First Name', 'Last Name']];
  for (let i = 0; i < rows; i++) grid.push(['noemail@acme.com', `Ann${i}`, 'Lee']);
  return csvBytes(grid);
}

/** Pastes on the page what a clipboard would hold, by type ('text/plain', 'text/html'). */
function paste(page: Page, data: Record<string, string>): Promise<void> {
  return page.evaluate((d) => {
    // The page's own DOM classes (the tests are typed without the DOM library).
    const w = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => object;
      document: { dispatchEvent(e: object): boolean };
    };
    const clipboard = new w.DataTransfer();
    for (const [type, value] of Object.entries(d)) clipboard.setData(type, value);
    w.document.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true }));
  }, data);
}

const chip = (page: Page, label: string) =>
  page.getByRole('group', { name: 'Filter by state' }).getByRole('button', { name: new RegExp(`^${label}`) });

test('import a messy file, remap a column, fix typos, resolve a duplicate, commit, see it in recent imports', async ({
  app: page,
  leadprep,
}) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByText('No imports yet.')).toBeVisible();

  await page.getByLabel('Lead file').setInputFiles({
    name: FILE_NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: springLeadsXlsx(),
  });

  // The title and blank rows are skipped: the header is found on sheet row 3.
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByText('row 3', { exact: true })).toBeVisible();
  await header.getByRole('button', { name: 'Use row 3 as header' }).click();

  // "Firm" is not a known name, so it is suggested as a custom variable; map it to Company instead.
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  const firm = mapping.getByLabel('Target for column Firm');
  await expect(firm).toHaveValue('custom');
  await expect(mapping.getByLabel('Variable name for column Firm')).toHaveValue('firm');
  await expect(mapping.getByLabel('Target for column E-Mail')).toHaveValue('field:email');
  await firm.selectOption({ label: 'Company' });

  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  const anaRow = preview.getByRole('row').filter({ hasText: 'ana@acme.io' });
  await expect(anaRow.getByRole('cell', { name: 'Acme', exact: true })).toBeVisible();
  await expect(preview.getByRole('row').filter({ hasText: 'someone@gmial.com' })).toContainText(
    'Did you mean someone@gmail.com?',
  );

  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();

  // Staged as a draft and opened in Clean & dedupe; every row is accounted for.
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*6/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*2/);
  await expect(chip(page, 'Duplicate')).toHaveText(/Duplicate\s*1/);

  // The bulk fix says how many leads it would change, and the Flag filter how many carry each flag.
  const bulkFix = page.getByRole('button', { name: /^Apply all suggested typo fixes/ });
  await expect(bulkFix).toHaveText('Apply all suggested typo fixes (2)');
  await expect(page.getByRole('option', { name: 'Typo? (2)' })).toBeAttached();
  // Nobody is in your leads yet: no button to exclude people similar to them.
  await expect(page.getByRole('button', { name: /^Exclude similar to imported/ })).toHaveCount(0);

  // One typo fixed with the one-click suggestion, the other inline. The button shows the corrected
  // domain only, so the address being fixed stays readable beside it.
  const typoCell = page.getByRole('gridcell', { name: 'Email of row 5: someone@gmial.com' });
  await expect(typoCell.getByRole('button', { name: 'Use @gmail.com (someone@gmail.com)' })).toHaveText(
    'Use @gmail.com',
  );
  const typoText = typoCell.getByText('someone@gmial.com', { exact: true });
  expect(await typoText.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await page.getByRole('button', { name: 'Use @gmail.com (someone@gmail.com)' }).click();
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*1/);
  await expect(bulkFix).toHaveText('Apply all suggested typo fixes (1)');
  await page
    .getByRole('gridcell', { name: 'Email of row 9: dave@epsilon.con' })
    .getByText('dave@epsilon.con', { exact: true })
    .dblclick();
  const input = page.getByRole('textbox', { name: 'Email of row 9' });
  await input.fill('dave@epsilon.com');
  await input.press('Enter');
  const mended = page.getByRole('gridcell', { name: 'Email of row 9: dave@epsilon.com' });
  await expect(mended).toBeVisible();
  // What the file held stays in reach, on hover and for screen readers.
  await expect(mended).toHaveAttribute('title', 'dave@epsilon.com\nIn the file: dave@epsilon.con');
  await expect(mended).toHaveAccessibleName(/, in the file: dave@epsilon\.con$/);
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*0/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*5/);
  await expect(bulkFix).toHaveText('Apply all suggested typo fixes (0)');
  await expect(bulkFix).toBeDisabled();

  // The duplicate pair: keep the later row (the user knows Robert's record is the current one).
  const duplicates = page.getByRole('region', { name: 'Duplicates' });
  const group = duplicates.getByRole('region', { name: /Duplicate group: row 6, row 7/ });
  await group.getByRole('radio', { name: 'Keep row 7' }).check();
  await group.getByRole('button', { name: 'Keep the selected row' }).click();
  await expect(duplicates.getByText('No open duplicate groups.')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /^Email of row 7/ }).locator('..')).toContainText('Ready');
  // The state says it all for a ready lead: no "Ready" reason repeated beside the badge.
  await expect(
    page
      .getByRole('gridcell', { name: /^Email of row 7/ })
      .locator('..')
      .locator('.state-cell'),
  ).toHaveText('Ready');
  await expect(page.getByRole('gridcell', { name: /^Email of row 6/ }).locator('..')).toContainText(
    'Duplicate',
  );

  // Commit shows the final counts first.
  await page.getByRole('button', { name: 'Commit import' }).click();
  const dialog = page.getByRole('dialog', { name: `Commit ${FILE_NAME}?` });
  await expect(dialog).toContainText('Ready: 5');
  await expect(dialog).toContainText('Duplicate: 1');
  await dialog.getByRole('button', { name: 'Commit import' }).click();
  await expect(page.getByText('This import is committed')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /^Email of row 4/ })).toHaveAttribute(
    'aria-readonly',
    'true',
  );

  // Recent imports on the Import screen list it as committed with the same counts.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Import/ })
    .click();
  const recent = page
    .getByRole('region', { name: 'Recent imports' })
    .getByRole('listitem', { name: FILE_NAME });
  await expect(recent).toContainText('Committed');
  await expect(recent).toContainText('6 leads');
  await expect(recent).toContainText('5 ready');
  await expect(recent).toContainText('1 duplicate');

  const { imports } = await leadprep.call('imports.list', { limit: 10 });
  expect(imports).toHaveLength(1);
  expect(imports[0]).toMatchObject({
    status: 'committed',
    total: 6,
    headerRow: 2,
    counts: { ready: 5, duplicate: 1, needs_fix: 0 },
  });
  expect(imports[0]?.mapping[3]).toEqual({ kind: 'field', field: 'company' });
});

test('the header rows are one Tab stop: the arrow keys pick the row above or below', async ({
  app: page,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: FILE_NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: springLeadsXlsx(),
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByRole('button', { name: 'Use row 3 as header' })).toBeVisible();
  const rows = header.locator('tbody tr');
  await expect(header.locator('tbody tr[tabindex="0"]')).toHaveCount(1);
  await expect(rows.nth(2)).toHaveAttribute('tabindex', '0');
  await rows.nth(2).focus();
  await page.keyboard.press('ArrowUp');
  await expect(header.getByRole('button', { name: 'Use row 2 as header' })).toBeVisible();
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(header.getByRole('button', { name: 'Use row 4 as header' })).toBeVisible();
  await expect(rows.nth(3)).toBeFocused();
});

test('a list kept by hand with a header of two rows: the columns are named by both, and no header row becomes a lead', async ({
  app: page,
}) => {
  const workbook = workbookFromRows({
    People: [
      ['Contact', 'Contact', 'Company', 'Company', 'Email'],
      ['First', 'Last', 'Name', 'Website', 'Email'],
      ['Ana', 'Silva', 'Acme', 'acme.io', 'ana@acme.io'],
      ['Bo', 'Ray', 'Beta', 'beta.io', 'bo@beta.io'],
    ],
  });
  (workbook.Sheets.People as { '!merges'?: unknown[] })['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 1 } },
    { s: { r: 0, c: 2 }, e: { r: 0, c: 3 } },
    { s: { r: 0, c: 4 }, e: { r: 1, c: 4 } },
  ];
  await page.getByLabel('Lead file').setInputFiles({
    name: 'people.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeWorkbook(workbook)),
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header).toContainText(
    'Header: row 2, its column names completed by the group labels of row 1 above it ("Contact", "Company" and "Email")',
  );
  // The group labels are part of the header, not a title row skipped (struck through).
  await expect(header.locator('tbody tr').first()).toHaveClass('group-labels');
  await header.getByRole('button', { name: 'Use row 2 as header' }).click();

  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column First')).toHaveValue('field:firstName');
  await expect(mapping.getByLabel('Target for column Last')).toHaveValue('field:lastName');
  await expect(mapping.getByLabel('Target for column Company Name')).toHaveValue('field:company');
  await expect(mapping.getByLabel('Target for column Website')).toHaveValue('field:website');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*2/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
});

test('rows copied in a spreadsheet are pasted on the Import screen and imported as a file would be', async ({
  app: page,
}) => {
  await expect(
    page.getByText(/Rows copied from a spreadsheet or a web page can be pasted here/),
  ).toBeVisible();
  await paste(page, { 'text/html': '<img src="data:image/png;base64,AAAA">' });
  await expect(page.getByText('There are no rows on the clipboard.', { exact: false })).toBeVisible();

  await paste(page, {
    'text/plain': 'Email\tName\tCompany\nann@acme.com\tAnn Lee\tAcme\nbo@beta.io\tBo Ray\tBeta\n',
  });
  await expect(page.getByText('Pasted rows.txt')).toBeVisible();
  // The header can be taken away and picked again.
  const header = page.getByRole('region', { name: 'Header row' });
  await header.getByRole('button', { name: 'No header row' }).click();
  await expect(header).toContainText('No header row: every row is a lead');
  await header.getByRole('row', { name: /Email/ }).click();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await expect(
    page.getByRole('region', { name: 'Column mapping' }).getByLabel('Target for column Company'),
  ).toHaveValue('field:company');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
});

test('addresses, names, titles and companies pasted without a header: every address is a lead, the first one too, each column mapped by what it holds', async ({
  app: page,
}) => {
  // The screen listens for pastes once it is shown.
  await expect(page.getByText('Drop a lead file here')).toBeVisible();
  await paste(page, {
    'text/plain':
      'ann@acme.com\tAnn Lee\tCEO\tAcme\nbo@beta.io\tBo Ray\tHead of Growth\tBeta\ncy@gamma.org\t\t\t\n',
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header).toContainText('No header row: every row is a lead');
  await header.getByRole('button', { name: 'Continue without a header row' }).click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column Column 1')).toHaveValue('field:email');
  // The addresses are made of the names beside them, at domains named for the companies.
  await expect(mapping.getByLabel('Target for column Column 2')).toHaveValue('field:fullName');
  await expect(mapping.getByLabel('Target for column Column 3')).toHaveValue('field:title');
  await expect(mapping.getByLabel('Target for column Column 4')).toHaveValue('field:company');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*3/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
  await expect(page.getByRole('gridcell', { name: /ann@acme\.com/ }).first()).toBeVisible();
});

test('a CSV pasted into column A of a workbook is split into its columns, and the header step says so', async ({
  app: page,
}) => {
  const rows = [
    ['Email,First Name,Company'],
    ['ann@acme.com,Ann,Acme'],
    ['bo@beta.io,Bo,"Beta, Gamma and Partners"'],
  ];
  await page.getByLabel('Lead file').setInputFiles({
    name: 'pasted.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeWorkbook(workbookFromRows({ Leads: rows }))),
  });
  await expect(page.getByText(/Each row of this sheet was written in one cell/)).toBeVisible();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column Email')).toHaveValue('field:email');
  await expect(mapping.getByLabel('Target for column Company')).toHaveValue('field:company');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
  await expect(page.getByRole('gridcell', { name: /Beta, Gamma and Partners/ })).toBeVisible();
});

test("recipients copied from a mail app's To line are pasted: each person is a lead, named as the mail app wrote them", async ({
  app: page,
}) => {
  await expect(page.getByText('Drop a lead file here')).toBeVisible();
  await paste(page, {
    'text/plain': 'Ann Lee <ann@acme.com>, "Ray, Bo" <bo@beta.io>, Cy Sun <cy@gamma.org>',
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header).toContainText('No header row: every row is a lead');
  await header.getByRole('button', { name: 'Continue without a header row' }).click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column Column 1')).toHaveValue('field:email');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*3/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  await expect(page.getByRole('gridcell', { name: 'Last name of row 2: Ray' })).toBeVisible();
});

test('a list of addresses alone: each lead is offered the name its address is made of, one row or all at once, and Undo takes it back', async ({
  app: page,
}) => {
  await continueWithCsv(
    page,
    'signups.csv',
    csvBytes([['Email'], ['ann.lee@acme.com'], ['bo.ray@beta.io'], ['cat.sun@gmail.com'], ['alee@acme.com']]),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*4/);
  const fillAll = page.getByRole('button', { name: /^Fill names from addresses/ });
  await expect(fillAll).toHaveText('Fill names from addresses (3)');
  await expect(page.getByText('No name; the address reads as Ann Lee')).toBeVisible();

  // One row's name, from its first name cell; the address that reads as no name is offered none.
  const annFirst = page.getByRole('gridcell', { name: /^First name of row 2/ });
  await annFirst.getByRole('button', { name: 'Use Ann Lee (the name in the address)' }).click();
  await expect(page.getByRole('gridcell', { name: 'Last name of row 2: Lee' })).toBeVisible();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);
  await expect(fillAll).toHaveText('Fill names from addresses (2)');
  await expect(page.getByRole('gridcell', { name: /^First name of row 5/ }).getByRole('button')).toHaveCount(
    0,
  );

  await fillAll.click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  await expect(page.getByRole('gridcell', { name: 'First name of row 4: Cat' })).toBeVisible();
  await expect(fillAll).toHaveText('Fill names from addresses (0)');
  await expect(fillAll).toBeDisabled();

  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    'Undo: Fill names from addresses',
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);
  await expect(fillAll).toHaveText('Fill names from addresses (2)');
});

test('a PDF renamed .xlsx and a sheet without an email column are refused in plain words; nothing is saved', async ({
  app: page,
  leadprep,
}) => {
  const fileInput = page.getByLabel('Lead file');
  await fileInput.setInputFiles({
    name: 'report.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(pdfBytes()),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'This step did not work' })).toContainText(
    'not a spreadsheet',
  );
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeEnabled();

  const noEmail = csvBytes([
    ['Name', 'Company', 'Phone'],
    ['Ana Silva', 'Acme', '+351 912 345 678'],
  ]);
  await fileInput.setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(noEmail) });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await expect(
    page.getByText('No email column found. Columns in this sheet: Name, Company, Phone.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue: clean and check all rows' })).toBeDisabled();

  expect((await leadprep.call('imports.list', { limit: 10 })).imports).toEqual([]);
});

/** A workbook of an event: a summary sheet first, then the sheet of leads, its email column in French. */
function eventWorkbook(): XLSX.WorkBook {
  return workbookFromRows({
    Summary: [
      ['Region', 'Leads'],
      ['EMEA', '2'],
    ],
    'Booth scans': [
      ['Name', 'Company', 'Courriel'],
      ['Ana Silva', 'Acme', 'ana@acme.io'],
      ['Bo Park', 'Beta', 'bo@beta.com'],
    ],
  });
}

test('in a workbook with a summary sheet first, the sheet with the email column is suggested and Enter picks it', async ({
  app: page,
}) => {
  const workbook = eventWorkbook();
  await page.getByLabel('Lead file').setInputFiles({
    name: 'event.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(writeWorkbook(workbook)),
  });
  const sheets = page.getByRole('region', { name: 'Sheets' });
  await expect(sheets.getByRole('button', { name: /^Summary/ })).toContainText('no email column found');
  const suggested = sheets.getByRole('button', { name: /^Booth scans/ });
  await expect(suggested).toContainText('has an email column · suggested');
  await expect(suggested).toBeFocused();

  await page.keyboard.press('Enter');
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByText('Courriel')).toBeVisible();
});

test('an Apple Numbers spreadsheet is read as a workbook: its sheets are offered and its leads imported', async ({
  app: page,
}) => {
  const workbook = eventWorkbook();
  await page.getByLabel('Lead file').setInputFiles({
    name: 'event.numbers',
    mimeType: 'application/x-iwork-numbers-sffnumbers',
    buffer: Buffer.from(writeWorkbook(workbook, 'numbers')),
  });
  const sheets = page.getByRole('region', { name: 'Sheets' });
  await expect(sheets.getByRole('button', { name: /^Summary/ })).toContainText('no email column found');
  await expect(sheets.getByRole('button', { name: /^Booth scans/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Ready')).toContainText('2');
  await expect(page.getByRole('grid').getByText('Ana', { exact: true })).toBeVisible();
});

test('row numbers in the header picker scroll with their rows instead of piling up at the top', async ({
  app: page,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'long.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(leadsToCsv(messyLeads(40, 3))),
  });
  const picker = page.getByRole('region', { name: 'Header row' }).locator('.grid-scroll');
  await expect(picker.getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  const offsets = await picker.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    const top = el.getBoundingClientRect().top;
    return [...el.querySelectorAll('tbody th')].map((th) => th.getBoundingClientRect().top - top);
  });
  // The first row's number went up out of view with its row; on the old CSS it stuck at the top.
  expect(offsets[0]).toBeLessThan(-20);
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
});

test('one long reason in the preview does not widen the state column of every row', async ({ app: page }) => {
  await page.setViewportSize({ width: 960, height: 600 });
  const rows = [['Email', 'First Name', 'Company']];
  rows.push(['ana.maria.silva.costa@gmial.com', 'Ana', 'Acme']);
  for (let i = 0; i < 5; i++) rows.push([`p${i}@beta${i}.com`, `Pat${i}`, 'Beta']);
  await page
    .getByLabel('Lead file')
    .setInputFiles({ name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(csvBytes(rows)) });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  const reason = preview.locator('.state-reason').first();
  await expect(reason).toContainText('gmail.com');
  const state = await preview.getByRole('columnheader', { name: 'State' }).boundingBox();
  // 14rem of badge and reason plus the cell's padding; the reason wraps under the badge, whole.
  expect(state!.width).toBeLessThanOrEqual(14 * 16 + 2 * 12 + 1);
  expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('a whole address offered as the fix leaves the address being fixed in view beside it; a short fix and a reason of two lines are shown whole', async ({
  app: page,
}) => {
  const rows = [['Email', 'First Name', 'Company']];
  rows.push(['Jane Doe jane.doe@northwind-trading-company.com', 'Jane', 'Northwind']);
  rows.push(['ana@gmial.com', 'Ana', 'Acme']);
  rows.push(['sam.jones@gmial.com', 'Sam', 'Acme']);
  await continueWithCsv(page, 'fixes.csv', csvBytes(rows));
  const whole = page.getByRole('gridcell', { name: /^Email of row 2/ });
  const fix = whole.getByRole('button', { name: 'Use jane.doe@northwind-trading-company.com' });
  await expect(fix).toBeVisible();
  const text = whole.getByText('Jane Doe jane.doe@northwind-trading-company.com', { exact: true });
  const cellWidth = (await whole.boundingBox())!.width;
  // A good part of the cell, instead of the two letters the fix left it.
  expect((await text.boundingBox())!.width).toBeGreaterThan(cellWidth / 4);
  const short = page
    .getByRole('gridcell', { name: /^Email of row 3/ })
    .getByRole('button', { name: /^Use @gmail\.com/ });
  expect(await short.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await short.locator('.suggestion-text').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(
    true,
  );
  // Too long for one line beside its badge, the reason takes a second, so the address it offers is read.
  const reason = page
    .getByRole('gridcell', { name: /^State of row 4/ })
    .getByText('Did you mean sam.jones@gmail.com?', { exact: true });
  expect(
    await reason.evaluate(
      (el) =>
        el.scrollWidth <= el.clientWidth &&
        el.scrollHeight <= el.clientHeight &&
        el.clientHeight > parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).lineHeight ?? '0'),
    ),
  ).toBe(true);
});

test('a file imported before is said so as soon as it is chosen, with a way to the earlier import; Continue asks once more', async ({
  app: page,
  leadprep,
}) => {
  const bytes = csvBytes([
    ['Email', 'First Name'],
    ['ana@acme.io', 'Ana'],
    ['bo@beta.com', 'Bo'],
  ]);
  await importFile((name, input) => leadprep.call(name, input), bytes, 'q2-leads.csv');
  const choose = () =>
    page
      .getByLabel('Lead file')
      .setInputFiles({ name: 'q2 copy.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });

  await choose();
  const notice = page.getByRole('status').filter({ hasText: 'You imported this file before' });
  await expect(notice).toContainText(/q2-leads\.csv, .* \(committed, 2 leads\)/);
  await notice.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(page.getByLabel('Import', { exact: true }).locator('option:checked')).toContainText(
    'q2-leads.csv',
  );

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Import/ })
    .click();
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await choose();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  const dialog = page.getByRole('dialog', { name: 'You imported this file before' });
  await expect(dialog).toContainText('committed while it still needed a fix');
  await dialog.getByRole('button', { name: 'Import again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  expect((await leadprep.call('imports.list', { limit: 10 })).imports).toHaveLength(2);
});

test("a workbook's sheets are imported one at a time: the sheet imported before is marked and suggested last, and another sheet is not a repeat", async ({
  app: page,
  leadprep,
}) => {
  const header = ['Email', 'First Name', 'Last Name'];
  const bytes = writeWorkbook(
    workbookFromRows({
      'Day 1': [
        header,
        ['ana@acme.io', 'Ana', 'Silva'],
        ['bo@beta.com', 'Bo', 'Park'],
        ['cy@gamma.io', 'Cy', 'Fox'],
      ],
      'Day 2': [header, ['dee@delta.io', 'Dee', 'Poe']],
      'Stand plan': [['Hall B, stand 12']],
    }),
  );
  await importFile((name, input) => leadprep.call(name, input), bytes, 'expo.xlsx', { sheet: 'Day 1' });
  await page.getByLabel('Lead file').setInputFiles({
    name: 'expo.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(bytes),
  });
  const notice = page.getByRole('status').filter({ hasText: 'You imported this file before' });
  await expect(notice).toContainText(/expo\.xlsx, sheet “Day 1”, .* \(committed, 3 leads\)/);
  await expect(notice).toContainText('another sheet is other leads');
  const sheets = page.getByRole('region', { name: 'Sheets' });
  await expect(sheets.getByRole('button', { name: /^Day 1/ })).toContainText('imported before');
  const day2 = sheets.getByRole('button', { name: /^Day 2/ });
  await expect(day2).toContainText('suggested');
  await expect(sheets.getByRole('button', { name: /^Stand plan/ })).toContainText(/^Stand plan1 row ·/);
  await expect(day2).toBeFocused();
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(chip(page, 'All')).toHaveText(/All\s*1/);
});

test('the people a CRM export marks as opted out are suppressed unless the user unticks it', async ({
  app: page,
}) => {
  await continueWithCsvMapping(
    page,
    'crm.csv',
    csvBytes([
      ['Email', 'First Name', 'Email Opt Out'],
      ['ann@acme.com', 'Ann', 'true'],
      ['bo@beta.io', 'Bo', 'false'],
    ]),
  );
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  const optOut = mapping.getByRole('checkbox', { name: 'Leave out the people it marks as opted out' });
  await expect(optOut).toBeChecked();
  const ann = page
    .getByRole('table', { name: 'Preview of the first rows' })
    .getByRole('row')
    .filter({ hasText: 'ann@acme.com' });
  await expect(ann).toContainText('Suppressed');
  await optOut.uncheck();
  await expect(ann).toContainText('Ready');
  await optOut.check();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*1/);
  await expect(page.getByText('Marked in the file as opted out or not to be contacted')).toBeVisible();
});

test("a campaign's export: who already answered is left out, a fresh row of the same address too, unless the user unticks it or keeps the row", async ({
  app: page,
}) => {
  await continueWithCsvMapping(
    page,
    'apollo.csv',
    csvBytes([
      ['Email', 'First Name', 'Stage'],
      ['ann@acme.com', 'Ann', 'Meeting Booked'],
      ['bo@beta.io', 'Bo', 'Cold'],
      ['ANN@acme.com', 'Ann', ''],
    ]),
  );
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  const answered = mapping.getByRole('checkbox', {
    name: 'Leave out the people it marks as having answered',
  });
  await expect(answered).toBeChecked();
  // How many rows the tick leaves out, before anything is imported.
  await expect(
    mapping.getByText(/for a sequence meant for them.* 1 row of this file says so\./),
  ).toBeVisible();
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  const rows = preview.getByRole('row').filter({ hasText: /ann@acme\.com/i });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Suppressed');
  await answered.uncheck();
  await expect(rows.nth(0)).not.toContainText('Suppressed');
  await answered.check();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*2/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);
  // A conversation, not a refusal: the founder writes to the one they choose.
  await page.getByRole('checkbox', { name: 'Select row 2' }).check();
  await page.getByRole('button', { name: 'Keep selected' }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*1/);
});

test("a campaign's export: who was not interested, far down the file, is left out though a saved template had no tick", async ({
  app: page,
  leadprep,
}) => {
  const header = ['Email', 'First Name', 'Interest Status'];
  await leadprep.call('imports.templates.save', {
    name: 'Campaign export',
    headers: header,
    mapping: [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'firstName' },
      { kind: 'custom', key: 'interest_status' },
    ],
  });
  const rows = Array.from({ length: 250 }, (_, i) => [`lead${i}@acme.com`, `Lead${i}`, 'Contacted']);
  rows.push(['bo@beta.io', 'Bo', 'Not Interested']);
  await continueWithCsvMapping(page, 'campaign.csv', csvBytes([header, ...rows]));
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByText('Campaign export')).toBeVisible();
  await expect(
    mapping.getByRole('checkbox', { name: 'Leave out the people it marks as not interested' }),
  ).toBeChecked();
  // The sample values are the column's distinct ones, so the status far down shows before continuing.
  await expect(
    mapping.getByRole('row', { name: /^Interest Status/ }).getByText('Contacted · Not Interested'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*1/);
  await chip(page, 'Suppressed').click();
  await expect(
    page.getByText('Said they were not interested when written to before, as the file says'),
  ).toBeVisible();
});

test("the verdicts of the user's email verifier are taken: an undeliverable address is invalid unless the user unticks it", async ({
  app: page,
}) => {
  await continueWithCsvMapping(
    page,
    'verified.csv',
    csvBytes([
      ['Email', 'First Name', 'Email Status'],
      ['ann@acme.com', 'Ann', 'Invalid'],
      ['bo@beta.io', 'Bo', 'Valid'],
      ['cy@gamma.io', 'Cy', 'Catch-all'],
    ]),
  );
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  const verdicts = mapping.getByRole('checkbox', { name: 'Leave out the addresses it marks undeliverable' });
  await expect(verdicts).toBeChecked();
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  const ann = preview.getByRole('row').filter({ hasText: 'ann@acme.com' });
  await expect(ann).toContainText('Invalid');
  await verdicts.uncheck();
  await expect(ann).toContainText('Ready');
  await verdicts.check();
  await expect(ann).toContainText('Invalid');

  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Invalid')).toHaveText(/Invalid\s*1/);
  await expect(page.getByText('Your email verifier marked this address undeliverable')).toBeVisible();
  // What the verifier could not confirm is the user's call, in one action.
  await page.getByRole('button', { name: 'Exclude unconfirmed (catch-all, unknown) (1)' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*1/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);
});

test("a Dynamics 365 export's hidden columns are said to be hidden and ignored; its leads carry none of them", async ({
  app: page,
  leadprep,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'Active Contacts.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(dynamicsExport([['Ann Lee', 'ann@acme.io', 'Acme']])),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  for (const column of ['Contact', 'Row Checksum', 'Modified On']) {
    const header = `(Do Not Modify) ${column}`;
    await expect(mapping.getByRole('rowheader', { name: header })).toContainText('hidden in your sheet');
    await expect(mapping.getByLabel(`Target for column ${header}`)).toHaveValue('ignore');
  }
  await expect(mapping.getByRole('rowheader', { name: 'Email' })).not.toContainText('hidden');
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  const [imported] = (await leadprep.call('imports.list', { limit: 1 })).imports;
  const { rows } = await leadprep.call('leads.page', { importId: imported?.id ?? 0, limit: 10 });
  expect(rows.map((r) => [r.email, r.fullName, r.custom])).toEqual([['ann@acme.io', 'Ann Lee', {}]]);
});

test('the columns not mapped to a field are ignored in one click, and kept again in another', async ({
  app: page,
  leadprep,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'apollo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvBytes([
        ['Email', 'First Name', 'Seniority', 'Departments', '# Employees'],
        ['ana@acme.io', 'Ana', 'C suite', 'Sales', '120'],
      ]),
    ),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping).toContainText('3 columns not mapped to a field are kept as custom variables.');
  await mapping.getByRole('button', { name: 'Ignore all 3' }).click();
  for (const column of ['Seniority', 'Departments', '# Employees'])
    await expect(mapping.getByLabel(`Target for column ${column}`)).toHaveValue('ignore');
  await expect(mapping.getByLabel('Target for column Email')).toHaveValue('field:email');
  await expect(mapping).toContainText('3 columns not mapped to a field are ignored.');

  await mapping.getByRole('button', { name: 'Keep them as custom variables' }).click();
  await expect(mapping.getByLabel('Variable name for column Departments')).toHaveValue('departments');
  await mapping.getByLabel('Target for column Seniority').selectOption({ label: 'Ignore this column' });
  await mapping.getByRole('button', { name: 'Ignore all 2' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  const [imported] = (await leadprep.call('imports.list', { limit: 1 })).imports;
  const { rows } = await leadprep.call('leads.page', { importId: imported?.id ?? 0, limit: 10 });
  expect(rows.map((r) => [r.email, r.custom])).toEqual([['ana@acme.io', {}]]);
});

test('a file of several staging chunks arrives whole: every row once, the counts add up', async ({
  app: page,
  leadprep,
}) => {
  // 2,345 rows: two full chunks of 1,000 and a short one, staged while the worker builds the next.
  const leads = messyLeads(2_345, 5);
  await continueWithCsv(page, 'big.csv', leadsToCsv(leads));
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*2,345/);

  const { imports } = await leadprep.call('imports.list', { limit: 10 });
  expect(imports).toHaveLength(1);
  const draft = imports[0];
  expect(draft?.total).toBe(2_345);
  const counts = Object.values(draft?.counts ?? {}).reduce((a, b) => a + b, 0);
  expect(counts).toBe(2_345);
  const rowNumbers: number[] = [];
  for (let offset = 0; offset < 2_345; offset += 500) {
    const page500 = await leadprep.call('leads.page', { importId: draft?.id ?? 0, offset, limit: 500 });
    rowNumbers.push(...page500.rows.map((r) => r.rowNumber));
  }
  expect(rowNumbers).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 2));
});

test('a placeholder address on 40 rows makes one duplicate group: its card shows the first rows and says how many it holds', async ({
  app: page,
}) => {
  await continueWithCsv(page, 'crm-export.csv', placeholderExport(40));
  await expect(chip(page, 'Duplicate')).toHaveText(/Duplicate\s*39/);

  const duplicates = page.getByRole('region', { name: 'Duplicates' });
  const group = duplicates.getByRole('region', { name: /Duplicate group: row 2, .*row 13 and 28 more rows/ });
  await expect(group.getByText('Showing 12 of 40 rows.')).toBeVisible();
  await expect(group.getByRole('radio')).toHaveCount(12);
  await group.getByRole('radio', { name: 'Keep row 5' }).check();
  await group.getByRole('button', { name: 'Keep the selected row' }).click();
  await expect(duplicates.getByText('No open duplicate groups.')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /^Email of row 5/ }).locator('..')).toContainText('Ready');
  await expect(chip(page, 'Duplicate')).toHaveText(/Duplicate\s*39/);
});

test('a group of four rows is compared in equal columns, each label on one line and each reason whole', async ({
  app: page,
}) => {
  const rows = [['Email', 'First Name', 'Last Name', 'Company', 'LinkedIn']];
  const profile = 'https://www.linkedin.com/in/sofia-brown-5-with-a-long-profile-slug';
  rows.push(['sofia.brown5@orange.fr', 'Sofía', 'Brown', 'Wayne Incorporated Holdings', profile]);
  for (const email of ['sofia.brown5@orange.fr', 'Sofia.Brown5@orange.fr', 'SOFIA.BROWN5@ORANGE.FR'])
    rows.push([email, 'Sofía', 'Brown', '', '']);
  await continueWithCsv(page, 'four.csv', csvBytes(rows));
  const table = page.getByRole('region', { name: 'Duplicates' }).getByRole('table');
  await expect(table.getByRole('radio')).toHaveCount(4);

  const widths = await table
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
  const members = widths.slice(1);
  expect(Math.max(...members) - Math.min(...members)).toBeLessThan(2);
  // Lines of each label's own text (a row is as tall as its tallest cell, so the cell's height says nothing).
  const labelLines = await table.getByRole('rowheader').evaluateAll((ths) =>
    ths.map((th) => {
      const range = th.ownerDocument.createRange();
      range.selectNodeContents(th);
      return [th.textContent, range.getClientRects().length];
    }),
  );
  // On the old layout "Company" wrapped to three lines and "Name" to two.
  expect(labelLines).toEqual(labelLines.map(([label]) => [label, 1]));
  await expect(table.getByText('Same email as row 2').first()).toBeVisible();
  const reason = table.getByText('Same email as row 2').first();
  expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('the lead table is one Tab stop: arrows and PageDown move between cells and rows, Enter edits, focus comes back', async ({
  app: page,
}) => {
  const rows = [['Email', 'First Name', 'Last Name', 'Company']];
  for (let i = 0; i < 60; i++) rows.push([`p${i}@beta${i}.com`, `Pat${i}`, `Lee${i}`, `Beta ${i}`]);
  rows[3]![0] = 'p2@gmial.com';
  await continueWithCsv(page, 'keys.csv', csvBytes(rows));
  const grid = page.getByRole('grid', { name: 'Leads' });
  await expect(grid.getByRole('gridcell', { name: 'Email of row 2: p0@beta0.com' })).toBeVisible();

  // Tab from the last bulk action (the ones after it are disabled) lands on the header's "select all",
  // then on the grid's one Tab stop.
  const focused = () => focusedName(page);
  await page.getByRole('button', { name: /^Exclude free-mail/ }).focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Select all 60 shown');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Email of row 2: p0@beta0.com');
  expect(await grid.locator('[tabindex="0"]').count()).toBe(1);

  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('First name of row 2: Pat0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe('First name of row 4: Pat2');
  // Row 4 has a typo fix: it sits between the email and the first name.
  await page.keyboard.press('ArrowLeft');
  expect(await focused()).toBe('Use @gmail.com (p2@gmail.com)');
  await page.keyboard.press('Home');
  expect(await focused()).toBe('Select row 4');
  // Space ticks the row; Shift+Space ticks every row from the one ticked last.
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await page.keyboard.press('Space');
  await expect(bulk).toContainText('1 selected:');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Space');
  await expect(bulk).toContainText('3 selected:');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');

  // Rows far below are scrolled into the DOM and focused.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect.poll(focused).toBe('Select row 44');
  await page.keyboard.press('Control+End');
  await expect.poll(focused).toBe('Select row 61');

  // The state and its reason are read on the way; Enter edits; Escape and Enter give focus back.
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('State of row 61: Ready');
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('Email of row 61: p59@beta59.com');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('textbox', { name: 'First name of row 61' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(focused).toBe('First name of row 61: Pat59');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Paula');
  await page.keyboard.press('Enter');
  // A screen reader hears what the file held, as a mouse user sees it on hover.
  await expect.poll(focused).toBe('First name of row 61: Paula, in the file: Pat59');

  // And Tab leaves the grid for the controls after it instead of walking through every cell.
  await page.keyboard.press('Tab');
  expect(await grid.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(false);
});

test('Cancel while leads are being saved leaves nothing behind and shows no error', async ({
  app: page,
  leadprep,
}) => {
  // Every stageRows call waits at the network until Cancel is pressed: Cancel lands while leads are being
  // saved, however fast the machine saves them (30k rows once took seconds, and then no longer did).
  let letThrough = (): void => {};
  const cancelPressed = new Promise<void>((resolve) => (letThrough = resolve));
  await page.route('**/api/call/imports.stageRows', async (route) => {
    await cancelPressed;
    await route.continue();
  });
  await continueWithCsv(page, 'cancel-me.csv', leadsToCsv(messyLeads(3_000, 6)));
  await expect(page.getByText('Saving leads')).toBeVisible({ timeout: 30_000 });
  // Continue sits below the mapping and the preview; the progress and its Cancel stay in view.
  await expect(page.getByRole('status').filter({ hasText: 'Saving leads' })).toBeInViewport();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  letThrough();

  await expect(page.getByText('Cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue: clean and check all rows' })).toBeEnabled();
  await expect.poll(async () => (await leadprep.call('imports.list', { limit: 10 })).imports).toEqual([]);
  await expect(page.getByRole('alert').filter({ hasText: 'This step did not work' })).toHaveCount(0);
});

test('Continue right after Cancel: a call of the cancelled run that fails later neither shows an error nor ends the new run', async ({
  app: page,
  leadprep,
}) => {
  // The first stageRows call of each run waits at the network until the test lets it go.
  const held: { importId: number; release: () => void }[] = [];
  let notify = (): void => {};
  await page.route('**/api/call/imports.stageRows', async (route) => {
    const { importId } = route.request().postDataJSON() as { importId: number };
    if (!held.some((h) => h.importId === importId)) {
      await new Promise<void>((release) => {
        held.push({ importId, release });
        notify();
      });
    }
    await route.continue();
  });
  const heldCount = (n: number) =>
    new Promise<void>((resolve) => {
      notify = () => held.length >= n && resolve();
      notify();
    });

  await page.getByLabel('Lead file').setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(leadsToCsv(messyLeads(2_345, 7))),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const go = page.getByRole('button', { name: 'Continue: clean and check all rows' });
  await go.click();
  await heldCount(1);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect.poll(async () => (await leadprep.call('imports.list', { limit: 10 })).imports).toEqual([]);

  await go.click();
  await heldCount(2);
  // The cancelled run's call reaches LeadPrep after its draft was deleted, and fails.
  const cancelledRun = held[0]?.importId;
  const failed = page.waitForResponse(
    (r) =>
      r.url().includes('imports.stageRows') &&
      (r.request().postDataJSON() as { importId: number }).importId === cancelledRun,
  );
  held[0]?.release();
  expect(((await (await failed).json()) as { ok: boolean }).ok).toBe(false);
  await expect(page.getByText('Saving leads')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'This step did not work' })).toHaveCount(0);

  held[1]?.release();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(chip(page, 'All')).toHaveText(/All\s*2,345/);
  const { imports } = await leadprep.call('imports.list', { limit: 10 });
  expect(imports.map((i) => ({ name: i.fileName, total: i.total }))).toEqual([
    { name: 'again.csv', total: 2_345 },
  ]);
});

test('Cancel while the draft is being created removes that draft once it exists', async ({
  app: page,
  leadprep,
}) => {
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let reached = (): void => {};
  const atServer = new Promise<void>((resolve) => (reached = resolve));
  // The draft is created on the server; its id comes back only after Cancel was clicked.
  await page.route('**/api/call/imports.stageBegin', async (route) => {
    const response = await route.fetch();
    reached();
    await held;
    await route.fulfill({ response });
  });
  await continueWithCsv(page, 'late.csv', leadsToCsv(messyLeads(50, 8)));
  await atServer;
  expect((await leadprep.call('imports.list', { limit: 10 })).imports).toHaveLength(1);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  release();

  await expect(page.getByText('Cancelled.')).toBeVisible();
  await expect.poll(async () => (await leadprep.call('imports.list', { limit: 10 })).imports).toEqual([]);
  await expect(page.getByRole('alert').filter({ hasText: 'This step did not work' })).toHaveCount(0);
});

test('a failure while saving is shown where the user is looking, and Continue can be pressed again', async ({
  app: page,
  leadprep,
}) => {
  let failures = 1;
  await page.route('**/api/call/imports.stageBegin', async (route) => {
    if (failures-- > 0) {
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'database', message: 'The disk is full. Free some space and press Continue again.' },
        }),
      });
    } else await route.continue();
  });
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.getByLabel('Lead file').setInputFiles({
    name: 'full-disk.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(leadsToCsv(messyLeads(40, 9))),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  const go = page.getByRole('button', { name: 'Continue: clean and check all rows' });
  await go.click();

  const banner = page.getByRole('alert').filter({ hasText: 'This step did not work' });
  await expect(banner).toContainText('The disk is full. Free some space and press Continue again.');
  await expect(banner).toBeInViewport();
  expect((await leadprep.call('imports.list', { limit: 10 })).imports).toEqual([]);

  await go.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*40/);
});

test('each section of the navigation stays on one line when it is the current one, clear of its shortcut', async ({
  app: page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const items = nav.getByRole('button');
  const count = await items.count();
  expect(count).toBeGreaterThan(1);
  const lineHeight = (await items.nth(1).boundingBox())?.height ?? 0;
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await item.click();
    await expect(item).toHaveAttribute('aria-current', 'page');
    const name = await item.innerText();
    expect((await item.boundingBox())?.height, name).toBe(lineHeight);
    // The bold label ends at least a few pixels before the shortcut starts.
    const space = await item.evaluate((button) => {
      const spans = button.querySelectorAll('span');
      const label = spans.item(0).getBoundingClientRect();
      const shortcut = spans.item(1).getBoundingClientRect();
      return shortcut.left - label.right;
    });
    expect(space, name).toBeGreaterThanOrEqual(6);
  }
});

test('in the smallest window, Clean & dedupe shows its first rows without scrolling: the actions sit beside the title', async ({
  app: page,
  leadprep,
}) => {
  await importFile((name, input) => leadprep.call(name, input), leadsToCsv(messyLeads(40, 3)), 'fair.csv', {
    draft: true,
  });
  // mainWindowOptions' minimum size.
  await page.setViewportSize({ width: 960, height: 600 });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Clean/ })
    .click();
  const grid = page.getByRole('grid', { name: 'Leads' });
  await expect(grid.getByRole('row').nth(4)).toBeVisible();

  const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  const commit = (await page.getByRole('button', { name: 'Commit import' }).boundingBox())!;
  expect(commit.y).toBeLessThan(title.y + title.height);
  // Rows wholly above the status bar, before any scrolling (one on the old layout).
  const statusTop = (await page.locator('.app-status').boundingBox())!.y;
  const rowBottoms = await grid
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((r) => r.getBoundingClientRect().bottom));
  expect(rowBottoms.filter((bottom) => bottom <= statusTop).length).toBeGreaterThanOrEqual(4);
  // The search keeps the flag filter and the count on its line.
  const search = (await page.getByRole('searchbox', { name: 'Search leads' }).boundingBox())!;
  const shown = (await page.getByText(/^40 shown$/).boundingBox())!;
  expect(Math.abs(shown.y + shown.height / 2 - (search.y + search.height / 2))).toBeLessThan(4);
});

test('the duplicate groups waiting below the table are one button away, and the button goes once they are decided', async ({
  app: page,
}) => {
  await continueWithCsv(page, 'crm-export.csv', placeholderExport(40));
  const duplicates = page.getByRole('region', { name: 'Duplicates' });
  await expect(duplicates.getByText('1 group waiting for a decision.')).toBeAttached();
  await expect(duplicates).not.toBeInViewport();

  await page.getByRole('button', { name: 'Review 1 duplicate group ↓' }).click();
  await expect(duplicates).toBeFocused();
  await expect(duplicates).toBeInViewport();
  // Tab goes on into the group's choices.
  await page.keyboard.press('Tab');
  expect(await duplicates.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);

  await duplicates.getByRole('button', { name: 'Keep the selected row' }).click();
  await expect(duplicates.getByText('No open duplicate groups.')).toBeVisible();
  await expect(page.getByRole('button', { name: /duplicate group/ })).toHaveCount(0);
});

test('a quote that does not close its cell in a .csv is named at the header step, and every row after it arrives as a lead', async ({
  app: page,
}) => {
  const lines = Array.from({ length: 12 }, (_, i) => `person${i}@acme.com,Person ${i}`);
  lines[3] = `"${lines[3]}`;
  // A quoted cell further down closes that quote as papaparse reads it, taking rows 5 to 9 in.
  lines[7] = `person7@acme.com,"Person ""7"""`;
  await page.getByLabel('Lead file').setInputFiles({
    name: 'stray-quote.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Email,Name\n${lines.join('\n')}\n`),
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByText(/^A quote that opens a cell in row 5 is not closed/)).toBeVisible();
  await expect(header).toContainText('13 rows');
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'All')).toHaveText(/All\s*12/);
});

test('a cell edit is saved when the user clicks away, as in a spreadsheet; Escape still cancels', async ({
  app: page,
}) => {
  const rows = [
    ['Email', 'First Name', 'Last Name', 'Title'],
    ['ann@acme.com', 'Ann', 'Lee', 'CEO'],
    ['bob@beta.io', 'Bob', 'Ray', 'CTO'],
  ];
  await continueWithCsv(page, 'two.csv', csvBytes(rows));
  const cell = (row: number) => page.getByRole('gridcell', { name: new RegExp(`^Title of row ${row}`) });
  await expect(cell(2)).toContainText('CEO');

  await cell(2).dblclick();
  await page.getByRole('textbox', { name: 'Title of row 2' }).fill('Founder');
  await page.getByRole('searchbox', { name: 'Search leads' }).click();
  await expect(cell(2)).toContainText('Founder');
  // Focus stays where the user clicked.
  await expect(page.getByRole('searchbox', { name: 'Search leads' })).toBeFocused();

  await cell(3).dblclick();
  await page.getByRole('textbox', { name: 'Title of row 3' }).fill('Intern');
  await page.keyboard.press('Escape');
  await expect(cell(3)).toContainText('CTO');
  await page.getByRole('searchbox', { name: 'Search leads' }).click();
  await expect(cell(3)).toContainText('CTO');

  // Saved, not only shown: the table read again from the database says so.
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Clean/ })
    .click();
  await expect(cell(2)).toContainText('Founder');
});

test('an edit left open in a row scrolled out of the table is saved, not lost with the row', async ({
  app: page,
}) => {
  const rows = [['Email', 'First Name', 'Last Name', 'Title']];
  for (let i = 0; i < 300; i++) rows.push([`p${i}@acme${i}.com`, `Pat${i}`, 'Lee', 'CEO']);
  await continueWithCsv(page, 'many.csv', csvBytes(rows));
  const cell = page.getByRole('gridcell', { name: /^Title of row 2:/ });
  await cell.dblclick();
  await page.getByRole('textbox', { name: 'Title of row 2' }).fill('Founder');
  const scroller = page.locator('.lead-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByRole('gridcell', { name: /^Title of row 301:/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title of row 2' })).toHaveCount(0);
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(cell).toContainText('Founder');
});

test('an edit left open when the window reloads or closes is saved, as leaving the cell would save it', async ({
  app: page,
  leadprep,
}) => {
  await continueWithCsv(
    page,
    'one.csv',
    csvBytes([
      ['Email', 'First Name', 'Title'],
      ['ann@acme.io', 'Ann', 'CEO'],
    ]),
  );
  await page.getByRole('gridcell', { name: /^Title of row 2:/ }).dblclick();
  await page.getByRole('textbox', { name: 'Title of row 2' }).fill('Founder');
  await page.reload();
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  await expect
    .poll(
      async () =>
        (await leadprep.call('leads.page', { importId: imports[0]?.id ?? 0, limit: 1 })).rows[0]?.title,
    )
    .toBe('Founder');
});

test("the person's work and personal email columns are both Email, the second used where the first holds no address, and the mapping step says so", async ({
  app: page,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'two-emails.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvBytes([
        ['Name', 'Work Email', 'Personal Email'],
        ['Ann Lee', 'ann@acme.com', 'ann@gmail.com'],
        ['Bo Ek', '', 'bo@gmail.com'],
      ]),
    ),
  });
  await page
    .getByRole('region', { name: 'Header row' })
    .getByRole('button', { name: 'Use row 1 as header' })
    .click();
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column Work Email')).toHaveValue('field:email');
  await expect(mapping.getByLabel('Target for column Personal Email')).toHaveValue('field:email');
  await expect(mapping.getByRole('note')).toHaveText(
    'Several columns hold emails: each row uses the first of Work Email, Personal Email (in that order) with a work address that can be sent to, else the first with any address that can be.',
  );
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  await expect(preview.getByRole('row').filter({ hasText: 'Bo Ek' })).toContainText('bo@gmail.com');
  await expect(preview.getByRole('row').filter({ hasText: 'Ann Lee' })).toContainText('ann@acme.com');
  // A founder who writes to work addresses only keeps the personal ones as a variable.
  await mapping.getByLabel('Target for column Personal Email').selectOption({ label: 'Custom variable' });
  await expect(mapping.getByRole('note')).toHaveCount(0);
  await expect(preview.getByRole('row').filter({ hasText: 'Bo Ek' })).not.toContainText('bo@gmail.com');
  await expect(page.getByRole('button', { name: 'Continue: clean and check all rows' })).toBeEnabled();
});

test("an export's direct and mobile phone columns are both Phone, each row taking the first with a number", async ({
  app: page,
  leadprep,
}) => {
  await continueWithCsvMapping(
    page,
    'apollo.csv',
    csvBytes([
      ['Email', 'Name', 'Work Direct Phone', 'Mobile Phone', 'Corporate Phone'],
      ['ann@acme.com', 'Ann Lee', '+1 415 555 0101', '', '+1 415 555 0000'],
      ['bo@beta.io', 'Bo Ek', '', '+44 7700 900123', '+44 20 7946 0000'],
    ]),
  );
  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Target for column Work Direct Phone')).toHaveValue('field:phone');
  await expect(mapping.getByLabel('Target for column Mobile Phone')).toHaveValue('field:phone');
  await expect(mapping.getByLabel('Target for column Corporate Phone')).not.toHaveValue('field:phone');
  await expect(mapping.getByRole('note')).toHaveText(
    'Several columns hold phone numbers: each row uses the first of Work Direct Phone, Mobile Phone (in that order) that holds one.',
  );
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  await expect
    .poll(async () =>
      (await leadprep.call('leads.page', { importId: imports[0]?.id ?? 0, limit: 5 })).rows.map(
        (r) => r.phone,
      ),
    )
    .toEqual(['+1 415 555 0101', '+44 7700 900123']);
});

test('a person already in your leads at a new address is asked about, found by the Flag filter, and kept in one click', async ({
  app: page,
  leadprep,
}) => {
  await importFile(
    (name, input) => leadprep.call(name, input),
    csvBytes([
      ['Email', 'First Name', 'Last Name', 'Company'],
      ['robert.stone@acme.com', 'Robert', 'Stone', 'Acme'],
    ]),
    'march.csv',
  );
  await continueWithCsv(
    page,
    'april.csv',
    csvBytes([
      ['Email', 'First Name', 'Last Name', 'Company'],
      ['ann@beta.io', 'Ann', 'Lee', 'Beta'],
      ['bob@acme.com', 'Bob', 'Stone', 'Acme'],
    ]),
  );
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*1/);
  const bobRow = page.getByRole('gridcell', { name: /^Email of row 3/ }).locator('..');
  await expect(bobRow).toContainText(
    'Possibly already in your leads as Robert Stone, robert.stone@acme.com (similar name, same company)',
  );

  await expect(page.getByRole('button', { name: /^Exclude similar to imported/ })).toHaveText(
    'Exclude similar to imported (1)',
  );
  await page.getByLabel('Flag:').selectOption({ label: 'Similar lead imported (1)' });
  await expect(page.getByText('1 shown')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select row 3' }).check();
  await page.getByRole('button', { name: 'Keep selected' }).click();
  await expect(bobRow).toContainText('Kept by you');
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*0/);
  await page.getByLabel('Flag:').selectOption({ label: 'Any' });
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
});

test('select all ticks every row the filter shows; rows unticked stay out, Exclude acts on the rest, Shift-click ticks a range, a new filter starts afresh', async ({
  app: page,
}) => {
  await continueWithCsv(
    page,
    'select-all.csv',
    csvBytes([
      ['Email', 'First Name', 'Last Name', 'Company'],
      ['ann@acme.com', 'Ann', 'Lee', 'Acme'],
      ['info@acme.com', 'Ina', 'Fox', 'Acme'],
      ['cat@acme.com', 'Cat', 'Ode', 'Acme'],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta'],
      ['dan@delta.org', 'Dan', 'Hu', 'Delta'],
    ]),
  );
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*5/);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await page.getByLabel('Search leads').fill('acme');
  await expect(page.getByText('3 shown')).toBeVisible();

  const all = page.getByRole('checkbox', { name: 'Select all 3 shown' });
  await all.check();
  await expect(bulk).toContainText('3 selected:');
  await expect(page.getByRole('checkbox', { name: 'Select row 3' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Select row 4' }).uncheck();
  await expect(bulk).toContainText('2 selected:');
  await expect(all).toHaveJSProperty('indeterminate', true);

  await bulk.getByRole('button', { name: 'Exclude selected' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*2/);
  await expect(bulk).toContainText('Select rows to');
  const row = (n: number) =>
    page.getByRole('gridcell', { name: new RegExp(`^Email of row ${n}`) }).locator('..');
  await expect(row(2)).toContainText('Excluded by you');
  await expect(row(4)).toContainText('Ready');
  // The state counts are those of the rows the search shows.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Exclude selected');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*0/);

  // Shift-click ticks, or unticks, every row from the one clicked last.
  await page.getByRole('checkbox', { name: 'Select row 2' }).check();
  await page.getByRole('checkbox', { name: 'Select row 4' }).click({ modifiers: ['Shift'] });
  await expect(bulk).toContainText('3 selected:');
  await expect(page.getByRole('checkbox', { name: 'Select row 3' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Select row 3' }).uncheck();
  await page.getByRole('checkbox', { name: 'Select row 2' }).click({ modifiers: ['Shift'] });
  await expect(bulk).toContainText('1 selected:');
  await expect(page.getByRole('checkbox', { name: 'Select row 4' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Select all 3 shown' }).click();
  await expect(bulk).toContainText('Select rows to');
  // After an edit the rows shown may have moved: the next Shift-click ticks its own row only.
  await page.getByRole('checkbox', { name: 'Select row 2' }).check();
  await page.getByRole('gridcell', { name: 'First name of row 3: Ina' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ines');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('gridcell', { name: 'First name of row 3: Ines' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select row 4' }).click({ modifiers: ['Shift'] });
  await expect(bulk).toContainText('2 selected:');
  await expect(page.getByRole('checkbox', { name: 'Select row 3' })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Select all 3 shown' }).click();

  // Ctrl+A in the table ticks every row shown; another filter shows other rows, so nothing stays ticked.
  await page.getByLabel('Search leads').fill('');
  await expect(page.getByText('5 shown')).toBeVisible();
  await page.getByRole('gridcell', { name: /^Email of row 2/ }).click();
  await page.keyboard.press('Control+A');
  await expect(bulk).toContainText('5 selected:');
  await expect(page.getByRole('checkbox', { name: 'Select all 5 shown' })).toBeChecked();
  await page.getByLabel('Search leads').fill('beta');
  await expect(page.getByText('1 shown')).toBeVisible();
  await expect(bulk).toContainText('Select rows to');
  await expect(page.getByRole('checkbox', { name: 'Select all 1 shown' })).not.toBeChecked();
});

test('a bulk action over thousands of rows shows how far it has got, and the bar goes when it is done', async ({
  app: page,
}) => {
  await continueWithCsv(page, 'many.csv', leadsToCsv(messyLeads(12_000, 5)));
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible({
    timeout: 60_000,
  });
  // The action's answer waits at the network until the bar was seen: on a fast machine the whole action
  // may be over before the first check, but the progress it reported must have been shown.
  let barSeen = (): void => {};
  const seen = new Promise<void>((resolve) => (barSeen = resolve));
  await page.route('**/api/call/leads.bulk', async (route) => {
    const response = await route.fetch();
    await seen;
    await route.fulfill({ response });
  });
  await page.getByRole('checkbox', { name: /^Select all 12,000 shown/ }).check();
  await page.getByRole('button', { name: 'Exclude selected' }).click();
  // The count and the bar, checked as one.
  const bar = page.getByRole('progressbar', { name: 'Exclude selected progress' });
  await expect(
    page
      .getByRole('toolbar', { name: 'Bulk actions' })
      .getByRole('status')
      .filter({ hasText: /Exclude selected: [\d,]+ of 12,000 leads/ })
      .filter({ has: bar }),
  ).toBeVisible();
  barSeen();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await page.unroute('**/api/call/leads.bulk');
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*[\d,]+/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*0/);
  // Undo puts them all back in one step; whatever it showed meanwhile is gone when it is done.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(chip(page, 'Suppressed')).toHaveText(/Suppressed\s*0/, { timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('rows a filter hid in Excel are left out unless the user ticks them in, and Clean & dedupe says so', async ({
  app: page,
}) => {
  const rows = [
    ['Email', 'First Name', 'Last Name', 'Stage'],
    ['ann@acme.com', 'Ann', 'Lee', 'Qualified'],
    ['bo@beta.io', 'Bo', 'Ray', 'Lost'],
    ['cy@gamma.io', 'Cy', 'Fox', 'Qualified'],
    ['dee@delta.io', 'Dee', 'Poe', 'Lost'],
  ];
  await page.getByLabel('Lead file').setInputFiles({
    name: 'qualified.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(filteredWorkbook(rows, [2, 4])),
  });
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();

  const include = page.getByRole('checkbox', { name: 'Also import the 2 rows hidden in this sheet' });
  await expect(include).not.toBeChecked();
  // A column's sample values are the distinct ones of the rows the sheet shows.
  const stage = page
    .getByRole('region', { name: 'Column mapping' })
    .getByRole('row')
    .filter({ hasText: 'Stage' });
  await expect(stage.getByRole('cell', { name: 'Qualified', exact: true })).toBeVisible();
  await expect(stage).not.toContainText('Lost');
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  await expect(preview.getByRole('row').filter({ hasText: 'ann@acme.com' })).toBeVisible();
  await expect(preview.getByRole('row').filter({ hasText: 'bo@beta.io' })).toHaveCount(0);
  await include.check();
  await expect(preview.getByRole('row').filter({ hasText: 'bo@beta.io' })).toBeVisible();
  await include.uncheck();
  await expect(preview.getByRole('row').filter({ hasText: 'bo@beta.io' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*2/);
  await expect(page.getByText('2 rows hidden in the sheet left out')).toBeVisible();
});

test('a Central European .csv shows odd characters until its encoding is picked; the lead then has its name', async ({
  app: page,
  leadprep,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'polska.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      csvBytes(
        [
          ['Email', 'First Name', 'Last Name'],
          ['lukasz@acme.pl', 'Łukasz', 'Wąsik'],
        ],
        { encoding: 'windows-1250' },
      ),
    ),
  });
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByRole('cell', { name: '£ukasz' })).toBeVisible();
  const encoding = header.getByLabel('Text encoding');
  await expect(encoding).toHaveValue('windows-1252');
  await encoding.selectOption({ label: 'Windows-1250 (Central European)' });
  await expect(header.getByRole('cell', { name: 'Łukasz' })).toBeVisible();
  await expect(page.getByText('(CSV · Windows-1250 (Central European) · delimiter ",")')).toBeVisible();

  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  expect(imports[0]?.encoding).toBe('windows-1250');
  const { rows } = await leadprep.call('leads.page', { importId: imports[0]?.id ?? 0, limit: 1 });
  expect(rows[0]).toMatchObject({ firstName: 'Łukasz', lastName: 'Wąsik' });
});

test('a contacts file exported from a Mac (.vcf) is imported as a sheet is: one lead per contact', async ({
  app: page,
  leadprep,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'Contacts.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from(contactsVCard()),
  });
  await expect(page.getByText('(VCF · UTF-8)')).toBeVisible();
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByRole('cell', { name: 'Jürgen Müller' })).toBeVisible();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  await expect(chip(page, 'Invalid')).toHaveText(/Invalid\s*1/); // the contact without an address
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  expect(imports[0]).toMatchObject({ kind: 'vcf', total: 4 });
});

test("a CRM report exported as .xls (a web page): its table of leads is suggested over the report's title table", async ({
  app: page,
  leadprep,
}) => {
  await page.getByLabel('Lead file').setInputFiles({
    name: 'report1642777476321.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from(
      crmReportPage(
        ['First Name', 'Email', 'Phone'],
        [
          ['Chloé', 'chloe@acme.fr', '0612345678'],
          ['Bo', { text: 'Email', href: 'mailto:bo@litrading.co.uk' }, ''],
        ],
      ),
    ),
  });
  const tables = page.getByRole('region', { name: 'Sheets' });
  await expect(
    tables.getByText('This web page has several tables. Which one holds the leads?'),
  ).toBeVisible();
  await expect(tables.getByRole('button', { name: /^Table 1/ })).toContainText('no email column found');
  const suggested = tables.getByRole('button', { name: /^Table 2/ });
  await expect(suggested).toBeFocused();
  await page.keyboard.press('Enter');
  const header = page.getByRole('region', { name: 'Header row' });
  await expect(header.getByRole('cell', { name: 'bo@litrading.co.uk' })).toBeVisible();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*2/);
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  expect(imports[0]).toMatchObject({ kind: 'html', sheet: 'Table 2', total: 2 });
});

test("a ZIP archive of exports (Mailchimp's audience): its files are listed and the one with the most leads suggested", async ({
  app: page,
  leadprep,
}) => {
  const members = (domain: string, n: number) =>
    csvBytes([
      ['Email Address', 'First Name'],
      ...Array.from({ length: n }, (_, i) => [`m${i}@${domain}`, `Max${i}`]),
    ]);
  await page.getByLabel('Lead file').setInputFiles({
    name: 'audience_export_9f2.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(
      zipOf({
        'subscribed_members_export_9f2.csv': members('acme.io', 3),
        'unsubscribed_members_export_9f2.csv': members('beta.io', 1),
        'report.xlsx': pdfBytes(),
      }),
    ),
  });
  const files = page.getByRole('region', { name: 'Sheets' });
  await expect(files.getByText('This archive has several files. Which one holds the leads?')).toBeVisible();
  await expect(files.getByRole('button', { name: /^report\.xlsx/ })).toContainText(
    'Cannot be read: This file is a PDF document, not a spreadsheet.',
  );
  await expect(files.getByRole('button', { name: /^subscribed_members_export_9f2\.csv/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*3/);
  const { imports } = await leadprep.call('imports.list', { limit: 1 });
  expect(imports[0]).toMatchObject({ kind: 'zip', sheet: 'subscribed_members_export_9f2.csv', total: 3 });
});

test('a lead committed while it still needed a fix is fixed by importing the same file again, as the committed import says', async ({
  app: page,
}) => {
  const file = csvBytes([
    ['Email', 'First Name'],
    ['ann@acme.io', 'Ann'],
    ['bo@gmial.com', 'Bo'],
  ]);
  await continueWithCsv(page, 'typo.csv', file);
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*1/);
  await page.getByRole('button', { name: 'Commit import' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Commit import' }).click();
  await expect(
    page.getByText(
      '1 lead that needs a fix was committed as it is and is not used. To fix it, import the same file again: the leads already in your leads are found as duplicates, and this one comes back to fix.',
    ),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Import/ })
    .click();
  await continueWithCsvMapping(page, 'typo.csv', file);
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Import/ })
    .click();
  await expect(chip(page, 'Duplicate')).toHaveText(/Duplicate\s*1/);
  await page.getByRole('button', { name: /^Apply all suggested typo fixes/ }).click();
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);
  await expect(chip(page, 'Needs fix')).toHaveText(/Needs fix\s*0/);
});

test('files chosen together are imported one after the other, the next one offered once the one before is committed and on the Import screen', async ({
  app: page,
}) => {
  const header = ['Email', 'First Name'];
  await page.getByLabel('Lead file').setInputFiles([
    {
      name: 'day1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvBytes([header, ['ann@acme.io', 'Ann']])),
    },
    {
      name: 'day2.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvBytes([header, ['ann@acme.io', 'Ann'], ['bo@beta.io', 'Bo']])),
    },
    {
      name: 'day3.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvBytes([header, ['cy@gamma.io', 'Cy']])),
    },
  ]);
  await expect(page.getByText('Next: day2.csv and day3.csv.')).toBeVisible();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(
    page.getByText('day1.csv: 1 lead read, 1 ready. day2.csv is next, on the Import screen.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Commit import' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Commit import' }).click();
  await expect(page.getByText('This import is committed')).toBeVisible();
  // Committed, the next file is one click away.
  await page.getByRole('button', { name: 'Import day2.csv next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByText('Next: day3.csv.')).toBeVisible();
  await page.getByRole('button', { name: 'Use row 1 as header' }).click();
  await page.getByRole('button', { name: 'Continue: clean and check all rows' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  // Ann came with day1.csv, committed: here she is a duplicate.
  await expect(chip(page, 'Duplicate')).toHaveText(/Duplicate\s*1/);
  await expect(chip(page, 'Ready')).toHaveText(/Ready\s*1/);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Import/ })
    .click();
  const last = page.getByRole('status').filter({ hasText: 'day3.csv is next' });
  await expect(last.getByRole('button', { name: 'Import day3.csv' })).toBeVisible();
  await last.getByRole('button', { name: 'Forget it' }).click();
  await expect(last).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeEnabled();
});

test("a Salesforce report's export: the notes of its footer are no leads, and Clean & dedupe says they were skipped", async ({
  app: page,
}) => {
  const footer = [
    ['My open leads'],
    ['Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.'],
    ['Confidential Information - Do Not Distribute'],
    ['Generated By:  Jane Founder  3/12/2024 4:05 PM'],
  ];
  await continueWithCsv(
    page,
    'report1710251100000.csv',
    csvBytes([['Email', 'First Name'], ['ann@acme.io', 'Ann'], ['bo@beta.io', 'Bo'], [''], ...footer]),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*2/);
  await expect(chip(page, 'Invalid')).toHaveText(/Invalid\s*0/);
  await expect(
    page.getByText("4 lines of the report's footer skipped (page numbers, totals, notices)"),
  ).toBeVisible();
});

test('two exports joined into one file: the second header is no lead, and Clean & dedupe says it was skipped', async ({
  app: page,
}) => {
  const header = ['Email', 'First Name', 'Company'];
  await continueWithCsv(
    page,
    'joined.csv',
    csvBytes([header, ['ann@acme.io', 'Ann', 'Acme'], header, ['bo@beta.io', 'Bo', 'Beta']]),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Clean & dedupe' })).toBeVisible();
  await expect(chip(page, 'All')).toHaveText(/All\s*2/);
  await expect(chip(page, 'Invalid')).toHaveText(/Invalid\s*0/);
  await expect(
    page.getByText('1 repeat of the header row skipped (files or pages joined together)'),
  ).toBeVisible();
});
