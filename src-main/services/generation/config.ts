import { DEFAULT_POLL, type PollPolicy } from '../../../src-shared/generation/backoff';
import { providerBaseUrl } from '../../providers/http';
import { keySource } from '../../providers/keys';
import { createMachFiveClient, type MachFiveClient } from '../../providers/machfive';
import type { AppContext } from '../../app/context';

export interface GenerationConfig {
  poll: PollPolicy;
  /** A list still processing this long after submission turns the batch 'stuck' (retry re-polls). */
  pollDeadlineMs: number;
  /**
   * Safety-net wait of a submit job parked for a free MachFive slot. Whatever frees a slot wakes as many
   * waiters as there are free slots, so this only bounds a missed wake-up; short, it would make every
   * parked job of a big run spin through the queue.
   */
  slotWaitMs: number;
  httpTimeoutMs: number | undefined;
}

const envInt = (v: string | undefined): number | undefined => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
};

/** Timing knobs, overridable from the environment so tests and the benchmark run in seconds. */
export function generationConfig(env: NodeJS.ProcessEnv): GenerationConfig {
  const minMs = envInt(env.LEADPREP_MACHFIVE_POLL_MIN_MS) ?? DEFAULT_POLL.minMs;
  const maxMs = Math.max(minMs, envInt(env.LEADPREP_MACHFIVE_POLL_MAX_MS) ?? DEFAULT_POLL.maxMs);
  return {
    poll: { minMs, maxMs },
    pollDeadlineMs: envInt(env.LEADPREP_MACHFIVE_POLL_DEADLINE_MS) ?? 2 * 60 * 60 * 1000,
    slotWaitMs: envInt(env.LEADPREP_MACHFIVE_SLOT_WAIT_MS) ?? Math.max(maxMs, 30_000),
    httpTimeoutMs: envInt(env.LEADPREP_HTTP_TIMEOUT_MS),
  };
}

export function machFiveClientFor(ctx: AppContext, config: GenerationConfig): MachFiveClient {
  return createMachFiveClient({
    baseUrl: providerBaseUrl('machfive', ctx.env),
    key: keySource(ctx.secrets, 'machfive'),
    timeoutMs: config.httpTimeoutMs,
  });
}
