import { requestCount } from './chunk';
import { leadItemKey, segmentflowIdentity, segmentflowKey, targetKeyOf } from './keys';
import { CHUNK_LIMITS, type PushLead, type PushSpec, type SegmentflowProfileSettings } from './types';

export interface PlannedItem {
  leadId: number;
  step: number | null;
  idempotencyKey: string;
  email: string;
}

export interface ExcludedItem {
  leadId: number;
  email: string | null;
  step: number | null;
  reason: string;
}

export interface RepeatItem {
  leadId: number;
  email: string;
  step: number | null;
  pushId: number;
  pushedAt: number;
}

export interface PushPlan {
  /** Destination+target identity; for Segmentflow the profile identity (template/sender/from). */
  targetKey: string;
  items: PlannedItem[];
  excluded: ExcludedItem[];
  /** Items whose lead (and step) was already added at this destination+target by an earlier push. */
  repeats: RepeatItem[];
  /** The latest of the earlier pushes the repeats were in; 0 when there are none. */
  latestRepeatPushId: number;
  leadCount: number;
  requests: number;
}

export interface PlanInput {
  spec: PushSpec;
  /** The run's approved leads, in the order they should be sent. */
  leads: readonly PushLead[];
  /** Profile settings when the destination is Segmentflow. */
  profile: SegmentflowProfileSettings | null;
  /** Leads that must not be contacted (suppressed, invalid) with the reason, decided by the caller. */
  blocked: ReadonlyMap<number, string>;
  /** An earlier push that already added this email (and step) here, if any. */
  previous(emailKey: string, step: number | null): { pushId: number; pushedAt: number } | null;
}

/** Decides exactly what a push would send: the items, what is left out and why, and repeats. */
export function planPush(input: PlanInput): PushPlan {
  const { spec } = input;
  if (spec.destination === 'segmentflow' && !input.profile)
    throw new Error('Segmentflow plan needs the profile settings');
  const targetKey =
    spec.destination === 'segmentflow'
      ? `segmentflow:${segmentflowIdentity(input.profile!)}`
      : targetKeyOf(spec);
  const items: PlannedItem[] = [];
  const excluded: ExcludedItem[] = [];
  const repeats: RepeatItem[] = [];
  let latestRepeatPushId = 0;
  const firstByEmail = new Map<string, number>();
  const leadsIn = new Set<number>();
  const needsSequence = spec.destination !== 'sendkit';

  for (const lead of input.leads) {
    const exclude = (reason: string, step: number | null = null) =>
      excluded.push({ leadId: lead.leadId, email: lead.email, step, reason });
    if (!lead.email || !lead.emailKey) {
      exclude('No email address.');
      continue;
    }
    const blocked = input.blocked.get(lead.leadId);
    if (blocked) {
      exclude(blocked);
      continue;
    }
    const earlier = firstByEmail.get(lead.emailKey);
    if (earlier !== undefined) {
      exclude(`Same email as lead #${earlier} in this run; sent once.`);
      continue;
    }
    firstByEmail.set(lead.emailKey, lead.leadId);
    if (needsSequence && lead.steps.length === 0) {
      exclude('No generated sequence for this lead.');
      continue;
    }
    const steps: (number | null)[] = spec.destination === 'segmentflow' ? spec.options.steps : [null];
    for (const step of steps) {
      if (step !== null) {
        const s = lead.steps.find((x) => x.step === step);
        if (!s) {
          exclude(`The sequence has no step ${step}.`, step);
          continue;
        }
        if (s.subject.trim() === '' || s.body.trim() === '') {
          exclude(`Step ${step} has an empty ${s.subject.trim() === '' ? 'subject' : 'body'}.`, step);
          continue;
        }
      }
      const prev = input.previous(lead.emailKey, step);
      if (prev && spec.skipAlreadyPushed) {
        exclude(`Already pushed here in push #${prev.pushId}.`, step);
        continue;
      }
      if (prev) {
        repeats.push({
          leadId: lead.leadId,
          email: lead.email,
          step,
          pushId: prev.pushId,
          pushedAt: prev.pushedAt,
        });
        latestRepeatPushId = Math.max(latestRepeatPushId, prev.pushId);
      }
      const idempotencyKey =
        spec.destination === 'segmentflow'
          ? segmentflowKey(segmentflowIdentity(input.profile!), lead.emailKey, step ?? 1)
          : leadItemKey(spec.destination, targetKey, lead.emailKey);
      items.push({ leadId: lead.leadId, step, idempotencyKey, email: lead.email });
      leadsIn.add(lead.leadId);
    }
  }
  return {
    targetKey,
    items,
    excluded,
    repeats,
    latestRepeatPushId,
    leadCount: leadsIn.size,
    requests: requestCount(items.length, CHUNK_LIMITS[spec.destination]),
  };
}
