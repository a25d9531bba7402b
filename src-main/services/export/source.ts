import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ExportRequest } from '../../../src-shared/contract/review';
import { AppError } from '../../../src-shared/errors';
import {
  buildRow,
  exportColumns,
  type ExportColumn,
  type ExportLead,
} from '../../../src-shared/export/columns';
import { yieldToEventLoop } from '../../app/event-loop';
import { storedJson } from '../../db/stored-json';
import { customValues, originalCells, parseHeaders } from '../review/detail';
import { leadTextOf, type DbLeadText } from '../imports/rows';

/** Leads per chunk of an export: one chunk of .xlsx rows is built between yields (1,000 took up to ~90 ms on a slow 2-core machine). */
const CHUNK = 500;

/**
 * Which (run, lead) pairs an export covers, as SQL over `sel`: for a run its run_leads; for an import
 * each of its leads with the latest run that holds it (run_id NULL when never generated).
 */
function selection(req: ExportRequest): { sql: string; params: Array<string | number> } {
  const conditions: string[] = [];
  const params: Array<string | number> = [];
  let base: string;
  if (req.source.kind === 'run') {
    base =
      'SELECT rl.run_id AS run_id, rl.lead_id AS lead_id, rl.review_state AS review_state FROM run_leads rl WHERE rl.run_id = ?';
    params.push(req.source.runId);
  } else {
    base = `SELECT (SELECT max(x.run_id) FROM run_leads x WHERE x.lead_id = l.id) AS run_id, l.id AS lead_id,
              (SELECT x.review_state FROM run_leads x WHERE x.lead_id = l.id ORDER BY x.run_id DESC LIMIT 1) AS review_state
            FROM leads l WHERE l.import_id = ?`;
    params.push(req.source.importId);
  }
  if (req.which === 'approved') conditions.push("sel.review_state = 'approved'");
  if (req.which === 'selected') {
    conditions.push('sel.lead_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(req.leadIds));
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `(SELECT * FROM (${base}) sel${where}) sel`, params };
}

const CustomMapping = z.array(z.object({ kind: z.string(), key: z.string().optional() }));

/** An import some of the exported leads come from. */
interface SourceImport {
  id: number;
  headers_json: string;
  mapping_json: string;
}

/**
 * Custom variable names in column order: from the imports' column mappings (cheap), or, for an
 * import whose mapping cannot be read, from the leads themselves.
 */
function customKeysOf(sqlite: Database.Database, imports: readonly SourceImport[]): string[] {
  const keys = new Set<string>();
  for (const imp of imports) {
    const mapping = storedJson(CustomMapping, imp.mapping_json);
    if (mapping) {
      for (const t of mapping) if (t.kind === 'custom' && t.key) keys.add(t.key);
      continue;
    }
    const found = sqlite
      .prepare(
        `SELECT j.key FROM leads l, json_each(l.custom_json) j
         WHERE l.import_id = ? AND json_valid(l.custom_json) AND j.key GLOB '[a-z]*' GROUP BY j.key ORDER BY min(l.id), min(j.id)`,
      )
      .pluck()
      .all(imp.id) as string[];
    for (const k of found) keys.add(k);
  }
  return [...keys];
}

export interface ExportPlan {
  columns: ExportColumn[];
  total: number;
  /** Rows in lead order, a chunk at a time, so memory stays flat however large the export. */
  chunks(): Generator<string[][]>;
}

interface LeadRow extends DbLeadText {
  lead_id: number;
  run_id: number | null;
  import_id: number;
  original_json: string;
  custom_json: string;
}

/**
 * What an export will write. Each of its few scans over the selection (count, source imports, step
 * count) takes up to ~55 ms at 100k leads, so it yields between them: run back to back they held the
 * main thread for 130-190 ms.
 */
export async function planExport(sqlite: Database.Database, req: ExportRequest): Promise<ExportPlan> {
  if (req.source.kind === 'run' && !sqlite.prepare('SELECT 1 FROM runs WHERE id = ?').get(req.source.runId)) {
    throw new AppError('not_found', `Run ${req.source.runId} does not exist.`);
  }
  if (
    req.source.kind === 'import' &&
    !sqlite.prepare('SELECT 1 FROM imports WHERE id = ?').get(req.source.importId)
  ) {
    throw new AppError('not_found', `Import ${req.source.importId} does not exist.`);
  }
  if (req.which === 'selected' && req.leadIds.length === 0) {
    throw new AppError('invalid_input', 'Select the leads to export first, or export all or approved leads.');
  }
  const sel = selection(req);
  const total = sqlite
    .prepare(`SELECT count(*) FROM ${sel.sql}`)
    .pluck()
    .get(...sel.params) as number;
  await yieldToEventLoop();
  const imports = sqlite
    .prepare(
      `SELECT i.id, i.headers_json, i.mapping_json FROM imports i WHERE i.id IN (SELECT DISTINCT l.import_id FROM ${sel.sql} JOIN leads l ON l.id = sel.lead_id) ORDER BY i.id`,
    )
    .all(...sel.params) as SourceImport[];
  const headerLists = imports.map((i) => parseHeaders(i.headers_json));
  const customKeys = customKeysOf(sqlite, imports);
  await yieldToEventLoop();
  const stepCount =
    (req.source.kind === 'run'
      ? (sqlite
          .prepare('SELECT max(step) FROM sequence_steps WHERE run_id = ?')
          .pluck()
          .get(req.source.runId) as number | null)
      : (sqlite
          .prepare(
            `SELECT max(s.step) FROM ${sel.sql} JOIN sequence_steps s ON s.run_id = sel.run_id AND s.lead_id = sel.lead_id`,
          )
          .pluck()
          .get(...sel.params) as number | null)) ?? 0;
  const columns = exportColumns(headerLists, customKeys, stepCount);
  const headersById = new Map<number, string[]>();
  const headersOf = (importId: number) => {
    let h = headersById.get(importId);
    if (!h) {
      h = parseHeaders(
        (sqlite.prepare('SELECT headers_json FROM imports WHERE id = ?').pluck().get(importId) as string) ??
          '[]',
      );
      headersById.set(importId, h);
    }
    return h;
  };
  const leadPage = sqlite.prepare(
    `SELECT sel.lead_id, sel.run_id, l.import_id, l.original_json, l.custom_json, l.email, l.first_name, l.last_name,
            l.full_name, l.title, l.company, l.website, l.domain, l.linkedin_url, l.phone
     FROM ${sel.sql} JOIN leads l ON l.id = sel.lead_id
     WHERE sel.lead_id > ? ORDER BY sel.lead_id LIMIT ${CHUNK}`,
  );
  const stepsByPairs = sqlite.prepare(
    `SELECT s.lead_id, s.step, s.subject, s.body FROM sequence_steps s
     JOIN json_each(?) p ON s.run_id = json_extract(p.value, '$[0]') AND s.lead_id = json_extract(p.value, '$[1]')
     ORDER BY s.lead_id, s.step`,
  );
  // One run: a range scan over the chunk's lead ids is far cheaper than a lookup per lead.
  const stepsByRange = sqlite.prepare(
    'SELECT lead_id, step, subject, body FROM sequence_steps WHERE run_id = ? AND lead_id >= ? AND lead_id <= ? ORDER BY lead_id, step',
  );
  type StepRow = { lead_id: number; step: number; subject: string; body: string };
  const stepsOf = (leads: LeadRow[]): StepRow[] => {
    if (req.source.kind === 'run') {
      return stepsByRange.all(
        req.source.runId,
        leads[0]?.lead_id ?? 0,
        leads[leads.length - 1]?.lead_id ?? 0,
      ) as StepRow[];
    }
    const pairs = leads.filter((l) => l.run_id !== null).map((l) => [l.run_id, l.lead_id]);
    return stepsByPairs.all(JSON.stringify(pairs)) as StepRow[];
  };

  function* chunks(): Generator<string[][]> {
    for (let after = 0; ;) {
      const leads = leadPage.all(...sel.params, after) as LeadRow[];
      if (leads.length === 0) return;
      after = leads[leads.length - 1]?.lead_id ?? after;
      const steps = stepsOf(leads);
      const byLead = new Map<number, ExportLead['steps'][number][]>();
      for (const s of steps) {
        const list = byLead.get(s.lead_id) ?? [];
        list.push({ step: s.step, subject: s.subject, body: s.body });
        byLead.set(s.lead_id, list);
      }
      yield leads.map((l) =>
        buildRow(
          columns,
          {
            original: originalCells(headersOf(l.import_id), l.original_json),
            fields: leadTextOf(l),
            custom: customValues(l.custom_json),
            steps: byLead.get(l.lead_id) ?? [],
          },
          req.escapeFormulas,
        ),
      );
    }
  }

  return { columns, total, chunks };
}
