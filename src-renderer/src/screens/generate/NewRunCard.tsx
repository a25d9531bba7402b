import { useCallback, useEffect, useRef, useState } from 'react';
import type { Estimate } from '../../../../src-shared/contract/generation';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { api, errorMessage } from '../../api/client';
import { useLeadSelection } from '../../store/leadSelection';
import { toast } from '../../store/toasts';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { plural } from '../../ui/format';
import { CampaignPicker } from './CampaignPicker';
import { CtaEditor } from './CtaEditor';
import {
  estimateRequest,
  initialForm,
  LIMITS,
  optionFields,
  optionsOfRun,
  runRequest,
  validate,
  type FormErrors,
  type GenerateForm,
} from './form';
import { useRunDraft } from './draft';
import { LeadChooser } from './LeadChooser';
import { useRuns } from './runs-store';
import { useGenerateTarget } from './target';
import { TextAreaField } from './TextAreaField';

const ESTIMATE_DEBOUNCE_MS = 250;

/** Asks 'runs.estimate' whenever the lead choice changes; the latest answer wins. */
function useEstimate(form: GenerateForm, imports: ImportSummary[], runsVersion: string) {
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = estimateRequest(form);
  const key = request ? JSON.stringify(request) : null;
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setEstimate(null);
      setError(null);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      api
        .call('runs.estimate', JSON.parse(key) as NonNullable<ReturnType<typeof estimateRequest>>)
        .then((e) => {
          if (mine !== seq.current) return;
          setEstimate(e);
          setError(null);
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          setEstimate(null);
          setError(errorMessage(e));
        })
        .finally(() => {
          if (mine === seq.current) setBusy(false);
        });
    }, ESTIMATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Imports and runs change which leads are ready / already generated: estimate again then too.
  }, [key, imports, runsVersion]);
  return { estimate, error, busy };
}

export function NewRunCard({ imports }: { imports: ImportSummary[] }) {
  const chosen = useLeadSelection((s) => s.chosen);
  const setChosen = useLeadSelection((s) => s.set);
  const newestRun = useRuns((s) => s.runs?.[0] ?? null);
  // The options as the user left them on this screen, else as the newest run had them; the leads handed
  // over from Clean & dedupe (picked rows or an import), which are what the user came for.
  const [form, setForm] = useState<GenerateForm>(() => {
    const handed = useLeadSelection.getState().chosen;
    const preferred = useGenerateTarget.getState().value;
    const importId = imports.find((i) => i.id === preferred)?.id ?? imports[0]?.id ?? null;
    return {
      ...initialForm(),
      ...(useRunDraft.getState().value ?? (newestRun ? optionsOfRun(newestRun) : {})),
      source: handed ? { kind: 'leads', leadIds: handed.leadIds } : { kind: 'import', importId },
    };
  });
  // Set by the user's first change: from then on the form is theirs, kept across visits.
  const touched = useRef(false);
  const prefilled = useRef(useRunDraft.getState().value !== null || newestRun !== null);
  useEffect(() => {
    if (prefilled.current || touched.current || newestRun === null) return;
    prefilled.current = true;
    setForm((f) => ({ ...f, ...optionsOfRun(newestRun) }));
  }, [newestRun]);
  useEffect(() => {
    if (touched.current) useRunDraft.getState().set(optionFields(form));
  }, [form]);
  // A later visit opens on the newest import again.
  useEffect(() => useGenerateTarget.getState().set(null), []);
  // Messages appear after the first Start, then follow the user's edits.
  const [tried, setTried] = useState(false);
  const errors: FormErrors = tried ? validate(form) : {};
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const applyRun = useRuns((s) => s.applyRun);
  // Runs starting and finishing change which leads are free or already generated.
  const runsVersion = useRuns((s) =>
    (s.runs ?? []).map((r) => `${r.id}:${r.state}:${r.leads.generated}`).join(','),
  );
  const { estimate, error: estimateError, busy: estimating } = useEstimate(form, imports, runsVersion);

  // The chosen import may have been deleted since: fall back to the newest one.
  useEffect(() => {
    setForm((f) => {
      const src = f.source;
      if (src.kind !== 'import' || (src.importId !== null && imports.some((i) => i.id === src.importId)))
        return f;
      return { ...f, source: { kind: 'import', importId: imports[0]?.id ?? null } };
    });
  }, [imports]);

  const update = useCallback((patch: Partial<GenerateForm>) => {
    touched.current = true;
    setForm((f) => ({ ...f, ...patch }));
  }, []);

  const onStart = () => {
    setTried(true);
    const found = validate(form);
    if (Object.keys(found).length > 0) {
      toast.error('Some options need a fix before the run can start (see the messages in red).');
      return;
    }
    if (!estimate || estimate.leadCount === 0) {
      toast.error('There are no leads to generate with this choice.');
      return;
    }
    setConfirming(true);
  };

  const onConfirm = async () => {
    setStarting(true);
    try {
      const run = await api.call('runs.start', runRequest(form));
      applyRun(run);
      setConfirming(false);
      toast.success(
        `Run ${run.id} started: ${plural(run.leadCount, 'lead')} in ${plural(run.batches.length, 'batch', 'batches')}.`,
      );
    } catch (e) {
      setConfirming(false);
      toast.error(e);
    } finally {
      setStarting(false);
    }
  };

  const campaignLabel = form.campaignName ? `${form.campaignName} (${form.campaignId})` : form.campaignId;

  return (
    <Card title="New run" subtitle="MachFive writes a sequence for every chosen lead." label="New run">
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onStart();
        }}
      >
        <CampaignPicker
          campaignId={form.campaignId}
          error={errors.campaignId}
          onChange={(campaignId, campaignName) => update({ campaignId, campaignName })}
        />
        <div className="grid-2">
          <Field
            label="List name"
            hint="Shown in MachFive; LeadPrep adds a reference to find each batch again."
            value={form.listName}
            maxLength={LIMITS.listName + 50}
            error={errors.listName}
            onChange={(e) => update({ listName: e.target.value })}
          />
          <Field
            label="Emails per lead"
            type="number"
            min={LIMITS.emailCountMin}
            max={LIMITS.emailCountMax}
            step={1}
            hint="1 to 5 steps in each sequence."
            value={form.emailCount}
            error={errors.emailCount}
            onChange={(e) => update({ emailCount: e.target.value })}
          />
        </div>
        <TextAreaField
          label="Email signature"
          hint="Added at the end of every email (optional)."
          value={form.emailSignature}
          error={errors.emailSignature}
          onChange={(e) => update({ emailSignature: e.target.value })}
        />
        <TextAreaField
          label="Campaign angle"
          hint="What the emails should lead with (optional)."
          value={form.campaignAngle}
          error={errors.campaignAngle}
          onChange={(e) => update({ campaignAngle: e.target.value })}
        />
        <CtaEditor
          value={form.approvedCtas}
          error={errors.approvedCtas}
          onChange={(approvedCtas) => update({ approvedCtas })}
        />
        <LeadChooser
          form={form}
          errors={errors}
          imports={imports}
          estimate={estimate}
          estimateError={estimateError}
          estimating={estimating}
          chosen={chosen}
          onClearChosen={() => {
            setChosen(null);
            setForm((f) =>
              f.source.kind === 'leads'
                ? { ...f, source: { kind: 'import', importId: imports[0]?.id ?? null } }
                : f,
            );
          }}
          onSource={(source) => update({ source })}
          onIncludeGenerated={(includeGenerated) => update({ includeGenerated })}
          onBatchSize={(batchSize) => update({ batchSize })}
        />
        <div className="row">
          <Button type="submit" variant="primary" disabled={estimating && !estimate}>
            Start generating
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={`Generate sequences for ${plural(estimate?.leadCount ?? 0, 'lead')}?`}
        confirmLabel={`Start and use ${plural(estimate?.credits ?? 0, 'credit')}`}
        busy={starting}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          MachFive charges one credit per lead: this run uses{' '}
          <strong>{plural(estimate?.credits ?? 0, 'credit')}</strong>, sent as{' '}
          {plural(estimate?.batchCount ?? 0, 'batch', 'batches')} to campaign <strong>{campaignLabel}</strong>
          .
        </p>
        <p className="muted">
          You can close LeadPrep while it runs; it picks up where it left off when you open it again.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
