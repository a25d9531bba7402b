import { useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/contract/generation';
import { api, errorMessage, useEvent } from '../../api/client';

/** How long a burst of runs.changed events (one per batch update) waits before the list is re-read. */
const REFRESH_DELAY_MS = 1000;

/** The runs Review can show, newest first; with nothing chosen yet it picks the newest run with sequences. */
export function useRunChoices(
  current: number | null,
  choose: (id: number) => void,
): { runs: RunSummary[] | null; error: string | null } {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('runs.changed', () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setTick((n) => n + 1);
    }, REFRESH_DELAY_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEffect(() => {
    api.call('runs.list', { limit: 200 }).then(
      (r) => {
        setRuns(r.runs);
        setError(null);
        const pick = r.runs.find((run) => run.leads.generated > 0) ?? r.runs[0];
        if ((current === null || !r.runs.some((run) => run.id === current)) && pick) choose(pick.id);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [tick, current, choose]);
  return { runs, error };
}

export function runLabel(run: RunSummary): string {
  const name = run.campaignName ?? run.campaignId;
  const date = new Date(run.createdAt).toLocaleDateString();
  return `Run ${run.id} · ${name} · ${run.leads.generated.toLocaleString()} of ${run.leadCount.toLocaleString()} generated · ${date}`;
}

export function RunPicker({
  runs,
  current,
  onChange,
}: {
  runs: RunSummary[];
  current: number;
  onChange(id: number): void;
}) {
  return (
    <select
      className="select run-picker"
      aria-label="Run"
      value={current}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
    >
      {runs.map((r) => (
        <option key={r.id} value={r.id}>
          {runLabel(r)}
        </option>
      ))}
    </select>
  );
}
