/*
 * Leads as stored (snake_case columns, JSON text) <-> leads as the contract
 * shows them. Raw better-sqlite3 statements are used throughout the imports
 * service: staging 100k rows and paging with counts need prepared statements
 * and set-based SQL that the query builder would only wrap.
 */
import { z } from 'zod';
import type { LeadRow } from '../../../src-shared/contract/imports';
import {
  CustomKeySchema,
  LeadFlagSchema,
  LeadStateSchema,
  RowDecisionSchema,
  type LeadFlag,
  type LeadState,
  type NormalisedLead,
  type RowDecision,
} from '../../../src-shared/import/types';

/** A row of `leads` as better-sqlite3 returns it. */
export interface DbLead {
  id: number;
  import_id: number;
  row_number: number;
  original_json: string;
  email: string | null;
  email_key: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  domain: string | null;
  linkedin_url: string | null;
  phone: string | null;
  custom_json: string;
  state: string;
  reason: string;
  flags_json: string;
  suggestion: string | null;
  group_id: number | null;
  decision: string | null;
  edited_at: number | null;
}

export const LEAD_COLUMNS =
  'id, import_id, row_number, original_json, email, email_key, first_name, last_name, full_name, title, company, website, domain, linkedin_url, phone, custom_json, state, reason, flags_json, suggestion, group_id, decision, edited_at';

/** The normalised person fields of a lead, in table order: written at staging, changed by edits. */
export const LEAD_FIELD_COLUMNS = [
  'email',
  'email_key',
  'first_name',
  'last_name',
  'full_name',
  'title',
  'company',
  'website',
  'domain',
  'linkedin_url',
  'phone',
  'custom_json',
] as const;

/**
 * SQL over `leads`: a committed lead that stands for its person, whose keys (lead_keys) make the same
 * person in a later import "already in your leads". That is a lead used (ready) or kept out
 * (suppressed), and a duplicate of one of those or of a lead already in your leads. A committed lead
 * that needs a fix or is invalid is never used, so neither it nor a duplicate of it holds its person
 * back from a later import with the address mended.
 */
export const STANDS_FOR_PERSON = `(leads.state IN ('ready', 'suppressed') OR (leads.state = 'duplicate' AND (
  leads.flags_json LIKE '%"in_database"%' OR EXISTS (
    SELECT 1 FROM duplicate_group_members m JOIN duplicate_group_members o ON o.group_id = m.group_id
      JOIN leads s ON s.id = o.lead_id
     WHERE m.lead_id = leads.id AND s.state IN ('ready', 'suppressed')))))`;

/**
 * SQL over `leads`: a lead "possibly already in your leads" can name, one with a company domain and a
 * name. A committed import's such leads that stand for their person (`STANDS_FOR_PERSON`) have the
 * domain, lower-cased, as a lead_keys key.
 */
export const NAMED_AT_DOMAIN =
  "(leads.domain != '' AND (leads.first_name IS NOT NULL OR leads.last_name IS NOT NULL OR leads.full_name IS NOT NULL))";

/** Columns an undoable step may change; lead_undo_leads mirrors them. */
export const MUTABLE_COLUMNS = [
  ...LEAD_FIELD_COLUMNS,
  'state',
  'reason',
  'flags_json',
  'suggestion',
  'decision',
  'edited_at',
] as const;

const Cells = z.array(z.string());
const Flags = z.array(LeadFlagSchema);
const Custom = z.record(CustomKeySchema, z.string());

export function parseCustom(json: string): Record<string, string> {
  // Keys were validated on the way in; parsing again keeps a hand-edited database from reaching objects.
  return Object.assign(Object.create(null) as Record<string, string>, Custom.parse(JSON.parse(json)));
}

export function parseFlags(json: string): LeadFlag[] {
  return Flags.parse(JSON.parse(json));
}

export function parseState(value: string): LeadState {
  return LeadStateSchema.parse(value);
}

export function parseDecision(value: string | null): RowDecision | null {
  return value === null ? null : RowDecisionSchema.parse(value);
}

/** A lead's person fields as stored. */
export type DbLeadFields = Pick<DbLead, (typeof LEAD_FIELD_COLUMNS)[number]>;
/** A lead's text fields as stored: its person fields but the dedupe key and the custom variables. */
export type DbLeadText = Omit<DbLeadFields, 'email_key' | 'custom_json'>;

/** The text fields of a stored lead, by their names in the contract (`NormalisedLead`). */
export function leadTextOf(row: DbLeadText): Omit<NormalisedLead, 'custom'> {
  return {
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    fullName: row.full_name,
    title: row.title,
    company: row.company,
    website: row.website,
    domain: row.domain,
    linkedinUrl: row.linkedin_url,
    phone: row.phone,
  };
}

export function toNormalised(row: DbLeadFields): NormalisedLead {
  return Object.assign(leadTextOf(row), { custom: parseCustom(row.custom_json) });
}

export function toLeadRow(row: DbLead): LeadRow {
  return {
    id: row.id,
    importId: row.import_id,
    rowNumber: row.row_number,
    ...leadTextOf(row),
    custom: { ...parseCustom(row.custom_json) },
    state: parseState(row.state),
    reason: row.reason,
    flags: parseFlags(row.flags_json),
    suggestion: row.suggestion,
    groupId: row.group_id,
    decision: parseDecision(row.decision),
    original: Cells.parse(JSON.parse(row.original_json)),
    edited: row.edited_at !== null,
  };
}

/** `%text%` for LIKE with the wildcards in the user's text escaped (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The lead table's flag and search filters as SQL conditions over `leads` with their named parameters:
 * the one reading of "what the table shows" for `leads.page` and for a bulk action over every lead
 * shown. The state filter is the caller's: a page counts every state under these filters first.
 */
export function leadFilterSql(filter: { flag?: LeadFlag | undefined; search?: string | undefined }): {
  conditions: string[];
  params: Record<string, string>;
  searched: boolean;
} {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (filter.flag) {
    conditions.push('flags_json LIKE @flag');
    params.flag = `%"${filter.flag}"%`;
  }
  const search = filter.search?.trim();
  if (search) {
    conditions.push(
      "(email LIKE @search ESCAPE '\\' OR full_name LIKE @search ESCAPE '\\' OR company LIKE @search ESCAPE '\\')",
    );
    params.search = likePattern(search);
  }
  return { conditions, params, searched: Boolean(search) };
}
