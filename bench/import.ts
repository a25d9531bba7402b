/*
 * Import benchmark: 100k x 12 messy leads (test/fixtures-gen) as .xlsx and
 * .csv. Reports the SheetJS read alone (baseline), the full pipeline (read +
 * header + mapping + clean + dedupe) for both files, persisting 100k rows
 * through the real stage calls (dispatcher included), peak RSS, and the
 * dedupe stage alone at 10k / 100k / 400k rows.
 *
 * Run: npx tsx bench/import.ts   (prints JSON)
 * Targets (issue 4): xlsx pipeline <= 1.3 x SheetJS read; csv pipeline <= 1 s;
 * persist <= 1 s with no single call over ~100 ms; peak RSS <= 800 MB;
 * dedupe time per row flat (+-30 %) from 10k to 400k.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { createAppContext } from '../src-main/app/context';
import { createHandlers } from '../src-main/app/handlers';
import { createDispatcher } from '../src-main/ipc/dispatch';
import { sha256Hex, stageAndCommit, type Caller } from '../src-main/services/imports/file-import';
import { AppError } from '../src-shared/errors';
import { cleanRow, compileMapping } from '../src-shared/import/clean';
import { completeness, findDuplicateGroups, type DedupeItem } from '../src-shared/import/dedupe';
import { detectHeaderRow, normaliseHeaders } from '../src-shared/import/header';
import { suggestMapping } from '../src-shared/import/mapping';
import { runPipeline, type PipelineResult } from '../src-shared/import/pipeline';
import { openWorkbook } from '../src-shared/import/read';
import type { ColumnMapping } from '../src-shared/import/types';
import { leadsToCsv, leadsToXlsx, messyLeads } from '../test/fixtures-gen';

const ROWS = 100_000;
const ms = (start: number): number => Math.round(performance.now() - start);
const mb = (bytes: number): number => Math.round(bytes / (1024 * 1024));
/** Peak RSS of this process so far (the OS tracks it, so synchronous parses are covered too). */
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

function fullPipeline(bytes: Uint8Array, name: string): { result: PipelineResult; mapping: ColumnMapping; headerRow: number } {
  const wb = openWorkbook(bytes, name);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const grid = wb.readSheet(sheet.name);
  const headerRow = detectHeaderRow(grid);
  const headers = normaliseHeaders(grid[headerRow] ?? []);
  const mapping = suggestMapping(headers, grid.slice(headerRow + 1, headerRow + 201));
  return { result: runPipeline({ rows: grid, headerRow, mapping }), mapping, headerRow };
}

function dedupeItems(n: number): DedupeItem[] {
  const leads = messyLeads(n, 7);
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

function timeDedupe(n: number): { ms: number; usPerRow: number; groups: number } {
  const items = dedupeItems(n);
  // One warm-up pass so the JIT is not measured at 10k only.
  findDuplicateGroups(items.slice(0, Math.min(n, 5000)));
  const start = performance.now();
  const { groups } = findDuplicateGroups(items);
  const elapsed = performance.now() - start;
  return { ms: Math.round(elapsed), usPerRow: Math.round((elapsed * 1000 * 100) / n) / 100, groups: groups.length };
}

export async function runImportBench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = { rows: ROWS, columns: 12 };
  const leads = messyLeads(ROWS, 1);
  const xlsx = leadsToXlsx(leads);
  const csv = leadsToCsv(leads);
  out.xlsxMB = mb(xlsx.byteLength);
  out.csvMB = mb(csv.byteLength);

  let start = performance.now();
  const wb = XLSX.read(xlsx, { dense: true });
  const first = wb.SheetNames[0] as string;
  const aoa = XLSX.utils.sheet_to_json(wb.Sheets[first] as XLSX.WorkSheet, { header: 1 });
  out.sheetjsReadMs = ms(start);
  out.sheetjsRows = aoa.length;

  start = performance.now();
  const x = fullPipeline(xlsx, 'leads.xlsx');
  out.xlsxPipelineMs = ms(start);
  out.xlsxRatioToSheetjs = Math.round((out.xlsxPipelineMs / out.sheetjsReadMs) * 100) / 100;
  out.counts = JSON.stringify(x.result.counts);

  start = performance.now();
  const c = fullPipeline(csv, 'leads.csv');
  out.csvPipelineMs = ms(start);
  out.peakRssAfterPipelinesMB = peakRssMb();

  const dir = mkdtempSync(join(tmpdir(), 'leadprep-bench-'));
  const ctx = createAppContext({
    host: 'cli',
    dataDir: dir,
    env: { ...process.env, LEADPREP_HOME: dir },
    platform: { revealPath: async () => false, openExternal: async () => false },
  });
  try {
    const dispatch = createDispatcher(createHandlers(ctx), ctx.log);
    let slowestCall = 0;
    const call: Caller = async (name, input) => {
      const t = performance.now();
      const res = await dispatch(name, input);
      slowestCall = Math.max(slowestCall, performance.now() - t);
      if (!res.ok) throw new AppError(res.error.code, res.error.message);
      return res.value as never;
    };
    start = performance.now();
    await stageAndCommit(
      call,
      { name: 'leads.csv', size: csv.byteLength, sha256: sha256Hex(csv), kind: 'csv', sheet: 'leads', headerRow: c.headerRow, encoding: 'utf-8', delimiter: ',' },
      c.mapping,
      c.result,
      undefined,
      false,
    );
    out.persistMs = ms(start);
    out.persistSlowestCallMs = Math.round(slowestCall);

    slowestCall = 0;
    const draft = (await call('imports.list', { limit: 1 })).imports[0];
    if (!draft) throw new Error('no draft');
    start = performance.now();
    await call('leads.page', { importId: draft.id, state: 'duplicate', offset: 50_000 > draft.counts.duplicate ? 0 : 50_000, limit: 200 });
    out.pageMs = ms(start);
    start = performance.now();
    await call('leads.page', { importId: draft.id, search: 'smith', limit: 200 });
    out.pageSearchMs = ms(start);
    start = performance.now();
    await call('imports.commit', { importId: draft.id });
    out.commitMs = ms(start);
    start = performance.now();
    await call('imports.dedupeIndex', {});
    out.dedupeIndexMs = ms(start);
    start = performance.now();
    await call('imports.delete', { importId: draft.id });
    out.deleteMs = ms(start);
    out.deleteSlowestCallMs = Math.round(slowestCall);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
  out.peakRssMB = peakRssMb();

  for (const n of [10_000, 100_000, 400_000]) {
    const d = timeDedupe(n);
    const k = `${n / 1000}k`;
    out[`dedupe${k}Ms`] = d.ms;
    out[`dedupe${k}UsPerRow`] = d.usPerRow;
  }
  const per = [out.dedupe10kUsPerRow, out.dedupe100kUsPerRow, out.dedupe400kUsPerRow] as number[];
  out.dedupePerRowSpread = Math.round((Math.max(...per) / Math.min(...per)) * 100) / 100;
  return out;
}

if (require.main === module) {
  runImportBench().then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
