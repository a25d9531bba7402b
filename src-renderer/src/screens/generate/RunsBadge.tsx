import { useEffect } from 'react';
import { useStatus } from '../../store/status';
import { progressText } from './labels';
import { activeRuns, machFiveState, useRuns } from './runs-store';
import { useRunsWatcher } from './useRunsWatcher';

/**
 * Publishes the generation badge in the status bar from whichever screen is open. State comes from the
 * database (runs.list / queue.status), so a run still going after a restart shows at once.
 */
export function RunsBadge() {
  useRunsWatcher();
  const runs = useRuns((s) => s.runs);
  const providers = useRuns((s) => s.providers);
  const setBadge = useStatus((s) => s.setBadge);
  useEffect(() => {
    const active = activeRuns(runs);
    const paused = machFiveState(providers)?.paused ?? null;
    if (paused) {
      const text =
        paused.reason === 'auth'
          ? 'Generation paused: MachFive key rejected'
          : paused.reason === 'credits'
            ? 'Generation paused: out of MachFive credits'
            : 'Generation paused';
      setBadge('runs', {
        text,
        tone: paused.reason === 'user' ? 'warn' : 'danger',
        title: paused.message ?? undefined,
      });
    } else if (active.length > 0) {
      setBadge('runs', {
        text: progressText(active),
        tone: 'info',
        title: 'Open Generate to follow each batch.',
      });
    } else {
      setBadge('runs', null);
    }
  }, [runs, providers, setBadge]);
  return null;
}
