import { useState } from 'react';
import type { BatchSummary, RunDetail, RunSummary } from '../../../../src-shared/contract/generation';
import { api } from '../../api/client';
import { useNav } from '../../store/nav';
import { toast } from '../../store/toasts';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { absoluteTime, plural, relativeTime } from '../../ui/format';
import { openInReview } from '../review/target';
import {
  BATCH_STATE_LABELS,
  BATCH_STATE_TONES,
  nextActionFor,
  pauseHeadline,
  RUN_STATE_LABELS,
  RUN_STATE_TONES,
} from './labels';
import { machFiveState, useRuns } from './runs-store';

/** Runs an action that answers with the changed run, puts it in the store, and reports failures. */
function useRunAction() {
  const applyRun = useRuns((s) => s.applyRun);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<RunDetail>, done?: string) => {
    setBusy(key);
    try {
      applyRun(await action());
      if (done) toast.success(done);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

function QueueControls() {
  const providers = useRuns((s) => s.providers);
  const applyProviders = useRuns((s) => s.applyProviders);
  const go = useNav((s) => s.go);
  const [busy, setBusy] = useState(false);
  const mf = machFiveState(providers);
  if (!mf) return null;
  const act = async (name: 'queue.pause' | 'queue.resume') => {
    setBusy(true);
    try {
      const state = await api.call(name, { provider: 'machfive' });
      applyProviders((providers ?? []).map((p) => (p.provider === state.provider ? state : p)));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  if (mf.paused) {
    return (
      <Banner tone={mf.paused.reason === 'user' ? 'info' : 'danger'} title={pauseHeadline(mf.paused)}>
        {mf.paused.message && <p>{mf.paused.message}</p>}
        <div className="row">
          {mf.paused.reason === 'auth' && (
            <Button size="sm" variant="primary" onClick={() => go('settings')}>
              Open Settings
            </Button>
          )}
          <Button
            size="sm"
            variant={mf.paused.reason === 'auth' ? 'secondary' : 'primary'}
            busy={busy}
            onClick={() => void act('queue.resume')}
          >
            Resume MachFive
          </Button>
        </div>
      </Banner>
    );
  }
  return (
    <div className="row-between">
      <p className="muted">
        MachFive queue running · up to {plural(mf.concurrency, 'batch', 'batches')} processed at a time
      </p>
      <Button size="sm" busy={busy} onClick={() => void act('queue.pause')}>
        Pause MachFive
      </Button>
    </div>
  );
}

function BatchRow({
  batch,
  runId,
  onAction,
  busy,
}: {
  batch: BatchSummary;
  runId: number;
  onAction: ReturnType<typeof useRunAction>['run'];
  busy: string | null;
}) {
  const go = useNav((s) => s.go);
  const next = nextActionFor(batch.errorCode);
  return (
    <tr>
      <th scope="row">Batch {batch.seq}</th>
      <td>
        <Badge tone={BATCH_STATE_TONES[batch.state]}>{BATCH_STATE_LABELS[batch.state]}</Badge>
      </td>
      <td>
        {batch.leads.generated.toLocaleString()} of {batch.leadCount.toLocaleString()}
      </td>
      <td className="batch-message">
        {batch.message && <span>{batch.message}</span>}
        <span className="row">
          {batch.canRetry && (
            <Button
              size="sm"
              busy={busy === `batch:${batch.id}`}
              onClick={() =>
                void onAction(
                  `batch:${batch.id}`,
                  () => api.call('runs.retryBatch', { batchId: batch.id }),
                  `Batch ${batch.seq} will be tried again.`,
                )
              }
            >
              Retry batch {batch.seq}
            </Button>
          )}
          {batch.canRetryLeads && (
            <Button
              size="sm"
              busy={busy === `leads:${batch.id}`}
              onClick={() =>
                void onAction(
                  `leads:${batch.id}`,
                  () => api.call('runs.retryLeads', { runId, batchId: batch.id }),
                  `${plural(batch.leads.notGenerated, 'lead')} sent again as a new batch.`,
                )
              }
            >
              Retry these {plural(batch.leads.notGenerated, 'lead')}
            </Button>
          )}
          {next === 'settings' && (
            <Button size="sm" variant="ghost" onClick={() => go('settings')}>
              Open Settings
            </Button>
          )}
          {next === 'resume' && (
            <span className="muted">Top up your MachFive credits, then press Resume MachFive above.</span>
          )}
          {next === 'clean' && (
            <Button size="sm" variant="ghost" onClick={() => go('clean')}>
              Fix leads in Clean &amp; dedupe
            </Button>
          )}
        </span>
      </td>
    </tr>
  );
}

function RunCard({ summary }: { summary: RunSummary }) {
  const detail = useRuns((s) => s.details[summary.id]);
  const loadDetail = useRuns((s) => s.loadDetail);
  const [open, setOpen] = useState(summary.state === 'active');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { busy, run } = useRunAction();
  const finished = summary.leads.generated + summary.leads.notGenerated + summary.leads.failed;
  const title = summary.campaignName ? summary.campaignName : `Campaign ${summary.campaignId}`;
  const canRetryLeads =
    (summary.state === 'active' || summary.state === 'done') && summary.leads.notGenerated > 0;
  const batchesId = `run-${summary.id}-batches`;
  const toggle = () => {
    if (!open && !detail) void loadDetail(summary.id);
    setOpen(!open);
  };
  return (
    <article className="run" aria-label={`Run ${summary.id}`}>
      <div className="row-between">
        <div>
          <h3>
            Run {summary.id} · {title}
          </h3>
          <p className="muted">
            Started <time title={absoluteTime(summary.createdAt)}>{relativeTime(summary.createdAt)}</time> ·{' '}
            {plural(summary.leadCount, 'lead')} · batches of {summary.batchSize} ·{' '}
            {plural(summary.options.emailCount, 'email')} per lead
          </p>
        </div>
        <Badge tone={RUN_STATE_TONES[summary.state]}>{RUN_STATE_LABELS[summary.state]}</Badge>
      </div>
      <progress
        className="run-progress"
        max={Math.max(1, summary.leadCount)}
        value={finished}
        aria-label={`Run ${summary.id} progress`}
        aria-valuetext={`${finished} of ${plural(summary.leadCount, 'lead')} finished`}
      />
      <p className="run-counts">
        <span>{summary.leads.generated.toLocaleString()} generated</span>
        {summary.leads.pending > 0 && <span>{summary.leads.pending.toLocaleString()} waiting</span>}
        {summary.leads.notGenerated > 0 && (
          <span>{summary.leads.notGenerated.toLocaleString()} not generated</span>
        )}
        {summary.leads.failed > 0 && <span>{summary.leads.failed.toLocaleString()} refused by MachFive</span>}
        <span className="muted">
          Batches:{' '}
          {Object.entries(summary.batchStates)
            .filter(([, n]) => n > 0)
            .map(
              ([state, n]) =>
                `${n} ${BATCH_STATE_LABELS[state as keyof typeof BATCH_STATE_LABELS].toLowerCase()}`,
            )
            .join(', ') || 'none'}
        </span>
      </p>
      {summary.message && (
        <p className={summary.state === 'failed' ? 'field-error' : 'muted'}>{summary.message}</p>
      )}
      <div className="row">
        {summary.leads.generated > 0 && (
          <Button
            size="sm"
            variant={summary.state === 'done' ? 'primary' : 'secondary'}
            onClick={() => openInReview(summary.id)}
          >
            Review {plural(summary.leads.generated, 'sequence')}
          </Button>
        )}
        <Button size="sm" aria-expanded={open} aria-controls={batchesId} onClick={toggle}>
          {open ? 'Hide batches' : 'Show batches'}
        </Button>
        {canRetryLeads && (
          <Button
            size="sm"
            busy={busy === 'retry-all'}
            onClick={() =>
              void run(
                'retry-all',
                () => api.call('runs.retryLeads', { runId: summary.id }),
                `${plural(summary.leads.notGenerated, 'lead')} sent again.`,
              )
            }
          >
            Retry {plural(summary.leads.notGenerated, 'lead')} not generated
          </Button>
        )}
        {summary.state === 'active' && (
          <Button size="sm" variant="danger" onClick={() => setConfirmCancel(true)}>
            Cancel run
          </Button>
        )}
      </div>
      {open && (
        <div id={batchesId}>
          {detail ? (
            <table className="table">
              <caption className="visually-hidden">Batches of run {summary.id}</caption>
              <thead>
                <tr>
                  <th scope="col">Batch</th>
                  <th scope="col">State</th>
                  <th scope="col">Generated</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {detail.batches.map((b) => (
                  <BatchRow key={b.id} batch={b} runId={summary.id} onAction={run} busy={busy} />
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted" role="status">
              Loading batches…
            </p>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmCancel}
        danger
        title={`Cancel run ${summary.id}?`}
        confirmLabel="Cancel run"
        busy={busy === 'cancel'}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() =>
          void run(
            'cancel',
            () => api.call('runs.cancel', { runId: summary.id }),
            `Run ${summary.id} cancelled.`,
          ).then(() => setConfirmCancel(false))
        }
      >
        <p>
          Batches not yet sent to MachFive are dropped. Batches MachFive already accepted have used their
          credits; their sequences are not collected. Leads without a sequence can go into a new run.
        </p>
      </ConfirmDialog>
    </article>
  );
}

/** Every run with live progress per batch, and the MachFive queue's pause / resume. */
export function RunsPanel() {
  const runs = useRuns((s) => s.runs);
  const loadError = useRuns((s) => s.loadError);
  const refresh = useRuns((s) => s.refresh);
  return (
    <Card
      title="Runs"
      subtitle="Progress is saved as it happens; closing LeadPrep does not stop a run."
      label="Runs"
    >
      <div className="stack">
        <QueueControls />
        {loadError && (
          <Banner tone="warn" title="Could not read the runs">
            <p>{loadError}</p>
            <Button size="sm" onClick={() => void refresh()}>
              Try again
            </Button>
          </Banner>
        )}
        {runs === null ? (
          !loadError && (
            <p className="muted" role="status">
              Reading runs…
            </p>
          )
        ) : runs.length === 0 ? (
          <EmptyState title="No runs yet">
            <p>Start one above: pick a campaign and the leads, and MachFive writes their sequences.</p>
          </EmptyState>
        ) : (
          runs.map((r) => <RunCard key={r.id} summary={r} />)
        )}
      </div>
    </Card>
  );
}
