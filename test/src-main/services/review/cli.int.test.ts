import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFlags } from '../../../../src-main/services/review';
import { runCli } from '../../../helpers/cli';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { seedGeneratedRun, seedLeads } from '../generation/seed';

let app: TestApp;
let env: NodeJS.ProcessEnv;
let runId: number;
let emails: string[];

beforeAll(() => {
  app = createTestApp();
  env = { ...app.env, LEADPREP_CLI_FROM_SOURCE: '1' };
  const seeded = seedLeads(app.ctx, 4, { emailPrefix: 'cli' });
  emails = seeded.emails;
  ({ runId } = seedGeneratedRun(app.ctx, {
    leads: seeded.leadIds,
    steps: 1,
    text: (leadId) => {
      const i = seeded.leadIds.indexOf(leadId);
      return i === 0
        ? { subject: '=1+1 {{company}}', body: `Hi First${i} at Company ${i}` }
        : { subject: `Idea for Company ${i}`, body: `Hi First${i}, Company ${i}` };
    },
  }));
  recomputeFlags(app.ctx.database.sqlite, runId);
});
afterAll(async () => {
  await app.close();
});

describe('leadprep review / export CLI', () => {
  it('lists leads with state and flags, filtered by flag', async () => {
    const r = await runCli(['review', '--run', String(runId), '--flag', 'placeholder', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      total: 1,
      leads: [{ email: emails[0], reviewState: 'pending', flags: ['placeholder'] }],
    });
  });

  it('approves flagless leads, rejects by email, then exports approved leads', async () => {
    const a = await runCli(['review', 'approve', '--run', String(runId), '--flagless', '--json'], env);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ matched: 3, changed: 3 });
    const rj = await runCli(
      ['review', 'reject', '--run', String(runId), '--email', emails[1] ?? '', '--json'],
      env,
    );
    expect(JSON.parse(rj.stdout)).toMatchObject({ matched: 1, changed: 1 });
    const listed = await runCli(['review', '--run', String(runId), '--state', 'approved', '--json'], env);
    expect(
      (JSON.parse(listed.stdout) as { leads: Array<{ email: string }> }).leads.map((l) => l.email),
    ).toEqual([emails[2], emails[3]]);

    const out = join(app.dir, 'out.csv');
    const e = await runCli(
      ['export', '--run', String(runId), '--format', 'csv', '--out', out, '--json'],
      env,
    );
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ rows: 2, path: out });
    expect(readFileSync(out, 'utf8')).toContain('Idea for Company 3');
  });

  it('exports every lead to xlsx with formulas verbatim when asked', async () => {
    const out = join(app.dir, 'all.xlsx');
    const e = await runCli(
      ['export', '--run', String(runId), '--all', '--format', 'xlsx', '--out', out, '--no-escape-formulas'],
      env,
    );
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('Wrote 4 leads');
    const ws = XLSX.read(readFileSync(out)).Sheets.Leads;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws ?? {}, { header: 1, defval: '' });
    expect(rows[1]).toContain('=1+1 {{company}}');
  });

  it('usage mistakes exit with 2 and say what to do', async () => {
    const both = await runCli(['review', 'approve', '--run', String(runId), '--all', '--flagless'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exactly one of --all, --flagless or --email/);
    const noSource = await runCli(['export', '--format', 'csv', '--out', join(app.dir, 'x.csv')], env);
    expect(noSource.code).toBe(2);
    const badFlag = await runCli(['review', '--run', String(runId), '--flag', 'nope'], env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown flag "nope"/);
  });
});
