// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallName } from '../../../src-shared/contract';
import { fakeBridge } from '../fake-bridge';
import type { RunDetail } from '../../../src-shared/contract/generation';
import { setBridge } from '../../../src-renderer/src/api/bridge';
import { useRuns } from '../../../src-renderer/src/screens/generate/runs-store';
import { useRunsWatcher } from '../../../src-renderer/src/screens/generate/useRunsWatcher';

const detail: RunDetail = {
  id: 1,
  campaignId: 'c1',
  campaignName: null,
  options: { listName: '', emailCount: 3 },
  batchSize: 100,
  leadCount: 5,
  state: 'active',
  message: null,
  createdAt: 1,
  finishedAt: null,
  leads: { pending: 5, generated: 0, notGenerated: 0, failed: 0 },
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
const { batches: _b, ...summary } = detail;

/** A host that answers from fixed data, counts 'runs.list' calls and lets the test emit events. */
function host() {
  const calls: CallName[] = [];
  const { bridge, emit } = fakeBridge(async (name) => {
    calls.push(name);
    const value =
      name === 'runs.list' ? { runs: [summary] } : name === 'queue.status' ? { providers: [] } : detail;
    return { ok: true, value };
  });
  return { bridge, lists: () => calls.filter((c) => c === 'runs.list').length, emit };
}

beforeEach(() => {
  vi.useFakeTimers();
  useRuns.setState({ runs: null, details: {}, providers: null, loadError: null, lastEventAt: 0 });
});
afterEach(() => {
  vi.useRealTimers();
  setBridge(null);
});

const advance = async (ms: number) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

describe('useRunsWatcher', () => {
  it('loads once, then polls while a run is active and no events arrive', async () => {
    const h = host();
    setBridge(h.bridge);
    const { unmount } = renderHook(() => useRunsWatcher());
    await advance(0);
    expect(h.lists()).toBe(1);
    expect(useRuns.getState().runs?.[0]?.id).toBe(1);
    await advance(10_000);
    expect(h.lists()).toBeGreaterThanOrEqual(3);
    unmount();
    const after = h.lists();
    await advance(10_000);
    expect(h.lists()).toBe(after);
  });

  it('stops polling while runs.changed events keep coming, and applies them', async () => {
    const h = host();
    setBridge(h.bridge);
    const { unmount } = renderHook(() => useRunsWatcher());
    await advance(0);
    const before = h.lists();
    for (let i = 0; i < 10; i++) {
      act(() =>
        h.emit('runs.changed', { ...detail, leads: { ...detail.leads, generated: i, pending: 5 - i } }),
      );
      await advance(1_000);
    }
    expect(h.lists()).toBe(before);
    expect(useRuns.getState().runs?.[0]?.leads.generated).toBe(9);
    unmount();
  });

  it('shares one timer between the badge and the screen', async () => {
    const h = host();
    setBridge(h.bridge);
    const a = renderHook(() => useRunsWatcher());
    const b = renderHook(() => useRunsWatcher());
    await advance(0);
    expect(h.lists()).toBe(1);
    a.unmount();
    await advance(10_000);
    expect(h.lists()).toBeGreaterThan(1);
    b.unmount();
  });
});
