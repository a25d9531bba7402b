import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../src-shared/contract/generation';
import type { CallName, LeadPrepBridge } from '../../../src-shared/contract';
import { setBridge } from '../../../src-renderer/src/api/bridge';
import { nextActionFor, progressText } from '../../../src-renderer/src/screens/generate/labels';
import { activeRuns, useRuns } from '../../../src-renderer/src/screens/generate/runs-store';

const leads = (generated: number, pending: number) => ({ pending, generated, notGenerated: 0, failed: 0 });

function run(id: number, state: RunDetail['state'], generated: number, total: number): RunDetail {
  return {
    id,
    campaignId: 'c1',
    campaignName: 'Founders',
    options: { listName: '', emailCount: 3 },
    batchSize: 100,
    leadCount: total,
    state,
    message: null,
    createdAt: 1,
    finishedAt: null,
    leads: leads(generated, total - generated),
    batchStates: {
      queued: 0,
      submitting: 0,
      processing: 1,
      exporting: 0,
      done: 0,
      failed: 0,
      stuck: 0,
      cancelled: 0,
    },
    batches: [],
  };
}

const machfive = {
  provider: 'machfive' as const,
  paused: null,
  concurrency: 3,
  queuedJobs: 0,
  runningJobs: 1,
};

function bridgeFrom(answers: Partial<Record<CallName, unknown>>): LeadPrepBridge {
  return {
    async invoke(name) {
      return name in answers
        ? { ok: true, value: answers[name] }
        : { ok: false, error: { code: 'internal', message: 'no' } };
    },
    invokeJson: (name) => Promise.reject(new Error(`unexpected encoded call ${name}`)),
    on: () => () => undefined,
  };
}

beforeEach(() =>
  useRuns.setState({ runs: null, details: {}, providers: null, loadError: null, lastEventAt: 0 }),
);
afterEach(() => setBridge(null));

describe('useRuns', () => {
  it('loads runs, queue state and the batches of active runs from the host', async () => {
    const active = run(2, 'active', 10, 100);
    const { batches: _b, ...summary } = active;
    setBridge(
      bridgeFrom({
        'runs.list': { runs: [summary] },
        'queue.status': { providers: [machfive] },
        'runs.get': active,
      }),
    );
    await useRuns.getState().refresh();
    const s = useRuns.getState();
    expect(s.loadError).toBeNull();
    expect(s.runs?.map((r) => r.id)).toEqual([2]);
    expect(s.details[2]?.id).toBe(2);
    expect(s.providers).toEqual([machfive]);
    expect(s.loadError).toBeNull();
  });

  it('keeps the last good state and says why when the host fails', async () => {
    setBridge(bridgeFrom({}));
    await useRuns.getState().refresh();
    expect(useRuns.getState().loadError).toBe('no');
    expect(useRuns.getState().runs).toBeNull();
  });

  it('applies a runs.changed event: replaces a known run, inserts a new one newest first, notes the event time', () => {
    useRuns.getState().applyRun(run(1, 'active', 0, 10));
    expect(useRuns.getState().lastEventAt).toBe(0);
    useRuns.getState().applyRun(run(3, 'active', 0, 5), true);
    useRuns.getState().applyRun(run(1, 'done', 10, 10), true);
    const s = useRuns.getState();
    expect(s.runs?.map((r) => [r.id, r.state])).toEqual([
      [3, 'active'],
      [1, 'done'],
    ]);
    expect(s.runs?.[1]).not.toHaveProperty('batches');
    expect(s.lastEventAt).toBeGreaterThan(0);
    expect(activeRuns(s.runs).map((r) => r.id)).toEqual([3]);
  });
});

describe('labels', () => {
  it('counts finished leads of all active runs for the status badge', () => {
    expect(progressText([run(1, 'active', 30, 100), run(2, 'active', 0, 50)])).toBe(
      'Generating · 30 of 150 leads · 2 runs',
    );
    expect(progressText([run(1, 'active', 1, 1)])).toBe('Generating · 1 of 1 lead');
  });

  it('points key and credit problems at the action that fixes them', () => {
    expect(nextActionFor('provider_auth')).toBe('settings');
    expect(nextActionFor('key_missing')).toBe('settings');
    expect(nextActionFor('provider_credits')).toBe('resume');
    expect(nextActionFor('provider_bad_request')).toBe('clean');
    expect(nextActionFor('stuck')).toBeNull();
  });
});
