import { create } from 'zustand';
import type { ProviderQueueState, RunDetail, RunSummary } from '../../../../src-shared/contract/generation';
import { api, errorMessage } from '../../api/client';

const RUNS_SHOWN = 50;

interface RunsState {
  runs: RunSummary[] | null;
  details: Record<number, RunDetail>;
  providers: ProviderQueueState[] | null;
  loadError: string | null;
  /** When the last 'runs.changed' / 'queue.changed' arrived; polling only fills in when they stop. */
  lastEventAt: number;
  refresh(): Promise<void>;
  loadDetail(runId: number): Promise<void>;
  /** A RunDetail from an event or from an action's answer. */
  applyRun(detail: RunDetail, fromEvent?: boolean): void;
  applyProviders(providers: ProviderQueueState[], fromEvent?: boolean): void;
}

/** Summary fields only: a RunDetail carries its batches too, which the list does not keep. */
function summaryOf(d: RunDetail): RunSummary {
  const { batches: _batches, ...summary } = d;
  return summary;
}

/**
 * Runs and queue state as the database has them. Shared by the Generate screen and the status-bar
 * badge, so progress started before a reload or restart shows up as soon as the app is open.
 */
export const useRuns = create<RunsState>((set, get) => ({
  runs: null,
  details: {},
  providers: null,
  loadError: null,
  lastEventAt: 0,
  async refresh() {
    try {
      const [{ runs }, { providers }] = await Promise.all([
        api.call('runs.list', { limit: RUNS_SHOWN }),
        api.call('queue.status', {}),
      ]);
      set({ runs, providers, loadError: null });
      // Open or running runs also need their batches fresh.
      const stale = runs.filter((r) => r.state === 'active' || get().details[r.id] !== undefined);
      await Promise.all(stale.map((r) => get().loadDetail(r.id)));
    } catch (e) {
      set({ loadError: errorMessage(e) });
    }
  },
  async loadDetail(runId) {
    try {
      get().applyRun(await api.call('runs.get', { runId }));
    } catch (e) {
      set({ loadError: errorMessage(e) });
    }
  },
  applyRun(detail, fromEvent = false) {
    const runs = get().runs ?? [];
    const summary = summaryOf(detail);
    const known = runs.some((r) => r.id === detail.id);
    const next = known
      ? runs.map((r) => (r.id === detail.id ? summary : r))
      : [summary, ...runs].sort((a, b) => b.id - a.id).slice(0, RUNS_SHOWN);
    set({
      runs: next,
      details: { ...get().details, [detail.id]: detail },
      ...(fromEvent ? { lastEventAt: Date.now() } : {}),
    });
  },
  applyProviders(providers, fromEvent = false) {
    set({ providers, ...(fromEvent ? { lastEventAt: Date.now() } : {}) });
  },
}));

export const machFiveState = (providers: ProviderQueueState[] | null): ProviderQueueState | undefined =>
  providers?.find((p) => p.provider === 'machfive');

export const activeRuns = (runs: RunSummary[] | null): RunSummary[] =>
  (runs ?? []).filter((r) => r.state === 'active');
