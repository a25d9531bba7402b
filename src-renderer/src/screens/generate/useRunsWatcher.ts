import { useEffect } from 'react';
import { useEvent } from '../../api/client';
import { activeRuns, useRuns } from './runs-store';

/** While a run is going and no event came for this long, ask the database instead. */
const QUIET_MS = 4_000;
const ACTIVE_POLL_MS = 3_000;
/** With nothing running, still notice runs started elsewhere (the CLI) now and then. */
const IDLE_POLL_MS = 20_000;

let watchers = 0;
let timer: ReturnType<typeof setInterval> | null = null;
let lastPoll = 0;

function tick() {
  const s = useRuns.getState();
  const now = Date.now();
  const busy = activeRuns(s.runs).length > 0;
  const quiet = now - s.lastEventAt > QUIET_MS;
  if (!quiet) return;
  if (now - lastPoll < (busy ? ACTIVE_POLL_MS : IDLE_POLL_MS)) return;
  lastPoll = now;
  void s.refresh();
}

/**
 * Keeps useRuns current: loads once, follows 'runs.changed' and 'queue.changed', and falls back to
 * polling every few seconds when those stop arriving (an event stream lost across a reload or sleep).
 * Any number of components may call it; one timer serves them all.
 */
export function useRunsWatcher(): void {
  const applyRun = useRuns((s) => s.applyRun);
  const applyProviders = useRuns((s) => s.applyProviders);
  useEvent('runs.changed', (detail) => applyRun(detail, true));
  useEvent('queue.changed', ({ providers }) => applyProviders(providers, true));
  useEffect(() => {
    watchers++;
    if (watchers === 1) {
      lastPoll = Date.now();
      void useRuns.getState().refresh();
      timer = setInterval(tick, 1_000);
    }
    return () => {
      watchers--;
      if (watchers === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
}
