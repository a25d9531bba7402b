/** How a run's leads are cut into generate-batch calls. */

export const DEFAULT_BATCH_SIZE = 100;
export const MIN_BATCH_SIZE = 1;
export const MAX_BATCH_SIZE = 500;

export function clampBatchSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return DEFAULT_BATCH_SIZE;
  return Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Math.floor(size)));
}

export function batchCount(leadCount: number, batchSize: number): number {
  if (leadCount <= 0) return 0;
  return Math.ceil(leadCount / clampBatchSize(batchSize));
}

/** Consecutive slices of at most `batchSize`, in order; every item lands in exactly one slice. */
export function splitIntoBatches<T>(items: readonly T[], batchSize: number): T[][] {
  const size = clampBatchSize(batchSize);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The identity used to match MachFive's export back to our leads. */
export function normaliseEmailKey(email: string): string {
  return email.trim().toLowerCase();
}
