/*
 * Staging: the renderer's worker (or the CLI) ran the pipeline; its result
 * arrives in chunks and lands in a DRAFT import. Each chunk is one
 * transaction of prepared inserts, so the main process stays responsive
 * while 100k rows come in.
 */
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { emailKey } from '../../../src-shared/import/email';
import { validateMapping } from '../../../src-shared/import/mapping';
import { LEAD_STATES } from '../../../src-shared/import/types';
import type { Core } from './core';

export function createStaging(core: Core) {
  const sqlite = core.ctx.database.sqlite;

  const committedEmailKeys = sqlite.prepare<[], { k: string }>(
    `SELECT DISTINCT l.email_key AS k FROM leads l JOIN imports i ON i.id = l.import_id
      WHERE i.status = 'committed' AND l.state != 'invalid' AND l.email_key IS NOT NULL`,
  );
  const committedLinkedIn = sqlite.prepare<[], { k: string }>(
    `SELECT DISTINCT l.linkedin_url AS k FROM leads l JOIN imports i ON i.id = l.import_id
      WHERE i.status = 'committed' AND l.state != 'invalid' AND l.linkedin_url IS NOT NULL`,
  );
  const suppressionValues = sqlite.prepare<[string], { value: string }>('SELECT value FROM suppressions WHERE kind = ?');
  const sameHash = sqlite.prepare<[string], { id: number; file_name: string; status: 'draft' | 'committed'; created_at: number; row_count: number }>(
    "SELECT id, file_name, status, created_at, row_count FROM imports WHERE sha256 = ? AND status != 'deleting' ORDER BY id DESC",
  );
  const insertImport = sqlite.prepare(
    `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, encoding, delimiter, headers_json,
       mapping_json, template_id, status, row_count, rows_read, blank_rows, staged, counts_json, created_at)
     VALUES (@file_name, @file_size, @sha256, @source_kind, @sheet, @header_row, @encoding, @delimiter, @headers_json,
       @mapping_json, @template_id, 'draft', @row_count, @rows_read, @blank_rows, 0, '{}', @created_at)`,
  );
  const templateExists = sqlite.prepare<[number], { id: number }>('SELECT id FROM mapping_templates WHERE id = ?');
  const insertLead = sqlite.prepare(
    `INSERT INTO leads (import_id, row_number, original_json, email, email_key, first_name, last_name, full_name, title,
       company, website, domain, linkedin_url, phone, custom_json, state, reason, flags_json, suggestion, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const leadCount = sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM leads WHERE import_id = ?');
  const leadIdByRow = sqlite.prepare<[number, number], { id: number }>('SELECT id FROM leads WHERE import_id = ? AND row_number = ?');
  const insertGroup = sqlite.prepare<[number, string, number, number]>(
    "INSERT INTO duplicate_groups (import_id, kind, survivor_lead_id, status, created_at) VALUES (?, ?, ?, 'open', ?)",
  );
  const insertMember = sqlite.prepare<[number, number]>('INSERT OR IGNORE INTO duplicate_group_members (group_id, lead_id) VALUES (?, ?)');
  // The table shows a lead's exact group when it has one, else its fuzzy group (as the pipeline's groupId).
  const setExactGroup = sqlite.prepare<[number, number]>('UPDATE leads SET group_id = ? WHERE id = ?');
  const setFuzzyGroup = sqlite.prepare<[number, number]>('UPDATE leads SET group_id = ? WHERE id = ? AND group_id IS NULL');
  const finishStaging = sqlite.prepare<[string, number, number]>('UPDATE imports SET staged = 1, counts_json = ?, row_count = ? WHERE id = ?');

  function requireStaging(importId: number) {
    const imp = core.requireDraft(importId);
    if (imp.staged === 1) throw new AppError('conflict', `Import ${importId} is already fully staged; start a new import to add rows.`);
    return imp;
  }

  return {
    'imports.dedupeIndex': async (): Promise<CallOutput<'imports.dedupeIndex'>> => ({
      emailKeys: committedEmailKeys.all().map((r) => r.k),
      linkedinUrls: committedLinkedIn.all().map((r) => r.k),
      suppressedEmails: suppressionValues.all('email').map((r) => r.value),
      suppressedDomains: suppressionValues.all('domain').map((r) => r.value),
    }),

    'imports.checkHash': async ({ sha256 }: HandlerInput<'imports.checkHash'>): Promise<CallOutput<'imports.checkHash'>> => ({
      previous: sameHash.all(sha256).map((r) => ({
        id: r.id,
        fileName: r.file_name,
        status: r.status,
        createdAt: r.created_at,
        total: r.row_count,
      })),
    }),

    'imports.stageBegin': async (input: HandlerInput<'imports.stageBegin'>): Promise<CallOutput<'imports.stageBegin'>> => {
      const valid = validateMapping(input.headers, input.mapping);
      if (!valid.ok) throw new AppError('invalid_input', valid.message);
      if (input.total + input.blankRows !== input.rowsRead) {
        throw new AppError(
          'invalid_input',
          `The counts do not add up: ${input.total} leads + ${input.blankRows} blank rows is not the ${input.rowsRead} rows read.`,
        );
      }
      if (input.templateId !== undefined && !templateExists.get(input.templateId)) {
        throw new AppError('not_found', `Mapping template ${input.templateId} does not exist any more.`);
      }
      const { file } = input;
      const id = Number(
        insertImport.run({
          file_name: file.name,
          file_size: file.size,
          sha256: file.sha256,
          source_kind: file.kind,
          sheet: file.sheet,
          header_row: file.headerRow,
          encoding: file.encoding,
          delimiter: file.delimiter,
          headers_json: JSON.stringify(input.headers),
          mapping_json: JSON.stringify(input.mapping),
          template_id: input.templateId ?? null,
          row_count: input.total,
          rows_read: input.rowsRead,
          blank_rows: input.blankRows,
          created_at: Date.now(),
        }).lastInsertRowid,
      );
      core.staging.add(id);
      return { importId: id };
    },

    'imports.stageRows': async ({ importId, rows }: HandlerInput<'imports.stageRows'>): Promise<CallOutput<'imports.stageRows'>> => {
      const imp = requireStaging(importId);
      const now = Date.now();
      const firstDataRow = imp.header_row + 2;
      try {
        sqlite.transaction(() => {
          for (const r of rows) {
            if (r.rowNumber < firstDataRow) {
              throw new AppError('invalid_input', `Row ${r.rowNumber} is not below the header row (row ${imp.header_row + 1}).`);
            }
            const l = r.lead;
            insertLead.run(
              importId,
              r.rowNumber,
              JSON.stringify(r.original),
              l.email,
              l.email === null ? null : emailKey(l.email),
              l.firstName,
              l.lastName,
              l.fullName,
              l.title,
              l.company,
              l.website,
              l.domain,
              l.linkedinUrl,
              l.phone,
              JSON.stringify(l.custom),
              r.state,
              r.reason,
              JSON.stringify(r.flags),
              r.suggestion,
              now,
            );
          }
          const n = leadCount.get(importId)?.n ?? 0;
          if (n > imp.row_count) {
            throw new AppError('invalid_input', `More rows were sent (${n}) than the ${imp.row_count} leads announced for this import.`);
          }
        })();
      } catch (e) {
        if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
          throw new AppError('conflict', 'A row of this chunk was already staged; each row is sent once.');
        }
        throw e;
      }
      return { staged: rows.length };
    },

    'imports.stageGroups': async ({ importId, groups }: HandlerInput<'imports.stageGroups'>): Promise<CallOutput<'imports.stageGroups'>> => {
      requireStaging(importId);
      const now = Date.now();
      sqlite.transaction(() => {
        for (const g of groups) {
          if (!g.ids.includes(g.survivorId)) {
            throw new AppError('invalid_input', `Group ${g.id}: the survivor (row ${g.survivorId}) is not one of its rows.`);
          }
          const leadIds = g.ids.map((rowNumber) => {
            const lead = leadIdByRow.get(importId, rowNumber);
            if (!lead) throw new AppError('invalid_input', `Group ${g.id} names row ${rowNumber}, which was not staged.`);
            return lead.id;
          });
          const survivor = leadIds[g.ids.indexOf(g.survivorId)] as number;
          const groupId = Number(insertGroup.run(importId, g.kind, survivor, now).lastInsertRowid);
          const setGroup = g.kind === 'name_company' ? setFuzzyGroup : setExactGroup;
          for (const leadId of leadIds) {
            insertMember.run(groupId, leadId);
            setGroup.run(groupId, leadId);
          }
        }
      })();
      return { staged: groups.length };
    },

    'imports.stageEnd': async ({ importId }: HandlerInput<'imports.stageEnd'>): Promise<CallOutput<'imports.stageEnd'>> => {
      const imp = requireStaging(importId);
      const counts = core.liveCounts(importId);
      const staged = LEAD_STATES.reduce((s, k) => s + counts[k], 0);
      if (staged !== imp.row_count) {
        core.staging.delete(importId);
        throw new AppError(
          'conflict',
          `Only ${staged} of the ${imp.row_count} leads of this import arrived, so it was not finished. Discard it and import the file again.`,
        );
      }
      finishStaging.run(JSON.stringify(counts), staged, importId);
      core.staging.delete(importId);
      core.announce(importId);
      return core.summary(core.requireImport(importId));
    },
  };
}
