import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../helpers/app';
import {
  cancelJobs,
  createQueueRunner,
  enqueueJob,
  listJobs,
  type JobContext,
  type JobOutcome,
} from '../../../src-main/queue';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const Payload = z.object({ n: z.number() });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('job queue', () => {
  it('a worker whose lease expired cannot overwrite the job the next worker finished', async () => {
    app = createTestApp();
    const ctx = app.ctx;
    const results: string[] = [];
    const firstStarted = deferred<void>();
    const releaseFirst = deferred<void>();
    let calls = 0;
    ctx.jobs.register({
      kind: 'test.slow',
      provider: 'sendkit',
      payload: Payload,
      async handle(job: JobContext<{ n: number }>): Promise<JobOutcome> {
        calls++;
        const me = job.owner;
        if (calls === 1) {
          firstStarted.resolve();
          await releaseFirst.promise;
        }
        return { type: 'done', effects: () => results.push(me) };
      },
    });
    enqueueJob(ctx, { kind: 'test.slow', provider: 'sendkit', payload: { n: 1 } });
    // Runner A holds a short lease and (as if frozen) stops renewing it.
    const a = createQueueRunner(ctx, { owner: 'A', leaseMs: 150, pollIntervalMs: 20, stopGraceMs: 0 });
    a.start();
    await firstStarted.promise;
    await a.stop().catch(() => undefined);
    const b = createQueueRunner(ctx, { owner: 'B', leaseMs: 5000, pollIntervalMs: 20 });
    await new Promise((r) => setTimeout(r, 250));
    await b.runUntilIdle();
    releaseFirst.resolve();
    await new Promise((r) => setTimeout(r, 50));
    expect(results).toEqual(['B']);
    const [job] = listJobs(ctx);
    expect(job).toMatchObject({ state: 'done', leaseOwner: null });
  });

  it('a retry outcome gives its attempt back; errors back off and give up after maxAttempts', async () => {
    app = createTestApp();
    const ctx = app.ctx;
    let polls = 0;
    const gaveUp: string[] = [];
    ctx.jobs.register({
      kind: 'test.poll',
      provider: 'instantly',
      payload: Payload,
      async handle(): Promise<JobOutcome> {
        polls++;
        return polls < 12 ? { type: 'retry', afterMs: 1, note: 'not yet' } : { type: 'done' };
      },
    });
    ctx.jobs.register({
      kind: 'test.broken',
      provider: 'instantly',
      payload: Payload,
      maxAttempts: 3,
      async handle(): Promise<JobOutcome> {
        throw new Error('boom');
      },
      onGiveUp: (_job, err) => gaveUp.push(err.message),
    });
    const pollId = enqueueJob(ctx, {
      kind: 'test.poll',
      provider: 'instantly',
      payload: { n: 1 },
      maxAttempts: 2,
    });
    const brokenId = enqueueJob(ctx, {
      kind: 'test.broken',
      provider: 'instantly',
      payload: { n: 2 },
      maxAttempts: 3,
    });
    await createQueueRunner(ctx, { pollIntervalMs: 10, backoff: { baseMs: 5, capMs: 20 } }).runUntilIdle();
    const jobs = new Map(listJobs(ctx).map((j) => [j.id, j]));
    expect(jobs.get(pollId)).toMatchObject({ state: 'done', attempts: 1 });
    expect(polls).toBe(12);
    expect(jobs.get(brokenId)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'Unexpected error: boom',
    });
    expect(gaveUp).toEqual(['Unexpected error: boom']);
  });

  it('dedupe keys keep one live job and re-arm a finished one; a cancelled job is not run', async () => {
    app = createTestApp();
    const ctx = app.ctx;
    const seen: number[] = [];
    ctx.jobs.register({
      kind: 'test.once',
      provider: 'segmentflow',
      payload: Payload,
      async handle(job): Promise<JobOutcome> {
        seen.push(job.payload.n);
        return { type: 'done' };
      },
    });
    const id1 = enqueueJob(ctx, {
      kind: 'test.once',
      provider: 'segmentflow',
      payload: { n: 1 },
      dedupeKey: 'k',
    });
    const id2 = enqueueJob(ctx, {
      kind: 'test.once',
      provider: 'segmentflow',
      payload: { n: 2 },
      dedupeKey: 'k',
    });
    expect(id2).toBe(id1);
    enqueueJob(ctx, { kind: 'test.once', provider: 'segmentflow', payload: { n: 9 }, runId: 77 });
    expect(cancelJobs(ctx, { runId: 77 })).toBe(1);
    await createQueueRunner(ctx, { pollIntervalMs: 10 }).runUntilIdle();
    expect(seen).toEqual([1]);
    expect(
      enqueueJob(ctx, { kind: 'test.once', provider: 'segmentflow', payload: { n: 3 }, dedupeKey: 'k' }),
    ).toBe(id1);
    await createQueueRunner(ctx, { pollIntervalMs: 10 }).runUntilIdle();
    expect(seen).toEqual([1, 3]);
  });
});
