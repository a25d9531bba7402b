import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src-shared/contract/imports';
import { runCli, type CliResult } from '../../helpers/cli';
import {
  contactsVCard,
  crmReportPage,
  csvBytes,
  dynamicsExport,
  encryptedXlsx,
  featureWorkbook,
  filteredWorkbook,
  garbled,
  htmlTableBytes,
  leadsToXlsx,
  messyLeads,
  pastedTableWorkbook,
  pdfBytes,
  truncated,
  workbookFromRows,
  writeWorkbook,
  zipClaimingSizes,
  zipOf,
} from '../../fixtures-gen';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadprep-cli-imports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  const home = mkdtempSync(join(dir, 'home-'));
  env = { ...process.env, LEADPREP_HOME: home, LEADPREP_KEYCHAIN_SERVICE: `LeadPrep-test-${randomUUID()}` };
});

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const cli = (...args: string[]): Promise<CliResult> => runCli(args, env);
const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;

interface ImportOut {
  importId: number;
  import: {
    total: number;
    rowsRead: number;
    blankRows: number;
    counts: Record<string, number>;
    status: string;
    headers: string[];
    headerRow: number;
  };
  warnings: string[];
}

async function importsListed(): Promise<unknown[]> {
  const r = await cli('imports', '--json');
  expect(r.code).toBe(0);
  return json<unknown[]>(r);
}

describe('leadprep import', () => {
  it('imports an xlsx, prints counts that add up, refuses the same file again without --force, lists leads', async () => {
    const path = file('leads.xlsx', leadsToXlsx(messyLeads(120, 2)));
    const first = await cli('import', path, '--json');
    expect(first.code, first.stderr).toBe(0);
    const out = json<ImportOut>(first);
    expect(out.import.status).toBe('committed');
    expect(Object.values(out.import.counts).reduce((a, b) => a + b, 0)).toBe(120);
    expect(out.import.rowsRead).toBe(120);

    const human = await cli('import', path);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(
      /already imported .* as import \d+ \("leads.xlsx", 120 leads\)\. Use --force/,
    );

    const forced = await cli('import', path, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/Warning: This file was already imported/);
    expect(forced.stdout).toMatch(/Duplicate\s+1\d\d/);

    const listed = await cli('leads', '--import', String(out.importId), '--state', 'invalid', '--json');
    const leads = json<{ state: string }[]>(listed);
    expect(leads.length).toBe(out.import.counts.invalid);
    expect(leads.every((l) => l.state === 'invalid')).toBe(true);
    expect((await importsListed()).length).toBe(2);
  });

  it('says how many leads need a fix and where to see why: a person possibly already in your leads among them', async () => {
    const header = ['Email', 'First Name', 'Last Name', 'Company'];
    const march = await cli(
      'import',
      file('march.csv', csvBytes([header, ['robert.stone@acme.com', 'Robert', 'Stone', 'Acme']])),
    );
    expect(march.code, march.stderr).toBe(0);
    expect(march.stdout).not.toMatch(/need.? a fix/);

    const april = file(
      'april.csv',
      csvBytes([header, ['bob@acme.com', 'Bob', 'Stone', 'Acme'], ['ann@beta.io', 'Ann', 'Lee', 'Beta']]),
    );
    const staged = await cli('import', april, '--draft');
    expect(staged.stdout).toMatch(
      /1 lead needs a fix \(see why: leadprep leads --import \d+ --state needs_fix\)\. Review them in the app/,
    );
    const committed = await cli('import', april, '--force');
    expect(committed.stdout).toMatch(
      /1 lead needs a fix and is not used for generation \(see why: leadprep leads --import \d+ --state needs_fix\)\. Import with --draft/,
    );
    const id = /Imported: .* as import (\d+)/.exec(committed.stdout)?.[1] ?? '';
    const listed = await cli('leads', '--import', id, '--state', 'needs_fix');
    expect(listed.stdout).toContain(
      'Possibly already in your leads as Robert Stone, robert.stone@acme.com (similar name, same company)',
    );
  });

  it('says how many of those have a suggested address fix, and importing again with --apply-fixes takes them', async () => {
    const path = file(
      'slips.csv',
      csvBytes([
        ['Email', 'First Name', 'Last Name', 'Website'],
        ['ann@@acme.com', 'Ann', 'Lee', ''],
        ['bo@beta', 'Bo', 'Ray', 'beta.io'],
        ['cy@gmial.com', 'Cy', 'Fox', ''],
        ['dee@delta.io', '', '', ''],
        ['eve@echo.io', 'Eve', 'Poe', ''],
      ]),
    );
    const plain = await cli('import', path);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(
      /4 leads need a fix and are not used for generation \(see why: .*\)\. 3 of them have a suggested fix to the address: to take those fixes, import the file again with --apply-fixes --force \(its other leads are then already in your leads\)\./,
    );

    // As the hint says: the leads committed unfixed hold nobody back, the one used is already in your leads.
    const fixed = await cli('import', path, '--apply-fixes', '--force', '--json');
    expect(fixed.code, fixed.stderr).toBe(0);
    const out = json<ImportOut & { fixesApplied: number }>(fixed);
    expect(out.fixesApplied).toBe(3);
    expect(out.import.status).toBe('committed');
    const leads = json<{ email: string; state: string }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads.map((l) => [l.email, l.state])).toEqual([
      ['ann@acme.com', 'ready'],
      ['bo@beta.io', 'ready'],
      ['cy@gmail.com', 'ready'],
      ['dee@delta.io', 'needs_fix'], // no name: no fix to take
      ['eve@echo.io', 'duplicate'],
    ]);
  });

  it('says how many leads without a name have one in their address, and --names-from-addresses gives it to them', async () => {
    const path = file(
      'signups.csv',
      csvBytes([['Email'], ['ann.lee@acme.com'], ['bo.ray@beta.io'], ['alee@acme.com']]),
    );
    const plain = await cli('import', path);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(
      '2 of them have no name but one in the address (ann.lee@ reads as Ann Lee): to take those names, import the file again with --names-from-addresses --force.',
    );

    const named = await cli('import', path, '--names-from-addresses', '--force');
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain('Names filled from addresses: 2.');
    const id = /Imported: .* as import (\d+)/.exec(named.stdout)?.[1] ?? '';
    const leads = json<{ email: string; firstName: string | null; lastName: string | null; state: string }[]>(
      await cli('leads', '--import', id, '--json'),
    );
    expect(leads.map((l) => [l.email, l.firstName, l.lastName, l.state])).toEqual([
      ['ann.lee@acme.com', 'Ann', 'Lee', 'ready'],
      ['bo.ray@beta.io', 'Bo', 'Ray', 'ready'],
      ['alee@acme.com', null, null, 'needs_fix'],
    ]);
  });

  it('leaves out the rows a filter hid in Excel, says so, and takes them with --include-hidden', async () => {
    const path = file(
      'filtered.xlsx',
      filteredWorkbook(
        [
          ['Email', 'First Name', 'Last Name', 'Stage'],
          ['ann@acme.com', 'Ann', 'Lee', 'Qualified'],
          ['bo@beta.io', 'Bo', 'Ray', 'Lost'],
          ['cy@gamma.io', 'Cy', 'Fox', 'Qualified'],
          ['dee@delta.io', 'Dee', 'Poe', 'Lost'],
        ],
        [2, 4],
      ),
    );
    const plain = await cli('import', path);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(
      /Warning: 2 rows hidden in the sheet \(filtered out or hidden by hand\) were left out\. Add --include-hidden to import them\./,
    );
    expect(plain.stdout).toMatch(/2 leads from 4 rows \(2 hidden rows left out\)/);
    const first = json<{ id: number }[]>(await cli('imports', '--json'))[0];
    expect(first).toMatchObject({ total: 2, rowsRead: 4, hiddenRows: 2 });
    const leads = json<{ email: string }[]>(await cli('leads', '--import', String(first?.id ?? 0), '--json'));
    expect(leads.map((l) => l.email)).toEqual(['ann@acme.com', 'cy@gamma.io']);

    const all = json<ImportOut>(await cli('import', path, '--include-hidden', '--force', '--json'));
    expect(all.import).toMatchObject({ total: 4, rowsRead: 4, hiddenRows: 0 });
    expect(all.warnings.join(' ')).not.toMatch(/hidden/);
  });

  it('a table pasted from a web page gives each lead the LinkedIn profile under its name and the website under its company', async () => {
    const path = file(
      'speakers.xlsx',
      pastedTableWorkbook([
        ['Ann Lee', 'https://www.linkedin.com/in/ann-lee', 'Acme', 'https://www.acme.io/', 'ann@gmail.com'],
        ['Bo Ray', 'https://uk.linkedin.com/in/bo-ray?trk=x', 'Beta', 'https://beta.com', 'bo@beta.com'],
      ]),
    );
    const out = json<ImportOut>(await cli('import', path, '--json'));
    expect(out.import.headers).toEqual(['Name', 'Name (link)', 'Company', 'Company (link)', 'Email']);
    const leads = json<{ fullName: string; linkedinUrl: string; company: string; domain: string }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads.map((l) => [l.fullName, l.linkedinUrl, l.company, l.domain])).toEqual([
      ['Ann Lee', 'https://www.linkedin.com/in/ann-lee', 'Acme', 'acme.io'],
      ['Bo Ray', 'https://www.linkedin.com/in/bo-ray', 'Beta', 'beta.com'],
    ]);
  });

  it("takes the file's email verifier at its word, and --exclude-unconfirmed leaves out what it could not confirm", async () => {
    const hunter = (tld: string) =>
      file(
        `hunter-${tld}.csv`,
        csvBytes([
          ['Email address', 'First name', 'Verification status'],
          [`ann@acme.${tld}`, 'Ann', 'valid'],
          [`bo@beta.${tld}`, 'Bo', 'invalid'],
          [`cy@gamma.${tld}`, 'Cy', 'accept_all'],
        ]),
      );
    const plain = json<ImportOut>(await cli('import', hunter('io'), '--json'));
    expect(plain.import.counts).toMatchObject({ ready: 2, invalid: 1 });
    const listed = await cli('leads', '--import', String(plain.importId), '--state', 'invalid');
    expect(listed.stdout).toContain('Your email verifier marked this address undeliverable');

    const strict = await cli('import', hunter('dev'), '--exclude-unconfirmed');
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stdout).toContain('Addresses your verifier could not confirm excluded: 1.');
    expect(strict.stdout).toMatch(/Ready\s+1\n/);
    expect(strict.stdout).toMatch(/Suppressed\s+1\n/);
    expect(strict.stdout).toContain(
      'Left out where the file marks them: "Verification status" (undeliverable).',
    );
  });

  it("says which of an Apollo export's columns left rows out, and what they mark", async () => {
    const apollo = file(
      'apollo.csv',
      csvBytes([
        ['Email', 'First Name', 'Stage', 'Email Bounced'],
        ['ann@acme.io', 'Ann', 'Cold', 'false'],
        ['bo@beta.io', 'Bo', 'Not Interested', 'false'],
        ['cy@gamma.io', 'Cy', 'Do Not Contact', 'false'],
        ['di@delta.io', 'Di', 'Replied', 'true'],
      ]),
    );
    const out = await cli('import', apollo);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Ready\s+1\n/);
    expect(out.stdout).toMatch(/Suppressed\s+2\n/);
    expect(out.stdout).toMatch(/Invalid\s+1\n/);
    expect(out.stdout).toContain(
      'Left out where the file marks them: "Stage" (opted out, not interested, already answered), "Email Bounced" (bounced).',
    );
  });

  it('--keep-marked sends the rows the file marks so after all, and only those: a sequence for who already answered', async () => {
    const apollo = file(
      'apollo.csv',
      csvBytes([
        ['Email', 'First Name', 'Stage'],
        ['ann@acme.io', 'Ann', 'Meeting Booked'],
        ['bo@beta.io', 'Bo', 'Cold'],
        ['cy@gamma.io', 'Cy', 'Do Not Contact'],
      ]),
    );
    const out = await cli('import', apollo, '--keep-marked', 'already-answered', '--json');
    expect(out.code, out.stderr).toBe(0);
    expect(json<ImportOut>(out).import.counts).toMatchObject({ ready: 2, suppressed: 1 });
    const wrong = await cli('import', apollo, '--keep-marked', 'replied', '--force');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--keep-marked takes one of undeliverable, bounced, opted-out, not-interested, already-answered, not "replied".',
    );
  });

  it('two exports joined into one file: the second header is skipped and said so, not a lead', async () => {
    const header = ['Email', 'First Name', 'Company'];
    const joined = csvBytes([
      header,
      ['ann@acme.io', 'Ann', 'Acme'],
      header,
      ['bo@beta.io', 'Bo', 'Beta'],
      header,
      ['cy@gamma.de', 'Cy', 'Gamma'],
    ]);
    const r = await cli('import', file('joined.csv', joined));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 leads from 5 rows \(2 repeats of the header row skipped\)/);
    expect(r.stdout).toMatch(/Ready\s+3\n/);
    expect(r.stdout).toMatch(/Invalid\s+0\n/);
  });

  it("a Salesforce report's export: the notes of its footer are skipped and said so, not invalid leads", async () => {
    const report = [
      '"First Name","Last Name","Email","Account Name"',
      '"Ann","Lee","ann@acme.io","Acme"',
      '"Bo","Ray","bo@beta.io","Beta"',
      '',
      '',
      '"My open leads"',
      '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."',
      '"Confidential Information - Do Not Distribute"',
      '"Generated By:  Jane Founder  3/12/2024 4:05 PM"',
      '"Acme Ventures"',
      '',
    ].join('\r\n');
    const r = await cli('import', file('report1710251100000.csv', new TextEncoder().encode(report)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /2 leads from 9 rows \(2 blank rows skipped, 5 lines of the report's footer skipped\)/,
    );
    expect(r.stdout).toMatch(/Invalid\s+0\n/);
  });

  it('a Dynamics 365 export: its hidden columns (record id, checksum) are no custom variables of the leads', async () => {
    const out = json<ImportOut>(
      await cli(
        'import',
        file(
          'Active Contacts 3-12-2024.xlsx',
          dynamicsExport([
            ['Ann Lee', 'ann@acme.io', 'Acme'],
            ['Bo Ray', 'bo@beta.io', 'Beta'],
          ]),
        ),
        '--json',
      ),
    );
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(leads.map((l) => [l.email, l.fullName, l.company, l.custom])).toEqual([
      ['ann@acme.io', 'Ann Lee', 'Acme', {}],
      ['bo@beta.io', 'Bo Ray', 'Beta', {}],
    ]);
    // The cells as read are kept whole, the hidden ones too.
    expect(leads[0]?.original.slice(0, 2)).toEqual(['5f3c1a2b-0000-4000-8000-000000000000', 'chk0==']);

    const all = json<ImportOut>(
      await cli(
        'import',
        file('all.xlsx', dynamicsExport([['Cy Sun', 'cy@gamma.io', 'Gamma']])),
        '--include-hidden',
        '--json',
      ),
    );
    const [cy] = json<LeadRow[]>(await cli('leads', '--import', String(all.importId), '--json'));
    expect(Object.keys(cy?.custom ?? {})).toEqual([
      'do_not_modify_contact',
      'do_not_modify_row_checksum',
      'do_not_modify_modified_on',
    ]);
  });

  it('imports a contacts file (vCard) as Contacts on a Mac exports it: one lead per card', async () => {
    const out = json<ImportOut>(await cli('import', file('Contacts.vcf', contactsVCard()), '--json'));
    expect(out.import).toMatchObject({ kind: 'vcf', total: 4, counts: { ready: 3, invalid: 1 } });
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    // The cards' companies ("Acme Inc.", "Beta\, Inc.", "Gamma GmbH") as an email writes them.
    expect(leads.map((l) => [l.email, l.firstName, l.lastName, l.company])).toEqual([
      ['jane@acme.com', 'Jane', 'Doe', 'Acme'],
      ['bo@beta.io', 'Bo', 'Ray', 'Beta'],
      ['juergen@gamma.de', 'Jürgen', 'Müller', 'Gamma'],
      [null, 'Cy', 'Fox', null],
    ]);
    expect(leads[0]).toMatchObject({
      linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
      domain: 'acme.com',
      phone: '+1 415 555 0100',
    });
  });

  it("imports a CRM report saved as an .xls web page: the table of leads, not the report's title table", async () => {
    const page = crmReportPage(
      ['First Name', 'Last Name', 'Email', 'Phone', 'LinkedIn'],
      [
        ['Chloé', 'Martin', 'chloe@acme.fr', '0612345678', 'https://www.linkedin.com/in/chloe-martin'],
        ['Bo', 'Li', { text: 'Email', href: 'mailto:bo@litrading.co.uk' }, '', ''],
      ],
    );
    const out = json<ImportOut>(await cli('import', file('report1642777476321.xls', page), '--json'));
    expect(out.import).toMatchObject({ kind: 'html', sheet: 'Table 2', total: 2, counts: { ready: 2 } });
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(leads.map((l) => [l.email, l.firstName, l.phone])).toEqual([
      ['chloe@acme.fr', 'Chloé', '0612345678'],
      ['bo@litrading.co.uk', 'Bo', null],
    ]);
  });

  it("imports from a ZIP archive of exports (Mailchimp's audience): the file with the most leads, or the one named", async () => {
    const members = (domain: string, n: number) => [
      ['Email Address', 'First Name'],
      ...Array.from({ length: n }, (_, i) => [`m${i}@${domain}`, `M${i}`]),
    ];
    const path = file(
      'audience_export_9f2.zip',
      zipOf({
        'subscribed_members_export_9f2.csv': csvBytes(members('acme.io', 3)),
        'unsubscribed_members_export_9f2.csv': csvBytes(members('beta.io', 1)),
      }),
    );
    const out = json<ImportOut>(await cli('import', path, '--json'));
    expect(out.import).toMatchObject({ kind: 'zip', sheet: 'subscribed_members_export_9f2.csv', total: 3 });
    const named = json<ImportOut>(
      await cli('import', path, '--sheet', 'unsubscribed_members_export_9f2.csv', '--json'),
    );
    expect(named.import).toMatchObject({ sheet: 'unsubscribed_members_export_9f2.csv', total: 1 });
    const suppressed = await cli('suppress', 'import', path);
    expect(suppressed.stderr).toMatch(/This archive holds several files .*Unzip it/);
    expect(suppressed.code).not.toBe(0);
  });

  it('--sheet takes a sheet of a workbook in an archive as a terminal types it ("crm.xlsx > Leads")', async () => {
    const book = writeWorkbook(
      workbookFromRows({
        Leads: [
          ['Email', 'Name'],
          ['ana@acme.io', 'Ana'],
        ],
        Owners: [['Owner'], ['Kim']],
      }),
    );
    const path = file('crm-export.zip', zipOf({ 'crm.xlsx': book }));
    const out = json<ImportOut>(await cli('import', path, '--sheet', 'crm.xlsx > leads', '--json'));
    expect(out.import).toMatchObject({ kind: 'zip', sheet: 'crm.xlsx › Leads', total: 1 });
  });

  it("imports a scraping tool's JSON export (PhantomBuster's result.json): a lead per record", async () => {
    const records = [
      {
        profileUrl: 'https://www.linkedin.com/in/chloe-martin',
        fullName: 'Chloé Martin',
        job: 'Head of Sales',
        company: { name: 'Acme', website: 'acme.fr' },
        email: 'chloe@acme.fr',
      },
      { profileUrl: 'https://www.linkedin.com/in/bo-li', fullName: 'Bo Li', email: null },
    ];
    const path = file('result.json', new TextEncoder().encode(JSON.stringify(records)));
    const out = json<ImportOut>(await cli('import', path, '--json'));
    expect(out.import).toMatchObject({ kind: 'json', total: 2, counts: { ready: 1, invalid: 1 } });
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(leads[0]).toMatchObject({
      email: 'chloe@acme.fr',
      firstName: 'Chloé',
      title: 'Head of Sales',
      company: 'Acme',
      domain: 'acme.fr',
      linkedinUrl: 'https://www.linkedin.com/in/chloe-martin',
    });
  });

  it('imports two exports pasted one below the other into a workbook, each read by its own header', async () => {
    const bytes = writeWorkbook(
      workbookFromRows({
        Leads: [
          ['First Name', 'Last Name', 'Email', 'Company'],
          ['Ann', 'Lee', 'ann@acme.io', 'Acme'],
          ['Bob', 'Roe', 'bob@beta.io', 'Beta'],
          [],
          ['Email Address', 'Company Name', 'First Name', 'Last Name'],
          ['cat@gamma.io', 'Gamma', 'Cat', 'Poe'],
        ],
      }),
      'xlsx',
    );
    const path = file('joined.xlsx', bytes);
    const out = json<ImportOut>(await cli('import', path, '--json'));
    // Before: the second header and Cat were invalid leads, "Gamma" read as Cat's address.
    expect(out.import).toMatchObject({ total: 3, counts: { ready: 3 } });
    const leads = json<{ email: string; firstName: string; company: string }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads.map((l) => [l.email, l.firstName, l.company])).toEqual([
      ['ann@acme.io', 'Ann', 'Acme'],
      ['bob@beta.io', 'Bob', 'Beta'],
      ['cat@gamma.io', 'Cat', 'Gamma'],
    ]);
  });

  it('imports an "XML Spreadsheet 2003" workbook as NetSuite exports it', async () => {
    const bytes = writeWorkbook(
      workbookFromRows({
        Contacts: [
          ['Email', 'Name'],
          ['ana@acme.io', 'Ana Lima'],
        ],
      }),
      'xml',
    );
    const out = json<ImportOut>(await cli('import', file('ContactSearchResults.xml', bytes), '--json'));
    expect(out.import).toMatchObject({ kind: 'xml', sheet: 'Contacts', total: 1, counts: { ready: 1 } });
    const plain = await cli('import', file('ContactSearchResults.xml', bytes), '--force');
    expect(plain.stdout).toMatch(/as import 1 \("ContactSearchResults.xml", 1 lead\)/);
    expect(plain.stdout).toMatch(/Total +1 lead from 1 row\n/);
  });

  it('imports an Excel binary workbook (.xlsb), as large workbooks are saved', async () => {
    const bytes = writeWorkbook(
      workbookFromRows({
        Leads: [
          ['Email', 'Name', 'Zip'],
          ['ana@acme.io', 'Ana Lima', '00123'],
          ['bo@beta.io', 'Bo Ray', '02134'],
        ],
      }),
      'xlsb',
    );
    const out = json<ImportOut>(await cli('import', file('pipeline.xlsb', bytes), '--json'));
    expect(out.import).toMatchObject({ kind: 'xlsb', sheet: 'Leads', total: 2, counts: { ready: 2 } });
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(leads.map((l) => [l.email, l.fullName, l.custom])).toEqual([
      ['ana@acme.io', 'Ana Lima', { zip: '00123' }],
      ['bo@beta.io', 'Bo Ray', { zip: '02134' }],
    ]);
  });

  it('a .csv of a list kept by hand whose header is two rows: the second is the header, named with the first', async () => {
    const csv = csvBytes([
      ['Contact', '', 'Company', '', 'Email'],
      ['First', 'Last', 'Name', 'Size', ''],
      ['Ana', 'Lima', 'Acme', '50', 'ana@acme.io'],
    ]);
    const out = json<ImportOut>(await cli('import', file('people.csv', csv), '--json'));
    expect(out.import).toMatchObject({ total: 1, rowsRead: 1, counts: { ready: 1, invalid: 0 } });
    expect(out.import.headers).toEqual(['First', 'Last', 'Company Name', 'Company Size', 'Email']);
    const [lead] = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(lead).toMatchObject({
      firstName: 'Ana',
      lastName: 'Lima',
      company: 'Acme',
      custom: { company_size: '50' },
    });
  });

  it('a list of addresses without a header row: every address is a lead; --header-row 0 says there is none', async () => {
    const out = json<ImportOut>(
      await cli(
        'import',
        file('webinar.txt', new TextEncoder().encode('ann@acme.io\nbo@beta.io\ncy@gamma.org\n')),
        '--json',
      ),
    );
    expect(out.import).toMatchObject({ total: 3, rowsRead: 3, headerRow: -1, headers: ['Column 1'] });
    const leads = json<LeadRow[]>(await cli('leads', '--import', String(out.importId), '--json'));
    expect(leads.map((l) => [l.rowNumber, l.email])).toEqual([
      [1, 'ann@acme.io'],
      [2, 'bo@beta.io'],
      [3, 'cy@gamma.org'],
    ]);
    const named = csvBytes([['Email'], ['di@delta.io']]);
    const forced = await cli(
      'import',
      file('named.csv', named),
      '--header-row',
      '0',
      '--map',
      'email=Column 1',
    );
    expect(forced.stdout).toMatch(/\(sheet "named", no header row\)/);
    expect(forced.stdout).toMatch(/Total +2 leads from 2 rows/);
  });

  it('--fields-only ignores the columns not mapped to a field; without it they are custom variables', async () => {
    const path = file(
      'apollo.csv',
      csvBytes([
        ['Email', 'First Name', 'Seniority', '# Employees'],
        ['ana@acme.io', 'Ana', 'C suite', '120'],
      ]),
    );
    const kept = json<ImportOut>(await cli('import', path, '--json'));
    const only = json<ImportOut>(await cli('import', path, '--fields-only', '--force', '--json'));
    const custom = async (id: number) =>
      json<{ custom: Record<string, string> }[]>(await cli('leads', '--import', String(id), '--json')).map(
        (l) => l.custom,
      );
    expect(await custom(kept.importId)).toEqual([{ seniority: 'C suite', employees: '120' }]);
    expect(await custom(only.importId)).toEqual([{}]);
  });

  it('suggests the mapping from the rows the sheet shows, not from the rows a filter hid', async () => {
    const rows = [['Name', 'Contact']];
    const hidden: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const shown = i % 3 === 0;
      rows.push([`Ann ${i}`, shown ? `lead${i}@acme${i}.com` : 'no reply yet']);
      if (!shown) hidden.push(i);
    }
    const out = json<ImportOut>(
      await cli('import', file('contacts.xlsx', filteredWorkbook(rows, hidden)), '--json'),
    );
    expect(out.import).toMatchObject({ total: 10, hiddenRows: 20, counts: { ready: 10 } });
  });

  it('reads a Central European .csv in the encoding --encoding names; an unknown name is a usage error', async () => {
    const rows = [
      ['Email', 'First Name', 'Last Name'],
      ['lukasz@acme.pl', 'Łukasz', 'Wąsik'],
    ];
    const path = file('polish.csv', csvBytes(rows, { encoding: 'windows-1250' }));
    const out = json<ImportOut>(await cli('import', path, '--encoding', 'windows-1250', '--json'));
    expect(out.import).toMatchObject({ encoding: 'windows-1250', total: 1 });
    const leads = json<{ firstName: string; lastName: string }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads.map((l) => [l.firstName, l.lastName])).toEqual([['Łukasz', 'Wąsik']]);

    const wrong = await cli('import', path, '--encoding', 'latin2', '--force');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /--encoding must be one of utf-8, .*windows-1250, windows-1251, not "latin2"/,
    );
  });

  it('honours --sheet, --header-row and --map', async () => {
    const wb = workbookFromRows({
      Notes: [['nothing here']],
      People: [
        ['Exported 2024-03-01', ''],
        ['Contact', 'Mail'],
        ['Ann Lee', 'ann@acme.com'],
      ],
    });
    const path = file('people.xlsx', writeWorkbook(wb));
    const r = await cli(
      'import',
      path,
      '--sheet',
      'People',
      '--header-row',
      '2',
      '--map',
      'fullName=Contact',
      '--map',
      'email=2',
      '--json',
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = json<ImportOut>(r);
    expect(out.import.headers).toEqual(['Contact', 'Mail']);
    const leads = json<{ fullName: string; email: string; rowNumber: number }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads).toMatchObject([{ fullName: 'Ann Lee', email: 'ann@acme.com', rowNumber: 3 }]);

    const bad = await cli('import', path, '--sheet', 'Nope');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no sheet "Nope"\. Sheets: Notes, People/);
  });

  it('--map email or phone given twice tries the second column where the first holds nothing usable', async () => {
    const path = file(
      'two-emails.csv',
      'Name,Work Email,Personal Email,Line A,Line B\n' +
        'Ann Lee,ann@acme.com,ann@gmail.com,+1 415 555 0101,\n' +
        'Bo Ek,,bo@gmail.com,,+44 7700 900123\n' +
        'Cy Li,N/A,,,\n',
    );
    const r = await cli(
      'import',
      path,
      '--map',
      'email=Work Email',
      '--map',
      'email=Personal Email',
      '--map',
      'phone=Line A',
      '--map',
      'phone=Line B',
      '--json',
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = json<ImportOut>(r);
    const leads = json<{ email: string | null; phone: string | null; state: string }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads.map((l) => [l.email, l.phone, l.state])).toEqual([
      ['ann@acme.com', '+1 415 555 0101', 'ready'],
      ['bo@gmail.com', '+44 7700 900123', 'ready'],
      [null, null, 'invalid'],
    ]);
  });

  it('without --sheet, imports the largest visible sheet with an email column and says which', async () => {
    const wb = workbookFromRows({
      Summary: [
        ['Region', 'Leads'],
        ['EMEA', '2'],
      ],
      'Do not contact': [['Email'], ['cy@rival.io']],
      Contacts: [
        ['Name', 'Courriel'],
        ['Ann Lee', 'ann@acme.com'],
        ['Bo Park', 'bo@globex.io'],
      ],
    });
    const r = await cli('import', file('summary-first.xlsx', writeWorkbook(wb)));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sheet "Contacts"/);
    expect(r.stdout).toMatch(/2 leads/);
    expect(r.stdout).toContain(
      'Warning: This file has 3 visible sheets with rows; "Contacts" was imported (the largest with an email column). To import another, add --sheet with one of: "Summary", "Do not contact".',
    );
  });

  it('an address on the suppression list keeps out its "+tag" and Gmail dot variants', async () => {
    expect((await cli('suppress', 'add', 'max+optout@other.org', 'ann.lee@gmail.com')).code).toBe(0);
    const leads = file(
      'variants.csv',
      csvBytes([
        ['Email', 'First Name'],
        ['max@other.org', 'Max'],
        ['Max+Leads@other.org', 'Max'],
        ['annlee@gmail.com', 'Ann'],
        ['maxine@other.org', 'Maxine'],
      ]),
    );
    const r = await cli('import', leads, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json<ImportOut>(r).import.counts).toMatchObject({ suppressed: 3, ready: 1 });
  });

  it('applies --suppress before importing, and suppress add / import feed the list', async () => {
    const list = file('dnc.csv', 'email\nann@acme.com\n@rival.io\n');
    const added = await cli('suppress', 'add', 'max@other.org', 'beta.io');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/2 added/);
    const imported = await cli('suppress', 'import', list);
    expect(imported.stdout).toMatch(/2 added, 0 already on the list, 1 not an email or domain/);

    const leads = file(
      'targets.csv',
      csvBytes([
        ['Email', 'Name'],
        ['ann@acme.com', 'Ann'],
        ['joe@rival.io', 'Joe'],
        ['max@other.org', 'Max'],
        ['kim@beta.io', 'Kim'],
        ['zed@zeta.dev', 'Zed'],
      ]),
    );
    // A list with nothing usable (here a column of names) stops the import: its leads would go unsuppressed.
    const wrongColumn = await cli(
      'import',
      leads,
      '--suppress',
      file('names.txt', 'Name\nAnn Lee\nJoe Kim\n'),
    );
    expect(wrongColumn.code).toBe(1);
    expect(wrongColumn.stderr).toMatch(
      /None of the 3 entries is an email address or a domain \(e\.g\. "Name", "Ann Lee", "Joe Kim"\), so nothing was changed\./,
    );
    expect(await importsListed()).toEqual([]);
    const typo = await cli('suppress', 'add', 'notanemail');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/"notanemail" is not an email address or a domain/);

    const r = await cli('import', leads, '--suppress', file('more.txt', 'zed@zeta.dev\n'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json<ImportOut>(r).import.counts).toMatchObject({ suppressed: 5, ready: 0 });
  });

  it('suppress list shows the entries with their source; suppress remove takes them off by value or all that match', async () => {
    expect((await cli('suppress', 'add', 'ann@acme.com', '@Rival.io')).code).toBe(0);
    expect(
      (await cli('suppress', 'import', file('bought.csv', 'email\nx1@bought.io\nx2@bought.io\n'))).code,
    ).toBe(0);
    const listed = await cli('suppress', 'list', '--search', 'bought.csv');
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['x2@bought.io', 'x1@bought.io']);
    expect(listed.stdout).toMatch(/x1@bought\.io +email +\d{4}-\d{2}-\d{2} +bought\.csv/);

    const byValue = await cli('suppress', 'remove', 'ANN@acme.com', 'rival.io', 'zed@zeta.dev');
    expect(byValue.code, byValue.stderr).toBe(0);
    expect(byValue.stdout).toBe('Suppression list: 2 entries removed.\nNot on the list: zed@zeta.dev.\n');
    const none = await cli('suppress', 'remove', 'zed@zeta.dev');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Not on the suppression list: zed@zeta\.dev\./);

    const matching = await cli('suppress', 'remove', '--matching', 'bought.csv');
    expect(matching.stdout).toMatch(/^Suppression list: 2 entries removed\./);
    expect((await cli('suppress', 'list')).stdout).toBe('The suppression list is empty.\n');
    expect((await cli('suppress', 'remove')).code).toBe(2);
  });
});

describe("a sending tool's unsubscribes as the suppression list", () => {
  it('keeps out the people who asked, not the companies their website column names', async () => {
    const unsubscribed = file(
      'unsubscribes.csv',
      csvBytes([
        ['Email', 'First Name', 'Company', 'Website'],
        ['ann@acme.com', 'Ann', 'Acme', 'https://www.acme.com'],
      ]),
    );
    const r = await cli('suppress', 'import', unsubscribed);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '1 added, 0 already on the list. Only the column "Email" of the file was read.',
    );
    const leads = file(
      'acme-team.csv',
      csvBytes([
        ['Email', 'Name'],
        ['ann@acme.com', 'Ann'],
        ['bo@acme.com', 'Bo'],
      ]),
    );
    const out = json<ImportOut>(await cli('import', leads, '--json'));
    expect(out.import.counts).toMatchObject({ suppressed: 1, ready: 1 });
  });
});

describe('bad input: a clear message, exit 1, nothing written', () => {
  const xlsx = () => leadsToXlsx(messyLeads(30, 3));
  const tooManyRows = () => {
    const lines = ['email'];
    for (let i = 0; i <= 500_000; i++) lines.push(`p${i}@acme.com`);
    return lines.join('\n');
  };
  const cases: [string, string, () => Uint8Array | string, RegExp][] = [
    ['corrupt workbook', 'corrupt.xlsx', () => garbled(xlsx()), /damaged|corrupt|could not be read/i],
    ['truncated workbook', 'cut.xlsx', () => truncated(xlsx(), 0.5), /damaged|corrupt|truncated|incomplete/i],
    ['password-protected workbook', 'locked.xlsx', encryptedXlsx, /password/i],
    ['empty file', 'empty.csv', () => new Uint8Array(0), /empty/i],
    [
      'empty sheet',
      'blank.xlsx',
      () => writeWorkbook(workbookFromRows({ Sheet1: [] })),
      /empty|nothing to import/i,
    ],
    ['web page renamed .xlsx', 'page.xlsx', htmlTableBytes, /web page|HTML/i],
    ['PDF renamed .xlsx', 'doc.xlsx', pdfBytes, /PDF/],
    [
      'zip bomb',
      'bomb.xlsx',
      () => zipClaimingSizes(xlsx(), 0x7fffffff),
      /too (large|big)|expand|inflate|zip bomb|refus/i,
    ],
    ['too many rows', 'huge.csv', tooManyRows, /500,000/],
    [
      'no email column',
      'noemail.csv',
      () =>
        csvBytes([
          ['Name', 'Company', 'Phone'],
          ['Ann', 'Acme', '0612'],
        ]),
      /No email column found\. Columns in this sheet: Name, Company, Phone\. Pick the column that holds email addresses\. Name it with --map email="<column>"\./,
    ],
    ['header row only', 'header.csv', () => 'Email,Name\n', /no rows of data/],
  ];

  it.each(cases)('%s', async (_label, name, bytes, message) => {
    const r = await cli('import', file(name, bytes()));
    expect(r.code, r.stdout).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await importsListed()).toEqual([]);
  });

  it('a missing file and a bad --header-row are refused', async () => {
    const missing = await cli('import', join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    const usage = await cli('import', file('ok.csv', 'Email\na@b.co\n'), '--header-row', 'zero');
    expect(usage.code).toBe(2);
    expect(await importsListed()).toEqual([]);
  });
});

describe('awkward but importable input', () => {
  it('reads the rows after a quote that does not close its cell as rows, and says which rows to check', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `person${i}@acme.com,Person ${i}`);
    lines[1] = `"${lines[1]}`;
    // Closed too early by the inch mark, and later by the quoted cell of row 22.
    lines[10] = `person10@acme.com,"24" screens`;
    lines[20] = `person20@acme.com,"Person ""20"""`;
    const path = file('stray-quote.csv', `Email,Name\n${lines.join('\n')}\n`);
    const r = await cli('import', path, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = json<ImportOut>(r);
    // Before: 2 leads, the second holding the 28 after it in one cell.
    expect(out.import.total).toBe(30);
    expect(out.warnings.join(' ')).toMatch(/Quotes that open cells in rows 3 and 12 are not closed/);
  });

  it('cuts 1 MB cells with a warning, keeps duplicate/empty headers apart, and formula text as text', async () => {
    const big = 'x'.repeat(1_100_000);
    const path = file(
      'awkward.csv',
      csvBytes([
        ['Email', 'Email', '', 'Notes'],
        ['ann@acme.com', 'ann.lee@acme.com', 'a', big],
        ['bob@beta.io', '', 'b', '=cmd|"/c calc"!A1'],
        ['cat@gamma.dev', '', 'c', '@SUM(1,2)'],
      ]),
    );
    const r = await cli('import', path, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = json<ImportOut>(r);
    expect(out.warnings.join(' ')).toMatch(/1 very long cell was cut/);
    expect(out.import.headers).toEqual(['Email', 'Email (2)', 'Column 3', 'Notes']);
    const leads = json<{ email: string; custom: Record<string, string> }[]>(
      await cli('leads', '--import', String(out.importId), '--json'),
    );
    expect(leads[0]?.custom.notes?.length).toBe(1_000_000);
    expect(leads[1]?.custom.notes).toBe('=cmd|"/c calc"!A1');
    expect(leads[2]?.custom.notes).toBe('@SUM(1,2)');
  });

  it('imports the feature workbook (title row, merged header) with the header detected', async () => {
    const r = await cli('import', file('booth.xlsx', writeWorkbook(featureWorkbook())), '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = json<ImportOut>(r);
    expect(out.import.total).toBe(3);
    expect(out.import.headers[1]).toBe('Contact (2)');
  });
});
