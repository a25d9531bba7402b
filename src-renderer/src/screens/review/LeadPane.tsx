import { useState } from 'react';
import type { LeadDetail, ReviewState, StepView } from '../../../../src-shared/contract/review';
import type { FlagHit } from '../../../../src-shared/review/flags';
import { api } from '../../api/client';
import { toast } from '../../store/toasts';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { focusTarget } from '../../ui/useFocusKept';
import { EditableText } from './EditableText';
import { FLAG_ICON } from './flag-icons';
import { flagLabel } from './highlight';
import { ReviewStateBadge } from './ReviewStateBadge';
import { StepHistory } from './StepHistory';
import { plural } from '../../ui/format';

const MAX_SUBJECT = 1000;
const MAX_BODY = 30_000;

function FlagNote({ hit }: { hit: FlagHit }) {
  return (
    <li className="flag-note">
      <span className="flag-icon" aria-hidden="true">
        {FLAG_ICON[hit.flag]}
      </span>{' '}
      <strong>{flagLabel(hit.flag)}</strong>
      {hit.step !== null && <span className="muted"> · step {hit.step}</span>}: {hit.message}
    </li>
  );
}

/** Plain text only: generated and imported values are untrusted. Links are shown, not made clickable. */
function LeadFacts({ lead }: { lead: LeadDetail['lead'] }) {
  const name = lead.fullName ?? [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  const facts: Array<[string, string | null]> = [
    ['Name', name || null],
    ['Email', lead.email],
    ['Title', lead.title],
    ['Company', lead.company],
    ['Website', lead.website ?? lead.domain],
    ['LinkedIn', lead.linkedinUrl],
    ['Phone', lead.phone],
    ...Object.entries(lead.custom).map(([k, v]): [string, string] => [k, v]),
  ];
  return (
    <section className="lead-facts" aria-label="Lead data">
      <h3>Lead</h3>
      <dl className="facts">
        {facts
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="wrap-anywhere">{v}</dd>
            </div>
          ))}
      </dl>
      {lead.original.length > 0 && (
        <details>
          <summary>Original row ({plural(lead.original.length, 'column')})</summary>
          <dl className="facts">
            {lead.original.map((c, i) => (
              <div key={`${c.header}-${i}`}>
                <dt>{c.header}</dt>
                <dd className="wrap-anywhere">{c.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function StepCard({
  detail,
  step,
  editSignal,
  onDetail,
}: {
  detail: LeadDetail;
  step: StepView;
  editSignal: number;
  onDetail(d: LeadDetail): void;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const [reverting, setReverting] = useState(false);
  const { runId, leadId } = detail;
  const stepHits = detail.flags.filter((h) => h.step === step.step);
  const save = (patch: { subject?: string; body?: string }, session?: string) =>
    api
      .call('review.editStep', { runId, leadId, step: step.step, ...patch, ...(session ? { session } : {}) })
      .then(onDetail);
  const revert = async () => {
    setReverting(true);
    try {
      onDetail(await api.call('review.revertStep', { runId, leadId, step: step.step }));
      toast.success(`Step ${step.step} is back to the generated text. Undo brings your edit back.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setReverting(false);
    }
  };
  return (
    <section className="step-card" aria-label={`Step ${step.step}`}>
      <header className="row-between">
        <h3>
          Step {step.step}{' '}
          {step.edited && (
            <Badge tone="info" title="Your text differs from what MachFive wrote">
              edited
            </Badge>
          )}
        </h3>
        <div className="row-tight">
          {step.edited && (
            <Button size="sm" variant="ghost" busy={reverting} onClick={() => void revert()}>
              Revert to generated
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={showHistory}
            onClick={() => setShowHistory((v) => !v)}
          >
            History
          </Button>
        </div>
      </header>
      <EditableText
        key={`s-${leadId}-${step.step}`}
        label={`Step ${step.step} subject`}
        value={step.subject}
        hits={stepHits}
        step={step.step}
        field="subject"
        maxLength={MAX_SUBJECT}
        onSave={(subject, session) => save({ subject }, session)}
      />
      <EditableText
        key={`b-${leadId}-${step.step}`}
        label={`Step ${step.step} body`}
        value={step.body}
        hits={stepHits}
        step={step.step}
        field="body"
        maxLength={MAX_BODY}
        editSignal={editSignal}
        onSave={(body, session) => save({ body }, session)}
      />
      {stepHits.length > 0 && (
        <ul className="flag-notes" aria-label={`Flags of step ${step.step}`}>
          {stepHits.map((h, i) => (
            <FlagNote key={`${h.flag}-${h.field ?? ''}-${i}`} hit={h} />
          ))}
        </ul>
      )}
      {showHistory && (
        <StepHistory
          runId={runId}
          leadId={leadId}
          step={step.step}
          version={`${step.subject}\u0000${step.body}`}
          onRestore={(entry) =>
            save({ subject: entry.subjectAfter, body: entry.bodyAfter }).then(
              () => {
                toast.success(`Step ${step.step} restored. Undo brings the previous text back.`);
              },
              (e: unknown) => {
                toast.error(e);
              },
            )
          }
        />
      )}
    </section>
  );
}

export interface LeadActions {
  setState(state: ReviewState): void;
  regenerate(): void;
}

/** One lead: its own data beside every step's subject and body, with flags marked in the text. */
export function LeadPane({
  detail,
  regenerating,
  editSignal,
  busy,
  actions,
  onDetail,
}: {
  detail: LeadDetail;
  regenerating: boolean;
  /** Opens step 1's body for editing when it changes (the `e` shortcut). */
  editSignal: number;
  busy: boolean;
  actions: LeadActions;
  onDetail(d: LeadDetail): void;
}) {
  const { lead } = detail;
  const name =
    lead.fullName ?? ([lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || 'Lead');
  const general = detail.flags.filter((h) => h.step === null);
  const first = detail.steps[0]?.step;
  return (
    <article className="lead-pane" aria-label={`Lead ${name}`} tabIndex={-1} {...focusTarget}>
      <header className="lead-pane-head">
        <div className="stack-sm">
          <h2 className="wrap-anywhere">{name}</h2>
          <ReviewStateBadge state={detail.reviewState} genState={detail.genState} />
        </div>
        <div className="row-tight lead-actions">
          <Button
            size="sm"
            variant="primary"
            disabled={busy || detail.reviewState === 'approved'}
            aria-keyshortcuts="A"
            onClick={() => actions.setState('approved')}
          >
            Approve
          </Button>
          <Button
            size="sm"
            variant="danger"
            disabled={busy || detail.reviewState === 'rejected'}
            aria-keyshortcuts="R"
            onClick={() => actions.setState('rejected')}
          >
            Reject
          </Button>
          <Button
            size="sm"
            disabled={busy || detail.reviewState === 'pending'}
            aria-keyshortcuts="U"
            onClick={() => actions.setState('pending')}
          >
            Reset
          </Button>
          <Button size="sm" variant="ghost" disabled={regenerating} onClick={actions.regenerate}>
            Regenerate
          </Button>
        </div>
      </header>
      {regenerating && (
        <Banner tone="info" title="Regenerating">
          <p>The old version is kept until the new one arrives; you can keep reviewing meanwhile.</p>
        </Banner>
      )}
      {detail.genMessage && detail.genState !== 'generated' && (
        <Banner tone="warn" title="Not generated">
          <p>{detail.genMessage}</p>
        </Banner>
      )}
      {general.length > 0 && (
        <ul className="flag-notes" aria-label="Flags of this lead">
          {general.map((h, i) => (
            <FlagNote key={`${h.flag}-${i}`} hit={h} />
          ))}
        </ul>
      )}
      <div className="lead-pane-body">
        <LeadFacts lead={lead} />
        <div className="steps">
          {detail.steps.length === 0 && <p className="muted">No sequence for this lead yet.</p>}
          {detail.steps.map((s) => (
            <StepCard
              key={s.step}
              detail={detail}
              step={s}
              editSignal={s.step === first ? editSignal : 0}
              onDetail={onDetail}
            />
          ))}
        </div>
      </div>
    </article>
  );
}
