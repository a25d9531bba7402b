/*
 * Contract of the import, clean & dedupe side of LeadPrep (workflow steps 2-4).
 *
 * The flow, as the renderer drives it (the CLI does the same in-process):
 *
 * 1. READ + PIPELINE IN THE RENDERER'S WORKER. The worker reads the file with
 *    `openWorkbook` (src-shared/import/read), detects the header row and
 *    suggests a mapping. It asks `imports.templates.match({headers})` for a
 *    saved template to auto-apply, and `imports.checkHash({sha256})` to warn
 *    when the same file was imported before. Then it asks
 *    `imports.dedupeIndex()` (email keys, LinkedIn URLs and named people with a
 *    company domain of every lead of a COMMITTED import, plus the suppression
 *    list) and runs `runPipeline` with `existing` and `suppression` built from
 *    it.
 *
 * 2. STAGING. `imports.stageBegin` creates a DRAFT import and returns its id;
 *    `imports.stageRows` sends the pipeline's `leads` (CleanedRow, at most
 *    STAGE_CHUNK_ROWS per call, each call one short transaction so the main
 *    process never blocks); `imports.stageGroups` sends the pipeline's
 *    `groups` (ids are sheet row numbers, main maps them to lead ids) after
 *    every row is staged; `imports.stageEnd` checks that the counts add up
 *    (leads staged = total, total + blank rows = rows read) and returns the
 *    summary. A draft is invisible to generation (only committed imports are
 *    used). A draft whose staging never finished (crash, cancelled worker) or
 *    that is older than a day is listed by `imports.list` with
 *    `unfinished: true`: offer "Discard" (`imports.delete`) and, when
 *    `staged` is true, "Resume" (open Clean & dedupe on it).
 *
 * 3. CLEAN & DEDUPE works on the database, not on the worker's copy:
 *    `leads.page` (filters, search, counts per state), `leads.edit` (re-clean
 *    + re-classify one lead with indexed lookups), `leads.applySuggestion`,
 *    `leads.bulk`, `leads.undo` (reverts the last edit/decision batch of the
 *    import), `groups.list` / `groups.resolve` / `groups.keepBoth`. Every
 *    decision is reversible until `imports.commit`, which makes the import's
 *    leads visible to generation (only `ready` leads are used there).
 *    `imports.delete` rolls an import back (leads, groups, and with
 *    `force: true` the generated sequences of those leads).
 *
 * 4. SUPPRESSION LIST: `suppressions.*`. Adding or removing entries
 *    re-classifies the leads of DRAFT imports; committed imports are left as
 *    they are (generation skips suppressed addresses when a run is created).
 *    Both can be undone: an add by removing the `addedIds` it answers, a
 *    removal by `suppressions.restore` with the `entries` it answers (each
 *    back with its source and date).
 *
 * 5. MAPPING TEMPLATES: `imports.templates.*`, matched by header set.
 *
 * Events: `imports.changed` after anything changes an import or its leads
 * (refresh counts/table), `suppressions.changed` after the list changes.
 *
 * Ids: import, lead, group, template and suppression ids are SQLite integer
 * ids. `rowNumber` is the 1-based sheet row the user sees in Excel.
 * `headerRow` is the 0-based index into the grid, as in `runPipeline`
 * (show it + 1); -1 for a sheet without a header row (`NO_HEADER_ROW`).
 */
import { z } from 'zod';
import { call, Empty } from './define';
import {
  ColumnMappingSchema,
  CustomKeySchema,
  LeadFlagSchema,
  LeadStateSchema,
  NormalisedLeadSchema,
  RowDecisionSchema,
} from '../import/types';
import { DEFAULT_MAX_ROWS, SOURCE_KINDS } from '../import/read/types';
import { MAX_SUPPRESSION_ENTRIES } from '../import/suppression';

/** Rows per `imports.stageRows` call: 2,000 rows (parse + insert) took up to 275 ms on a busy 2-core machine; 1,000 stay well under 100 ms. */
export const STAGE_CHUNK_ROWS = 1000;
/** Groups per `imports.stageGroups` call (groups only insert their own rows: about 80 ms at worst for 1,000). */
export const STAGE_CHUNK_GROUPS = 1000;
export const MAX_PAGE = 1000;
/** Members of a duplicate group listed side by side; the rest are counted. */
export const MAX_GROUP_MEMBERS_SHOWN = 12;

const Id = z.number().int().positive();
const Count = z.number().int().nonnegative();
/** 0-based index of the header row in the grid (as in runPipeline); -1 when the sheet has none. */
const HeaderRow = z.number().int().min(-1);
const Timestamp = z.number().int();
const Cells = z.array(z.string());

export const SourceKindSchema = z.enum(SOURCE_KINDS);

export const StateCounts = z.object({
  ready: Count,
  needs_fix: Count,
  invalid: Count,
  duplicate: Count,
  suppressed: Count,
});
export type StateCounts = z.infer<typeof StateCounts>;

export const ImportFile = z.object({
  name: z.string().min(1).max(1000),
  size: Count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
  kind: SourceKindSchema,
  sheet: z.string().max(1000),
  headerRow: HeaderRow,
  encoding: z.string().max(40).nullable(),
  delimiter: z.string().max(4).nullable(),
});
export type ImportFile = z.infer<typeof ImportFile>;

export const ImportStatus = z.enum(['draft', 'committed']);

export const ImportSummary = z.object({
  id: Id,
  fileName: z.string(),
  fileSize: Count,
  sha256: z.string(),
  kind: SourceKindSchema,
  sheet: z.string(),
  headerRow: HeaderRow,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  templateId: Id.nullable(),
  status: ImportStatus,
  /** Draft rows were all received (stageEnd succeeded); false while staging or after a crash mid-staging. */
  staged: z.boolean(),
  /** A draft left behind (staging never finished, or older than a day): offer discard / resume. */
  unfinished: z.boolean(),
  /** Rows below the header row = total + blankRows + hiddenRows + headerRepeats + footerRows. */
  rowsRead: Count,
  blankRows: Count,
  /** Rows hidden in the spreadsheet app (a filter) that the user chose to leave out. */
  hiddenRows: Count,
  /** Rows that repeat the header row (files joined one after another). */
  headerRepeats: Count,
  /** Rows of a report's footer below the table (a copyright, a confidentiality notice). */
  footerRows: Count,
  /** Leads = sum of counts. */
  total: Count,
  counts: StateCounts,
  /** Duplicate groups still waiting for a decision. */
  openGroups: Count,
  /** What Undo reverts next ("Apply all suggested typo fixes"); null when there is nothing to undo. */
  undoLabel: z.string().nullable(),
  createdAt: Timestamp,
  committedAt: Timestamp.nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** One row of `runPipeline`'s `leads` (CleanedRow), as sent to `imports.stageRows`. */
export const StagedRow = z.object({
  rowNumber: z.number().int().min(1),
  original: Cells,
  lead: NormalisedLeadSchema,
  state: LeadStateSchema,
  reason: z.string().max(2000),
  flags: z.array(LeadFlagSchema),
  suggestion: z.string().max(1000).nullable(),
  /** Index into the pipeline's `groups`; informative only (stageGroups sets the memberships). */
  groupId: z.number().int().nonnegative().nullable(),
});
export type StagedRow = z.infer<typeof StagedRow>;

/**
 * A row as `imports.stageRows` carries it: a lead field or custom variable equal to the original cell
 * of the one column mapped to it may be left out, and is then that cell (staged-rows.ts).
 */
export const StagedRowWire = StagedRow.extend({
  lead: NormalisedLeadSchema.partial().required({ custom: true }),
});
export type StagedRowWire = z.infer<typeof StagedRowWire>;

export const DuplicateKindSchema = z.enum(['email', 'linkedin', 'name_company']);

/** One of `runPipeline`'s `groups`: ids and survivorId are sheet row numbers. */
export const StagedGroup = z.object({
  id: z.number().int().nonnegative(),
  kind: DuplicateKindSchema,
  ids: z.array(z.number().int().min(1)).min(2),
  survivorId: z.number().int().min(1),
});
export type StagedGroup = z.infer<typeof StagedGroup>;

/** A lead as the Clean & dedupe table shows it. */
export const LeadRow = NormalisedLeadSchema.extend({
  id: Id,
  importId: Id,
  rowNumber: z.number().int(),
  state: LeadStateSchema,
  reason: z.string(),
  flags: z.array(LeadFlagSchema),
  suggestion: z.string().nullable(),
  /** Duplicate group shown for the row (its exact group, else its fuzzy one). */
  groupId: Id.nullable(),
  decision: RowDecisionSchema.nullable(),
  /** The cells as read, index-aligned with the import's headers. */
  original: Cells,
  edited: z.boolean(),
});
export type LeadRow = z.infer<typeof LeadRow>;

export const LeadEditChanges = z
  .object({
    email: z.string().max(1000).nullable(),
    firstName: z.string().max(1000).nullable(),
    lastName: z.string().max(1000).nullable(),
    fullName: z.string().max(1000).nullable(),
    title: z.string().max(1000).nullable(),
    company: z.string().max(1000).nullable(),
    website: z.string().max(2000).nullable(),
    linkedinUrl: z.string().max(2000).nullable(),
    phone: z.string().max(200).nullable(),
    /** Only existing custom variables of the import can be edited. */
    custom: z.record(CustomKeySchema, z.string().max(100_000)),
  })
  .partial()
  .strict();
export type LeadEditChanges = z.infer<typeof LeadEditChanges>;

/** The changed lead, and the ids of other leads whose state changed with it (refresh them). */
export const LeadChange = z.object({ lead: LeadRow, alsoChanged: z.array(Id) });
export type LeadChange = z.infer<typeof LeadChange>;

/** Bulk actions over a whole import; the other bulk actions act on the selected leads. */
export const WHOLE_IMPORT_ACTIONS = [
  'apply_all_typo_fixes',
  'fill_names_from_addresses',
  'exclude_role',
  'exclude_free_mail',
  'exclude_disposable',
  'exclude_verifier_unconfirmed',
  'exclude_similar_in_database',
] as const;
export const WholeImportAction = z.enum(WHOLE_IMPORT_ACTIONS);
export type WholeImportAction = z.infer<typeof WholeImportAction>;

export const BulkAction = z.enum([...WHOLE_IMPORT_ACTIONS, 'exclude_selected', 'keep_selected']);
export type BulkAction = z.infer<typeof BulkAction>;

/** What the lead table shows: the filters of `leads.page`. */
const LeadFilterFields = {
  state: LeadStateSchema.optional(),
  flag: LeadFlagSchema.optional(),
  search: z.string().max(200).optional(),
};

/** The leads a filter shows, less those unticked after selecting them all. */
export const LeadMatch = z
  .object({ ...LeadFilterFields, exceptIds: z.array(Id).max(100_000).optional() })
  .strict();
export type LeadMatch = z.infer<typeof LeadMatch>;

export const GroupStatus = z.enum(['open', 'resolved', 'kept_both']);

export const GroupView = z.object({
  id: Id,
  kind: DuplicateKindSchema,
  status: GroupStatus,
  survivorId: Id.nullable(),
  /**
   * Members by row number, key fields side by side: the first MAX_GROUP_MEMBERS_SHOWN, and the survivor
   * when it is further along (a placeholder address can link thousands of rows).
   */
  members: z.array(LeadRow),
  /** All members, shown or not. */
  memberCount: Count,
});
export type GroupView = z.infer<typeof GroupView>;

/** What a search of the suppression list looks for in its emails, domains and sources. */
const SuppressionSearch = z.string().max(200);

export const SuppressionEntryView = z.object({
  id: Id,
  kind: z.enum(['email', 'domain']),
  value: z.string(),
  source: z.string(),
  createdAt: Timestamp,
});
export type SuppressionEntryView = z.infer<typeof SuppressionEntryView>;

/** An entry as `suppressions.remove` answered it, to put back as it was. */
const RemovedSuppression = z
  .object({
    kind: z.enum(['email', 'domain']),
    value: z.string().max(2000),
    source: z.string().trim().min(1).max(200),
    createdAt: Timestamp,
  })
  .strict();

export const TemplateView = z.object({
  id: Id,
  name: z.string(),
  /** Headers of the file the template was saved from, with the mapping index-aligned to them. */
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TemplateView = z.infer<typeof TemplateView>;

const TemplateName = z.string().trim().min(1).max(100);
const ImportRef = z.object({ importId: Id }).strict();
const Page = { offset: Count.default(0), limit: z.number().int().min(1).max(MAX_PAGE).default(100) };

export const importsCalls = {
  /** Everything the worker needs to dedupe against the database; built from committed imports only. */
  'imports.dedupeIndex': call(
    Empty,
    z.object({
      emailKeys: z.array(z.string()),
      linkedinUrls: z.array(z.string()),
      /** Named leads with a company domain, for "possibly already in your leads" (`knownPeople`). */
      people: z.array(
        z.object({
          domain: z.string(),
          firstName: z.string().nullable(),
          lastName: z.string().nullable(),
          fullName: z.string().nullable(),
          email: z.string().nullable(),
        }),
      ),
      suppressedEmails: z.array(z.string()),
      suppressedDomains: z.array(z.string()),
    }),
  ),
  /**
   * Imports of a file with the same bytes, each with the sheet it took: the same sheet again -> warn
   * before importing; another sheet of the workbook is other leads.
   */
  'imports.checkHash': call(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    z.object({
      previous: z.array(
        z.object({
          id: Id,
          fileName: z.string(),
          sheet: z.string(),
          status: ImportStatus,
          createdAt: Timestamp,
          total: Count,
        }),
      ),
    }),
  ),
  'imports.stageBegin': call(
    z
      .object({
        file: ImportFile,
        headers: z.array(z.string().max(200)).min(1).max(2000),
        mapping: ColumnMappingSchema,
        templateId: Id.optional(),
        /** Rows below the header row in the grid (= total + blankRows + hiddenRows + headerRepeats + footerRows); no reader returns more than its row limit. */
        rowsRead: Count.max(DEFAULT_MAX_ROWS),
        blankRows: Count,
        hiddenRows: Count.default(0),
        headerRepeats: Count.default(0),
        footerRows: Count.default(0),
        /** Leads the pipeline produced (= sum of its counts). */
        total: Count,
      })
      .strict(),
    z.object({ importId: Id }),
  ),
  'imports.stageRows': call(
    z.object({ importId: Id, rows: z.array(StagedRowWire).min(1).max(STAGE_CHUNK_ROWS) }).strict(),
    z.object({ staged: Count }),
  ),
  /** After every stageRows call: the pipeline's groups, in chunks of at most STAGE_CHUNK_GROUPS. */
  'imports.stageGroups': call(
    z.object({ importId: Id, groups: z.array(StagedGroup).min(1).max(STAGE_CHUNK_GROUPS) }).strict(),
    z.object({ staged: Count }),
  ),
  /** Refuses (conflict) when the staged leads do not add up; the draft is then left unfinished. */
  'imports.stageEnd': call(ImportRef, ImportSummary),
  /** Makes the import's leads visible to generation and ends undo. Leads in any state are kept; only ready ones are used. */
  'imports.commit': call(ImportRef, ImportSummary),
  /**
   * Deletes an import with its leads and groups. When some of its leads are in generation runs it
   * refuses (conflict, the message says how many) unless `force` is true.
   */
  'imports.delete': call(
    z.object({ importId: Id, force: z.boolean().default(false) }).strict(),
    z.object({ deleted: z.literal(true), leadsRemoved: Count, generatedLeadsRemoved: Count }),
  ),
  /** Most recent first; drafts included (unfinished ones flagged). */
  'imports.list': call(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.object({ imports: z.array(ImportSummary) }),
  ),
  'imports.get': call(ImportRef, ImportSummary),

  'imports.templates.list': call(Empty, z.object({ templates: z.array(TemplateView) })),
  /** Saves under `name`, replacing a template of the same name. */
  'imports.templates.save': call(
    z
      .object({ name: TemplateName, headers: z.array(z.string()).min(1), mapping: ColumnMappingSchema })
      .strict(),
    TemplateView,
  ),
  'imports.templates.rename': call(z.object({ id: Id, name: TemplateName }).strict(), TemplateView),
  'imports.templates.delete': call(z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  /** The most recently updated template whose header set equals `headers`, with its mapping re-ordered for them. */
  'imports.templates.match': call(
    z.object({ headers: z.array(z.string()) }).strict(),
    z.object({ match: z.object({ template: TemplateView, mapping: ColumnMappingSchema }).nullable() }),
  ),

  /**
   * One page of an import's leads in row order. `counts` are per state under the search/flag
   * filters (not the state filter) and add up to `total`; `matching` is what the state filter
   * leaves, the length to page over.
   */
  'leads.page': call(
    z
      .object({
        importId: Id,
        ...LeadFilterFields,
        ...Page,
      })
      .strict(),
    z.object({ total: Count, counts: StateCounts, matching: Count, rows: z.array(LeadRow) }),
  ),
  /** Draft imports only. Re-cleans the lead and re-classifies it (and leads that shared its old email/LinkedIn). */
  'leads.edit': call(z.object({ leadId: Id, changes: LeadEditChanges }).strict(), LeadChange),
  /** Replaces the email with the suggested fix. */
  'leads.applySuggestion': call(z.object({ leadId: Id }).strict(), LeadChange),
  /**
   * The *_selected actions act on `leadIds`, or on every lead `matching` shows (all of them when the
   * user ticked "select all", but for those unticked since); the other actions ignore both.
   */
  'leads.bulk': call(
    z
      .object({
        importId: Id,
        action: BulkAction,
        leadIds: z.array(Id).max(100_000).optional(),
        matching: LeadMatch.optional(),
      })
      .strict(),
    z.object({ changed: Count }),
  ),
  /**
   * Leads carrying each flag (what the Flag filter shows), and the leads each whole-import bulk action
   * would act on (not excluded yet, and for the typo fixes, with a suggestion).
   */
  'leads.flagCounts': call(
    ImportRef,
    z.object({ byFlag: z.record(LeadFlagSchema, Count), actionable: z.record(WholeImportAction, Count) }),
  ),
  /** Reverts the last edit / decision / bulk action / group resolution of a draft import. */
  'leads.undo': call(ImportRef, z.object({ undone: z.string().nullable(), changed: Count })),

  'groups.list': call(
    z.object({ importId: Id, status: GroupStatus.optional(), ...Page }).strict(),
    z.object({ total: Count, groups: z.array(GroupView) }),
  ),
  /** The other members become duplicates of the survivor; with mergeEmptyFields the survivor's empty fields are filled from them. */
  'groups.resolve': call(
    z.object({ groupId: Id, survivorId: Id, mergeEmptyFields: z.boolean() }).strict(),
    z.object({ group: GroupView, changed: Count }),
  ),
  /** Not the same person after all: every member stays a lead of its own. */
  'groups.keepBoth': call(z.object({ groupId: Id }).strict(), z.object({ group: GroupView, changed: Count })),

  'suppressions.list': call(
    z.object({ search: SuppressionSearch.optional(), ...Page }).strict(),
    z.object({ total: Count, entries: z.array(SuppressionEntryView) }),
  ),
  /** Emails or domains (one per entry, any common spelling); `source` says where they came from ("typed", a file name). */
  'suppressions.add': call(
    z
      .object({
        entries: z.array(z.string().max(2000)).min(1).max(MAX_SUPPRESSION_ENTRIES),
        source: z.string().trim().min(1).max(200),
      })
      .strict(),
    z.object({
      added: Count,
      /** The entries this call added (not those already on the list): removing them undoes it. */
      addedIds: z.array(Id),
      duplicates: Count,
      invalid: Count,
      invalidSamples: z.array(z.string()),
      reclassified: Count,
    }),
  ),
  /**
   * The entries with these ids, the entries equal to these emails or domains (any common spelling, as
   * `suppressions.add` takes them), or every entry a search of the list finds (all of one import's marks).
   */
  'suppressions.remove': call(
    z.union([
      z.object({ ids: z.array(Id).min(1).max(MAX_SUPPRESSION_ENTRIES) }).strict(),
      z.object({ values: z.array(z.string().max(2000)).min(1).max(MAX_SUPPRESSION_ENTRIES) }).strict(),
      z.object({ search: SuppressionSearch.trim().min(1) }).strict(),
    ]),
    /** `entries`: the ones removed, for `suppressions.restore` to undo it. */
    z.object({ removed: Count, reclassified: Count, entries: z.array(SuppressionEntryView) }),
  ),
  /** Puts removed entries back with their own source and date; those on the list again since are left as they are. */
  'suppressions.restore': call(
    z.object({ entries: z.array(RemovedSuppression).min(1).max(MAX_SUPPRESSION_ENTRIES) }).strict(),
    z.object({ restored: Count, reclassified: Count }),
  ),
};

export const importsEvents = {
  /** `importId` null when several imports may have changed (suppression list edits). */
  'imports.changed': z.object({ importId: Id.nullable() }),
  'suppressions.changed': z.object({ total: Count }),
  /**
   * How far a long change of a draft has got: for a bulk action or an undo, `done` of the `total` leads it
   * changes; for 'Commit', thousandths of its work.
   */
  'imports.progress': z.object({ importId: Id, label: z.string(), done: Count, total: Count }),
};
