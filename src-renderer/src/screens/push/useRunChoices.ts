import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/contract/generation';
import { api, errorMessage, useEvent } from '../../api/client';

export interface RunChoice {
  run: RunSummary;
  approved: number;
  pending: number;
  rejected: number;
}

export interface RunChoices {
  /** Runs with at least one approved lead, newest first; null while loading. */
  runs: RunChoice[] | null;
  /** Runs that exist but have nothing approved yet (for the empty state). */
  unapprovedRuns: number;
  error: string | null;
  reload(): void;
}

/**
 * Runs that can be pushed: 'runs.list' for the runs, 'review.list' (one row, counts only) for each
 * run's approved count. Follows review and run changes so approving in Review shows up here.
 */
export function useRunChoices(): RunChoices {
  const [state, setState] = useState<Omit<RunChoices, 'reload'>>({
    runs: null,
    unapprovedRuns: 0,
    error: null,
  });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const gen = ++generation.current;
    void (async () => {
      try {
        const { runs } = await api.call('runs.list', { limit: 200 });
        const counted = await Promise.all(
          runs.map(async (run) => {
            const page = await api.call('review.list', { runId: run.id, limit: 1, counts: true });
            const by = page.counts?.byState ?? { approved: 0, pending: 0, rejected: 0 };
            return { run, ...by };
          }),
        );
        if (gen !== generation.current) return;
        const withApproved = counted.filter((c) => c.approved > 0);
        setState({ runs: withApproved, unapprovedRuns: counted.length - withApproved.length, error: null });
      } catch (e) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, error: errorMessage(e) }));
      }
    })();
  }, []);

  useEffect(reload, [reload]);
  // Approving in Review (another window or the CLI) changes what can be pushed.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(reload, 500);
  }, [reload]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEvent('review.changed', soon);
  useEvent('runs.changed', soon);

  return { ...state, reload };
}

export function runLabel(run: RunSummary): string {
  return `Run #${run.id} · ${run.campaignName ?? run.campaignId}`;
}
