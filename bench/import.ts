/*
 * Import benchmark: 100k x 12 messy leads (test/fixtures-gen) as .xlsx and
 * .csv. Reports the SheetJS read alone (baseline), the full pipeline (read +
 * header + mapping + clean + dedupe) for both files, persisting 100k rows
 * through the real stage calls (dispatcher included), peak RSS, and the
 * dedupe stage alone at 10k / 100k / 400k rows.
 *
 * Persisting is followed by what a returning user does: the same people at new mailboxes, imported as
 * a draft against the committed leads (returningDraftMs, returningNeedsFix).
 * Run: npx tsx bench/import.ts   (prints JSON). The SheetJS read, both pipelines, pandas and
 * persisting are the medians of three runs each. Each measured stage runs in a
 * child process on files written beforehand, so its peak RSS is its own, and
 * from this file bundled by esbuild as the CLI is: the code as it ships, not
 * tsx's per-module transpile (whose cross-module export getters added ~10 %
 * to the .csv pipeline).
 * The .csv is also read by pandas (read_csv + drop_duplicates) when python3 has it: the issue's
 * "as fast as pandas" measured in the same run.
 * Targets (issue 4): xlsx pipeline <= 1.3 x SheetJS read; csv pipeline <= 1 s;
 * persist <= 1 s with no single call over ~100 ms, reported against SQLite alone inserting the same
 * leads (persistFloorMs); peak RSS <= 800 MB;
 * dedupe time per row flat (+-30 %) from 10k to 400k, reported both as the slowest size over the
 * fastest and as the largest deviation from the sizes' mean.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { createAppContext, type AppContext } from '../src-main/app/context';
import { createHandlers } from '../src-main/app/handlers';
import { findAssetDir } from '../src-main/paths';
import { createCheckpointer } from '../src-main/db/checkpointer';
import { insertTuples, multiRowInsert } from '../src-main/db/multi-row-insert';
import { openDatabase } from '../src-main/db/open';
import { createDispatcher } from '../src-main/ipc/dispatch';
import { importFile, sha256Hex, stageAndCommit, type Caller } from '../src-main/services/imports/file-import';
import { ROWS_PER_INSERT } from '../src-main/services/imports/staging';
import { STAGE_CHUNK_ROWS } from '../src-shared/contract/imports';
import { AppError } from '../src-shared/errors';
import { cleanRow, compileMapping } from '../src-shared/import/clean';
import { completeness, findDuplicateGroups, type DedupeItem } from '../src-shared/import/dedupe';
import { detectHeaderRow, headerNames, normaliseHeaders } from '../src-shared/import/header';
import { suggestMapping, visibleRowsBelow } from '../src-shared/import/mapping';
import { runPipeline, type PipelineResult } from '../src-shared/import/pipeline';
import { openWorkbook } from '../src-shared/import/read';
import type { ColumnMapping } from '../src-shared/import/types';
import { csvBytes, leadsToCsv, leadsToXlsx, messyLeads } from '../test/fixtures-gen';
import { timeUiImport, UI_IMPORT_NODE_FLAGS, uiImportUnavailable } from './ui-import';

const ROWS = 100_000;
const SHARED_ADDRESS_ROWS = 1_500;
const ms = (start: number): number => Math.round(performance.now() - start);
const mb = (bytes: number): number => Math.round(bytes / (1024 * 1024));
/** Peak RSS of this process so far (the OS tracks it, so synchronous parses are covered too). */
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU time since `since`: on a shared, busy machine wall time overstates what the code costs. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
};

/** The median of `runs` values: one run on a shared 2-core machine moved by up to 30 %. */
function median(runs: number[]): number {
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
}

/** The run whose `key` is the median of the runs' (its other figures come from the same run). */
function medianRun(runs: Record<string, number>[], key: string): Record<string, number> {
  const mid = median(runs.map((r) => r[key] as number));
  return runs.find((r) => r[key] === mid) as Record<string, number>;
}

function fullPipeline(
  bytes: Uint8Array,
  name: string,
): { result: PipelineResult; mapping: ColumnMapping; headerRow: number } {
  const wb = openWorkbook(bytes, name);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const grid = wb.readSheet(sheet.name);
  const headerRow = detectHeaderRow(grid);
  const headers = headerNames(grid, headerRow);
  const mapping = suggestMapping(headers, visibleRowsBelow(grid, headerRow, []));
  return { result: runPipeline({ rows: grid, headerRow, mapping }), mapping, headerRow };
}

function dedupeItems(n: number, seed = 7): DedupeItem[] {
  const leads = messyLeads(n, seed);
  const headers = normaliseHeaders(leads.header);
  const mapping = compileMapping(suggestMapping(headers, leads.rows.slice(0, 200)));
  return leads.rows.map((cells, i) => {
    const lead = cleanRow(cells, mapping).lead;
    return {
      id: i + 2,
      email: lead.email,
      linkedinUrl: lead.linkedinUrl,
      fullName: lead.fullName,
      domain: lead.domain,
      company: lead.company,
      completeness: completeness(lead),
    };
  });
}

/**
 * Timed passes per size, each on leads built fresh from another seed: one ~20 ms pass at 10k moved by
 * up to 2x with a GC pause or a JIT tier change, and a single 400k pass by a third when the host was
 * busy. The median is reported.
 */
const DEDUPE_PASSES: Readonly<Record<number, number>> = { 10_000: 5, 100_000: 3, 400_000: 3 };

function timeDedupe(n: number): { ms: number; usPerRow: number; groups: number } {
  const times: number[] = [];
  let groups = 0;
  for (let pass = 0; pass < (DEDUPE_PASSES[n] ?? 1); pass++) {
    const items = dedupeItems(n, 7 + pass * 10);
    const start = performance.now();
    groups = findDuplicateGroups(items).groups.length;
    times.push(performance.now() - start);
  }
  const mid = median(times);
  return {
    ms: Math.round(mid),
    usPerRow: Math.round((mid * 1000 * 100) / n) / 100,
    groups,
  };
}

/**
 * SQLite alone writing what the service path stored: the import's leads read back and inserted into a
 * fresh database of the same schema as staging inserts them (a transaction per chunk through
 * `bulkWrite`, the same rows per statement), with every value ready. No write path of this schema
 * takes less.
 */
async function sqliteInsertFloorMs(ctx: AppContext, importId: number): Promise<number> {
  const source = ctx.database.sqlite;
  const read = source
    .prepare<[number], unknown[]>('SELECT * FROM leads WHERE import_id = ? ORDER BY id')
    .raw();
  const columns = read.columns().map((c) => c.name);
  const rows = read.all(importId);
  const chunks: unknown[][] = [];
  for (let i = 0; i < rows.length; i += STAGE_CHUNK_ROWS)
    chunks.push(rows.slice(i, i + STAGE_CHUNK_ROWS).flat());
  const imp = source
    .prepare<[number], Record<string, unknown>>('SELECT * FROM imports WHERE id = ?')
    .get(importId);
  if (!imp) throw new Error(`import ${importId} is gone`);
  const dir = mkdtempSync(join(tmpdir(), 'leadprep-bench-floor-'));
  const db = openDatabase({
    databasePath: join(dir, 'leadprep.db'),
    migrationsDir: findAssetDir('drizzle'),
    backupDir: join(dir, 'backups'),
  });
  const checkpointer = createCheckpointer({ sqlite: db.sqlite });
  try {
    const importColumns = Object.keys(imp);
    db.sqlite
      .prepare(
        `INSERT INTO imports (${importColumns.join(', ')}) VALUES (${importColumns.map(() => '?').join(', ')})`,
      )
      .run(Object.values(imp));
    const insert = multiRowInsert(
      db.sqlite,
      `INSERT INTO leads (${columns.join(', ')})`,
      `(${columns.map(() => '?').join(', ')})`,
    );
    const start = performance.now();
    for (const chunk of chunks) {
      checkpointer.bulkWrite(
        db.sqlite.transaction(() => insertTuples(insert, chunk, columns.length, ROWS_PER_INSERT)),
      );
    }
    return ms(start);
  } finally {
    await checkpointer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The longest stretch the event loop could not run a timer, whether the work yields between chunks or not. */
function blockWatch(): { stop: () => Promise<number> } {
  let maxGap = 0;
  let last = performance.now();
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      running = false;
      return Math.round(maxGap);
    },
  };
}

type Stage = 'sheetjs' | 'xlsx' | 'csv' | 'persist' | 'dedupe' | 'ui';

/** One measured stage on a file; runs in its own process so its peak RSS is its own. */
async function runStage(stage: Stage, path: string): Promise<Record<string, number>> {
  if (stage === 'dedupe') {
    const out: Record<string, number> = {};
    // Warm the JIT on other leads first, so that no measured pass is still compiling.
    findDuplicateGroups(dedupeItems(10_000, 8));
    for (const n of [10_000, 100_000, 400_000]) {
      const d = timeDedupe(n);
      const k = `${n / 1000}k`;
      out[`dedupe${k}Ms`] = d.ms;
      out[`dedupe${k}UsPerRow`] = d.usPerRow;
    }
    const per = [out.dedupe10kUsPerRow, out.dedupe100kUsPerRow, out.dedupe400kUsPerRow] as number[];
    // Two readings of "flat (±30 %)": the slowest size over the fastest (within 1.3), and every size
    // within 30 % of the sizes' mean time per row.
    out.dedupePerRowSpread = Math.round((Math.max(...per) / Math.min(...per)) * 100) / 100;
    const mean = per.reduce((a, b) => a + b, 0) / per.length;
    out.dedupePerRowMaxDeviationPct = Math.round(Math.max(...per.map((x) => Math.abs(x / mean - 1))) * 100);
    return out;
  }
  if (stage === 'ui') return timeUiImport(path);
  const bytes = new Uint8Array(readFileSync(path));
  let start = performance.now();
  const cpu = process.cpuUsage();
  if (stage === 'sheetjs') {
    const wb = XLSX.read(bytes, { dense: true });
    const aoa = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, {
      header: 1,
    });
    return { ms: ms(start), cpuMs: cpuMs(cpu), rows: aoa.length, rssMB: peakRssMb() };
  }
  if (stage === 'xlsx' || stage === 'csv') {
    const r = fullPipeline(bytes, `leads.${stage}`);
    return {
      ms: ms(start),
      cpuMs: cpuMs(cpu),
      leads: r.result.total,
      groups: r.result.groups.length,
      rssMB: peakRssMb(),
    };
  }
  const c = fullPipeline(bytes, 'leads.csv');
  const dir = mkdtempSync(join(tmpdir(), 'leadprep-bench-'));
  const ctx = createAppContext({
    host: 'cli',
    dataDir: dir,
    env: { ...process.env, LEADPREP_HOME: dir },
    platform: { revealPath: async () => false, openExternal: async () => false },
  });
  const out: Record<string, number> = {};
  try {
    const dispatch = createDispatcher(createHandlers(ctx), ctx.log);
    const slowest: Record<string, number> = {};
    const call: Caller = async (name, input) => {
      const t = performance.now();
      const res = await dispatch(name, input);
      slowest[name] = Math.max(slowest[name] ?? 0, performance.now() - t);
      if (!res.ok) throw new AppError(res.error.code, res.error.message);
      return res.value as never;
    };
    const file = {
      name: 'leads.csv',
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      kind: 'csv' as const,
      sheet: 'leads',
      headerRow: c.headerRow,
      encoding: 'utf-8',
      delimiter: ',',
    };
    {
      // The service write path alone (on the empty database, then deleted): the same calls straight to the
      // handlers, without the dispatcher's zod parsing of every row. Each call starts on a fresh event-loop
      // turn, as IPC messages do, so the longest stretch without a timer is the longest single block.
      const handlers = createHandlers(ctx);
      const direct: Caller = async (name, input) => {
        await new Promise((resolve) => setImmediate(resolve));
        return (handlers[name] as unknown as (i: typeof input) => Promise<never>)(input);
      };
      const blocks = blockWatch();
      const t = performance.now();
      const cpu1 = process.cpuUsage();
      const serviceDraft = await stageAndCommit(
        direct,
        { ...file, sha256: 'f'.repeat(64) },
        c.mapping,
        c.result,
        undefined,
        false,
      );
      out.persistServiceMs = ms(t);
      out.persistServiceCpuMs = cpuMs(cpu1);
      out.persistServiceMaxBlockMs = await blocks.stop();
      // Before the floor reads every stored row back into memory: this stage's peak RSS includes that copy.
      out.persistServiceRssMB = peakRssMb();
      out.persistFloorMs = await sqliteInsertFloorMs(ctx, serviceDraft.id);
      out.persistServiceRatioToFloor = Math.round((out.persistServiceMs / out.persistFloorMs) * 100) / 100;
      await call('imports.delete', { importId: serviceDraft.id });
    }
    start = performance.now();
    const cpu0 = process.cpuUsage();
    const draft = await stageAndCommit(call, file, c.mapping, c.result, undefined, false);
    out.persistMs = ms(start);
    out.persistCpuMs = cpuMs(cpu0);
    for (const k of ['imports.stageRows', 'imports.stageGroups', 'imports.stageEnd'])
      out[`slowest_${k}_Ms`] = Math.round(slowest[k] ?? 0);
    const timed = async (key: string, fn: () => Promise<unknown>): Promise<void> => {
      const blocks = blockWatch();
      const t = performance.now();
      await fn();
      out[`${key}Ms`] = ms(t);
      out[`${key}MaxBlockMs`] = await blocks.stop();
    };
    await timed('pageByState', () =>
      call('leads.page', { importId: draft.id, state: 'ready', offset: 20_000, limit: 200 }),
    );
    await timed('pageSearch', () => call('leads.page', { importId: draft.id, search: 'smith', limit: 200 }));
    await timed('bulkExcludeFreeMail', () =>
      call('leads.bulk', { importId: draft.id, action: 'exclude_free_mail' }),
    );
    await timed('undo', () => call('leads.undo', { importId: draft.id }));
    // Every fixed address moves its lead to another group: both groups are re-checked.
    await timed('bulkApplyTypoFixes', () =>
      call('leads.bulk', { importId: draft.id, action: 'apply_all_typo_fixes' }),
    );
    await call('leads.undo', { importId: draft.id });
    await timed('commit', () => call('imports.commit', { importId: draft.id }));
    await timed('dedupeIndex', () => call('imports.dedupeIndex', {}));
    {
      // A returning user: the same people a month later, each at a new mailbox of the same company, read,
      // checked against the committed import (same profile, or possibly already in your leads) and staged.
      const next = messyLeads(ROWS, 1);
      const email = next.header.indexOf('Email');
      next.rows = next.rows.map((r) => r.map((c, i) => (i === email ? c.replace('@', '.new@') : c)));
      const nextCsv = leadsToCsv(next);
      // In process, as the command line does it: no block figure (the app reads and checks in its worker).
      const t = performance.now();
      const staged = (await importFile(call, nextCsv, 'next-month.csv', { draft: true })).summary;
      out.returningDraftMs = ms(t);
      out.returningDuplicates = staged.counts.duplicate;
      out.returningNeedsFix = staged.counts.needs_fix;
      await call('imports.delete', { importId: staged.id });
    }
    await timed('delete', () => call('imports.delete', { importId: draft.id }));
    {
      // A placeholder address on 1,500 rows (CRM exports fill empty emails so): every edit in that group
      // re-checks its peers over the database.
      const rows = [['Email', 'First Name', 'Last Name']];
      for (let i = 0; i < SHARED_ADDRESS_ROWS; i++) rows.push(['noemail@acme.com', `Ann${i}`, 'Lee']);
      const shared = await importFile(call, csvBytes(rows), 'shared.csv', { draft: true });
      const [first, second] = (await call('leads.page', { importId: shared.summary.id, limit: 2 })).rows;
      await timed('editTitleInSharedGroup', () =>
        call('leads.edit', { leadId: second?.id ?? 0, changes: { title: 'CEO' } }),
      );
      await timed('editAddressInSharedGroup', () =>
        call('leads.edit', { leadId: first?.id ?? 0, changes: { email: 'ann.lee@acme.com' } }),
      );
      // Whole-group steps: every row re-checked reads the same group (each step took from 8 s to over
      // 5 minutes while every row re-read it).
      const sharedIds: number[] = [];
      for (let offset = 0; offset < SHARED_ADDRESS_ROWS; offset += 1000) {
        const page = await call('leads.page', { importId: shared.summary.id, offset, limit: 1000 });
        sharedIds.push(...page.rows.map((r) => r.id));
      }
      const [group] = (await call('groups.list', { importId: shared.summary.id, status: 'open', limit: 1 }))
        .groups;
      await timed('resolveSharedGroup', () =>
        call('groups.resolve', {
          groupId: group?.id ?? 0,
          survivorId: sharedIds[SHARED_ADDRESS_ROWS / 2] ?? 0,
          mergeEmptyFields: true,
        }),
      );
      await call('leads.undo', { importId: shared.summary.id });
      await timed('keepSharedGroup', () =>
        call('leads.bulk', { importId: shared.summary.id, action: 'keep_selected', leadIds: sharedIds }),
      );
      await timed('suppressSharedGroupDomain', () =>
        call('suppressions.add', { entries: ['acme.com'], source: 'typed' }),
      );
    }
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...out, rssMB: peakRssMb() };
}

/**
 * This file as one CommonJS bundle, native modules external (scripts/build-cli.mjs does the same for
 * the CLI). It goes under out/, inside the project, where the app finds its migrations and node_modules.
 */
async function bundleStages(): Promise<string> {
  const outfile = join(__dirname, '..', 'out', 'bench', 'import-stages.cjs');
  await build({
    entryPoints: [__filename],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // esbuild only bundles the stages; the stages never run it.
    external: ['better-sqlite3', 'keytar', 'electron', 'esbuild'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * pandas on the same .csv (read_csv + drop_duplicates, as the issue measured it), in milliseconds, or
 * null when no python3 with pandas is installed (Debian: apt-get install python3-pandas). The issue's
 * CSV target is "as fast as pandas"; its 0.55 s was measured on another machine, this is the same run's.
 */
function pandasCsvMs(path: string): number | null {
  const script = [
    'import sys, time',
    'import pandas as pd',
    't = time.perf_counter()',
    'df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False).drop_duplicates()',
    'print(round((time.perf_counter() - t) * 1000))',
  ].join('\n');
  for (const python of [process.env.LEADPREP_BENCH_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    const r = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
    const ms = Number(r.stdout.trim());
    if (r.status === 0 && Number.isFinite(ms)) return ms;
  }
  return null;
}

function inChild(
  stages: string,
  stage: Stage,
  path: string,
  nodeFlags: string[] = [],
): Record<string, number> {
  const r = spawnSync(process.execPath, [...nodeFlags, stages, '--stage', stage, path], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench stage ${stage} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

export async function runImportBench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = { rows: ROWS, columns: 12 };
  const dir = mkdtempSync(join(tmpdir(), 'leadprep-bench-files-'));
  try {
    const xlsxPath = join(dir, 'leads.xlsx');
    const csvPath = join(dir, 'leads.csv');
    {
      const leads = messyLeads(ROWS, 1);
      const xlsx = leadsToXlsx(leads);
      const csv = leadsToCsv(leads);
      writeFileSync(xlsxPath, xlsx);
      writeFileSync(csvPath, csv);
      out.xlsxMB = mb(xlsx.byteLength);
      out.csvMB = mb(csv.byteLength);
    }
    const stages = await bundleStages();
    // One 5-7 s read moved by up to 40 % from run to run: three of each, alternating, and their medians.
    const sheetjsRuns: Record<string, number>[] = [];
    const xlsxRuns: Record<string, number>[] = [];
    for (let run = 0; run < 3; run++) {
      sheetjsRuns.push(inChild(stages, 'sheetjs', xlsxPath));
      xlsxRuns.push(inChild(stages, 'xlsx', xlsxPath));
    }
    const base = medianRun(sheetjsRuns, 'ms');
    const x = medianRun(xlsxRuns, 'ms');
    // The .csv figures are a few hundred ms: the median of three runs each, ours and pandas's alternating.
    const csvRuns: Record<string, number>[] = [];
    const pandasRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      csvRuns.push(inChild(stages, 'csv', csvPath));
      const p = pandasCsvMs(csvPath);
      if (p !== null) pandasRuns.push(p);
    }
    const c = medianRun(csvRuns, 'ms');
    // Persisting moved by ±20 % from run to run as well: the run with the median service-path time.
    const p = medianRun(
      [0, 1, 2].map(() => inChild(stages, 'persist', csvPath)),
      'persistServiceMs',
    );
    out.sheetjsReadMs = base.ms as number;
    out.sheetjsCpuMs = base.cpuMs as number;
    out.xlsxPipelineCpuMs = x.cpuMs as number;
    out.xlsxCpuRatioToSheetjs = Math.round(((x.cpuMs as number) / (base.cpuMs as number)) * 100) / 100;
    out.csvPipelineCpuMs = c.cpuMs as number;
    out.groups = c.groups as number;
    out.sheetjsRssMB = base.rssMB as number;
    out.xlsxPipelineMs = x.ms as number;
    out.xlsxRatioToSheetjs = Math.round(((x.ms as number) / (base.ms as number)) * 100) / 100;
    out.xlsxPipelineRssMB = x.rssMB as number;
    out.csvPipelineMs = c.ms as number;
    out.csvPipelineRssMB = c.rssMB as number;
    if (pandasRuns.length > 0) {
      out.pandasCsvMs = median(pandasRuns);
      out.csvRatioToPandas = Math.round(((c.ms as number) / out.pandasCsvMs) * 100) / 100;
    } else out.pandasCsvMs = 'not measured (no python3 with pandas)';
    for (const [k, v] of Object.entries(p)) out[k === 'rssMB' ? 'persistStageRssMB' : k] = v;
    Object.assign(out, inChild(stages, 'dedupe', ''));
    const uiUnavailable = uiImportUnavailable();
    if (uiUnavailable === null) {
      const ui = inChild(stages, 'ui', csvPath, UI_IMPORT_NODE_FLAGS);
      Object.assign(out, ui);
      // Against the same work in process: the .csv pipeline plus persisting through the service.
      const inProcess = (c.ms as number) + (p.persistServiceMs as number);
      out.uiRatioToInProcess = Math.round(((ui.uiContinueToCleanMs as number) / inProcess) * 100) / 100;
    } else out.uiContinueToCleanMs = uiUnavailable;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  const at = process.argv.indexOf('--stage');
  const job =
    at > 0 ? runStage(process.argv[at + 1] as Stage, process.argv[at + 2] as string) : runImportBench();
  job.then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
