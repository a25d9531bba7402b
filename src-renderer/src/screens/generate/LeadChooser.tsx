import { useId } from 'react';
import type { Estimate } from '../../../../src-shared/contract/generation';
import type { ImportSummary } from '../../../../src-shared/contract/imports';
import { MAX_BATCH_SIZE, MIN_BATCH_SIZE } from '../../../../src-shared/generation/batching';
import type { ChosenLeads } from '../../store/leadSelection';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { plural, relativeTime } from '../../ui/format';
import type { FormErrors, GenerateForm, LeadSource } from './form';

export interface LeadChooserProps {
  form: GenerateForm;
  errors: FormErrors;
  imports: ImportSummary[];
  estimate: Estimate | null;
  estimateError: string | null;
  estimating: boolean;
  /** Leads handed over from Clean & dedupe, offered as a third choice while set. */
  chosen: ChosenLeads | null;
  onClearChosen(): void;
  onSource(source: LeadSource): void;
  onIncludeGenerated(include: boolean): void;
  onBatchSize(text: string): void;
}

function ExcludedLine({ estimate }: { estimate: Estimate }) {
  const ex = estimate.excluded;
  const parts = [
    ex.notReady > 0 && `${plural(ex.notReady, 'lead')} not ready`,
    ex.suppressed > 0 && `${plural(ex.suppressed, 'lead')} on your suppression list`,
    ex.alreadyGenerated > 0 && `${plural(ex.alreadyGenerated, 'lead')} already generated`,
    ex.inActiveRun > 0 && `${plural(ex.inActiveRun, 'lead')} in a run still going`,
    ex.duplicateEmail > 0 && `${plural(ex.duplicateEmail, 'repeated email')}`,
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return null;
  return <p className="muted">Left out: {parts.join(', ')}.</p>;
}

/** Which committed leads go into the run, the batch size, and the live estimate. */
export function LeadChooser(props: LeadChooserProps) {
  const { form, errors, imports, estimate } = props;
  const groupName = useId();
  const importSelectId = useId();
  const src = form.source;
  return (
    <div className="stack">
      <fieldset className="fieldset" aria-describedby={errors.source ? `${groupName}-error` : undefined}>
        <legend className="field-label">Which leads</legend>
        <label className="choice">
          <input
            type="radio"
            name={groupName}
            checked={src.kind === 'import'}
            onChange={() => props.onSource({ kind: 'import', importId: imports[0]?.id ?? null })}
          />
          Ready leads of one import
        </label>
        {src.kind === 'import' && (
          <div className="choice-detail">
            <label className="visually-hidden" htmlFor={importSelectId}>
              Import
            </label>
            <select
              id={importSelectId}
              className="select"
              value={src.importId ?? ''}
              onChange={(e) =>
                props.onSource({
                  kind: 'import',
                  importId: e.target.value === '' ? null : Number(e.target.value),
                })
              }
            >
              <option value="">Choose an import</option>
              {imports.map((imp) => (
                <option key={imp.id} value={imp.id}>
                  {imp.fileName} — {plural(imp.counts.ready, 'ready lead')}, committed{' '}
                  {imp.committedAt ? relativeTime(imp.committedAt) : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="choice">
          <input
            type="radio"
            name={groupName}
            checked={src.kind === 'allReady'}
            onChange={() => props.onSource({ kind: 'allReady' })}
          />
          Every ready lead of every committed import
        </label>
        {props.chosen && (
          <div className="row">
            <label className="choice">
              <input
                type="radio"
                name={groupName}
                checked={src.kind === 'leads'}
                onChange={() =>
                  props.chosen && props.onSource({ kind: 'leads', leadIds: props.chosen.leadIds })
                }
              />
              {plural(props.chosen.leadIds.length, 'lead')} chosen in Clean &amp; dedupe
              <span className="muted">({props.chosen.label})</span>
            </label>
            <Button
              size="sm"
              variant="ghost"
              aria-label="Clear the leads chosen in Clean & dedupe"
              onClick={props.onClearChosen}
            >
              Clear
            </Button>
          </div>
        )}
        <label className="choice">
          <input
            type="checkbox"
            checked={form.includeGenerated}
            onChange={(e) => props.onIncludeGenerated(e.target.checked)}
          />
          Include leads that already have a sequence (generate them again)
        </label>
        {errors.source && (
          <p id={`${groupName}-error`} className="field-error" role="alert">
            {errors.source}
          </p>
        )}
      </fieldset>
      <Field
        label="Batch size"
        inputMode="numeric"
        value={form.batchSize}
        error={errors.batchSize}
        hint={`Leads per MachFive list, ${MIN_BATCH_SIZE}–${MAX_BATCH_SIZE}. Smaller batches show progress sooner.`}
        onChange={(e) => props.onBatchSize(e.target.value)}
      />
      <section
        className="estimate"
        aria-label="Estimate"
        aria-live="polite"
        aria-busy={props.estimating || undefined}
      >
        {props.estimateError ? (
          <p className="field-error">{props.estimateError}</p>
        ) : estimate ? (
          <>
            <dl className="facts">
              <dt>Leads</dt>
              <dd>{estimate.leadCount.toLocaleString()}</dd>
              <dt>Batches</dt>
              <dd>{estimate.batchCount.toLocaleString()}</dd>
              <dt>Credits</dt>
              <dd title="MachFive charges one credit per lead">{estimate.credits.toLocaleString()}</dd>
            </dl>
            <ExcludedLine estimate={estimate} />
            {estimate.leadCount === 0 && (
              <p className="muted">
                Nothing to generate with this choice. Fix leads in Clean &amp; dedupe, pick another import, or
                include leads that already have a sequence.
              </p>
            )}
          </>
        ) : (
          <p className="muted">Choose leads to see how many leads, batches and credits this run takes.</p>
        )}
      </section>
    </div>
  );
}
