/*
 * Staging: the renderer's worker (or the CLI) ran the pipeline; its result
 * arrives in chunks and lands in a DRAFT import. Each chunk is one
 * transaction of multi-row prepared inserts, so the main process stays
 * responsive while 100k rows come in.
 *
 * Rows arrive before groups, and each row already names its shown group
 * (the pipeline's `groupId`: exact group, else fuzzy). stageBegin reserves a
 * block of duplicate_groups ids and one of leads ids for the import, so a
 * row's group_id is written with the row and staging groups never rewrites
 * leads (random UPDATEs across a 100k-row table were most of the staging
 * time) nor reads them back (looking up the grouped rows took ~10 % of
 * staging): it knows each row's id and group from staging the rows. The
 * groups then confirm every row that named them; stageEnd refuses an
 * import whose rows and groups disagree.
 *
 * Every index a staged row touches is keyed by import and row order (the
 * dedupe keys are written at commit, see lead_keys), so a chunk dirties few
 * pages besides its own rows. Each chunk is a `bulkWrite` (db/checkpointer.ts):
 * its WAL is copied into the database file on the checkpoint thread, so the
 * main thread never waits on that copy and its fsync.
 */
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import type { StagedRow } from '../../../src-shared/contract/imports';
import { expandStagedRow, stagingColumns } from '../../../src-shared/contract/staged-rows';
import { compileMapping } from '../../../src-shared/import/clean';
import { AppError } from '../../../src-shared/errors';
import type { KnownPerson } from '../../../src-shared/import/dedupe';
import { emailKey } from '../../../src-shared/import/email';
import { validateMapping } from '../../../src-shared/import/mapping';
import { rowsBelowHeader } from '../../../src-shared/import/pipeline';
import { LEAD_STATES, type LeadFlag, type LeadState } from '../../../src-shared/import/types';
import { insertTuples, multiRowInsert } from '../../db/multi-row-insert';
import { yieldToEventLoop } from '../../app/event-loop';
import type { Core, DbImport, StagingProgress } from './core';
import type { KeyKind } from './draft-keys';
import { LEAD_FIELD_COLUMNS, NAMED_AT_DOMAIN, STANDS_FOR_PERSON } from './rows';

const LEAD_INSERT_COLUMNS = [
  'id',
  'import_id',
  'row_number',
  'original_json',
  ...LEAD_FIELD_COLUMNS,
  'state',
  'reason',
  'flags_json',
  'suggestion',
  'group_id',
  'created_at',
] as const;
/** Rows per INSERT statement: one statement per 100 rows instead of per row (2,200 parameters, well under SQLite's 32,766). */
export const ROWS_PER_INSERT = 100;
const MEMBERS_PER_INSERT = 500;
const GROUPS_PER_INSERT = 200;
const DEDUPE_INDEX_CHUNK = 5000;
/** People read per event-loop turn: a row of six columns costs more than a key. */
const PEOPLE_CHUNK = 2000;

type PersonColumns = [
  domain: string,
  firstName: string | null,
  lastName: string | null,
  fullName: string | null,
  email: string | null,
];

/**
 * Puts addresses on the suppression list with their source (the suppression service's add): how the
 * people a file marks as opted out are kept out of every other row of them, now and in later imports.
 */
export type AddSuppressions = (
  input: HandlerInput<'suppressions.add'>,
) => Promise<CallOutput<'suppressions.add'>>;

/**
 * What a file says of a person or an address that no sequence may ever write to, as the flag of the
 * rows it says it of, the state that flag gives them, and how the suppression list names where each
 * came from.
 */
const FILE_MARKS: readonly (readonly [LeadFlag, LeadState, string])[] = [
  ['opted_out', 'suppressed', 'marked as opted out'],
  ['declined', 'suppressed', 'marked as not interested'],
  ['bounced', 'invalid', 'marked as bounced'],
  ['verifier_undeliverable', 'invalid', 'undeliverable to your verifier'],
];

export function createStaging(core: Core, addSuppressions: AddSuppressions) {
  const sqlite = core.ctx.database.sqlite;
  // Along the (import, state) index: the addresses of the rows a file mark gave its state, the flag as
  // a LIKE pattern ('%"opted_out"%'). A bounced row with a suggested fix needs that fix instead.
  const markedAddresses = sqlite
    .prepare<[number, LeadState, string], string>(
      `SELECT email FROM leads
        WHERE import_id = ? AND state = ? AND email IS NOT NULL AND flags_json LIKE ?`,
    )
    .pluck();

  // The keys of committed imports, one kind at a time in key order along lead_keys' primary key: equal
  // keys come out side by side, so no Set is needed (growing one past 64k keys blocked for ~35 ms).
  // Keys of an import whose commit did not finish do not count, as in every other lookup of lead_keys.
  const committedKeysAfter = sqlite
    .prepare<[KeyKind, string], string>(
      `SELECT k.key FROM lead_keys k JOIN imports i ON i.id = k.import_id
        WHERE k.kind = ? AND k.key > ? AND i.status = 'committed'
        ORDER BY k.key LIMIT ${DEDUPE_INDEX_CHUNK}`,
    )
    .pluck();
  // In lead-id order, the order the re-check after an edit reads one domain's people in (lead_keys by
  // domain, then lead): both name the same lead. Read from the leads in id order, not through lead_keys
  // in domain order, which reads the leads of 100k keys in random order (~0.8 s against ~0.15 s).
  const committedPeopleAfter = sqlite
    .prepare<[number], [id: number, ...person: PersonColumns]>(
      `SELECT leads.id, lower(leads.domain), first_name, last_name, full_name, email
         FROM leads JOIN imports i ON i.id = leads.import_id
        WHERE leads.id > ? AND i.status = 'committed' AND ${STANDS_FOR_PERSON} AND ${NAMED_AT_DOMAIN}
        ORDER BY leads.id LIMIT ${PEOPLE_CHUNK}`,
    )
    .raw();
  const suppressionValues = sqlite
    .prepare<[string], string>('SELECT value FROM suppressions WHERE kind = ?')
    .pluck();
  const sameHash = sqlite.prepare<
    [string],
    {
      id: number;
      file_name: string;
      sheet: string;
      status: 'draft' | 'committed';
      created_at: number;
      row_count: number;
    }
  >(
    "SELECT id, file_name, sheet, status, created_at, row_count FROM imports WHERE sha256 = ? AND status != 'deleting' ORDER BY id DESC",
  );
  const insertImport = sqlite.prepare(
    `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, encoding, delimiter, headers_json,
       mapping_json, template_id, status, row_count, rows_read, blank_rows, hidden_rows, header_repeats, footer_rows, staged,
       counts_json, created_at)
     VALUES (@file_name, @file_size, @sha256, @source_kind, @sheet, @header_row, @encoding, @delimiter, @headers_json,
       @mapping_json, @template_id, 'draft', @row_count, @rows_read, @blank_rows, @hidden_rows, @header_repeats, @footer_rows, 0,
       '{}', @created_at)`,
  );
  const templateExists = sqlite.prepare<[number], { id: number }>(
    'SELECT id FROM mapping_templates WHERE id = ?',
  );
  /**
   * Reserves ids of an AUTOINCREMENT table, which never hands out an id at or below
   * sqlite_sequence.seq: raising it takes a block. The returned function gives the first of `count`
   * ids no other insert will take; call it inside an IMMEDIATE transaction.
   */
  function idReserver(table: 'duplicate_groups' | 'leads'): (count: number) => number {
    const seq = sqlite.prepare<[], number>(`SELECT seq FROM sqlite_sequence WHERE name = '${table}'`).pluck();
    const maxId = sqlite.prepare<[], number | null>(`SELECT max(id) FROM ${table}`).pluck();
    const updateSeq = sqlite.prepare<[number]>(`UPDATE sqlite_sequence SET seq = ? WHERE name = '${table}'`);
    const insertSeq = sqlite.prepare<[number]>(
      `INSERT INTO sqlite_sequence (name, seq) VALUES ('${table}', ?)`,
    );
    return (count) => {
      const current = seq.get();
      const base = Math.max(current ?? 0, maxId.get() ?? 0) + 1;
      if (count > 0) {
        const last = base + count - 1;
        if (current === undefined) insertSeq.run(last);
        else updateSeq.run(last);
      }
      return base;
    };
  }
  const reserveGroupIds = idReserver('duplicate_groups');
  const reserveLeadIds = idReserver('leads');
  const insertGroups = multiRowInsert(
    sqlite,
    'INSERT INTO duplicate_groups (id, import_id, kind, survivor_lead_id, status, created_at)',
    "(?, ?, ?, ?, 'open', ?)",
  );
  const insertMembers = multiRowInsert(
    sqlite,
    'INSERT INTO duplicate_group_members (group_id, lead_id)',
    '(?, ?)',
  );
  const insertLeads = multiRowInsert(
    sqlite,
    `INSERT INTO leads (${LEAD_INSERT_COLUMNS.join(', ')})`,
    `(${LEAD_INSERT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const finishStaging = sqlite.prepare<[string, number, number]>(
    'UPDATE imports SET staged = 1, counts_json = ?, row_count = ? WHERE id = ?',
  );

  const { bulkWrite } = core.ctx.checkpointer;

  /** Distinct, ascending; a chunk per event-loop turn. */
  async function committedKeys(kind: KeyKind): Promise<string[]> {
    const keys: string[] = [];
    for (let after = ''; ;) {
      const chunk = committedKeysAfter.all(kind, after);
      for (const key of chunk) if (key !== keys[keys.length - 1]) keys.push(key);
      if (chunk.length < DEDUPE_INDEX_CHUNK) return keys;
      after = chunk[chunk.length - 1] as string;
      await yieldToEventLoop();
    }
  }

  /** A chunk per event-loop turn. */
  async function committedPeople(): Promise<KnownPerson[]> {
    const people: KnownPerson[] = [];
    for (let after = 0; ;) {
      const chunk = committedPeopleAfter.all(after);
      for (const [id, domain, firstName, lastName, fullName, email] of chunk) {
        people.push({ domain, firstName, lastName, fullName, email });
        after = id;
      }
      if (chunk.length < PEOPLE_CHUNK) return people;
      await yieldToEventLoop();
    }
  }

  function requireStaging(importId: number): { imp: DbImport; progress: StagingProgress } {
    const imp = core.requireDraft(importId);
    if (imp.staged === 1)
      throw new AppError(
        'conflict',
        `Import ${importId} is already fully staged; start a new import to add rows.`,
      );
    const progress = core.staging.get(importId);
    if (!progress) {
      throw new AppError(
        'conflict',
        `The staging of import ${importId} was interrupted (LeadPrep was restarted). Discard it and import the file again.`,
      );
    }
    return { imp, progress };
  }

  function pushRow(
    params: unknown[],
    leadId: number,
    importId: number,
    groupBase: number,
    r: StagedRow,
    now: number,
  ): void {
    const l = r.lead;
    params.push(
      leadId,
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
      r.groupId === null ? null : groupBase + r.groupId,
      now,
    );
  }

  return {
    'imports.dedupeIndex': async (): Promise<CallOutput<'imports.dedupeIndex'>> => ({
      emailKeys: await committedKeys('email'),
      linkedinUrls: await committedKeys('linkedin'),
      people: await committedPeople(),
      suppressedEmails: suppressionValues.all('email'),
      suppressedDomains: suppressionValues.all('domain'),
    }),

    'imports.checkHash': async ({
      sha256,
    }: HandlerInput<'imports.checkHash'>): Promise<CallOutput<'imports.checkHash'>> => ({
      previous: sameHash.all(sha256).map((r) => ({
        id: r.id,
        fileName: r.file_name,
        sheet: r.sheet,
        status: r.status,
        createdAt: r.created_at,
        total: r.row_count,
      })),
    }),

    'imports.stageBegin': async (
      input: HandlerInput<'imports.stageBegin'>,
    ): Promise<CallOutput<'imports.stageBegin'>> => {
      const valid = validateMapping(input.headers, input.mapping);
      if (!valid.ok) throw new AppError('invalid_input', valid.message);
      if (rowsBelowHeader(input) !== input.rowsRead) {
        throw new AppError(
          'invalid_input',
          `The counts do not add up: ${input.total} leads + ${input.blankRows} blank rows + ${input.hiddenRows} hidden rows + ${input.headerRepeats} repeats of the header + ${input.footerRows} rows of a report's footer is not the ${input.rowsRead} rows read.`,
        );
      }
      if (input.templateId !== undefined && !templateExists.get(input.templateId)) {
        throw new AppError('not_found', `Mapping template ${input.templateId} does not exist any more.`);
      }
      const { file } = input;
      // IMMEDIATE: another process (the CLI beside the app) may reserve group ids at the same time.
      const begin = sqlite.transaction(() => {
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
            hidden_rows: input.hiddenRows,
            header_repeats: input.headerRepeats,
            footer_rows: input.footerRows,
            created_at: Date.now(),
          }).lastInsertRowid,
        );
        // A pipeline group has at least two rows and a row is in at most two groups (exact + fuzzy): at most `total` groups.
        return {
          id,
          groupBase: reserveGroupIds(input.total),
          // One id per data row, blank rows included: a lead's id follows from its row number.
          leadBase: reserveLeadIds(input.rowsRead),
        };
      });
      const { id, groupBase, leadBase } = begin.immediate();
      core.staging.set(id, {
        groupBase,
        leadBase,
        rows: 0,
        staged: new Uint8Array(input.rowsRead),
        rowGroups: new Int32Array(input.rowsRead).fill(-1),
        confirmed: 0,
        columns: stagingColumns(compileMapping(input.mapping)),
      });
      return { importId: id };
    },

    'imports.stageRows': async ({
      importId,
      rows: sent,
    }: HandlerInput<'imports.stageRows'>): Promise<CallOutput<'imports.stageRows'>> => {
      const { imp, progress } = requireStaging(importId);
      const rows = sent.map((r) => {
        const row = expandStagedRow(r, progress.columns);
        if (typeof row === 'string') throw new AppError('invalid_input', row);
        return row;
      });
      const firstDataRow = imp.header_row + 2;
      const lastDataRow = imp.header_row + 1 + imp.rows_read;
      for (const r of rows) {
        if (r.rowNumber < firstDataRow || r.rowNumber > lastDataRow) {
          throw new AppError(
            'invalid_input',
            `Row ${r.rowNumber} is outside the data rows of this import (rows ${firstDataRow} to ${lastDataRow}).`,
          );
        }
        if (r.groupId !== null && r.groupId >= imp.row_count) {
          throw new AppError(
            'invalid_input',
            `Row ${r.rowNumber} names group ${r.groupId}, which cannot exist.`,
          );
        }
      }
      if (progress.rows + rows.length > imp.row_count) {
        throw new AppError(
          'invalid_input',
          `More rows were sent (${progress.rows + rows.length}) than the ${imp.row_count} leads announced for this import.`,
        );
      }
      const now = Date.now();
      // Ids by row number, so chunks may arrive in any order (the renderer keeps two in flight).
      const idOf = (r: StagedRow): number => progress.leadBase + r.rowNumber - firstDataRow;
      try {
        bulkWrite(
          sqlite.transaction(() => {
            // One parameter array reused per statement: a flat array for the whole chunk, sliced, was ~10 % slower.
            const batch: unknown[] = [];
            for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
              const end = Math.min(rows.length, i + ROWS_PER_INSERT);
              batch.length = 0;
              for (let j = i; j < end; j++) {
                const r = rows[j] as StagedRow;
                pushRow(batch, idOf(r), importId, progress.groupBase, r, now);
              }
              insertLeads(end - i).run(batch);
            }
          }),
        );
      } catch (e) {
        if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
          throw new AppError('conflict', 'A row of this chunk was already staged; each row is sent once.');
        }
        throw e;
      }
      core.draftKeys.forget(importId);
      rows.forEach((r) => {
        const at = r.rowNumber - firstDataRow;
        progress.staged[at] = 1;
        if (r.groupId !== null) progress.rowGroups[at] = r.groupId;
      });
      progress.rows += rows.length;
      return { staged: rows.length };
    },

    'imports.stageGroups': async ({
      importId,
      groups,
    }: HandlerInput<'imports.stageGroups'>): Promise<CallOutput<'imports.stageGroups'>> => {
      const { imp, progress } = requireStaging(importId);
      const firstDataRow = imp.header_row + 2;
      for (const g of groups) {
        if (!g.ids.includes(g.survivorId)) {
          throw new AppError(
            'invalid_input',
            `Group ${g.id}: the survivor (row ${g.survivorId}) is not one of its rows.`,
          );
        }
        if (g.id >= imp.row_count)
          throw new AppError(
            'invalid_input',
            `Group ${g.id} cannot exist in an import of ${imp.row_count} leads.`,
          );
      }
      /** The id of the lead staged from sheet row `rowNumber`, or 0 if none was. */
      const leadIdOf = (rowNumber: number): number => {
        const at = rowNumber - firstDataRow;
        return progress.staged[at] === 1 ? progress.leadBase + at : 0;
      };
      const now = Date.now();
      let confirmed = 0;
      const groupRows: unknown[] = [];
      const memberRows: number[] = [];
      for (const g of groups) {
        const groupId = progress.groupBase + g.id;
        const exact = g.kind !== 'name_company';
        const survivorId = leadIdOf(g.survivorId);
        if (survivorId === 0)
          throw new AppError(
            'invalid_input',
            `Group ${g.id} names row ${g.survivorId}, which was not staged.`,
          );
        groupRows.push(groupId, importId, g.kind, survivorId, now);
        for (const rowNumber of new Set(g.ids)) {
          const leadId = leadIdOf(rowNumber);
          if (leadId === 0)
            throw new AppError(
              'invalid_input',
              `Group ${g.id} names row ${rowNumber}, which was not staged.`,
            );
          // A row shows its exact group, else its fuzzy one (the pipeline's rule): anything else is a client bug.
          const named = progress.rowGroups[rowNumber - firstDataRow] as number;
          if (named === g.id) confirmed++;
          else if (exact || named < 0) {
            const own = named < 0 ? 'no group' : `group ${named}`;
            throw new AppError(
              'invalid_input',
              `Row ${rowNumber} is in group ${g.id}, but the row itself names ${own}.`,
            );
          }
          memberRows.push(groupId, leadId);
        }
      }
      try {
        bulkWrite(
          sqlite.transaction(() => {
            // Groups before their members: the members' foreign key is checked at each statement.
            insertTuples(insertGroups, groupRows, 5, GROUPS_PER_INSERT);
            insertTuples(insertMembers, memberRows, 2, MEMBERS_PER_INSERT);
          }),
        );
      } catch (e) {
        if (e instanceof Error && /UNIQUE constraint failed/.test(e.message)) {
          throw new AppError(
            'conflict',
            'A group of this chunk was already staged; each group is sent once.',
          );
        }
        throw e;
      }
      progress.confirmed += confirmed;
      return { staged: groups.length };
    },

    'imports.stageEnd': async ({
      importId,
    }: HandlerInput<'imports.stageEnd'>): Promise<CallOutput<'imports.stageEnd'>> => {
      const { imp, progress } = requireStaging(importId);
      const counts = core.liveCounts(importId);
      const staged = LEAD_STATES.reduce((s, k) => s + counts[k], 0);
      if (staged !== imp.row_count) {
        core.staging.delete(importId);
        throw new AppError(
          'conflict',
          `Only ${staged} of the ${imp.row_count} leads of this import arrived, so it was not finished. Discard it and import the file again.`,
        );
      }
      let grouped = 0;
      for (const g of progress.rowGroups) if (g >= 0) grouped++;
      if (progress.confirmed !== grouped) {
        core.staging.delete(importId);
        throw new AppError(
          'conflict',
          `${grouped - progress.confirmed} rows name a duplicate group that never arrived, so the import was not finished. Discard it and import the file again.`,
        );
      }
      // The WAL may still be long here (the checkpointer catches up on its own thread): no inline one.
      bulkWrite(() => finishStaging.run(JSON.stringify(counts), staged, importId));
      core.staging.delete(importId);
      // Those the file marks as opted out asked not to be written to, those it marks as not interested
      // said so, and the addresses it marks as bounced or the verifier as undeliverable take no mail: on
      // the list, the file's other rows of them are kept out too, and so are they in every later import
      // (a list bought again, unverified this time).
      for (const [flag, state, mark] of FILE_MARKS) {
        const marked = markedAddresses.all(importId, state, `%"${flag}"%`);
        if (marked.length > 0)
          await addSuppressions({ entries: marked, source: `${imp.file_name.slice(0, 160)} (${mark})` });
      }
      core.announce(importId);
      const summary = core.summary(core.requireImport(importId));
      return summary;
    },
  };
}
