import {
  InstantlyOptions,
  PushSpec,
  SendkitCampaignId,
  Uuid,
  type Destination,
  type PushSpecInput,
} from '../../../../src-shared/push/types';
import type { ItemState } from '../../../../src-shared/push/types';

/** Everything the user chose on the Push screen, before it becomes a contract PushSpec. */
export interface PushForm {
  runId: number | null;
  destination: Destination | null;
  instantly: {
    kind: 'campaign' | 'list';
    id: string;
    name: string | null;
    options: InstantlyOptions;
  };
  sendkit: { id: string; name: string | null };
  segmentflow: { profile: string | null; steps: number[] };
  skipAlreadyPushed: boolean;
}

export const initialForm: PushForm = {
  runId: null,
  destination: null,
  instantly: { kind: 'campaign', id: '', name: null, options: InstantlyOptions.parse({}) },
  sendkit: { id: '', name: null },
  segmentflow: { profile: null, steps: [1] },
  skipAlreadyPushed: false,
};

const FIELD_LABELS: Record<string, string> = {
  id: 'the target ID',
  blocklistId: 'the blocklist ID',
  profile: 'the profile',
  steps: 'the steps',
};

export type SpecResult = { ok: true; spec: PushSpecInput } | { ok: false; missing: string };

/** The first problem in field-message form, so the screen can say what is still missing. */
function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return result.error?.issues[0]?.message ?? 'is not valid';
}

export function idError(destination: 'instantly' | 'sendkit', id: string): string | null {
  if (id.trim() === '') return null;
  const parsed = (destination === 'instantly' ? Uuid : SendkitCampaignId).safeParse(id);
  return parsed.success ? null : `This ID ${firstIssue(parsed)}.`;
}

/**
 * Turns the form into the spec push.preview / push.start take, or says in one sentence what is still
 * missing. The spec is checked with the contract's own schema so the screen and the core agree.
 */
export function buildSpec(form: PushForm): SpecResult {
  if (form.runId === null) return { ok: false, missing: 'Choose a run.' };
  if (form.destination === null) return { ok: false, missing: 'Choose where to push.' };
  let spec: PushSpecInput;
  if (form.destination === 'instantly') {
    const { kind, id, name, options } = form.instantly;
    if (id.trim() === '') return { ok: false, missing: `Pick an Instantly ${kind} or paste its ID.` };
    spec = {
      destination: 'instantly',
      runId: form.runId,
      skipAlreadyPushed: form.skipAlreadyPushed,
      target: { kind, id: id.trim(), ...(name ? { name } : {}) },
      options,
    };
  } else if (form.destination === 'sendkit') {
    const { id, name } = form.sendkit;
    if (id.trim() === '') return { ok: false, missing: 'Paste the Sendkit campaign ID.' };
    spec = {
      destination: 'sendkit',
      runId: form.runId,
      skipAlreadyPushed: form.skipAlreadyPushed,
      target: { kind: 'campaign', id: id.trim(), ...(name ? { name } : {}) },
    };
  } else {
    if (!form.segmentflow.profile)
      return { ok: false, missing: 'Choose or create a Segmentflow destination profile.' };
    if (form.segmentflow.steps.length === 0)
      return { ok: false, missing: 'Choose at least one step to send.' };
    spec = {
      destination: 'segmentflow',
      runId: form.runId,
      skipAlreadyPushed: form.skipAlreadyPushed,
      profile: form.segmentflow.profile,
      options: { steps: [...form.segmentflow.steps].sort((a, b) => a - b) },
    };
  }
  const parsed = PushSpec.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.findLast((p) => typeof p === 'string');
    const label = (typeof field === 'string' && FIELD_LABELS[field]) || 'the form';
    return { ok: false, missing: `Check ${label}: it ${issue?.message ?? 'is not valid'}.` };
  }
  return { ok: true, spec };
}

/** Result filters the screen offers, in the order shown. */
export const RESULT_FILTERS: readonly { id: 'all' | ItemState; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'added', label: 'Added' },
  { id: 'skipped', label: 'Skipped' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'failed', label: 'Failed' },
  { id: 'pending', label: 'Waiting' },
];

/**
 * What the Segmentflow confirmation accepts: exactly the number of emails, typed by the user
 * (thousands separators allowed, since the dialog shows the number formatted).
 */
export function confirmsCount(typed: string, count: number): boolean {
  const digits = typed.replace(/[\s,._']/g, '');
  return /^\d+$/.test(digits) && Number(digits) === count;
}
