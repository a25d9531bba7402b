import { z } from 'zod';
import { PushSpec, SegmentflowProfileSettings, type Destination } from '../../../src-shared/push/types';
import type { AppContext } from '../../app/context';
import { providerBaseUrl } from '../../providers/http';
import { createInstantlyClient } from '../../providers/instantly';
import { keySource } from '../../providers/keys';
import { createSegmentflowClient } from '../../providers/segmentflow';
import { createSendkitClient } from '../../providers/sendkit';

/** What pushes.options_json holds: the spec as started and, for Segmentflow, the profile as it was then. */
export const StoredPushConfig = z.object({ spec: PushSpec, profile: SegmentflowProfileSettings.nullable() });
export type StoredPushConfig = z.infer<typeof StoredPushConfig>;

export const JOB_KIND: Record<Destination, string> = {
  instantly: 'push.instantly',
  sendkit: 'push.sendkit',
  segmentflow: 'push.segmentflow',
};

/**
 * Uploads of 1000–5000 leads take longer than a read, so pushes get their own timeout (default 60 s,
 * LEADPREP_PUSH_TIMEOUT_MS to change it, e.g. in tests of the timeout path).
 */
export function pushTimeoutMs(env: NodeJS.ProcessEnv): number {
  const n = Number(env.LEADPREP_PUSH_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 60_000;
}

export function pushClients(ctx: AppContext) {
  const opts = (p: Destination) => ({
    baseUrl: providerBaseUrl(p, ctx.env),
    key: keySource(ctx.secrets, p),
    timeoutMs: pushTimeoutMs(ctx.env),
  });
  return {
    instantly: () => createInstantlyClient(opts('instantly')),
    sendkit: () => createSendkitClient(opts('sendkit')),
    segmentflow: () => createSegmentflowClient(opts('segmentflow')),
  };
}
