import { z } from 'zod';

/** Where a push can go. MachFive is a generator, not a destination. */
export const DESTINATIONS = ['instantly', 'sendkit', 'segmentflow'] as const;
export const Destination = z.enum(DESTINATIONS);
export type Destination = z.infer<typeof Destination>;

/** Most a single request may carry (seeds 003, 004, 002). Each chunk of this size is one queue job. */
export const CHUNK_LIMITS: Record<Destination, number> = { instantly: 1000, sendkit: 5000, segmentflow: 100 };

export const Uuid = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a UUID like 019cc043-e39c-7d91-a325-6615db0e1b14',
  );

/** Sendkit documents campaign ids only as "Resource ID" (its examples are 24-hex object ids). */
export const SendkitCampaignId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a Sendkit campaign ID (letters, digits, - and _ only)');

export const PERSONALIZATION_MODES = ['first_paragraph', 'first_line', 'none'] as const;
export const PersonalizationMode = z.enum(PERSONALIZATION_MODES);
export type PersonalizationMode = z.infer<typeof PersonalizationMode>;

/**
 * Instantly import options (seed 003). skip_if_in_workspace defaults to TRUE: a person already in
 * another campaign or list of the workspace is being contacted already, and starting a second
 * sequence for them is the classic cold-email mistake (annoyed prospect, spam reports). Such leads
 * come back as "skipped" with that reason, so nothing is hidden. verify_leads_on_import defaults to
 * false because it spends Instantly verification credits; LeadPrep has already checked syntax/typos.
 * blocklist_id null = the workspace default blocklist.
 */
export const InstantlyOptions = z
  .object({
    personalization: PersonalizationMode.default('first_paragraph'),
    skipIfInWorkspace: z.boolean().default(true),
    skipIfInCampaign: z.boolean().default(false),
    skipIfInList: z.boolean().default(false),
    verifyLeadsOnImport: z.boolean().default(false),
    blocklistId: Uuid.nullable().default(null),
  })
  .strict();
export type InstantlyOptions = z.infer<typeof InstantlyOptions>;

/** Segmentflow defaults saved once as a destination profile (seed 002 `defaults`). */
export const SegmentflowProfileSettings = z
  .object({
    templateId: Uuid,
    senderProfileId: Uuid.optional(),
    from: z.string().trim().min(3).max(320).optional(),
    replyTo: z.string().trim().min(3).max(320).optional(),
    subscriptionGroupId: Uuid.optional(),
    trackClicks: z.boolean().optional(),
  })
  .strict();
export type SegmentflowProfileSettings = z.infer<typeof SegmentflowProfileSettings>;

export const ProfileName = z.string().trim().min(1).max(80);

/**
 * Segmentflow sends each item at once, so pushing every step would deliver a whole sequence in one
 * go. The default is step 1 only; follow-ups are later pushes of steps 2, 3... (their idempotency
 * keys differ by step, so that is safe).
 */
export const SegmentflowOptions = z
  .object({ steps: z.array(z.number().int().min(1).max(20)).min(1).max(20).default([1]) })
  .strict();
export type SegmentflowOptions = z.infer<typeof SegmentflowOptions>;

/** Display name of a picked target, remembered with the recent IDs; never sent to the provider. */
const TargetName = z.string().trim().max(200).optional();

const common = {
  runId: z.number().int().positive(),
  /** Leave out leads already pushed to the same destination/target instead of warning about them. */
  skipAlreadyPushed: z.boolean().default(false),
};

export const PushSpec = z.discriminatedUnion('destination', [
  z
    .object({
      destination: z.literal('instantly'),
      ...common,
      target: z.object({ kind: z.enum(['campaign', 'list']), id: Uuid, name: TargetName }).strict(),
      options: InstantlyOptions.prefault({}),
    })
    .strict(),
  z
    .object({
      destination: z.literal('sendkit'),
      ...common,
      target: z.object({ kind: z.literal('campaign'), id: SendkitCampaignId, name: TargetName }).strict(),
    })
    .strict(),
  z
    .object({
      destination: z.literal('segmentflow'),
      ...common,
      profile: ProfileName,
      options: SegmentflowOptions.prefault({}),
    })
    .strict(),
]);
export type PushSpec = z.infer<typeof PushSpec>;
export type PushSpecInput = z.input<typeof PushSpec>;

export const ITEM_STATES = ['pending', 'sending', 'added', 'skipped', 'rejected', 'failed'] as const;
export const ItemState = z.enum(ITEM_STATES);
export type ItemState = z.infer<typeof ItemState>;

/** Why an item ended where it did; the UI filters on these. */
export const REASON_CODES = [
  'in_campaign',
  'duplicate',
  'duplicate_in_request',
  'blocklist',
  'invalid',
  'incomplete',
  'skip_flag',
  'unattributed',
  'provider_rejected',
  'transport',
  'provider_error',
] as const;
export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;

/** What LeadPrep knows about one lead when it maps it to a destination. */
export interface PushLead {
  leadId: number;
  email: string | null;
  emailKey: string | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  title: string | null;
  company: string | null;
  website: string | null;
  linkedinUrl: string | null;
  phone: string | null;
  custom: Record<string, string>;
  steps: { step: number; subject: string; body: string }[];
}

/** The provider's verdict on one item, ready to store in push_items. */
export interface ItemOutcome {
  state: 'added' | 'skipped' | 'rejected' | 'failed';
  reasonCode: ReasonCode | null;
  reason: string | null;
  remoteId: string | null;
  /** A later "retry failed" may send it again (transport failures, fixable template problems). */
  retryable: boolean;
}
