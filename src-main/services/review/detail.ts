import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { LeadDetail, StepEditEntry, StepView } from '../../../src-shared/contract/review';
import { AppError } from '../../../src-shared/errors';
import { storedJson } from '../../db/stored-json';
import { leadTextOf, type DbLead, type DbLeadText } from '../imports/rows';
import { expectedStepsOf, parseStoredFlags, recomputeFlags } from './flags-store';

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Headers = z.array(z.string());
/** The import stores the row as read: either cells aligned with the headers or a header -> value map. */
const Original = z.union([z.array(CellValue), z.record(z.string(), CellValue)]);
const Custom = z.record(z.string(), CellValue);

const cellText = (v: z.infer<typeof CellValue> | undefined): string =>
  v === null || v === undefined ? '' : String(v);

export function parseHeaders(json: string): string[] {
  return storedJson(Headers, json) ?? [];
}

/** The imported row as (header, value) pairs in column order; unnamed columns are called "Column N". */
export function originalCells(
  headers: readonly string[],
  originalJson: string,
): Array<{ header: string; value: string }> {
  const data = storedJson(Original, originalJson);
  if (data === null) return [];
  if (Array.isArray(data)) {
    return data.map((v, i) => ({ header: headers[i] || `Column ${i + 1}`, value: cellText(v) }));
  }
  const seen = new Set<string>();
  const out: Array<{ header: string; value: string }> = [];
  for (const h of headers) {
    if (Object.prototype.hasOwnProperty.call(data, h)) {
      out.push({ header: h, value: cellText(data[h]) });
      seen.add(h);
    }
  }
  for (const [h, v] of Object.entries(data)) if (!seen.has(h)) out.push({ header: h, value: cellText(v) });
  return out;
}

export function customValues(customJson: string): Record<string, string> {
  const data = storedJson(Custom, customJson);
  const out: Record<string, string> = {};
  if (data === null) return out;
  for (const [k, v] of Object.entries(data)) out[k] = cellText(v);
  return out;
}

/** `flags_json` is the run's (run_leads), not the import's. */
interface DetailRow extends DbLeadText, Pick<DbLead, 'custom_json' | 'original_json' | 'flags_json'> {
  review_state: LeadDetail['reviewState'];
  gen_state: LeadDetail['genState'];
  gen_message: string | null;
  dirty: number | null;
  options_json: string;
  headers_json: string;
}

const readDetailRow = (sqlite: Database.Database, runId: number, leadId: number) =>
  sqlite
    .prepare(
      `SELECT rl.review_state, rl.gen_state, rl.gen_message, rl.flags_json, d.dirty, r.options_json,
              l.email, l.first_name, l.last_name, l.full_name, l.title, l.company, l.website, l.domain, l.linkedin_url,
              l.phone, l.custom_json, l.original_json, i.headers_json
       FROM run_leads rl
       JOIN runs r ON r.id = rl.run_id
       JOIN leads l ON l.id = rl.lead_id
       JOIN imports i ON i.id = l.import_id
       LEFT JOIN review_docs d ON d.run_id = rl.run_id AND d.lead_id = rl.lead_id
       WHERE rl.run_id = ? AND rl.lead_id = ?`,
    )
    .get(runId, leadId) as DetailRow | undefined;

export function leadDetail(sqlite: Database.Database, runId: number, leadId: number): LeadDetail {
  let row = readDetailRow(sqlite, runId, leadId);
  if (!row)
    throw new AppError('not_found', 'This lead is not part of this run any more. Refresh the review list.');
  let flags = parseStoredFlags(row.flags_json);
  if (flags === null || row.dirty === 1) {
    recomputeFlags(sqlite, runId, [leadId]);
    row = readDetailRow(sqlite, runId, leadId) ?? row;
    flags = parseStoredFlags(row.flags_json) ?? [];
  }
  const steps = sqlite
    .prepare(
      'SELECT step, subject, body, subject_generated, body_generated, edited_at FROM sequence_steps WHERE run_id = ? AND lead_id = ? ORDER BY step',
    )
    .all(runId, leadId) as Array<{
    step: number;
    subject: string;
    body: string;
    subject_generated: string;
    body_generated: string;
    edited_at: number | null;
  }>;
  return {
    runId,
    leadId,
    reviewState: row.review_state,
    genState: row.gen_state,
    genMessage: row.gen_message,
    expectedSteps: expectedStepsOf(row.options_json),
    lead: {
      ...leadTextOf(row),
      custom: customValues(row.custom_json),
      original: originalCells(parseHeaders(row.headers_json), row.original_json),
    },
    steps: steps.map((s): StepView => ({
      step: s.step,
      subject: s.subject,
      body: s.body,
      subjectGenerated: s.subject_generated,
      bodyGenerated: s.body_generated,
      edited: s.subject !== s.subject_generated || s.body !== s.body_generated,
      editedAt: s.edited_at,
    })),
    flags,
  };
}

export function stepHistory(
  sqlite: Database.Database,
  runId: number,
  leadId: number,
  step?: number,
): StepEditEntry[] {
  const rows = sqlite
    .prepare(
      `SELECT id, step, kind, subject_before, body_before, subject_after, body_after, updated_at FROM step_edits
       WHERE run_id = ? AND lead_id = ? AND (? IS NULL OR step = ?) ORDER BY id`,
    )
    .all(runId, leadId, step ?? null, step ?? null) as Array<{
    id: number;
    step: number;
    kind: StepEditEntry['kind'];
    subject_before: string;
    body_before: string;
    subject_after: string;
    body_after: string;
    updated_at: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    step: r.step,
    kind: r.kind,
    subjectBefore: r.subject_before,
    bodyBefore: r.body_before,
    subjectAfter: r.subject_after,
    bodyAfter: r.body_after,
    at: r.updated_at,
  }));
}
