import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DestinationInfo, PushPreview } from '../../../../src-shared/contract/push';
import { api, ApiError, errorMessage, useEvent } from '../../api/client';
import { useNav } from '../../store/nav';
import { toast } from '../../store/toasts';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { plural } from '../../ui/format';
import { Screen } from '../../ui/Screen';
import { ConfirmPushDialog } from './ConfirmPushDialog';
import { DestinationPicker } from './DestinationPicker';
import { buildSpec, initialForm, type PushForm } from './form';
import { InstantlyOptionsPanel, SegmentflowSteps, SendkitNotice } from './OptionsPanel';
import { PreviewPanel } from './PreviewPanel';
import { PushDetail } from './PushDetail';
import { PushHistory } from './PushHistory';
import { SegmentflowProfiles } from './SegmentflowProfiles';
import { usePushDraft } from './draft';
import { usePushTarget } from './target';
import { TargetField } from './TargetField';
import { runLabel, useRunChoices, type RunChoice } from './useRunChoices';
import './push.css';

/** The preview follows the form; a short pause keeps typing in ID fields from flooding the core. */
const PREVIEW_DELAY_MS = 250;

function useDestinations(): { list: DestinationInfo[] | null; error: string | null } {
  const [list, setList] = useState<DestinationInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.call('push.destinations', {}).then(
      (d) => {
        setList(d);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);
  useEvent('keys.changed', load);
  return { list, error };
}

function RunSelect({
  runs,
  value,
  onChange,
}: {
  runs: RunChoice[];
  value: number | null;
  onChange(id: number): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Run to push
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {value === null && <option value="">Choose a run…</option>}
        {runs.map((r) => (
          <option key={r.run.id} value={r.run.id}>
            {runLabel(r.run)} — {plural(r.approved, 'approved lead')}
            {r.pending > 0 ? ` (${r.pending.toLocaleString()} pending)` : ''}
          </option>
        ))}
      </select>
      <p className="field-hint">
        Only approved leads are pushed; pending and rejected ones stay in LeadPrep.
      </p>
    </div>
  );
}

function usePreview(form: PushForm, refreshKey: number) {
  const built = useMemo(() => buildSpec(form), [form]);
  const specJson = built.ok ? JSON.stringify(built.spec) : null;
  const [preview, setPreview] = useState<PushPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const gen = useRef(0);
  useEffect(() => {
    const mine = ++gen.current;
    setError(null);
    if (!built.ok) {
      setPreview(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    const t = setTimeout(() => {
      api.call('push.preview', { spec: built.spec }).then(
        (p) => {
          if (mine !== gen.current) return;
          setPreview(p);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== gen.current) return;
          setPreview(null);
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(t);
    // specJson stands for built.spec: re-preview only when the spec itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specJson, refreshKey]);
  return { built, preview, error, loading };
}

export default function PushScreen() {
  const go = useNav((s) => s.go);
  const runs = useRunChoices();
  const destinations = useDestinations();
  // The destination, target and options as the user left them; the run handed over from Review, which
  // is what the user came to push.
  const [form, setForm] = useState<PushForm>(() => ({
    ...initialForm,
    ...usePushDraft.getState().value,
    runId: usePushTarget.getState().value,
  }));
  // A later visit opens on the newest run again.
  useEffect(() => usePushTarget.getState().set(null), []);
  useEffect(() => {
    const { runId: _runId, ...choices } = form;
    usePushDraft.getState().set(choices);
  }, [form]);
  const [selectedPush, setSelectedPush] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);

  // Default to the newest run with approved leads; drop a chosen run that no longer qualifies.
  useEffect(() => {
    if (!runs.runs) return;
    setForm((f) => {
      if (f.runId !== null && runs.runs!.some((r) => r.run.id === f.runId)) return f;
      return { ...f, runId: runs.runs![0]?.run.id ?? null };
    });
  }, [runs.runs]);

  // A push finishing changes which items are repeats: preview again (debounced).
  const repreview = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEvent('pushes.changed', (p) => {
    if (p.state === 'active') return;
    if (repreview.current) clearTimeout(repreview.current);
    repreview.current = setTimeout(() => setRefreshKey((k) => k + 1), 800);
  });
  useEffect(
    () => () => {
      if (repreview.current) clearTimeout(repreview.current);
    },
    [],
  );

  const { built, preview, error: previewError, loading: previewLoading } = usePreview(form, refreshKey);
  const run = runs.runs?.find((r) => r.run.id === form.runId) ?? null;
  const dest = destinations.list?.find((d) => d.destination === form.destination) ?? null;
  const repeating = preview !== null && preview.repeatCount > 0 && !form.skipAlreadyPushed;

  const start = async (confirm: { confirmSendCount?: number; acknowledgeRepeat: boolean }) => {
    if (!built.ok) return;
    setStarting(true);
    try {
      const p = await api.call('push.start', { spec: built.spec, ...confirm });
      setConfirming(false);
      setSelectedPush(p.id);
      toast.success(`Push #${p.id} started: ${plural(p.counts.total, 'item')} to ${p.targetLabel}.`);
      setRefreshKey((k) => k + 1);
    } catch (e) {
      // A conflict means the repeats changed since the preview: show the fresh preview.
      if (e instanceof ApiError && e.code === 'conflict') setRefreshKey((k) => k + 1);
      setConfirming(false);
      toast.error(e);
    } finally {
      setStarting(false);
    }
  };

  const canPush =
    built.ok && preview !== null && !previewLoading && preview.itemCount > 0 && dest?.keySet === true;

  const noRuns = runs.runs !== null && runs.runs.length === 0;
  return (
    <Screen
      title="Push"
      description="Send a run's approved leads and their sequences to Instantly, Sendkit or Segmentflow, with a result for every lead."
    >
      {runs.error && (
        <Banner tone="danger" title="Could not read your runs">
          <p>{runs.error}</p>
          <Button size="sm" onClick={runs.reload}>
            Try again
          </Button>
        </Banner>
      )}
      {runs.runs === null && !runs.error && (
        <p className="muted" role="status">
          Reading runs…
        </p>
      )}
      {noRuns && (
        <EmptyState
          title="Approve leads in Review first"
          action={
            <Button variant="primary" onClick={() => go('review')}>
              Go to Review
            </Button>
          }
        >
          <p>
            Only approved leads are pushed.{' '}
            {runs.unapprovedRuns > 0
              ? `${plural(runs.unapprovedRuns, 'run has', 'runs have')} no approved lead yet.`
              : 'Generate sequences first, then approve them in Review.'}
          </p>
        </EmptyState>
      )}
      {runs.runs && runs.runs.length > 0 && (
        <>
          <Card title="1. Run" label="Run">
            <RunSelect
              runs={runs.runs}
              value={form.runId}
              onChange={(runId) => setForm((f) => ({ ...f, runId }))}
            />
          </Card>

          <Card title="2. Destination" label="Destination">
            {destinations.error && (
              <p className="field-error" role="alert">
                {destinations.error}
              </p>
            )}
            {destinations.list ? (
              <DestinationPicker
                destinations={destinations.list}
                value={form.destination}
                onChange={(destination) => setForm((f) => ({ ...f, destination }))}
              />
            ) : (
              !destinations.error && <p className="muted">Reading destinations…</p>
            )}
          </Card>

          {form.destination === 'instantly' && (
            <>
              <Card title="3. Instantly target" subtitle="A campaign or a list — exactly one." label="Target">
                <fieldset className="row push-kind">
                  <legend className="visually-hidden">Add the leads to</legend>
                  {(['campaign', 'list'] as const).map((kind) => (
                    <label key={kind} className="row">
                      <input
                        type="radio"
                        name="instantly-kind"
                        checked={form.instantly.kind === kind}
                        onChange={() =>
                          setForm((f) => ({ ...f, instantly: { ...f.instantly, kind, id: '', name: null } }))
                        }
                      />
                      {kind === 'campaign' ? 'A campaign' : 'A list'}
                    </label>
                  ))}
                </fieldset>
                <TargetField
                  destination="instantly"
                  kind={form.instantly.kind}
                  id={form.instantly.id}
                  onChange={(id, name) => setForm((f) => ({ ...f, instantly: { ...f.instantly, id, name } }))}
                />
              </Card>
              <Card
                title="4. Options"
                subtitle="Safe defaults; change them only when you mean to."
                label="Options"
              >
                <InstantlyOptionsPanel
                  value={form.instantly.options}
                  onChange={(options) => setForm((f) => ({ ...f, instantly: { ...f.instantly, options } }))}
                />
              </Card>
            </>
          )}

          {form.destination === 'sendkit' && (
            <>
              <Card title="3. Sendkit campaign" label="Target">
                <TargetField
                  destination="sendkit"
                  kind="campaign"
                  id={form.sendkit.id}
                  onChange={(id, name) => setForm((f) => ({ ...f, sendkit: { id, name } }))}
                />
              </Card>
              <Card title="4. Options" label="Options">
                <SendkitNotice />
              </Card>
            </>
          )}

          {form.destination === 'segmentflow' && (
            <>
              <Card title="3. Segmentflow destination profile" label="Target">
                <SegmentflowProfiles
                  value={form.segmentflow.profile}
                  onChange={(profile) =>
                    setForm((f) => ({ ...f, segmentflow: { ...f.segmentflow, profile } }))
                  }
                />
              </Card>
              <Card title="4. Options" label="Options">
                <SegmentflowSteps
                  steps={form.segmentflow.steps}
                  available={run?.run.options.emailCount ?? 1}
                  onChange={(steps) => setForm((f) => ({ ...f, segmentflow: { ...f.segmentflow, steps } }))}
                />
              </Card>
            </>
          )}

          <Card
            // Steps 3 and 4 appear once a destination is picked; the numbers shown never skip.
            title={`${form.destination ? 5 : 3}. Preview and push`}
            subtitle="A dry run: nothing is sent until you confirm."
            label="Preview and push"
            aside={
              previewLoading ? (
                <span className="muted" role="status">
                  Checking…
                </span>
              ) : undefined
            }
          >
            <div className="stack">
              {!built.ok && <p className="muted">{built.missing}</p>}
              {previewError && (
                <p className="field-error" role="alert">
                  {previewError}
                </p>
              )}
              {preview && (
                <PreviewPanel
                  preview={preview}
                  skipAlreadyPushed={form.skipAlreadyPushed}
                  onSkipAlreadyPushed={(skipAlreadyPushed) => setForm((f) => ({ ...f, skipAlreadyPushed }))}
                />
              )}
              {dest && !dest.keySet && (
                <Banner tone="warn" title={`No ${dest.label} API key is saved`}>
                  <Button size="sm" onClick={() => go('settings')}>
                    Add it in Settings
                  </Button>
                </Banner>
              )}
              {preview && preview.itemCount === 0 && (
                <p>Nothing to push: every approved item is left out (see why above).</p>
              )}
              <div className="row">
                <Button
                  variant={dest?.sendsEmail ? 'danger-solid' : 'primary'}
                  disabled={!canPush}
                  onClick={() => setConfirming(true)}
                >
                  {preview && preview.emailsToSend !== null
                    ? `Send ${plural(preview.emailsToSend, 'email')}…`
                    : preview
                      ? `Push ${plural(preview.itemCount, 'lead')}…`
                      : 'Push…'}
                </Button>
              </div>
            </div>
          </Card>
          {preview && (
            <ConfirmPushDialog
              open={confirming}
              preview={preview}
              repeating={repeating}
              busy={starting}
              onCancel={() => setConfirming(false)}
              onConfirm={(c) => void start(c)}
            />
          )}
        </>
      )}

      {selectedPush !== null && <PushDetail pushId={selectedPush} />}

      <Card title="Push history" label="Push history">
        <PushHistory selected={selectedPush} onSelect={setSelectedPush} />
      </Card>
    </Screen>
  );
}
