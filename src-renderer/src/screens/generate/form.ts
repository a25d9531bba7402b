import {
  RunRequest,
  type EstimateRequest,
  type LeadSelection,
  type RunSummary,
} from '../../../../src-shared/contract/generation';
import {
  DEFAULT_BATCH_SIZE,
  MAX_BATCH_SIZE,
  MIN_BATCH_SIZE,
} from '../../../../src-shared/generation/batching';
import type { z } from 'zod';

/** Limits mirrored from GenerationOptions in the contract, so the form can say so before the host refuses. */
export const LIMITS = {
  listName: 150,
  longText: 2000,
  cta: 500,
  ctaCount: 20,
  emailCountMin: 1,
  emailCountMax: 5,
} as const;

export type LeadSource =
  | { kind: 'import'; importId: number | null }
  | { kind: 'allReady' }
  /** Leads handed over from Clean & dedupe; the host leaves out the ones that are not ready and says so. */
  | { kind: 'leads'; leadIds: readonly number[] };

/** What the user typed, as typed: numbers stay strings until validated so a half-typed value is not lost. */
export interface GenerateForm {
  campaignId: string;
  campaignName: string;
  listName: string;
  emailCount: string;
  emailSignature: string;
  campaignAngle: string;
  approvedCtas: string[];
  source: LeadSource;
  includeGenerated: boolean;
  batchSize: string;
}

export const initialForm = (): GenerateForm => ({
  campaignId: '',
  campaignName: '',
  listName: '',
  emailCount: '3',
  emailSignature: '',
  campaignAngle: '',
  approvedCtas: [],
  source: { kind: 'import', importId: null },
  includeGenerated: false,
  batchSize: String(DEFAULT_BATCH_SIZE),
});

/** The options of a run, everything the form holds but the leads. */
export type RunOptionFields = Omit<GenerateForm, 'source' | 'includeGenerated'>;

/**
 * The options `run` was started with, as the form shows them: where the next run starts from. The list
 * name starts empty: it names one list of leads in MachFive.
 */
export function optionsOfRun(run: RunSummary): RunOptionFields {
  return {
    campaignId: run.campaignId,
    campaignName: run.campaignName ?? '',
    listName: '',
    emailCount: String(run.options.emailCount),
    emailSignature: run.options.emailSignature ?? '',
    campaignAngle: run.options.campaignAngle ?? '',
    approvedCtas: run.options.approvedCtas ?? [],
    batchSize: String(run.batchSize),
  };
}

/** The options part of `form`. */
export function optionFields(form: GenerateForm): RunOptionFields {
  const { source: _source, includeGenerated: _include, ...options } = form;
  return options;
}

export type FormField =
  | 'campaignId'
  | 'listName'
  | 'emailCount'
  | 'emailSignature'
  | 'campaignAngle'
  | 'approvedCtas'
  | 'source'
  | 'batchSize';
export type FormErrors = Partial<Record<FormField, string>>;

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export function parseBatchSize(text: string): number | null {
  const n = wholeNumber(text);
  return n !== null && n >= MIN_BATCH_SIZE && n <= MAX_BATCH_SIZE ? n : null;
}

export function selectionOf(source: LeadSource): LeadSelection | null {
  if (source.kind === 'allReady') return { kind: 'allReady' };
  if (source.kind === 'leads')
    return source.leadIds.length === 0 ? null : { kind: 'leads', leadIds: [...source.leadIds] };
  return source.importId === null ? null : { kind: 'import', importId: source.importId };
}

/** The estimate request for the current form, or null while the lead choice or batch size is incomplete. */
export function estimateRequest(form: GenerateForm): z.input<typeof EstimateRequest> | null {
  const selection = selectionOf(form.source);
  const batchSize = parseBatchSize(form.batchSize);
  if (!selection || batchSize === null) return null;
  return { selection, batchSize, includeGenerated: form.includeGenerated };
}

/** Every problem with the form, keyed by field, in words that say what to change. */
export function validate(form: GenerateForm): FormErrors {
  const errors: FormErrors = {};
  if (form.campaignId.trim() === '') errors.campaignId = 'Pick a MachFive campaign, or paste its ID.';
  else if (form.campaignId.trim().length > 200)
    errors.campaignId = 'That campaign ID is too long (200 characters at most).';
  if (form.listName.trim().length > LIMITS.listName) {
    errors.listName = `Keep the list name to ${LIMITS.listName} characters (it has ${form.listName.trim().length}).`;
  }
  const count = wholeNumber(form.emailCount);
  if (count === null || count < LIMITS.emailCountMin || count > LIMITS.emailCountMax) {
    errors.emailCount = `Emails per lead must be a whole number from ${LIMITS.emailCountMin} to ${LIMITS.emailCountMax}.`;
  }
  if (form.emailSignature.trim().length > LIMITS.longText)
    errors.emailSignature = `Keep the signature to ${LIMITS.longText} characters.`;
  if (form.campaignAngle.trim().length > LIMITS.longText)
    errors.campaignAngle = `Keep the angle to ${LIMITS.longText} characters.`;
  if (form.approvedCtas.length > LIMITS.ctaCount)
    errors.approvedCtas = `At most ${LIMITS.ctaCount} calls to action.`;
  else if (form.approvedCtas.some((c) => c.trim().length > LIMITS.cta)) {
    errors.approvedCtas = `Each call to action can be ${LIMITS.cta} characters at most.`;
  }
  if (!selectionOf(form.source)) errors.source = 'Choose an import, or all ready leads.';
  if (parseBatchSize(form.batchSize) === null) {
    errors.batchSize = `Batch size must be a whole number from ${MIN_BATCH_SIZE} to ${MAX_BATCH_SIZE}.`;
  }
  return errors;
}

/** The contract request for a valid form (validate() first); empty optional texts are left out. */
export function runRequest(form: GenerateForm): RunRequest {
  const selection = selectionOf(form.source);
  const batchSize = parseBatchSize(form.batchSize);
  const emailCount = wholeNumber(form.emailCount);
  if (!selection || batchSize === null || emailCount === null)
    throw new Error('runRequest called on an invalid form');
  const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const ctas = form.approvedCtas.map((c) => c.trim()).filter((c) => c !== '');
  return RunRequest.parse({
    selection,
    batchSize,
    includeGenerated: form.includeGenerated,
    campaignId: form.campaignId.trim(),
    campaignName: optional(form.campaignName)?.slice(0, 300),
    options: {
      listName: form.listName.trim(),
      emailCount,
      emailSignature: optional(form.emailSignature),
      campaignAngle: optional(form.campaignAngle),
      approvedCtas: ctas.length > 0 ? ctas : undefined,
    },
  });
}

/** Adds a call to action unless it is blank or already listed (case-insensitive). */
export function addCta(list: readonly string[], text: string): string[] {
  const t = text.trim();
  if (t === '' || list.some((c) => c.toLowerCase() === t.toLowerCase())) return [...list];
  return [...list, t];
}
