import { useCallback, useEffect, useState } from 'react';
import type { PushSummary } from '../../../../src-shared/contract/push';
import { api, errorMessage, useEvent } from '../../api/client';
import { absoluteTime, relativeTime } from '../../ui/format';
import { pushStateBadge } from './PushDetail';

interface Props {
  selected: number | null;
  onSelect(pushId: number): void;
}

/** Every push, newest first, kept current by 'pushes.changed'. A row opens its results. */
export function PushHistory({ selected, onSelect }: Props) {
  const [pushes, setPushes] = useState<PushSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.call('push.list', { limit: 100 }).then(
      (list) => {
        setPushes(list);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);
  useEvent('pushes.changed', (p) => {
    setPushes((list) => {
      if (!list) return list;
      const at = list.findIndex((x) => x.id === p.id);
      if (at === -1) return [p, ...list];
      const next = list.slice();
      next[at] = p;
      return next;
    });
  });

  if (error) {
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  }
  if (!pushes) return <p className="muted">Reading push history…</p>;
  if (pushes.length === 0)
    return <p className="muted">No pushes yet. Your pushes and their results will be listed here.</p>;
  return (
    <table className="table" aria-label="Push history">
      <thead>
        <tr>
          <th scope="col">Push</th>
          <th scope="col">Destination</th>
          <th scope="col">Run</th>
          <th scope="col">State</th>
          <th scope="col">Added / skipped / rejected / failed</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {pushes.map((p) => (
          <tr key={p.id} aria-selected={p.id === selected}>
            <td>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Open push #${p.id}`}
                onClick={() => onSelect(p.id)}
              >
                #{p.id}
              </button>
            </td>
            <td>{p.targetLabel}</td>
            <td>#{p.runId}</td>
            <td>{pushStateBadge(p)}</td>
            <td>
              {p.counts.added.toLocaleString()} / {p.counts.skipped.toLocaleString()} /{' '}
              {p.counts.rejected.toLocaleString()} / {p.counts.failed.toLocaleString()}
              {p.counts.pending + p.counts.sending > 0 &&
                ` (${(p.counts.pending + p.counts.sending).toLocaleString()} waiting)`}
            </td>
            <td title={absoluteTime(p.createdAt)}>{relativeTime(p.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
