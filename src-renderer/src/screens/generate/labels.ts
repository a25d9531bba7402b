import type { BatchState, ProviderQueueState, RunSummary } from '../../../../src-shared/contract/generation';
import type { Tone } from '../../ui/Badge';
import { plural } from '../../ui/format';

export const BATCH_STATE_LABELS: Record<BatchState, string> = {
  queued: 'Queued',
  submitting: 'Submitting',
  processing: 'Processing',
  exporting: 'Exporting',
  done: 'Done',
  failed: 'Failed',
  stuck: 'Stuck',
  cancelled: 'Cancelled',
};

export const BATCH_STATE_TONES: Record<BatchState, Tone> = {
  queued: 'neutral',
  submitting: 'info',
  processing: 'info',
  exporting: 'info',
  done: 'ok',
  failed: 'danger',
  stuck: 'warn',
  cancelled: 'neutral',
};

export const RUN_STATE_LABELS: Record<RunSummary['state'], string> = {
  active: 'Running',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export const RUN_STATE_TONES: Record<RunSummary['state'], Tone> = {
  active: 'info',
  done: 'ok',
  cancelled: 'neutral',
  failed: 'danger',
};

/** What the user can do about an error code the queue stored on a batch. */
export type NextAction = 'settings' | 'resume' | 'clean' | null;

export function nextActionFor(errorCode: string | null): NextAction {
  switch (errorCode) {
    case 'provider_auth':
    case 'key_missing':
      return 'settings';
    case 'provider_credits':
      return 'resume';
    case 'provider_bad_request':
      return 'clean';
    default:
      return null;
  }
}

/** The pause banner's headline: says why and what to do next. */
export function pauseHeadline(paused: NonNullable<ProviderQueueState['paused']>): string {
  switch (paused.reason) {
    case 'auth':
      return 'MachFive rejected the API key — open Settings and save a working key; generation continues by itself.';
    case 'credits':
      return 'MachFive credits ran out — top up in MachFive, then press Resume.';
    case 'user':
      return 'Generation is paused — press Resume to continue.';
  }
}

/** One line for the status bar while runs are going. */
export function progressText(runs: readonly RunSummary[]): string {
  const total = runs.reduce((n, r) => n + r.leadCount, 0);
  const done = runs.reduce((n, r) => n + r.leads.generated + r.leads.notGenerated + r.leads.failed, 0);
  return `Generating · ${done.toLocaleString()} of ${plural(total, 'lead')}${runs.length > 1 ? ` · ${runs.length} runs` : ''}`;
}
