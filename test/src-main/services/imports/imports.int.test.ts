import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../helpers/app';
import {
  accentedLeadRows,
  csvBytes,
  featureWorkbook,
  messyLeads,
  leadsToXlsx,
  workbookFromRows,
  writeWorkbook,
  type FixtureEncoding,
} from '../../../fixtures-gen';
import {
  importFile,
  sha256Hex,
  type Caller,
  type FileImportOptions,
} from '../../../../src-main/services/imports/file-import';
import type { ImportSummary, LeadRow } from '../../../../src-shared/contract/imports';
import { emptyLead, LEAD_STATES } from '../../../../src-shared/import/types';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(async () => {
  await app.close();
});

const HEADER = ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'Website'];
const csv = (rows: string[][], header = HEADER): Uint8Array => csvBytes([header, ...rows]);
const load = (bytes: Uint8Array, name: string, opts: FileImportOptions = {}) =>
  importFile(app.call, bytes, name, opts);

function addsUp(s: ImportSummary): void {
  expect(LEAD_STATES.reduce((n, k) => n + s.counts[k], 0)).toBe(s.total);
  expect(s.total + s.blankRows + s.hiddenRows + s.headerRepeats + s.footerRows).toBe(s.rowsRead);
}

async function allLeads(importId: number): Promise<LeadRow[]> {
  const page = await app.call('leads.page', { importId, limit: 1000 });
  return page.rows;
}

const byEmail = (leads: LeadRow[], email: string): LeadRow => {
  const l = leads.find((x) => x.email === email);
  if (!l) throw new Error(`no lead ${email}`);
  return l;
};

const importRows = () =>
  (app.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;

/** A draft staged by hand (as the renderer does), one Email column, `rows` data rows below row 1. */
async function beginEmailDraft(name: string, rows: number): Promise<number> {
  const { importId } = await app.call('imports.stageBegin', {
    file: {
      name,
      size: 10,
      sha256: sha256Hex(new TextEncoder().encode(name)),
      kind: 'csv',
      sheet: name,
      headerRow: 0,
      encoding: 'utf-8',
      delimiter: ',',
    },
    headers: ['Email'],
    mapping: [{ kind: 'field', field: 'email' }],
    rowsRead: rows,
    blankRows: 0,
    total: rows,
  });
  return importId;
}

/** A staged row of such a draft: sheet row `n`, naming pipeline group `groupId`. */
const emailRow = (n: number, email: string, groupId: number | null = null) => ({
  rowNumber: n,
  original: [email],
  lead: { ...emptyLead(), email, custom: {} },
  state: groupId === null ? ('ready' as const) : ('duplicate' as const),
  reason: groupId === null ? 'Ready' : 'Same email',
  flags: [],
  suggestion: null,
  groupId,
});

describe('importing files through the service', () => {
  it('reads a workbook with a title row, merged headers, dates and leading zeros, row numbers as in Excel', async () => {
    const { summary } = await load(writeWorkbook(featureWorkbook()), 'booth.xlsx', { draft: true });
    expect(summary.headerRow).toBe(2);
    expect(summary.headers.slice(0, 3)).toEqual(['Contact', 'Contact (2)', 'Company']);
    expect(summary.total).toBe(3);
    addsUp(summary);
    const leads = await allLeads(summary.id);
    expect(leads.map((l) => l.rowNumber)).toEqual([4, 5, 6]);
    const jose = byEmail(leads, 'jose@example.com');
    expect(jose.original[3]).toBe('00123');
    expect(jose.original[5]).toBe('2024-01-05');
    expect(jose.custom.zip).toBe('00123');
    // Formula-looking text stays text, never evaluated.
    expect(jose.custom.note).toBe('=HYPERLINK("http://evil.example")');
    expect(byEmail(leads, 'taro@example.jp').custom.note).toBe('+SUM(A1:A2)');
  });

  it('reads an Apple Numbers spreadsheet into the same leads as the same rows saved as CSV, and lists it as Numbers', async () => {
    const leads = messyLeads(300, 5);
    const rows = [leads.header, ...leads.rows];
    // Drafts, so that neither is checked against the other's leads.
    const numbers = await load(writeWorkbook(workbookFromRows({ Leads: rows }), 'numbers'), 'leads.numbers', {
      draft: true,
    });
    const fromCsv = await load(csvBytes(rows), 'leads.csv', { draft: true });
    expect(numbers.summary.kind).toBe('numbers');
    expect(numbers.summary.total).toBe(300);
    addsUp(numbers.summary);
    const listed = (await app.call('imports.list', {})).imports.find((i) => i.id === numbers.summary.id);
    expect(listed?.kind).toBe('numbers');
    // Ids differ from one import to the other; whether a lead is in a group does not.
    const asRead = (l: LeadRow) => ({ ...l, id: 0, importId: 0, groupId: l.groupId !== null });
    expect((await allLeads(numbers.summary.id)).map(asRead)).toEqual(
      (await allLeads(fromCsv.summary.id)).map(asRead),
    );
  });

  it.each<FixtureEncoding>([
    'utf-8',
    'utf-8-bom',
    'utf-16le-bom',
    'utf-16be-bom',
    'utf-16le',
    'windows-1252',
    'macintosh',
  ])('reads a CSV in %s with accents intact', async (encoding) => {
    const { summary } = await load(csvBytes(accentedLeadRows(), { encoding }), `accents-${encoding}.csv`);
    expect(summary.status).toBe('committed');
    expect(summary.total).toBe(4);
    addsUp(summary);
    const leads = await allLeads(summary.id);
    expect(byEmail(leads, 'jose@example.com').company).toBe('Société Générale');
    expect(byEmail(leads, 'zoe@example.fr').lastName).toBe('Ångström');
    expect(byEmail(leads, 'ana@example.es').custom.notes).toBe('=1+2');
  });

  it('counts blank rows and keeps every lead in exactly one state', async () => {
    const leads = messyLeads(400, 11);
    const rows = [
      ...leads.rows.slice(0, 200),
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ...leads.rows.slice(200),
    ];
    const { summary } = await load(csvBytes([leads.header, ...rows]), 'messy.csv');
    expect(summary.total).toBe(400);
    expect(summary.blankRows).toBe(1);
    addsUp(summary);
    expect(summary.counts.duplicate).toBeGreaterThan(0);
    expect(summary.counts.invalid).toBeGreaterThan(0);
    // Staging turns SQLite's automatic checkpoint off around its own commits only; the app's other
    // writers must find it as it was, or the WAL would grow without bound.
    expect(app.ctx.database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it("reads a query's table copied from psql or mysql as leads: its rules, borders and count of rows are none", async () => {
    const psql = [
      '      email       | first_name | company ',
      '------------------+------------+---------',
      ' jane@acme.com    | Jane       | Acme',
      ' bob@betalabs.io  | Bob        | Beta Labs',
      '(2 rows)',
      '',
    ].join('\n');
    const mysql = [
      '+-----------------+------------+-----------+',
      '| email           | first_name | company   |',
      '+-----------------+------------+-----------+',
      '| ann@gamma.io    | Ann        | Gamma     |',
      '| cy@delta.io     | Cy         | NULL      |',
      '+-----------------+------------+-----------+',
      '2 rows in set (0.00 sec)',
      '',
    ].join('\n');
    for (const [name, text, people] of [
      [
        'psql.txt',
        psql,
        [
          ['jane@acme.com', 'Jane'],
          ['bob@betalabs.io', 'Bob'],
        ],
      ],
      [
        'mysql.txt',
        mysql,
        [
          ['ann@gamma.io', 'Ann'],
          ['cy@delta.io', 'Cy'],
        ],
      ],
    ] as const) {
      const { summary } = await load(new TextEncoder().encode(text), name);
      expect(summary.counts, name).toMatchObject({ ready: 2, invalid: 0 });
      expect(summary.footerRows, name).toBe(1);
      addsUp(summary);
      const imported = await app.call('imports.get', { importId: summary.id });
      // The border's empty cells outside the table are no column worth keeping.
      expect(
        imported.mapping.filter((t) => t.kind !== 'ignore'),
        name,
      ).toEqual([
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'firstName' },
        { kind: 'field', field: 'company' },
      ]);
      const leads = await allLeads(summary.id);
      expect(
        leads.map((l) => [l.email, l.firstName]),
        name,
      ).toEqual(people);
    }
  });

  it('warns about a file imported before and refuses it unless forced', async () => {
    const bytes = csv([['a@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com']]);
    const first = await load(bytes, 'one.csv');
    const check = await app.call('imports.checkHash', { sha256: first.summary.sha256 });
    expect(check.previous.map((p) => [p.id, p.sheet])).toEqual([[first.summary.id, 'one']]);
    await expect(load(bytes, 'one-again.csv')).rejects.toThrow(/already imported.*--force/);
    const again = await load(bytes, 'one-again.csv', { force: true });
    expect(again.warnings.join(' ')).toMatch(/already imported/);
    // Same person again: a duplicate of the committed import, not a second ready lead.
    expect(again.summary.counts.duplicate).toBe(1);
  });

  it("imports a workbook's sheets one at a time without a warning; the same sheet again is refused unless forced", async () => {
    const header = ['Email', 'First Name', 'Last Name'];
    const bytes = writeWorkbook(
      workbookFromRows({
        'Day 1': [header, ['ann@acme.com', 'Ann', 'Lee']],
        'Day 2': [header, ['bo@beta.io', 'Bo', 'Ray']],
        'Day 3': [header, ['cy@gamma.io', 'Cy', 'Fox']],
      }),
    );
    const day1 = await load(bytes, 'expo.xlsx', { sheet: 'Day 1' });
    const day2 = await load(bytes, 'expo.xlsx', { sheet: 'Day 2' });
    expect(day2.warnings.join(' ')).not.toMatch(/already imported/);
    expect(day2.summary.counts.ready).toBe(1);
    // Refused, with the sheets still to import named.
    await expect(load(bytes, 'expo.xlsx', { sheet: 'Day 1' })).rejects.toThrow(
      new RegExp(
        `Sheet "Day 1" of this file was already imported .* as import ${day1.summary.id} .*--force to import it again\\. Sheets not imported yet: "Day 3" \\(--sheet NAME\\)\\.$`,
      ),
    );
  });

  it('an import whose stored details cannot be read back still lists, with its leads counted afresh', async () => {
    const good = await load(csv([['a@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com']]), 'good.csv');
    const damaged = await load(
      csv([
        ['b@beta.io', 'Bo', 'Ek', 'Beta', 'CTO', 'beta.io'],
        ['bad@', 'Cy', 'Li', 'Beta', 'CFO', 'beta.io'],
      ]),
      'damaged.xlsx.csv',
    );
    app.ctx.database.sqlite
      .prepare(
        `UPDATE imports SET counts_json = '{"ready":', headers_json = 'null', mapping_json = '[{"kind":"bogus"}]',
           source_kind = 'docx' WHERE id = ?`,
      )
      .run(damaged.summary.id);
    const { imports } = await app.call('imports.list', { limit: 10 });
    expect(imports.map((i) => i.id)).toEqual([damaged.summary.id, good.summary.id]);
    expect(imports[0]).toMatchObject({
      fileName: 'damaged.xlsx.csv',
      kind: 'csv',
      headers: [],
      mapping: [],
      total: 2,
      counts: { ready: 1, invalid: 1 },
    });
    expect(await app.call('imports.get', { importId: damaged.summary.id })).toMatchObject({ total: 2 });
  });

  it('dedupes against committed imports only, whatever the case and spacing', async () => {
    await load(csv([['Ann.Lee@Acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com']]), 'first.csv');
    await load(csv([['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io']]), 'draft.csv', { draft: true });
    const { summary } = await load(
      csv([
        ['  ann.lee@acme.COM ', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
        ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
      ]),
      'second.csv',
      { draft: true },
    );
    const leads = await allLeads(summary.id);
    const ann = byEmail(leads, 'ann.lee@acme.com');
    expect(ann.state).toBe('duplicate');
    expect(ann.reason).toBe('Already in your leads (same email)');
    expect(ann.flags).toContain('in_database');
    // A draft is invisible: bob only counts once the other draft is committed.
    expect(byEmail(leads, 'bob@beta.io').state).toBe('ready');
  });

  it('a row linked by LinkedIn or email to a row already in your leads is that person, also after edits, until the link is gone', async () => {
    const header = ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'LinkedIn'];
    await load(csv([['ana@acme.com', 'Ana', 'Silva', 'Acme', 'CTO', '']], header), 'first.csv');
    const { summary } = await load(
      csv(
        [
          ['ana@acme.com', 'Ana', '', '', '', 'linkedin.com/in/ana-silva'], // row 2: the committed address
          ['ana.silva@gmail.com', 'Ana', 'Silva', 'Acme', 'CTO', 'https://www.linkedin.com/in/ana-silva/'], // 3: row 2's profile
          ['Ana.Silva@gmail.com', 'Ana', 'Silva', '', '', ''], // 4: row 3's address
        ],
        header,
      ),
      'second.csv',
      { draft: true },
    );
    expect(summary.openGroups).toBe(0);
    const [two, three, four] = await allLeads(summary.id);
    expect(two?.reason).toBe('Already in your leads (same email)');
    for (const lead of [three, four]) {
      expect(lead?.state).toBe('duplicate');
      expect(lead?.reason).toBe('Already in your leads (the same person as row 2)');
      expect(lead?.flags).toContain('in_database');
    }

    // Re-checked over the database after an edit, the link through row 3 still holds.
    await app.call('leads.edit', { leadId: four!.id, changes: { company: 'Acme' } });
    expect((await allLeads(summary.id))[2]?.reason).toBe('Already in your leads (the same person as row 2)');

    // Row 3 gets another profile: nothing links it to row 2 any more, and row 4 is a duplicate of row 3.
    const edit = await app.call('leads.edit', {
      leadId: three!.id,
      changes: { linkedinUrl: 'linkedin.com/in/ana-silva-2' },
    });
    expect(edit.lead.state).toBe('ready');
    const after = await allLeads(summary.id);
    expect(after.map((l) => [l.state, l.reason])).toEqual([
      ['duplicate', 'Already in your leads (same email)'],
      ['ready', 'Ready'],
      ['duplicate', 'Same email as row 3'],
    ]);
  });

  const anaHeader = ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'LinkedIn'];
  const firstCsv = csv([['ana@acme.com', 'Ana', 'Silva', 'Acme', 'CTO', '']], anaHeader);
  // Ana (row 2, what first.csv holds), her gmail row with the same profile (row 3, the more complete
  // one, so the one to send while first.csv is a draft), and Bo.
  const secondCsv = csv(
    [
      ['ana@acme.com', 'Ana', '', '', '', 'linkedin.com/in/ana-silva'],
      ['ana.silva@gmail.com', 'Ana', 'Silva', 'Acme', 'CTO', 'linkedin.com/in/ana-silva'],
      ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', ''],
    ],
    anaHeader,
  );
  const statesOf = async (importId: number) => (await allLeads(importId)).map((l) => [l.state, l.reason]);
  /** Imports `rows` as a draft, checks the states and reasons it ends with, and deletes it again. */
  const expectFresh = async (rows: Uint8Array, chosen: string[][]): Promise<void> => {
    const fresh = (await load(rows, 'fresh.csv', { draft: true, force: true })).summary.id;
    expect(await statesOf(fresh)).toEqual(chosen);
    await app.call('imports.delete', { importId: fresh });
  };
  const anaAlreadyInLeads = [
    ['duplicate', 'Already in your leads (same email)'],
    ['duplicate', 'Already in your leads (the same person as row 2)'],
    ['ready', 'Ready'],
  ];

  it('an open draft follows at once when another import with the same person is committed, and when that import is deleted', async () => {
    const first = (await load(firstCsv, 'first.csv', { draft: true })).summary.id;
    const second = (await load(secondCsv, 'second.csv', { draft: true })).summary.id;
    expect((await statesOf(second)).map(([state]) => state)).toEqual(['duplicate', 'ready', 'ready']);

    await app.call('imports.commit', { importId: first });
    expect(await statesOf(second)).toEqual(anaAlreadyInLeads);
    expect((await app.call('imports.get', { importId: second })).counts).toMatchObject({
      ready: 1,
      duplicate: 2,
    });
    // Ana is one person to send again: the re-check keeps the row the import chose, the more complete.
    await app.call('imports.delete', { importId: first });
    expect(await statesOf(second)).toEqual([
      ['duplicate', 'Same LinkedIn profile as row 3'],
      ['ready', 'Ready'],
      ['ready', 'Ready'],
    ]);
  });

  it('rows of one address given back by the suppression list keep the one the import would choose, the most complete', async () => {
    const rows = csv([
      ['ana@acme.com', 'Ana', '', '', '', ''],
      ['ana@acme.com', 'Ana', 'Silva', 'Acme', 'CTO', 'acme.com'],
      ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', 'beta.io'],
    ]);
    const chosen = [
      ['duplicate', 'Same email as row 3'],
      ['ready', 'Ready'],
      ['ready', 'Ready'],
    ];
    await expectFresh(rows, chosen);

    await app.call('suppressions.add', { entries: ['ana@acme.com'], source: 'typed' });
    const listed = (await load(rows, 'listed.csv', { draft: true, force: true })).summary.id;
    expect((await statesOf(listed)).map(([state]) => state)).toEqual(['suppressed', 'suppressed', 'ready']);
    const { entries } = await app.call('suppressions.list', {});
    await app.call('suppressions.remove', { ids: entries.map((e) => e.id) });
    expect(await statesOf(listed)).toEqual(chosen);
  });

  it('an address entry reaches a draft\'s other forms of that address ("+tag", Gmail dots), and lets go of them when removed', async () => {
    const rows = csv([
      ['jane+leads@acme.com', 'Jane', 'Doe', 'Acme', 'CTO', ''],
      ['bo.stone@gmail.com', 'Bo', 'Stone', 'Beta', 'CEO', ''],
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CFO', ''],
    ]);
    const draft = (await load(rows, 'variants.csv', { draft: true })).summary.id;
    const states = async () => (await statesOf(draft)).map(([state]) => state);
    expect(await states()).toEqual(['ready', 'ready', 'ready']);
    const added = await app.call('suppressions.add', {
      entries: ['jane@acme.com', 'bostone+optout@gmail.com'],
      source: 'typed',
    });
    expect(added.reclassified).toBe(2);
    expect(await states()).toEqual(['suppressed', 'suppressed', 'ready']);
    // An edit re-checks the lead over the database: the same list, the same answer.
    const [jane] = await allLeads(draft);
    await app.call('leads.edit', { leadId: jane?.id ?? 0, changes: { title: 'CEO' } });
    expect(await states()).toEqual(['suppressed', 'suppressed', 'ready']);
    const { entries } = await app.call('suppressions.list', {});
    await app.call('suppressions.remove', { ids: entries.map((e) => e.id) });
    expect(await states()).toEqual(['ready', 'ready', 'ready']);
  });

  it('rows given back by the suppression list or by a deleted committed import end as a fresh import would leave them (property)', async () => {
    const row = fc.record({
      email: fc.constantFrom('a@acme.com', 'A@Acme.com', 'b@beta.io', 'c@gmail.com', 'bad@acme'),
      profile: fc.constantFrom('', 'linkedin.com/in/ann', 'linkedin.com/in/bo'),
      company: fc.boolean(),
      title: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 2, maxLength: 6 }),
        fc.constantFrom('a@acme.com', 'b@beta.io'),
        fc.constantFrom('suppression', 'committed'),
        async (body, address, via) => {
          run++;
          // Names far apart row to row: no similar-name suggestion decides a state here.
          const names = [
            ['Ann', 'Lee'],
            ['Bogdan', 'Stone'],
            ['Carla', 'Diaz'],
            ['Dev', 'Patel'],
            ['Eve', 'Okafor'],
            ['Femi', 'Jansen'],
          ];
          const rows = csv(
            body.map((r, i) => [
              r.email,
              names[i]?.[0] ?? '',
              names[i]?.[1] ?? '',
              r.company ? 'Acme' : '',
              r.title ? 'CTO' : '',
              r.profile,
            ]),
            anaHeader,
          );
          const states = async (id: number) => (await allLeads(id)).map((l) => `${l.rowNumber} ${l.state}`);
          const fresh = (await load(rows, `fresh${run}.csv`, { draft: true, force: true })).summary.id;
          const expected = await states(fresh);
          await app.call('imports.delete', { importId: fresh });

          let holder: number | null = null;
          if (via === 'suppression') {
            await app.call('suppressions.add', { entries: [address], source: 'typed' });
          } else {
            holder = (
              await load(csv([[address, 'Held', 'Elsewhere', '', '', '']], anaHeader), `held${run}.csv`)
            ).summary.id;
          }
          const draft = (await load(rows, `draft${run}.csv`, { draft: true, force: true })).summary.id;
          if (holder === null) {
            const { entries } = await app.call('suppressions.list', {});
            await app.call('suppressions.remove', { ids: entries.map((e) => e.id) });
          } else {
            await app.call('imports.delete', { importId: holder });
          }
          expect(await states(draft), `${via} ${address}`).toEqual(expected);
          await app.call('imports.delete', { importId: draft });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rows of one person linked by a LinkedIn profile, given back by the suppression list, keep the most complete', async () => {
    const rows = csv(
      [
        ['jane@rival.io', '', '', '', '', 'linkedin.com/in/jane-doe'],
        ['jane.doe@gmail.com', 'Jane', 'Doe', 'Rival', 'CFO', 'linkedin.com/in/jane-doe'],
        ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', ''],
      ],
      anaHeader,
    );
    const chosen = [
      ['duplicate', 'Same LinkedIn profile as row 3'],
      ['ready', 'Ready'],
      ['ready', 'Ready'],
    ];
    await expectFresh(rows, chosen);

    await app.call('suppressions.add', { entries: ['jane@rival.io', 'gone@else.org'], source: 'typed' });
    const listed = (await load(rows, 'listed.csv', { draft: true, force: true })).summary.id;
    expect((await statesOf(listed)).map(([state]) => state)).toEqual(['suppressed', 'suppressed', 'ready']);
    // Removing another entry gives back nobody.
    const other = await app.call('suppressions.list', { search: 'else.org' });
    expect(await app.call('suppressions.remove', { ids: other.entries.map((e) => e.id) })).toMatchObject({
      removed: 1,
      reclassified: 0,
    });
    const { entries } = await app.call('suppressions.list', {});
    expect(await app.call('suppressions.remove', { ids: entries.map((e) => e.id) })).toMatchObject({
      removed: 1,
      reclassified: 2,
    });
    expect(await statesOf(listed)).toEqual(chosen);
  });

  it('commit finds a person committed while its own file was still being saved, through the rows linked to them too', async () => {
    const first = (await load(firstCsv, 'first.csv', { draft: true })).summary.id;
    // first.csv is committed between the last chunk of second.csv and the end of its staging: too early
    // for second.csv to follow (it is not a whole draft yet), too late for its check at import.
    const committingFirst: Caller = async (name, input) => {
      if (name === 'imports.stageEnd') await app.call('imports.commit', { importId: first });
      return app.call(name, input);
    };
    const second = (await importFile(committingFirst, secondCsv, 'second.csv', { draft: true })).summary.id;
    expect((await statesOf(second)).map(([state]) => state)).toEqual(['duplicate', 'ready', 'ready']);
    await app.call('imports.commit', { importId: second });
    expect(await statesOf(second)).toEqual(anaAlreadyInLeads);
  });

  it('suppresses emails and whole domains, and re-classifies drafts when the list changes', async () => {
    const add = await app.call('suppressions.add', {
      entries: ['ann@acme.com', '@rival.io', 'not an entry'],
      source: 'typed',
    });
    expect(add).toMatchObject({ added: 2, invalid: 1 });
    const { summary } = await load(
      csv([
        ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
        ['joe@eu.rival.io', 'Joe', 'Kim', 'Rival', 'CFO', 'rival.io'],
        ['max@other.org', 'Max', 'Roe', 'Other', 'COO', 'other.org'],
      ]),
      'list.csv',
      { draft: true },
    );
    let leads = await allLeads(summary.id);
    expect(byEmail(leads, 'ann@acme.com').state).toBe('suppressed');
    expect(byEmail(leads, 'joe@eu.rival.io').reason).toMatch(/rival\.io is on your suppression list/);
    expect(byEmail(leads, 'max@other.org').state).toBe('ready');

    const more = await app.call('suppressions.add', {
      entries: ['other.org', 'ann@acme.com'],
      source: 'typed',
    });
    expect(more).toMatchObject({ added: 1, duplicates: 1, reclassified: 1 });
    leads = await allLeads(summary.id);
    expect(byEmail(leads, 'max@other.org').state).toBe('suppressed');

    const list = await app.call('suppressions.list', { search: 'other' });
    expect(list.entries.map((e) => e.value)).toEqual(['other.org']);
    const removed = await app.call('suppressions.remove', { ids: list.entries.map((e) => e.id) });
    expect(removed).toEqual({ removed: 1, reclassified: 1, entries: list.entries });
    expect(byEmail(await allLeads(summary.id), 'max@other.org').state).toBe('ready');
  });

  it("removes every entry a search finds at once, by source (an import's marks) or value, and re-checks the drafts they suppressed", async () => {
    await app.call('suppressions.add', {
      entries: ['ann@acme.com', 'bo@beta.io'],
      source: 'Campaign.csv (marked as bounced)',
    });
    await app.call('suppressions.add', { entries: ['campaign.io', 'cy@gamma.io'], source: 'typed' });
    const { summary } = await load(
      csv([
        ['bo@beta.io', 'Bo', 'Ray', 'Beta', 'CEO', 'beta.io'],
        ['cy@gamma.io', 'Cy', 'Wu', 'Gamma', 'COO', 'gamma.io'],
      ]),
      'search.csv',
      { draft: true },
    );
    const removed = await app.call('suppressions.remove', { search: ' campaign.CSV ' });
    expect(removed.entries.map((e) => e.value).sort()).toEqual(['ann@acme.com', 'bo@beta.io']);
    expect(removed).toMatchObject({ removed: 2, reclassified: 1 });
    expect(byEmail(await allLeads(summary.id), 'bo@beta.io').state).toBe('ready');
    expect(byEmail(await allLeads(summary.id), 'cy@gamma.io').state).toBe('suppressed');
    expect((await app.call('suppressions.list', {})).entries.map((e) => e.value).sort()).toEqual([
      'campaign.io',
      'cy@gamma.io',
    ]);
    await expect(app.call('suppressions.remove', { search: '  ' })).rejects.toThrow();
  });

  it('undoes a removal (each entry back with its source and date) and an add (only the entries it added)', async () => {
    await app.call('suppressions.add', { entries: ['ann@acme.com'], source: 'unsubscribes.csv' });
    const { summary } = await load(
      csv([
        ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
        ['max@other.org', 'Max', 'Roe', 'Other', 'COO', 'other.org'],
      ]),
      'undo.csv',
      { draft: true },
    );
    const before = (await app.call('suppressions.list', {})).entries;
    const removed = await app.call('suppressions.remove', { ids: before.map((e) => e.id) });
    expect(byEmail(await allLeads(summary.id), 'ann@acme.com').state).toBe('ready');

    const restored = await app.call('suppressions.restore', {
      entries: removed.entries.map(({ kind, value, source, createdAt }) => ({
        kind,
        value,
        source,
        createdAt,
      })),
    });
    expect(restored).toEqual({ restored: 1, reclassified: 1 });
    const back = (await app.call('suppressions.list', {})).entries;
    expect(back.map(({ value, source, createdAt }) => ({ value, source, createdAt }))).toEqual(
      before.map(({ value, source, createdAt }) => ({ value, source, createdAt })),
    );
    expect(byEmail(await allLeads(summary.id), 'ann@acme.com').state).toBe('suppressed');

    // The wrong file added: undoing it takes out what it added, not Ann, who was on the list before it.
    const wrong = await app.call('suppressions.add', {
      entries: ['ann@acme.com', 'max@other.org', 'other.org'],
      source: 'leads.xlsx',
    });
    expect(wrong).toMatchObject({ added: 2, duplicates: 1, reclassified: 1 });
    expect(wrong.addedIds).toHaveLength(2);
    await app.call('suppressions.remove', { ids: wrong.addedIds });
    expect((await app.call('suppressions.list', {})).entries.map((e) => e.value)).toEqual(['ann@acme.com']);
    expect(byEmail(await allLeads(summary.id), 'max@other.org').state).toBe('ready');
  });

  it('suppressing one address of a person in a draft suppresses the rows linked to it, kept or not, and removing it gives them back', async () => {
    const { summary } = await load(
      csv(
        [
          ['jane@rival.io', 'Jane', 'Doe', 'Rival', 'linkedin.com/in/jane-doe'],
          ['jane.doe@gmail.com', 'Jane', 'Doe', 'Rival', 'linkedin.com/in/jane-doe'],
          ['jane.doe@gmail.com', 'Jane', 'Doe', '', ''],
          ['bo@beta.io', 'Bo', 'Stone', 'Beta', ''],
        ],
        ['Email', 'First Name', 'Last Name', 'Company', 'LinkedIn'],
      ),
      'jane.csv',
      { draft: true },
    );
    const before = await allLeads(summary.id);
    // The user keeps both gmail rows: keeping does not beat the suppression list.
    await app.call('leads.bulk', {
      importId: summary.id,
      action: 'keep_selected',
      leadIds: [before[1]!.id, before[2]!.id],
    });
    const added = await app.call('suppressions.add', { entries: ['jane@rival.io'], source: 'typed' });
    expect(added.reclassified).toBe(3);
    const samePerson = 'The same person as row 2, whose address is on your suppression list';
    expect((await allLeads(summary.id)).map((l) => [l.state, l.reason])).toEqual([
      ['suppressed', 'On your suppression list'],
      ['suppressed', samePerson],
      ['suppressed', samePerson],
      ['ready', 'Ready'],
    ]);
    const { entries } = await app.call('suppressions.list', { search: 'rival' });
    await app.call('suppressions.remove', { ids: entries.map((e) => e.id) });
    expect((await allLeads(summary.id)).map((l) => l.state)).toEqual([
      'duplicate',
      'ready',
      'ready',
      'ready',
    ]);
    // Only the address: a domain entry keeps everyone at rival.io out, not Jane at her other address.
    await app.call('suppressions.add', { entries: ['rival.io'], source: 'typed' });
    expect((await allLeads(summary.id)).map((l) => l.state)).toEqual([
      'suppressed',
      'ready',
      'ready',
      'ready',
    ]);
  });

  it('in 300 rows linked by one placeholder address, a row 280 along linked to a suppressed address keeps them all out, whatever is re-checked later', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ['noemail@acme.com', `Ann${i}`, 'Lee', '']);
    rows[280]![3] = 'linkedin.com/in/jane-far';
    rows.push(['jane@rival.io', 'Jane', 'Far', 'linkedin.com/in/jane-far']);
    await app.call('suppressions.add', { entries: ['jane@rival.io'], source: 'typed' });
    const { summary } = await load(
      csv(rows, ['Email', 'First Name', 'Last Name', 'LinkedIn']),
      'placeholder.csv',
      { draft: true },
    );
    const sent = async () =>
      (await allLeads(summary.id)).filter((l) => l.state === 'ready').map((l) => l.rowNumber);
    expect(summary.counts.suppressed).toBe(301);
    const leads = await allLeads(summary.id);
    await app.call('leads.edit', { leadId: leads[1]!.id, changes: { title: 'CEO' } });
    expect(await sent()).toEqual([]);
    await app.call('leads.edit', { leadId: leads[0]!.id, changes: { email: 'ann@acme.com' } });
    expect(await sent()).toEqual([2]);
    // Keeping every row does not beat the list either.
    await app.call('leads.bulk', {
      importId: summary.id,
      action: 'keep_selected',
      leadIds: leads.map((l) => l.id),
    });
    expect(await sent()).toEqual([2]);
  });
});

describe('Clean & dedupe over the database', () => {
  async function draft(rows: string[][], header = HEADER) {
    const { summary } = await load(csv(rows, header), 'draft.csv', { draft: true });
    return summary;
  }
  /** A draft of rows (email, first name, verdict) as a verifier's export gives them. */
  const verified = (rows: string[][]) => draft(rows, ['Email', 'First Name', 'Email Status']);

  it('a company taken from colleagues is said so through other edits, until the company is edited', async () => {
    const summary = await draft(
      [
        ['ann@acme.com', 'Ann', 'Lee', 'Acme'],
        ['bo@acme.com', 'Bo', 'Ray', ''],
      ],
      ['Email', 'First Name', 'Last Name', 'Company'],
    );
    const bo = byEmail(await allLeads(summary.id), 'bo@acme.com');
    expect(bo).toMatchObject({ company: 'Acme', state: 'ready' });
    expect(bo.flags).toContain('company_from_colleagues');
    await app.call('leads.edit', { leadId: bo.id, changes: { title: 'CTO' } });
    expect(byEmail(await allLeads(summary.id), 'bo@acme.com').flags).toContain('company_from_colleagues');
    await app.call('leads.edit', { leadId: bo.id, changes: { company: 'Acme Robotics' } });
    expect(byEmail(await allLeads(summary.id), 'bo@acme.com').flags).not.toContain('company_from_colleagues');
  });

  it("an address the user's verifier found undeliverable stays invalid through other edits, and is checked afresh once the address changes", async () => {
    const summary = await verified([
      ['ann@acme.com', 'Ann', 'invalid'],
      ['bo@beta.io', 'Bo', 'valid'],
    ]);
    expect(summary.counts).toMatchObject({ invalid: 1, ready: 1 });
    const ann = byEmail(await allLeads(summary.id), 'ann@acme.com');
    expect(ann).toMatchObject({
      state: 'invalid',
      reason: 'Your email verifier marked this address undeliverable',
    });
    expect(ann.flags).toContain('verifier_undeliverable');

    const renamed = await app.call('leads.edit', { leadId: ann.id, changes: { firstName: 'Anne' } });
    expect(renamed.lead.state).toBe('invalid');
    const moved = await app.call('leads.edit', { leadId: ann.id, changes: { email: 'anne@acme.com' } });
    expect(moved.lead).toMatchObject({ state: 'ready', email: 'anne@acme.com' });
    expect(moved.lead.flags).not.toContain('verifier_undeliverable');
  });

  it("an address the verifier found undeliverable in one row is left out in every row of it, through other edits, until that row's address changes", async () => {
    const summary = await verified([
      ['Ann@Acme.com', 'Ann', ''], // the same address, never verified, in a row above
      ['bo@beta.io', 'Bo', 'valid'],
      ['ann@acme.com', 'Ann', 'invalid'],
    ]);
    expect(summary.counts).toMatchObject({ invalid: 2, ready: 1 });
    const above = byEmail(await allLeads(summary.id), 'Ann@acme.com');
    expect(above).toMatchObject({
      state: 'invalid',
      reason: 'Your email verifier marked this address undeliverable',
    });
    const renamed = await app.call('leads.edit', { leadId: above.id, changes: { lastName: 'Lee' } });
    expect(renamed.lead.state).toBe('invalid');
    const moved = await app.call('leads.edit', { leadId: above.id, changes: { email: 'ann.lee@acme.com' } });
    expect(moved.lead).toMatchObject({ state: 'ready', email: 'ann.lee@acme.com' });
    // On the list, saying where from: a later import of the same address, unverified, keeps it out too.
    const listed = await app.call('suppressions.list', {});
    expect(listed.entries.map((e) => [e.value, e.source])).toEqual([
      ['ann@acme.com', 'draft.csv (undeliverable to your verifier)'],
    ]);
    const later = await load(csv([['ann@acme.com', 'Ann']], ['Email', 'First Name']), 'later.csv');
    expect(later.summary.counts).toMatchObject({ suppressed: 1, ready: 0 });
  });

  it('a person the file marks as opted out is suppressed, and stays so through every edit, a new address included', async () => {
    const summary = await draft(
      [
        ['Ann@Acme.com', 'Ann Lee', 'false'], // the same person, unmarked, in a fuller row above
        ['ann@acme.com', 'Ann', 'true'],
        ['bo@beta.io', 'Bo', 'false'],
      ],
      ['Email', 'First Name', 'Email Opt Out'],
    );
    expect(summary.counts).toMatchObject({ suppressed: 2, ready: 1 });
    // The address is on the suppression list, saying where from: no later import writes to Ann either.
    const listed = await app.call('suppressions.list', { search: 'ann@acme.com' });
    expect(listed.entries.map((e) => [e.value, e.source])).toEqual([
      ['ann@acme.com', 'draft.csv (marked as opted out)'],
    ]);
    // The row above says what the file says of its address, not only that the list holds it.
    expect(byEmail(await allLeads(summary.id), 'Ann@acme.com')).toMatchObject({
      state: 'suppressed',
      reason: 'Marked in the file as opted out or not to be contacted',
    });
    const ann = byEmail(await allLeads(summary.id), 'ann@acme.com');
    expect(ann).toMatchObject({
      state: 'suppressed',
      reason: 'Marked in the file as opted out or not to be contacted',
    });
    expect(ann.flags).toContain('opted_out');
    const moved = await app.call('leads.edit', { leadId: ann.id, changes: { email: 'anne@acme.com' } });
    expect(moved.lead).toMatchObject({ state: 'suppressed', email: 'anne@acme.com' });
    // Keep does not send them either.
    await app.call('leads.bulk', { importId: summary.id, action: 'keep_selected', leadIds: [ann.id] });
    expect(byEmail(await allLeads(summary.id), 'anne@acme.com').state).toBe('suppressed');
  });

  it("a campaign's export sorted by status: those far down who unsubscribed or were not interested are left out, through a template saved before", async () => {
    const header = ['Email', 'First Name', 'Lead Status'];
    // The template was saved from a file where nobody had unsubscribed: its status column had no tick.
    await app.call('imports.templates.save', {
      name: 'Campaign export',
      headers: header,
      mapping: [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'firstName' },
        { kind: 'custom', key: 'lead_status' },
      ],
    });
    const rows = Array.from({ length: 300 }, (_, i) => [`lead${i}@acme.com`, `Lead${i}`, 'Contacted']);
    rows.push(['ann@beta.io', 'Ann', 'Unsubscribed'], ['bo@gamma.io', 'Bo', 'Not Interested']);
    const { summary } = await load(csv(rows, header), 'campaign.csv', { draft: true });
    expect(summary.counts).toMatchObject({ ready: 300, suppressed: 2 });
    const leads = await allLeads(summary.id);
    expect(byEmail(leads, 'ann@beta.io')).toMatchObject({
      state: 'suppressed',
      reason: 'Marked in the file as opted out or not to be contacted',
    });
    expect(byEmail(leads, 'bo@gamma.io')).toMatchObject({
      state: 'suppressed',
      reason: 'Said they were not interested when written to before, as the file says',
    });
    // Both go on the suppression list, saying why: no later import writes to them either.
    const listed = await app.call('suppressions.list', {});
    expect(listed.entries.map((e) => [e.value, e.source]).sort()).toEqual([
      ['ann@beta.io', 'campaign.csv (marked as opted out)'],
      ['bo@gamma.io', 'campaign.csv (marked as not interested)'],
    ]);
  });

  it('an address the file marks as bounced is written to in no row: the same address unmarked is invalid too, and the address goes on the suppression list', async () => {
    const summary = await draft(
      [
        ['ann@acme.com', 'Ann Lee', 'Contacted'],
        ['ann@acme.com', 'Ann', 'Bounced'],
        ['bo@beta.io', 'Bo', 'Contacted'],
      ],
      ['Email', 'First Name', 'Status'],
    );
    expect(summary.counts).toMatchObject({ invalid: 2, ready: 1 });
    const rows = await allLeads(summary.id);
    expect(rows.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [2, 'invalid', 'This address bounced before, as the file says'],
      [3, 'invalid', 'This address bounced before, as the file says'],
      [4, 'ready', 'Ready'],
    ]);
    const listed = await app.call('suppressions.list', {});
    expect(listed.entries.map((e) => [e.value, e.source])).toEqual([
      ['ann@acme.com', 'draft.csv (marked as bounced)'],
    ]);
  });

  it('a person the file marks as not interested is kept out in every row of them, through edits of the others', async () => {
    const summary = await draft(
      [
        ['ann@acme.com', 'Ann Lee', 'Contacted'], // the same person, unmarked, in a fuller row above
        ['ann@acme.com', 'Ann', 'Not Interested'],
        ['bo@beta.io', 'Bo', 'Contacted'],
      ],
      ['Email', 'First Name', 'Status'],
    );
    expect(summary.counts).toMatchObject({ suppressed: 2, ready: 1 });
    const fuller = (await allLeads(summary.id)).find((l) => l.rowNumber === 2);
    expect(fuller).toMatchObject({
      state: 'suppressed',
      reason: 'Said they were not interested when written to before, as the file says',
    });
    const edited = await app.call('leads.edit', { leadId: fuller?.id ?? 0, changes: { title: 'CTO' } });
    expect(edited.lead.state).toBe('suppressed');
  });

  it('a person the file says already answered is kept out in every row of them, and stays off the suppression list', async () => {
    const summary = await draft(
      [
        ['ann@acme.com', 'Ann Lee', ''], // the same person, in a fresh list's row above
        ['ann@acme.com', 'Ann', 'Meeting booked'],
        ['bo@beta.io', 'Bo', 'Contacted'],
      ],
      ['Email', 'First Name', 'Stage'],
    );
    expect(summary.counts).toMatchObject({ suppressed: 2, ready: 1 });
    const answered =
      'Already answered an earlier campaign (replied, interested, a meeting), as the file says';
    expect((await allLeads(summary.id)).map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [2, 'suppressed', answered],
      [3, 'suppressed', answered],
      [4, 'ready', 'Ready'],
    ]);
    const fuller = (await allLeads(summary.id)).find((l) => l.rowNumber === 2);
    const edited = await app.call('leads.edit', { leadId: fuller?.id ?? 0, changes: { title: 'CTO' } });
    expect(edited.lead).toMatchObject({ state: 'suppressed', reason: answered });
    // A conversation, not a refusal: a later campaign of the founder's may write to them again.
    expect((await app.call('suppressions.list', {})).total).toBe(0);
    // And this one may, row by row: Keep sends the row kept, and only that row of the address.
    const booked = (await allLeads(summary.id)).find((l) => l.rowNumber === 3);
    await app.call('leads.bulk', {
      importId: summary.id,
      action: 'keep_selected',
      leadIds: [booked?.id ?? 0],
    });
    expect((await allLeads(summary.id)).map((l) => [l.rowNumber, l.state])).toEqual([
      [2, 'suppressed'],
      [3, 'ready'],
      [4, 'ready'],
    ]);
  });

  it("Mailchimp's files of the unsubscribed and the cleaned, imported as leads by mistake, send to nobody", async () => {
    const unsubscribed = await load(
      csvBytes([
        ['Email Address', 'First Name', 'UNSUB_TIME', 'UNSUB_CAMPAIGN_TITLE', 'UNSUB_REASON'],
        ['ann@acme.com', 'Ann', '2023-04-05 10:22:11', 'Spring news', 'No longer interested'],
        ['bo@beta.io', 'Bo', '2023-05-01 08:00:00', 'Spring news', ''],
      ]),
      'unsubscribed_members_export_9f2.csv',
      { draft: true },
    );
    expect(unsubscribed.summary.counts).toMatchObject({ suppressed: 2, ready: 0 });
    expect((await allLeads(unsubscribed.summary.id)).map((l) => [l.reason, l.title])).toEqual([
      ['Marked in the file as opted out or not to be contacted', null],
      ['Marked in the file as opted out or not to be contacted', null],
    ]);
    const listed = await app.call('suppressions.list', {});
    expect(listed.entries.map((e) => e.value).sort()).toEqual(['ann@acme.com', 'bo@beta.io']);

    const cleaned = await load(
      csvBytes([
        ['Email Address', 'First Name', 'CLEAN_TIME', 'CLEAN_CAMPAIGN_TITLE'],
        ['cy@gamma.io', 'Cy', '2023-06-01 09:00:00', 'Summer news'],
      ]),
      'cleaned_members_export_9f2.csv',
      { draft: true },
    );
    expect(cleaned.summary.counts).toMatchObject({ invalid: 1, ready: 0 });
    expect(byEmail(await allLeads(cleaned.summary.id), 'cy@gamma.io').reason).toBe(
      'This address bounced before, as the file says',
    );
  });

  it('the addresses a verifier could not confirm are excluded in one action, and only those', async () => {
    const summary = await verified([
      ['ann@acme.com', 'Ann', 'catch-all'],
      ['bo@beta.io', 'Bo', 'valid'],
      ['cy@gamma.io', 'Cy', 'unknown'],
    ]);
    expect(summary.counts.ready).toBe(3);
    const cy = byEmail(await allLeads(summary.id), 'cy@gamma.io');
    // A verdict holds through an edit that keeps the address.
    await app.call('leads.edit', { leadId: cy.id, changes: { firstName: 'Cyd' } });
    const counts = await app.call('leads.flagCounts', { importId: summary.id });
    expect(counts.actionable.exclude_verifier_unconfirmed).toBe(2);
    const { changed } = await app.call('leads.bulk', {
      importId: summary.id,
      action: 'exclude_verifier_unconfirmed',
    });
    expect(changed).toBe(2);
    expect((await allLeads(summary.id)).map((l) => [l.email, l.state])).toEqual([
      ['ann@acme.com', 'suppressed'],
      ['bo@beta.io', 'ready'],
      ['cy@gamma.io', 'suppressed'],
    ]);
  });

  it('re-classifies an edited lead: a fixed typo becomes ready, a colliding email a duplicate, undo restores', async () => {
    const s = await draft([
      ['ann@gmial.com', 'Ann', 'Lee', 'Acme', 'CEO', ''],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
    ]);
    let leads = await allLeads(s.id);
    const ann = byEmail(leads, 'ann@gmial.com');
    expect(ann.state).toBe('needs_fix');
    expect(ann.suggestion).toBe('ann@gmail.com');
    expect((await app.call('imports.get', { importId: s.id })).undoLabel).toBeNull();

    const fixed = await app.call('leads.applySuggestion', { leadId: ann.id });
    expect(fixed.lead).toMatchObject({ email: 'ann@gmail.com', state: 'ready', edited: true });

    const bob = byEmail(leads, 'bob@beta.io');
    const collided = await app.call('leads.edit', { leadId: ann.id, changes: { email: ' BOB@beta.io ' } });
    expect(collided.lead.state).toBe('duplicate');
    expect(collided.lead.reason).toBe(`Same email as row ${bob.rowNumber}`);

    // The summary says what Undo reverts next, so the button can say it before it is pressed.
    expect((await app.call('imports.get', { importId: s.id })).undoLabel).toBe('Edit');
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe('Edit');
    leads = await allLeads(s.id);
    expect(byEmail(leads, 'ann@gmail.com').state).toBe('ready');
    const next = (await app.call('imports.get', { importId: s.id })).undoLabel;
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe(next);
    expect(byEmail(await allLeads(s.id), 'ann@gmial.com').state).toBe('needs_fix');
    expect((await app.call('imports.get', { importId: s.id })).undoLabel).toBeNull();
  });

  it('editing the survivor away frees its duplicate', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', '', ''],
    ]);
    const [first, second] = await allLeads(s.id);
    expect(second?.state).toBe('duplicate');
    const change = await app.call('leads.edit', {
      leadId: first!.id,
      changes: { email: 'ann.lee@acme.com' },
    });
    expect(change.alsoChanged).toEqual([second!.id]);
    expect((await allLeads(s.id)).map((l) => l.state)).toEqual(['ready', 'ready']);
  });

  it('select all: the selected actions act on every lead the filter shows now but those unticked, in one undo step', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['info@acme.com', '', '', 'Acme', '', 'acme.com'],
      ['cat@acme.com', 'Cat', 'Ode', 'Acme', 'CTO', 'acme.com'],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
      ['dan@gmial.com', 'Dan', 'Hu', 'Gamma', 'CFO', ''],
    ]);
    const before = await allLeads(s.id);
    const cat = byEmail(before, 'cat@acme.com');
    const excluded = await app.call('leads.bulk', {
      importId: s.id,
      action: 'exclude_selected',
      matching: { search: ' ACME ', exceptIds: [cat.id] },
    });
    expect(excluded.changed).toBe(2);
    const reasons = (leads: LeadRow[]) => leads.map((l) => [l.email, l.state, l.reason]);
    expect(reasons(await allLeads(s.id))).toEqual([
      ['ann@acme.com', 'suppressed', 'Excluded by you'],
      ['info@acme.com', 'suppressed', 'Excluded by you'],
      ['cat@acme.com', 'ready', 'Ready'],
      ['bob@beta.io', 'ready', 'Ready'],
      ['dan@gmial.com', 'needs_fix', 'Did you mean dan@gmail.com?'],
    ]);
    expect(await app.call('leads.undo', { importId: s.id })).toMatchObject({ undone: 'Exclude selected' });
    expect(reasons(await allLeads(s.id))).toEqual(reasons(before));

    // The state and flag filters read as the table does.
    await app.call('leads.bulk', {
      importId: s.id,
      action: 'keep_selected',
      matching: { state: 'needs_fix' },
    });
    expect(byEmail(await allLeads(s.id), 'dan@gmial.com')).toMatchObject({
      state: 'ready',
      reason: 'Kept by you',
    });
    await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', matching: { flag: 'role' } });
    expect((await allLeads(s.id)).filter((l) => l.state === 'suppressed').map((l) => l.email)).toEqual([
      'info@acme.com',
    ]);

    await expect(
      app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', matching: { search: 'nobody' } }),
    ).rejects.toThrow('No selected lead matches the filter any more.');
    await expect(
      app.call('leads.bulk', {
        importId: s.id,
        action: 'exclude_selected',
        leadIds: [cat.id],
        matching: { search: 'acme' },
      }),
    ).rejects.toThrow('Name the selected leads or a filter, not both.');
  });

  it('a bulk action or undo that takes a while says how far it has got; a quick one says nothing', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => [
      `p${i}@beta${i}.io`,
      `P${i}`,
      `L${i}`,
      'Beta',
      '',
      '',
    ]);
    const s = await draft(rows);
    const heard: { label: string; done: number; total: number }[] = [];
    const stop = app.ctx.events.subscribe((name, payload) => {
      if (name === 'imports.progress') {
        const p = payload as { importId: number; label: string; done: number; total: number };
        expect(p.importId).toBe(s.id);
        heard.push({ label: p.label, done: p.done, total: p.total });
      }
    });
    // A clock that moves 60 ms each time it is read: the host reports at most every 100 ms.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 60));
    try {
      const [one] = await allLeads(s.id);
      await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', leadIds: [one!.id] });
      expect(heard).toEqual([]);
      await app.call('leads.undo', { importId: s.id });
      await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', matching: {} });
      heard.push({ label: 'then', done: 0, total: 0 });
      await app.call('leads.undo', { importId: s.id });
    } finally {
      clock.mockRestore();
      stop();
    }
    const bulk = heard.slice(
      0,
      heard.findIndex((h) => h.label === 'then'),
    );
    expect(bulk.length).toBeGreaterThan(1);
    expect(bulk.at(-1)).toEqual({ label: 'Exclude selected', done: 600, total: 600 });
    expect(bulk.map((h) => h.done)).toEqual([...bulk.map((h) => h.done)].sort((a, b) => a - b));
    expect(bulk.every((h) => h.total === 600 && h.done <= 600)).toBe(true);
    // Undo reports the leads it has put back.
    expect(heard.at(-1)).toEqual({ label: 'Undo Exclude selected', done: 600, total: 600 });
  });

  it('a commit that takes a while says how far it has got, in thousandths, ending at all of it', async () => {
    // Over two windows of ids, and with an address, a profile and a named person at a company domain
    // on every row: each kind of key is saved.
    const rows = Array.from({ length: 4500 }, (_, i) => [
      `p${i}@beta${i}.io`,
      `Pat${i}`,
      `Lee${i}`,
      'Beta',
      `beta${i}.io`,
      `https://www.linkedin.com/in/p${i}`,
    ]);
    const header = ['Email', 'First Name', 'Last Name', 'Company', 'Website', 'LinkedIn'];
    const { summary: s } = await load(csv(rows, header), 'commit.csv', { draft: true });
    expect(s.counts.ready).toBe(4500);
    const heard: { label: string; done: number; total: number }[] = [];
    const stop = app.ctx.events.subscribe((name, payload) => {
      if (name === 'imports.progress') {
        const p = payload as { importId: number; label: string; done: number; total: number };
        if (p.importId === s.id) heard.push({ label: p.label, done: p.done, total: p.total });
      }
    });
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 60));
    try {
      await app.call('imports.commit', { importId: s.id });
    } finally {
      clock.mockRestore();
      stop();
    }
    expect(heard.length).toBeGreaterThan(3);
    expect(heard.every((h) => h.label === 'Commit' && h.total === 1000)).toBe(true);
    const done = heard.map((h) => h.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Both parts of the work are heard: checking the leads (up to 300) and saving their keys.
    expect(done.some((d) => d > 0 && d <= 300)).toBe(true);
    expect(done.some((d) => d > 300 && d < 1000)).toBe(true);
    expect(heard.at(-1)).toEqual({ label: 'Commit', done: 1000, total: 1000 });
    expect((await app.call('imports.get', { importId: s.id })).status).toBe('committed');
    const keys = app.ctx.database.sqlite
      .prepare('SELECT kind, count(*) AS n FROM lead_keys WHERE import_id = ? GROUP BY kind ORDER BY kind')
      .all(s.id);
    expect(keys).toEqual([
      { kind: 'domain', n: 4500 },
      { kind: 'email', n: 4500 },
      { kind: 'linkedin', n: 4500 },
    ]);
  });

  it('in 30 rows sharing one address, Keep on row 20 makes every other row name it, and editing it away hands the address back to row 2', async () => {
    const s = await draft(
      Array.from({ length: 30 }, (_, i) => ['noemail@acme.com', `Ann${i}`, 'Lee', 'Acme', '', '']),
    );
    const kept = (await allLeads(s.id))[18]!;
    await app.call('leads.bulk', { importId: s.id, action: 'keep_selected', leadIds: [kept.id] });
    let leads = await allLeads(s.id);
    expect(leads.filter((l) => l.state === 'ready').map((l) => l.rowNumber)).toEqual([20]);
    for (const l of leads) if (l.rowNumber !== 20) expect(l.reason).toBe('Same email as row 20');

    await app.call('leads.edit', { leadId: kept.id, changes: { email: 'ann18@acme.com' } });
    leads = await allLeads(s.id);
    expect(leads.filter((l) => l.state === 'ready').map((l) => l.rowNumber)).toEqual([2, 20]);
    for (const l of leads)
      if (l.rowNumber > 2 && l.rowNumber !== 20) expect(l.reason).toBe('Same email as row 2');
  });

  it('an excluded row keeps its address from being sent through another row, also after that row is edited or was the one sent', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['ANN@acme.com', 'Ann', 'Lee', '', '', ''],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
      ['bob@beta.io', 'Bob', 'Ray', '', '', ''],
    ]);
    const [ann, annCopy, bob, bobCopy] = await allLeads(s.id);
    await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', leadIds: [ann!.id] });
    await app.call('leads.edit', { leadId: annCopy!.id, changes: { title: 'CEO' } });
    const excludedFirst = await app.call('leads.bulk', {
      importId: s.id,
      action: 'exclude_selected',
      leadIds: [bobCopy!.id],
    });
    expect(excludedFirst.changed).toBe(2);
    const byRow = new Map((await allLeads(s.id)).map((l) => [l.id, [l.state, l.reason]]));
    expect(byRow.get(annCopy!.id)).toEqual(['duplicate', 'Same email as row 2, which you excluded']);
    expect(byRow.get(bob!.id)).toEqual(['duplicate', 'Same email as row 5, which you excluded']);
    await app.call('leads.undo', { importId: s.id });
    expect((await allLeads(s.id)).find((l) => l.id === bob!.id)?.state).toBe('ready');
  });

  it('undo after the suppression list changed puts back the decision, not a verdict the list now forbids', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
    ]);
    const [ann, bob] = await allLeads(s.id);
    await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', leadIds: [ann!.id] });
    await app.call('leads.edit', { leadId: bob!.id, changes: { title: 'CEO' } });
    await app.call('suppressions.add', { entries: ['acme.com'], source: 'typed' });
    await app.call('leads.undo', { importId: s.id });
    await app.call('leads.undo', { importId: s.id });
    const after = await allLeads(s.id);
    expect(after.map((l) => [l.decision, l.state, l.reason, l.title])).toEqual([
      [null, 'suppressed', 'The domain acme.com is on your suppression list', 'CEO'],
      [null, 'ready', 'Ready', 'CTO'],
    ]);
  });

  it('undo after an entry was added and removed again still re-checks: the person keeps one row to send', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['Ann@Acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
    ]);
    const [first, second] = await allLeads(s.id);
    expect([first?.state, second?.state]).toEqual(['ready', 'duplicate']);
    // The title edit is the step undo reverts; adding and removing the domain in between gives the
    // address back to the more complete row.
    await app.call('leads.edit', { leadId: first!.id, changes: { title: '' } });
    await app.call('suppressions.add', { entries: ['acme.com'], source: 'typed' });
    const { entries } = await app.call('suppressions.list', {});
    await app.call('suppressions.remove', { ids: entries.map((e) => e.id) });
    expect((await allLeads(s.id)).map((l) => l.state)).toEqual(['duplicate', 'ready']);
    await app.call('leads.undo', { importId: s.id });
    expect((await allLeads(s.id)).map((l) => [l.state, l.title])).toEqual([
      ['duplicate', 'CEO'],
      ['ready', 'CEO'],
    ]);
  });

  it("excluding free-mail addresses leaves the person's work address, linked by their LinkedIn profile, to be sent", async () => {
    const header = ['Email', 'First Name', 'Last Name', 'Company', 'LinkedIn'];
    const { summary } = await load(
      csv(
        [
          ['ann.lee@gmail.com', 'Ann', 'Lee', 'Acme', 'linkedin.com/in/ann-lee'],
          ['ann@acme.com', 'Ann', 'Lee', '', 'linkedin.com/in/ann-lee'],
        ],
        header,
      ),
      'linked.csv',
      { draft: true },
    );
    const [gmail, work] = await allLeads(summary.id);
    expect([gmail?.state, work?.reason]).toEqual(['ready', 'Same LinkedIn profile as row 2']);
    await app.call('leads.bulk', { importId: summary.id, action: 'exclude_free_mail' });
    expect((await allLeads(summary.id)).map((l) => [l.state, l.reason])).toEqual([
      ['suppressed', 'Excluded by you'],
      ['ready', 'Ready'],
    ]);
  });

  it('Keep on a duplicate keeps that row instead: the address is still sent once, and an edited title re-checks nobody else', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['ANN@acme.com', 'Ann', 'Lee', '', '', ''],
    ]);
    const [first, second] = await allLeads(s.id);
    expect(second?.reason).toBe('Same email as row 2');
    await app.call('leads.bulk', { importId: s.id, action: 'keep_selected', leadIds: [second!.id] });
    expect((await allLeads(s.id)).map((l) => [l.state, l.reason])).toEqual([
      ['duplicate', 'Same email as row 3'],
      ['ready', 'Kept by you'],
    ]);
    const edit = await app.call('leads.edit', { leadId: first!.id, changes: { title: 'CFO' } });
    expect(edit.alsoChanged).toEqual([]);
    expect(edit.lead.reason).toBe('Same email as row 3');
  });

  it('bulk actions change the right leads, counts still add up, and undo reverts them', async () => {
    const s = await draft([
      ['info@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['sales@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
      ['cat@gmial.com', 'Cat', 'Sun', 'Gamma', 'CMO', ''],
      ['dan@delta.dev', 'Dan', 'Fox', 'Delta', 'VP', 'delta.dev'],
    ]);
    // The buttons say beforehand how many leads each action would touch.
    let counts = await app.call('leads.flagCounts', { importId: s.id });
    expect(counts.byFlag).toMatchObject({ role: 2, typo: 1, free_mail: 1, disposable: 0 });
    expect(counts.actionable).toEqual({
      apply_all_typo_fixes: 1,
      fill_names_from_addresses: 0,
      exclude_role: 2,
      exclude_free_mail: 1,
      exclude_disposable: 0,
      exclude_verifier_unconfirmed: 0,
      exclude_similar_in_database: 0,
    });
    const excluded = await app.call('leads.bulk', { importId: s.id, action: 'exclude_role' });
    expect(excluded.changed).toBe(2);
    counts = await app.call('leads.flagCounts', { importId: s.id });
    expect(counts.byFlag.role).toBe(2);
    expect(counts.actionable.exclude_role).toBe(0);
    let page = await app.call('leads.page', { importId: s.id, state: 'suppressed' });
    expect(page.rows.map((r) => [r.email, r.reason])).toEqual([
      ['info@acme.com', 'Excluded by you'],
      ['sales@beta.io', 'Excluded by you'],
    ]);
    expect(page.total).toBe(4);
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBe(page.total);

    const fixes = await app.call('leads.bulk', { importId: s.id, action: 'apply_all_typo_fixes' });
    expect(fixes.changed).toBe(1);
    expect((await app.call('leads.flagCounts', { importId: s.id })).actionable.apply_all_typo_fixes).toBe(0);
    expect(byEmail(await allLeads(s.id), 'cat@gmail.com').state).toBe('ready');

    const dan = byEmail(await allLeads(s.id), 'dan@delta.dev');
    await app.call('leads.bulk', { importId: s.id, action: 'exclude_selected', leadIds: [dan.id] });
    expect((await app.call('leads.page', { importId: s.id, state: 'ready' })).matching).toBe(1);

    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe('Exclude selected');
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe('Apply all suggested fixes');
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe('Exclude role addresses');
    page = await app.call('leads.page', { importId: s.id });
    expect(page.counts).toEqual({ ready: 3, needs_fix: 1, invalid: 0, duplicate: 0, suppressed: 0 });
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBeNull();
  });

  it('a list of addresses alone: each lead is offered the name its address is made of, and the fill is undone in one step', async () => {
    const s = await draft([
      ['ann.lee@acme.com', '', '', 'Acme', '', ''],
      ['bo.ray@beta.io', '', '', 'Beta', '', ''],
      ['cat.sun@gmail.com', '', '', '', '', ''],
      ['alee@acme.com', '', '', 'Acme', '', ''],
      ['sales@acme.com', '', '', 'Acme', '', ''],
    ]);
    expect(s.counts).toMatchObject({ ready: 0, needs_fix: 5 });
    let counts = await app.call('leads.flagCounts', { importId: s.id });
    expect(counts.byFlag).toMatchObject({ no_name: 5, name_in_address: 3 });
    expect(counts.actionable.fill_names_from_addresses).toBe(3);
    expect(byEmail(await allLeads(s.id), 'ann.lee@acme.com').reason).toBe(
      'No name; the address reads as Ann Lee',
    );

    // The row's own button: an edit of its name fields.
    const ann = byEmail(await allLeads(s.id), 'ann.lee@acme.com');
    const edited = await app.call('leads.edit', {
      leadId: ann.id,
      changes: { firstName: 'Ann', lastName: 'Lee', fullName: 'Ann Lee' },
    });
    expect(edited.lead).toMatchObject({ state: 'ready', flags: [] });
    expect(
      (await app.call('leads.flagCounts', { importId: s.id })).actionable.fill_names_from_addresses,
    ).toBe(2);

    expect(
      (await app.call('leads.bulk', { importId: s.id, action: 'fill_names_from_addresses' })).changed,
    ).toBe(2);
    const filled = await allLeads(s.id);
    expect(filled.map((l) => [l.email, l.firstName, l.lastName, l.fullName, l.state])).toEqual([
      ['ann.lee@acme.com', 'Ann', 'Lee', 'Ann Lee', 'ready'],
      ['bo.ray@beta.io', 'Bo', 'Ray', 'Bo Ray', 'ready'],
      ['cat.sun@gmail.com', 'Cat', 'Sun', 'Cat Sun', 'ready'],
      ['alee@acme.com', null, null, null, 'needs_fix'],
      ['sales@acme.com', null, null, null, 'needs_fix'],
    ]);
    counts = await app.call('leads.flagCounts', { importId: s.id });
    expect(counts.actionable.fill_names_from_addresses).toBe(0);
    expect(
      (await app.call('leads.bulk', { importId: s.id, action: 'fill_names_from_addresses' })).changed,
    ).toBe(0);

    expect((await app.call('leads.undo', { importId: s.id })).undone).toBe('Fill names from addresses');
    expect((await allLeads(s.id)).map((l) => [l.fullName, l.state])).toEqual([
      ['Ann Lee', 'ready'],
      [null, 'needs_fix'],
      [null, 'needs_fix'],
      [null, 'needs_fix'],
      [null, 'needs_fix'],
    ]);
  });

  it('a bulk action bigger than one chunk: other changes wait for it, and one undo restores every lead', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [
      `user${i}@gmail.com`,
      `First${i}`,
      `Last${i}`,
      `Company ${i}`,
      'CEO',
      `company${i}.com`,
    ]);
    const s = await draft(rows);
    const someone = (await app.call('leads.page', { importId: s.id, limit: 1 })).rows[0] as LeadRow;
    const bulk = app.call('leads.bulk', { importId: s.id, action: 'exclude_free_mail' });
    await expect(app.call('leads.edit', { leadId: someone.id, changes: { title: 'CTO' } })).rejects.toThrow(
      /busy with "Exclude free-mail addresses"/,
    );
    expect((await bulk).changed).toBe(1200);
    expect((await app.call('leads.page', { importId: s.id, limit: 1 })).counts.suppressed).toBe(1200);

    expect(await app.call('leads.undo', { importId: s.id })).toEqual({
      undone: 'Exclude free-mail addresses',
      changed: 1200,
    });
    const after = await app.call('leads.page', { importId: s.id, limit: 1 });
    expect(after.counts).toEqual({ ready: 1200, needs_fix: 0, invalid: 0, duplicate: 0, suppressed: 0 });
    expect((await app.call('leads.undo', { importId: s.id })).undone).toBeNull();
    // The edit goes through once the bulk action is over.
    expect((await app.call('leads.edit', { leadId: someone.id, changes: { title: 'CTO' } })).lead.title).toBe(
      'CTO',
    );
  });

  it('filters by flag and searches by name, email or company', async () => {
    const s = await draft([
      ['info@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['bob@gmail.com', 'Bob', 'Ray', 'Beta_Labs', 'CTO', ''],
    ]);
    expect(
      (await app.call('leads.page', { importId: s.id, flag: 'free_mail' })).rows.map((r) => r.email),
    ).toEqual(['bob@gmail.com']);
    expect((await app.call('leads.page', { importId: s.id, search: 'ann lee' })).total).toBe(1);
    expect((await app.call('leads.page', { importId: s.id, search: 'a_l' })).total).toBe(1);
    expect((await app.call('leads.page', { importId: s.id, search: '%' })).total).toBe(0);
  });

  it('resolves a duplicate group with merged fields, and keeps both of another', async () => {
    const s = await draft([
      ['ann@acme.com', 'Ann', 'Lee', 'Acme', 'CEO', 'acme.com'],
      ['ann@acme.com', 'Ann', 'Lee', '', '', ''],
      ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'CTO', 'beta.io'],
      ['BOB@beta.io', 'Robert', 'Ray', 'Beta', '', ''],
    ]);
    const { groups, total } = await app.call('groups.list', { importId: s.id });
    expect(total).toBe(2);
    const annGroup = groups.find((g) => g.members[0]?.email === 'ann@acme.com')!;
    expect(annGroup.kind).toBe('email');
    const sparse = annGroup.members.find((m) => m.company === null)!;
    const rich = annGroup.members.find((m) => m.company === 'Acme')!;
    expect(annGroup.survivorId).toBe(rich.id);

    const resolved = await app.call('groups.resolve', {
      groupId: annGroup.id,
      survivorId: sparse.id,
      mergeEmptyFields: true,
    });
    expect(resolved.group.status).toBe('resolved');
    const survivor = resolved.group.members.find((m) => m.id === sparse.id)!;
    expect(survivor).toMatchObject({ state: 'ready', company: 'Acme', title: 'CEO', website: 'acme.com' });
    expect(resolved.group.members.find((m) => m.id === rich.id)).toMatchObject({
      state: 'duplicate',
      decision: 'duplicate',
    });

    const bobGroup = groups.find((g) => g.id !== annGroup.id)!;
    const kept = await app.call('groups.keepBoth', { groupId: bobGroup.id });
    expect(kept.group.status).toBe('kept_both');
    expect(kept.group.members.map((m) => m.state)).toEqual(['ready', 'ready']);
    expect((await app.call('groups.list', { importId: s.id, status: 'open' })).total).toBe(0);

    await app.call('leads.undo', { importId: s.id });
    await app.call('leads.undo', { importId: s.id });
    const back = await app.call('groups.list', { importId: s.id, status: 'open' });
    expect(back.total).toBe(2);
    expect((await app.call('imports.get', { importId: s.id })).counts.duplicate).toBe(2);
  });

  it('a group of 30 rows sharing a placeholder address lists its first rows and the survivor, counts all of them, and resolves all of them', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['noemail@acme.com', `Ann${i}`, 'Lee', '', '', '']);
    rows[24] = ['noemail@acme.com', 'Ann24', 'Lee', 'Acme', 'CEO', 'acme.com'];
    const s = await draft(rows);
    const [group] = (await app.call('groups.list', { importId: s.id })).groups;
    expect(group!.memberCount).toBe(30);
    expect(group!.members.map((m) => m.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26]);
    expect(group!.members.find((m) => m.id === group!.survivorId)?.rowNumber).toBe(26);

    const resolved = await app.call('groups.resolve', {
      groupId: group!.id,
      survivorId: group!.members[0]!.id,
      mergeEmptyFields: true,
    });
    expect(resolved.group.memberCount).toBe(30);
    const leads = await allLeads(s.id);
    expect(leads.filter((l) => l.state === 'ready').map((l) => [l.rowNumber, l.company])).toEqual([
      [2, 'Acme'],
    ]);
    expect(leads.filter((l) => l.decision === 'duplicate')).toHaveLength(29);
  });

  it('commits: counts are kept, edits are refused, undo history is gone', async () => {
    const s = await draft([['ann@gmial.com', 'Ann', 'Lee', 'Acme', 'CEO', '']]);
    const [ann] = await allLeads(s.id);
    await app.call('leads.applySuggestion', { leadId: ann!.id });
    const committed = await app.call('imports.commit', { importId: s.id });
    expect(committed.status).toBe('committed');
    expect(committed.counts.ready).toBe(1);
    await expect(app.call('leads.edit', { leadId: ann!.id, changes: { title: 'CFO' } })).rejects.toThrow(
      /already committed/,
    );
    await expect(app.call('leads.undo', { importId: s.id })).rejects.toThrow(/already committed/);
    expect((await app.call('imports.dedupeIndex', {})).emailKeys).toEqual(['ann@gmail.com']);
  });

  it('deletes an import with its leads; leads in a run need force and are counted', async () => {
    const { summary } = await load(leadsToXlsx(messyLeads(50, 4)), 'fifty.xlsx');
    const sqlite = app.ctx.database.sqlite;
    const leadId = (
      sqlite
        .prepare("SELECT id FROM leads WHERE import_id = ? AND state = 'ready' LIMIT 1")
        .get(summary.id) as { id: number }
    ).id;
    const runId = Number(
      sqlite
        .prepare(
          "INSERT INTO runs (campaign_id, options_json, batch_size, lead_count, state, created_at) VALUES ('c1', '{}', 10, 1, 'done', 1)",
        )
        .run().lastInsertRowid,
    );
    sqlite
      .prepare(
        "INSERT INTO run_leads (run_id, lead_id, gen_state, review_state, updated_at) VALUES (?, ?, 'generated', 'pending', 1)",
      )
      .run(runId, leadId);

    await expect(app.call('imports.delete', { importId: summary.id })).rejects.toThrow(
      /1 lead of "fifty.xlsx" is in generation runs \(1 with generated emails\)/,
    );
    const gone = await app.call('imports.delete', { importId: summary.id, force: true });
    expect(gone).toEqual({ deleted: true, leadsRemoved: 50, generatedLeadsRemoved: 1 });
    expect(importRows()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 0 });
    expect((await app.call('imports.list', {})).imports).toEqual([]);
  });

  it('refuses staged groups that contradict the rows, and a draft whose rows name groups that never came', async () => {
    const importId = await beginEmailDraft('b.csv', 3);
    await app.call('imports.stageRows', {
      importId,
      rows: [emailRow(2, 'a@b.co', 0), emailRow(3, 'a@b.co', 0), emailRow(4, 'c@d.co')],
    });
    await expect(
      app.call('imports.stageGroups', {
        importId,
        groups: [{ id: 0, kind: 'email', ids: [2, 4], survivorId: 2 }],
      }),
    ).rejects.toThrow(/Row 4 is in group 0, but the row itself names no group/);
    await expect(
      app.call('imports.stageGroups', {
        importId,
        groups: [{ id: 1, kind: 'email', ids: [2, 3], survivorId: 2 }],
      }),
    ).rejects.toThrow(/Row 2 is in group 1, but the row itself names group 0/);
    for (const missing of [5, 1]) {
      await expect(
        app.call('imports.stageGroups', {
          importId,
          groups: [{ id: 0, kind: 'email', ids: [2, missing], survivorId: 2 }],
        }),
      ).rejects.toThrow(new RegExp(`Group 0 names row ${missing}, which was not staged`));
    }
    expect(app.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM duplicate_groups').get()).toEqual({
      n: 0,
    });
    await expect(app.call('imports.stageEnd', { importId })).rejects.toThrow(
      /2 rows name a duplicate group that never arrived/,
    );
    const [listed] = (await app.call('imports.list', {})).imports;
    expect(listed).toMatchObject({ id: importId, staged: false, unfinished: true, openGroups: 0 });
  });

  it('links each staged group to its own rows when two drafts are staged at once', async () => {
    const a = await beginEmailDraft('a.csv', 4);
    const b = await beginEmailDraft('b.csv', 4);
    // Interleaved, and each draft's rows in two chunks.
    const chunks: [number, ReturnType<typeof emailRow>[]][] = [
      [b, [emailRow(2, 'b1@x.co'), emailRow(3, 'b2@x.co', 0)]],
      [a, [emailRow(2, 'a1@x.co', 0), emailRow(3, 'a2@x.co')]],
      [b, [emailRow(4, 'b3@x.co'), emailRow(5, 'b2@x.co', 0)]],
      [a, [emailRow(4, 'a1@x.co', 0), emailRow(5, 'a4@x.co')]],
    ];
    for (const [importId, rows] of chunks) await app.call('imports.stageRows', { importId, rows });
    await app.call('imports.stageGroups', {
      importId: a,
      groups: [{ id: 0, kind: 'email', ids: [2, 4], survivorId: 4 }],
    });
    await app.call('imports.stageGroups', {
      importId: b,
      groups: [{ id: 0, kind: 'email', ids: [3, 5], survivorId: 3 }],
    });
    await app.call('imports.stageEnd', { importId: a });
    await app.call('imports.stageEnd', { importId: b });

    const [groupA] = (await app.call('groups.list', { importId: a })).groups;
    const [groupB] = (await app.call('groups.list', { importId: b })).groups;
    expect(groupA!.members.map((m) => [m.rowNumber, m.email])).toEqual([
      [2, 'a1@x.co'],
      [4, 'a1@x.co'],
    ]);
    expect(groupA!.members.find((m) => m.id === groupA!.survivorId)?.rowNumber).toBe(4);
    expect(groupB!.members.map((m) => [m.rowNumber, m.email])).toEqual([
      [3, 'b2@x.co'],
      [5, 'b2@x.co'],
    ]);
    expect(groupB!.members.find((m) => m.id === groupB!.survivorId)?.rowNumber).toBe(3);
    expect((await allLeads(a)).map((l) => l.email)).toEqual(['a1@x.co', 'a2@x.co', 'a1@x.co', 'a4@x.co']);
  });

  it('takes the chunks of a draft in any order: each lead gets the id of its row', async () => {
    // The renderer keeps two stageRows calls in flight, so the later chunk can land first.
    const importId = await beginEmailDraft('late.csv', 4);
    await app.call('imports.stageRows', {
      importId,
      rows: [emailRow(4, 'c@x.co'), emailRow(5, 'a@x.co', 0)],
    });
    await app.call('imports.stageRows', {
      importId,
      rows: [emailRow(2, 'a@x.co', 0), emailRow(3, 'b@x.co')],
    });
    await app.call('imports.stageGroups', {
      importId,
      groups: [{ id: 0, kind: 'email', ids: [2, 5], survivorId: 2 }],
    });
    await app.call('imports.stageEnd', { importId });

    const leads = await allLeads(importId);
    expect(leads.map((l) => [l.rowNumber, l.email])).toEqual([
      [2, 'a@x.co'],
      [3, 'b@x.co'],
      [4, 'c@x.co'],
      [5, 'a@x.co'],
    ]);
    const first = leads[0]!.id;
    expect(leads.map((l) => l.id)).toEqual([first, first + 1, first + 2, first + 3]);
    const [group] = (await app.call('groups.list', { importId })).groups;
    expect(group!.members.map((m) => [m.id, m.rowNumber])).toEqual([
      [first, 2],
      [first + 3, 5],
    ]);
    expect(group!.survivorId).toBe(first);
  });

  it('a staged row may leave out the values its cells hold; one leaving out what no cell holds is refused, its chunk unwritten', async () => {
    const importId = await beginEmailDraft('compact.csv', 2);
    const { email: _fromCell, ...lead } = emailRow(2, 'a@x.co').lead;
    await app.call('imports.stageRows', { importId, rows: [{ ...emailRow(2, 'a@x.co'), lead }] });
    const { fullName: _unmapped, ...noName } = emailRow(3, 'b@x.co').lead;
    await expect(
      app.call('imports.stageRows', { importId, rows: [{ ...emailRow(3, 'b@x.co'), lead: noName }] }),
    ).rejects.toThrow('Row 3 leaves out the fullName, which no single column of the mapping holds.');
    await app.call('imports.stageRows', { importId, rows: [emailRow(3, 'b@x.co')] });
    await app.call('imports.stageEnd', { importId });
    expect((await allLeads(importId)).map((l) => [l.rowNumber, l.email, l.fullName])).toEqual([
      [2, 'a@x.co', null],
      [3, 'b@x.co', null],
    ]);
  });

  it('lists a draft whose staging never finished as unfinished', async () => {
    const importId = await beginEmailDraft('x.csv', 2);
    await app.call('imports.stageRows', { importId, rows: [emailRow(2, 'a@b.co')] });
    await expect(app.call('imports.stageEnd', { importId })).rejects.toThrow(/Only 1 of the 2 leads/);
    const [listed] = (await app.call('imports.list', {})).imports;
    expect(listed).toMatchObject({ id: importId, status: 'draft', staged: false, unfinished: true });
    await expect(app.call('imports.commit', { importId })).rejects.toThrow(/not fully staged/);
  });
});

describe('mapping templates', () => {
  it('saves, matches a file with the same headers in another order, renames and deletes', async () => {
    const saved = await app.call('imports.templates.save', {
      name: 'Apollo export',
      headers: ['Work Email', 'Org', 'Notes'],
      mapping: [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'company' },
        { kind: 'custom', key: 'notes' },
      ],
    });
    const { match } = await app.call('imports.templates.match', { headers: ['notes', 'ORG', 'work email'] });
    expect(match?.template.id).toBe(saved.id);
    expect(match?.mapping).toEqual([
      { kind: 'custom', key: 'notes' },
      { kind: 'field', field: 'company' },
      { kind: 'field', field: 'email' },
    ]);
    expect((await app.call('imports.templates.match', { headers: ['Email', 'Org'] })).match).toBeNull();
    expect((await app.call('imports.templates.rename', { id: saved.id, name: 'Apollo' })).name).toBe(
      'Apollo',
    );

    // The CLI path applies it by name.
    const file = csvBytes([
      ['Org', 'Work Email', 'Notes'],
      ['Acme', 'ann@acme.com', 'hi'],
    ]);
    const r = await load(file, 'apollo.csv', { template: 'apollo' });
    expect(r.templateName).toBe('Apollo');
    expect(r.summary.templateId).toBe(saved.id);
    expect(byEmail(await allLeads(r.summary.id), 'ann@acme.com').company).toBe('Acme');

    expect(await app.call('imports.templates.delete', { id: saved.id })).toEqual({ deleted: true });
    expect((await app.call('imports.templates.list', {})).templates).toEqual([]);
  });
});

describe('hostile headers and cells', () => {
  it('keeps __proto__ / constructor / prototype headers as safe custom variables without prototype pollution', async () => {
    const { summary } = await load(
      csvBytes([
        ['__proto__', 'constructor', 'prototype', 'Email'],
        ['{"polluted":1}', 'x', 'y', 'a@acme.com'],
      ]),
      'proto.csv',
    );
    const [lead] = await allLeads(summary.id);
    expect(Object.keys(lead!.custom).sort()).toEqual(['col_constructor', 'col_prototype', 'proto']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(lead!.custom)).toBe(Object.prototype);
  });
});
