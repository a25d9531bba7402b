import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { PushSummary } from '../../../../src-shared/contract/push';
import type { ItemState } from '../../../../src-shared/push/types';
import { api, errorMessage, useEvent } from '../../api/client';
import { toast } from '../../store/toasts';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { absoluteTime, plural, relativeTime } from '../../ui/format';
import { RESULT_FILTERS } from './form';
import { ResultsTable } from './ResultsTable';
import { downloadText } from './download';
import { useResultsWindow } from './useResultsWindow';

/** How often an active push is re-read when no 'pushes.changed' event arrived (lost SSE, sleep). */
const POLL_MS = 3000;
/** Result pages are re-fetched at most this often while items settle. */
const REFRESH_MS = 1000;

export function pushStateBadge(p: PushSummary) {
  if (p.paused) return <Badge tone="warn">Paused</Badge>;
  if (p.state === 'active') return <Badge tone="info">Sending</Badge>;
  if (p.state === 'done')
    return p.counts.failed + p.counts.rejected > 0 ? (
      <Badge tone="warn">Done with problems</Badge>
    ) : (
      <Badge tone="ok">Done</Badge>
    );
  if (p.state === 'failed') return <Badge tone="danger">Failed</Badge>;
  return <Badge>Cancelled</Badge>;
}

export function PushDetail({ pushId }: { pushId: number }) {
  const [push, setPush] = useState<PushSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<ItemState | null>(null);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<'retry' | 'export' | null>(null);
  const lastRefresh = useRef(0);
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);

  const apply = (p: PushSummary) => {
    setPush(p);
    const wait = REFRESH_MS - (Date.now() - lastRefresh.current);
    if (pendingRefresh.current) return;
    pendingRefresh.current = setTimeout(
      () => {
        pendingRefresh.current = null;
        lastRefresh.current = Date.now();
        setVersion((v) => v + 1);
      },
      Math.max(0, wait),
    );
  };

  useEffect(() => {
    setPush(null);
    setError(null);
    setState(null);
    setSearch('');
    api.call('push.get', { pushId }).then(setPush, (e: unknown) => setError(errorMessage(e)));
  }, [pushId]);
  useEffect(
    () => () => {
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    },
    [],
  );

  useEvent('pushes.changed', (p) => {
    if (p.id === pushId) apply(p);
  });

  const active = push?.state === 'active';
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => {
      api.call('push.get', { pushId }).then(apply, () => undefined);
    }, POLL_MS);
    return () => clearInterval(t);
  }, [active, pushId]);

  const data = useResultsWindow({ pushId, state, search: deferredSearch, version });

  if (error)
    return (
      <Banner tone="danger" title="Could not open this push">
        {error}
      </Banner>
    );
  if (!push)
    return (
      <p className="muted" role="status">
        Reading push #{pushId}…
      </p>
    );

  const c = push.counts;
  const retry = async () => {
    setBusy('retry');
    try {
      const p = await api.call('push.retry', { pushId });
      apply(p);
      toast.info(`Retrying ${plural(p.counts.pending + p.counts.sending, 'item')} of push #${pushId}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  };
  const exportCsv = async () => {
    setBusy('export');
    try {
      const r = await api.call('push.exportResults', {
        pushId,
        ...(state ? { states: [state] } : {}),
        ...(deferredSearch.trim() ? { search: deferredSearch.trim() } : {}),
      });
      downloadText(r.fileName, r.mimeType, r.content);
      toast.success(`Exported ${plural(r.rows, 'result')} to ${r.fileName}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  };

  const countOf = (id: 'all' | ItemState): number => (id === 'all' ? c.total : c[id]);
  return (
    <Card
      label={`Push #${push.id}`}
      title={`Push #${push.id} → ${push.targetLabel}`}
      subtitle={
        <span title={absoluteTime(push.createdAt)}>
          Run #{push.runId} · started {relativeTime(push.createdAt)}
          {push.finishedAt && ` · finished ${relativeTime(push.finishedAt)}`}
        </span>
      }
      aside={pushStateBadge(push)}
    >
      <div className="stack">
        {push.paused && (
          <Banner tone="warn" title={`${push.destination} is paused: ${push.paused.reason}`}>
            <p>
              {push.paused.message ?? 'Fix the key or credits in Settings; the push continues by itself.'}
            </p>
          </Banner>
        )}
        {push.message && <p>{push.message}</p>}
        <div>
          <label className="field-label" htmlFor={`push-progress-${push.id}`}>
            {Math.round(push.progress * 100)}% settled · {c.added.toLocaleString()} added,{' '}
            {c.skipped.toLocaleString()} skipped, {c.rejected.toLocaleString()} rejected,{' '}
            {c.failed.toLocaleString()} failed
            {c.pending + c.sending > 0 && `, ${(c.pending + c.sending).toLocaleString()} waiting`}
          </label>
          <progress id={`push-progress-${push.id}`} className="push-progress" max={1} value={push.progress} />
        </div>
        <div className="row-between push-toolbar">
          <div className="row" role="group" aria-label="Filter results">
            {RESULT_FILTERS.map((f) => (
              <Button
                key={f.id}
                size="sm"
                variant={(f.id === 'all' ? state === null : state === f.id) ? 'primary' : 'secondary'}
                aria-pressed={f.id === 'all' ? state === null : state === f.id}
                onClick={() => setState(f.id === 'all' ? null : f.id)}
              >
                {f.label} ({countOf(f.id).toLocaleString()})
              </Button>
            ))}
          </div>
          <div className="row">
            <input
              className="input"
              type="search"
              aria-label="Search results by email, name or company"
              placeholder="Search email, name, company"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Button
              size="sm"
              busy={busy === 'retry'}
              disabled={c.retryable === 0 || active}
              title={
                c.retryable === 0
                  ? 'Nothing failed that sending again could fix.'
                  : 'Sends only the failed items again.'
              }
              onClick={() => void retry()}
            >
              Retry failed ({c.retryable.toLocaleString()})
            </Button>
            <Button size="sm" busy={busy === 'export'} onClick={() => void exportCsv()}>
              Export results (CSV)
            </Button>
          </div>
        </div>
        {data.error && (
          <p className="field-error" role="alert">
            {data.error}
          </p>
        )}
        {data.total === 0 ? (
          <p className="muted">No results match this filter.</p>
        ) : (
          <ResultsTable data={data} showStep={push.destination === 'segmentflow'} />
        )}
      </div>
    </Card>
  );
}
