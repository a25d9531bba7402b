/*
 * Domain types of the import pipeline (map -> normalise -> validate -> dedupe).
 *
 * Types that cross a boundary (IPC, SQLite JSON columns, saved mapping
 * templates) have a zod schema next to them; everything else is plain TS.
 * Custom-variable keys come from spreadsheet headers, i.e. from the user's
 * file: the schema only admits the name-safe shape that `customKey` produces,
 * so a key such as `__proto__` can never reach an object literal.
 */
import { z } from 'zod';

export const LEAD_FIELDS = [
  'email',
  'fullName',
  'firstName',
  'lastName',
  'title',
  'company',
  'website',
  'linkedinUrl',
  'phone',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
export const LeadFieldSchema = z.enum(LEAD_FIELDS);

/**
 * Fields a row may read from several columns, using the first in column order that holds one it can
 * use: a person's addresses ("Email 1", "Email 2") and phone numbers ("Direct Phone", "Mobile Phone").
 * Every other field belongs to one column.
 */
export const SEVERAL_COLUMN_FIELDS = ['email', 'phone'] as const satisfies readonly LeadField[];
export type SeveralColumnField = (typeof SEVERAL_COLUMN_FIELDS)[number];

export function takesSeveralColumns(field: LeadField): field is SeveralColumnField {
  return (SEVERAL_COLUMN_FIELDS as readonly LeadField[]).includes(field);
}

/** Display labels for the mapping UI and messages. */
export const LEAD_FIELD_LABELS: Readonly<Record<LeadField, string>> = {
  email: 'Email',
  fullName: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title',
  company: 'Company',
  website: 'Website',
  linkedinUrl: 'LinkedIn URL',
  phone: 'Phone',
};

/** Names that would reach Object.prototype if used as a property key. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Shape produced by `customKey`: lower-case ASCII snake_case, starts with a letter, <= 64 chars. */
export const CUSTOM_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export const CustomKeySchema = z
  .string()
  .regex(CUSTOM_KEY_PATTERN, 'Custom variable names are lower-case letters, digits and _ (max 64)')
  .refine((k) => !RESERVED_KEYS.has(k), 'Reserved name');

export const ColumnTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: LeadFieldSchema }),
  z.object({
    kind: z.literal('custom'),
    key: CustomKeySchema,
    /** The column is an email verifier's verdicts: a row whose address it calls undeliverable is invalid. */
    emailStatus: z.boolean().optional(),
    /** The column marks who opted out or must not be contacted: those rows are suppressed (see opt-out.ts). */
    optOut: z.boolean().optional(),
    /** The column marks the addresses that bounced: those rows are invalid (see verifier.ts). */
    bounced: z.boolean().optional(),
    /** The column marks who said they were not interested: those rows are suppressed (see opt-out.ts). */
    declined: z.boolean().optional(),
    /** The column marks who already answered a campaign: those rows are suppressed (see opt-out.ts). */
    answered: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('ignore') }),
]);
export type ColumnTarget = z.infer<typeof ColumnTargetSchema>;

/**
 * The ticks of a custom column that keep rows from being sent: a verifier's verdicts, bounces, opt-outs,
 * declines, answers.
 */
export const ROW_GUARDS = ['emailStatus', 'bounced', 'optOut', 'declined', 'answered'] as const;
export type RowGuard = (typeof ROW_GUARDS)[number];
/** What a ticked column marks the rows it keeps from being sent as, in a few words. */
export const ROW_GUARD_MARKS: Readonly<Record<RowGuard, string>> = {
  emailStatus: 'undeliverable',
  bounced: 'bounced',
  optOut: 'opted out',
  declined: 'not interested',
  answered: 'already answered',
};

/** One target per column, index-aligned with the (normalised) headers. */
export const ColumnMappingSchema = z.array(ColumnTargetSchema);
export type ColumnMapping = ColumnTarget[];

export const LEAD_STATES = ['ready', 'needs_fix', 'invalid', 'duplicate', 'suppressed'] as const;
export type LeadState = (typeof LEAD_STATES)[number];
export const LeadStateSchema = z.enum(LEAD_STATES);

/** Labels for filters and counts. */
export const LEAD_STATE_LABELS: Readonly<Record<LeadState, string>> = {
  ready: 'Ready',
  needs_fix: 'Needs fix',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  suppressed: 'Suppressed',
};

/**
 * Flags are facts about a row shown next to its state; some feed the state
 * (typo -> needs fix), others are only for bulk actions (role, free_mail).
 */
export const LEAD_FLAGS = [
  'role',
  'free_mail',
  'disposable',
  'typo',
  'no_name',
  'name_in_address',
  'multiple_emails',
  'verifier_undeliverable',
  'verifier_unconfirmed',
  'linkedin_not_profile',
  'phone_as_number',
  'possible_duplicate',
  'in_database',
  'similar_in_database',
  'company_from_colleagues',
  'opted_out',
  'bounced',
  'declined',
  'answered',
] as const;
export type LeadFlag = (typeof LEAD_FLAGS)[number];
export const LeadFlagSchema = z.enum(LEAD_FLAGS);

/**
 * A user's decision about one row, kept by the service and fed back into the
 * pipeline: `exclude` -> suppressed ("Excluded by you"); `keep` overrides a
 * duplicate or needs-fix verdict; `duplicate` confirms a row as a duplicate
 * (used when the user picks another survivor or confirms a fuzzy match).
 */
export const ROW_DECISIONS = ['exclude', 'keep', 'duplicate'] as const;
export type RowDecision = (typeof ROW_DECISIONS)[number];
export const RowDecisionSchema = z.enum(ROW_DECISIONS);

const nullableText = z.string().nullable();

export const NormalisedLeadSchema = z.object({
  /** Cleaned address: domain lower-cased and punycoded, local part as typed. */
  email: nullableText,
  firstName: nullableText,
  lastName: nullableText,
  fullName: nullableText,
  title: nullableText,
  company: nullableText,
  /** The website as given (cleaned text), not rewritten. */
  website: nullableText,
  /** Registrable domain of the website, else of the email when not free-mail. */
  domain: nullableText,
  /** Canonical `https://www.linkedin.com/in/<slug>` or null. */
  linkedinUrl: nullableText,
  /** Cleaned text, never a number (leading zeros and + kept). */
  phone: nullableText,
  /** Custom variables by name-safe key; every mapped custom column has a key ('' when empty). */
  custom: z.record(CustomKeySchema, z.string()),
});
export type NormalisedLead = z.infer<typeof NormalisedLeadSchema>;

/** The NormalisedLead fields that hold plain text (everything except `custom`). */
export type LeadTextField = Exclude<keyof NormalisedLead, 'custom'>;
export const LEAD_TEXT_FIELDS: readonly LeadTextField[] = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'title',
  'company',
  'website',
  'domain',
  'linkedinUrl',
  'phone',
];

export function emptyLead(): NormalisedLead {
  return {
    email: null,
    firstName: null,
    lastName: null,
    fullName: null,
    title: null,
    company: null,
    website: null,
    domain: null,
    linkedinUrl: null,
    phone: null,
    // Null prototype (keys come from the user's file) set on a literal: V8 keeps
    // it a fast-properties object, where Object.create(null) makes a hash table.
    custom: Object.setPrototypeOf({}, null) as Record<string, string>,
  };
}
