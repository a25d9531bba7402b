import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExportService } from '../../../../src-main/services/export';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { seedGeneratedRun, seedLeads } from '../generation/seed';

const HEADERS = ['Email', 'Name', 'Notes', 'Phone'];

interface Person {
  email: string;
  first: string;
  company: string;
  notes: string;
  phone: string;
  custom: { industry: string };
  steps: Array<{ subject: string; body: string }>;
}

/** Text a spreadsheet could misread: non-Latin scripts, line breaks, quotes, and formula-looking cells. */
const PEOPLE: Person[] = [
  {
    email: 'zoe@muller.de',
    first: 'Zoë',
    company: 'Müller 東京',
    notes: '=HYPERLINK("http://evil.example","click")',
    phone: '+49 30 123456',
    custom: { industry: 'Ökologie, "grün"' },
    steps: [
      { subject: 'Für Zoë — 東京 & مرحبا', body: 'Hallo Zoë,\r\nzweite Zeile\nدرود\n\n— Sam' },
      { subject: '@channel follow-up', body: '-1 reasons, "quoted", and, commas' },
    ],
  },
  {
    email: 'li@acme.cn',
    first: '李',
    company: 'Acme',
    notes: '\t=cmd|calc',
    phone: '-0800',
    custom: { industry: '' },
    steps: [
      { subject: '你好 李', body: 'Plain body' },
      { subject: '\r=1+1', body: '' },
    ],
  },
  {
    email: 'rejected@x.io',
    first: 'Rex',
    company: 'X',
    notes: 'n/a',
    phone: '1',
    custom: { industry: 'x' },
    steps: [
      { subject: 's', body: 'b' },
      { subject: 's2', body: 'b2' },
    ],
  },
];

function seed(app: TestApp) {
  const sqlite = app.ctx.database.sqlite;
  const { importId, leadIds } = seedLeads(app.ctx, PEOPLE.length, {
    emailPrefix: 'exp',
    override: (i) => ({ email: PEOPLE[i]?.email, firstName: PEOPLE[i]?.first, company: PEOPLE[i]?.company }),
  });
  sqlite.prepare('UPDATE imports SET headers_json = ? WHERE id = ?').run(JSON.stringify(HEADERS), importId);
  PEOPLE.forEach((p, i) => {
    sqlite
      .prepare('UPDATE leads SET original_json = ?, custom_json = ?, phone = ? WHERE id = ?')
      .run(
        JSON.stringify([p.email.toUpperCase(), `${p.first} ${p.company}`, p.notes, p.phone]),
        JSON.stringify(p.custom),
        p.phone,
        leadIds[i],
      );
  });
  const { runId } = seedGeneratedRun(app.ctx, {
    leads: leadIds,
    steps: 2,
    text: (leadId, step) => PEOPLE[leadIds.indexOf(leadId)]?.steps[step - 1] ?? { subject: '', body: '' },
  });
  return { runId, importId, leadIds };
}

const esc = (v: string, on: boolean) => (on && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const COLUMNS = [
  ...HEADERS,
  'email (LeadPrep)',
  'first_name',
  'last_name',
  'full_name',
  'title',
  'company',
  'website',
  'domain',
  'linkedin_url',
  'phone (LeadPrep)',
  'industry',
  'step_1_subject',
  'step_1_body',
  'step_2_subject',
  'step_2_body',
];

/** Expected cells, written out independently of the exporter's own column code. */
function expectedRow(p: Person, i: number, escape: boolean): string[] {
  const cells = [
    p.email.toUpperCase(),
    `${p.first} ${p.company}`,
    p.notes,
    p.phone,
    p.email,
    p.first,
    `Last${i}`,
    `${p.first} Last${i}`,
    'Founder',
    p.company,
    'example.com',
    'example.com',
    '',
    p.phone,
    p.custom.industry,
    ...p.steps.flatMap((s) => [s.subject, s.body]),
  ];
  return cells.map((c) => esc(c, escape));
}

/**
 * The file stores CR as _x000D_ (as Excel does), but SheetJS's reader turns CRLF into LF when it
 * reads text back; the raw sheet XML is checked separately for the CR.
 */
const asSheetJsReads = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/\r\n/g, '\n')));

function partXml(path: string, part: string): string {
  const entry = XLSX.CFB.find(XLSX.CFB.read(readFileSync(path), { type: 'buffer' }), part);
  if (!entry) throw new Error(`no ${part}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

const sheetXml = (path: string): string => partXml(path, '/xl/worksheets/sheet1.xml');

function readXlsx(path: string): string[][] {
  const wb = XLSX.read(readFileSync(path));
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!ws) throw new Error('no sheet');
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
}

describe('export (real SQLite, files read back)', () => {
  let app: TestApp;
  let ids: ReturnType<typeof seed>;

  beforeEach(async () => {
    app = createTestApp();
    ids = seed(app);
    await app.call('review.setState', {
      runId: ids.runId,
      state: 'approved',
      target: { kind: 'leads', leadIds: [ids.leadIds[0] ?? 0, ids.leadIds[1] ?? 0] },
    });
    await app.call('review.setState', {
      runId: ids.runId,
      state: 'rejected',
      target: { kind: 'leads', leadIds: [ids.leadIds[2] ?? 0] },
    });
  });
  afterEach(async () => {
    await app.close();
  });

  it('xlsx of approved leads: every cell round-trips, formula-looking cells are escaped', async () => {
    const r = await app.call('export.create', { source: { kind: 'run', runId: ids.runId }, format: 'xlsx' });
    expect(r).toMatchObject({ rows: 2, format: 'xlsx', columns: COLUMNS });
    expect(r.path).toBe(join(app.dir, 'exports', r.fileName));
    const sheet = readXlsx(r.path);
    expect(sheet[0]).toEqual(COLUMNS);
    expect(sheet.slice(1)).toEqual(
      asSheetJsReads([expectedRow(PEOPLE[0] as Person, 0, true), expectedRow(PEOPLE[1] as Person, 1, true)]),
    );
    expect(sheetXml(r.path)).toContain('Hallo Zoë,_x000D_\nzweite Zeile');
    // Cells are text, never formulas.
    const ws = XLSX.read(readFileSync(r.path), { cellFormula: true }).Sheets.Leads;
    expect(Object.values(ws ?? {}).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
  });

  it('xlsx reads as a spreadsheet someone made: the header row bold and kept in view, each column as wide as its text', async () => {
    const r = await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      which: 'all',
      format: 'xlsx',
    });
    const xml = sheetXml(r.path);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr">');
    expect(xml).not.toMatch(/<c r="A2" s=/);
    expect(partXml(r.path, '/xl/styles.xml')).toContain('<font><b/>');
    const sheet = readXlsx(r.path);
    const cols = XLSX.read(readFileSync(r.path), { cellStyles: true }).Sheets.Leads?.['!cols'] ?? [];
    expect(cols).toHaveLength(COLUMNS.length);
    COLUMNS.forEach((name, c) => {
      const longest = Math.max(
        ...sheet.flatMap((row) => (row[c] ?? '').split('\n').map((line) => line.length)),
      );
      expect(cols[c]?.width, name).toBe(Math.min(60, Math.max(8, longest + 2)));
    });
  });

  it('xlsx with escaping off writes the text verbatim', async () => {
    const r = await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      which: 'all',
      format: 'xlsx',
      escapeFormulas: false,
    });
    const sheet = readXlsx(r.path);
    expect(sheet.slice(1)).toEqual(asSheetJsReads(PEOPLE.map((p, i) => expectedRow(p, i, false))));
  });

  it('csv: UTF-8 BOM, CRLF rows, RFC 4180 quoting, every cell round-trips', async () => {
    const r = await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      format: 'csv',
      which: 'all',
    });
    const bytes = readFileSync(r.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith(`${COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text).toContain('"Hallo Zoë,\r\nzweite Zeile\nدرود\n\n— Sam"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed).toEqual([COLUMNS, ...PEOPLE.map((p, i) => expectedRow(p, i, true))]);
  });

  it("custom variable columns follow the import's column mapping when it has one", async () => {
    const mapping = [
      { kind: 'field', field: 'email' },
      { kind: 'ignore' },
      { kind: 'custom', key: 'industry' },
      { kind: 'ignore' },
    ];
    app.ctx.database.sqlite
      .prepare('UPDATE imports SET mapping_json = ? WHERE id = ?')
      .run(JSON.stringify(mapping), ids.importId);
    const r = await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      format: 'csv',
      which: 'all',
    });
    expect(r.columns).toEqual(COLUMNS);
  });

  it('selected leads only; "selected" without leads is refused', async () => {
    const r = await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      which: 'selected',
      leadIds: [ids.leadIds[2] ?? 0],
      format: 'csv',
    });
    expect(r.rows).toBe(1);
    await expect(
      app.call('export.create', {
        source: { kind: 'run', runId: ids.runId },
        which: 'selected',
        format: 'csv',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('an import export carries each lead with its latest sequence, and edits are exported', async () => {
    await app.call('review.editStep', {
      runId: ids.runId,
      leadId: ids.leadIds[1] ?? 0,
      step: 2,
      body: 'edited body',
    });
    const exporter = createExportService(app.ctx);
    const out = join(app.dir, 'elsewhere', 'leads.csv');
    const r = await exporter.exportToFile(
      {
        source: { kind: 'import', importId: ids.importId },
        which: 'all',
        leadIds: [],
        format: 'csv',
        escapeFormulas: true,
        jobId: 'j1',
      },
      out,
    );
    expect(r).toMatchObject({ rows: 3, path: out, fileName: 'leads.csv' });
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').slice(1), {
      newline: '\r\n',
      skipEmptyLines: true,
    }).data;
    expect(rows[2]?.at(-1)).toBe('edited body');
  });

  it('an export of many chunks writes every lead once, in lead order, in both formats', async () => {
    const many = seedLeads(app.ctx, 1234, { emailPrefix: 'many' });
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await app.call('export.create', {
        source: { kind: 'import', importId: many.importId },
        which: 'all',
        format,
      });
      expect(r.rows).toBe(1234);
      const sheet =
        format === 'xlsx'
          ? readXlsx(r.path)
          : Papa.parse<string[]>(readFileSync(r.path, 'utf8').slice(1), {
              newline: '\r\n',
              skipEmptyLines: true,
            }).data;
      const email = (sheet[0] as string[]).indexOf('email');
      expect(sheet.slice(1).map((row) => row[email])).toEqual(many.emails);
    }
  });

  it('download returns the bytes of a file in the exports folder and nothing else', async () => {
    const r = await app.call('export.create', { source: { kind: 'run', runId: ids.runId }, format: 'csv' });
    const d = await app.call('export.download', { fileName: r.fileName });
    expect(Buffer.from(d.base64, 'base64').equals(readFileSync(r.path))).toBe(true);
    expect(d.mimeType).toBe('text/csv; charset=utf-8');
    await expect(app.call('export.download', { fileName: '../leadprep.db' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(app.call('export.download', { fileName: 'missing.csv' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const shown = await app.call('export.reveal', { fileName: r.fileName });
    expect(app.revealed).toEqual([shown.path]);
  });

  it('reports progress events and refuses a cell Excel cannot hold', async () => {
    const seen: string[] = [];
    const off = app.ctx.events.subscribe((name, payload) => {
      if (name === 'export.progress') seen.push((payload as { phase: string }).phase);
    });
    await app.call('export.create', {
      source: { kind: 'run', runId: ids.runId },
      format: 'xlsx',
      jobId: 'p',
    });
    off();
    expect(seen).toEqual(['rows', 'writing', 'done']);
    app.ctx.database.sqlite
      .prepare('UPDATE sequence_steps SET body = ? WHERE lead_id = ? AND step = 1')
      .run('x'.repeat(40_000), ids.leadIds[0]);
    await expect(
      app.call('export.create', { source: { kind: 'run', runId: ids.runId }, format: 'xlsx' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('step_1_body'),
    });
  });
});
