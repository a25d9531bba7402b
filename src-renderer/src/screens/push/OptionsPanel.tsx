import { useId } from 'react';
import {
  PERSONALIZATION_MODES,
  type InstantlyOptions,
  type PersonalizationMode,
} from '../../../../src-shared/push/types';
import { Banner } from '../../ui/Banner';
import { CheckField } from '../../ui/CheckField';
import { Field } from '../../ui/Field';
import { idError } from './form';

const PERSONALIZATION_LABELS: Record<PersonalizationMode, string> = {
  first_paragraph: "Step 1's first paragraph (after the greeting)",
  first_line: "Step 1's first line (after the greeting)",
  none: 'Nothing (leave personalization empty)',
};

export function InstantlyOptionsPanel({
  value,
  onChange,
}: {
  value: InstantlyOptions;
  onChange(v: InstantlyOptions): void;
}) {
  const set = <K extends keyof InstantlyOptions>(k: K, v: InstantlyOptions[K]) =>
    onChange({ ...value, [k]: v });
  const selectId = useId();
  const blocklist = value.blocklistId ?? '';
  return (
    <div className="stack-sm">
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          Personalization (Instantly&apos;s <code>{'{{personalization}}'}</code>)
        </label>
        <select
          id={selectId}
          className="select"
          value={value.personalization}
          onChange={(e) => set('personalization', e.target.value as PersonalizationMode)}
        >
          {PERSONALIZATION_MODES.map((m) => (
            <option key={m} value={m}>
              {PERSONALIZATION_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <CheckField
        checked={value.skipIfInWorkspace}
        onChange={(v) => set('skipIfInWorkspace', v)}
        label="Skip leads already anywhere in the workspace (recommended)"
        hint="Someone already in another campaign or list is being contacted already; a second sequence annoys them and risks spam reports."
      />
      <CheckField
        checked={value.skipIfInCampaign}
        onChange={(v) => set('skipIfInCampaign', v)}
        label="Skip leads already in any campaign"
        hint="Narrower than the workspace check: leads only in lists still get added."
      />
      <CheckField
        checked={value.skipIfInList}
        onChange={(v) => set('skipIfInList', v)}
        label="Skip leads already in any list"
        hint="Leaves out people you keep in Instantly lists."
      />
      <CheckField
        checked={value.verifyLeadsOnImport}
        onChange={(v) => set('verifyLeadsOnImport', v)}
        label="Have Instantly verify the emails on import"
        hint="Spends Instantly verification credits; LeadPrep has already checked syntax and typos."
      />
      <Field
        label="Blocklist ID (optional)"
        className="mono"
        value={blocklist}
        hint="Empty uses your workspace's default blocklist; blocked leads come back as skipped."
        error={idError('instantly', blocklist)}
        spellCheck={false}
        onChange={(e) => {
          const v = e.target.value;
          set('blocklistId', v.trim() === '' ? null : v);
        }}
      />
    </div>
  );
}

export function SendkitNotice() {
  return (
    <Banner tone="info" title="Sendkit receives the leads, not the sequences">
      <p>
        Sendkit&apos;s add-leads endpoint carries no custom variables: only email, first name, last name and
        company reach Sendkit. The generated sequences stay in LeadPrep — export them to Excel/CSV from Review
        to use them.
      </p>
    </Banner>
  );
}

export function SegmentflowSteps({
  steps,
  available,
  onChange,
}: {
  steps: number[];
  available: number;
  onChange(steps: number[]): void;
}) {
  const all = Array.from({ length: Math.max(1, available) }, (_, i) => i + 1);
  return (
    <fieldset className="stack-sm">
      <legend className="field-label">Steps to send now</legend>
      <p className="field-hint">
        Each checked step is one email per lead, sent immediately. Send step 1 now and later steps later: each
        lead-step has its own idempotency key, so nothing is ever sent twice.
      </p>
      <div className="row">
        {all.map((s) => (
          <label key={s} className="row">
            <input
              type="checkbox"
              checked={steps.includes(s)}
              onChange={(e) => onChange(e.target.checked ? [...steps, s] : steps.filter((x) => x !== s))}
            />
            Step {s}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
