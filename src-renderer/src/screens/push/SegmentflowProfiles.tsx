import { useCallback, useEffect, useId, useState } from 'react';
import type { DestinationProfile } from '../../../../src-shared/contract/push';
import { SEGMENTFLOW_DATA_VARIABLES } from '../../../../src-shared/push/mapping';
import { ProfileName, SegmentflowProfileSettings } from '../../../../src-shared/push/types';
import { api, errorMessage } from '../../api/client';
import { toast } from '../../store/toasts';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';

interface Draft {
  id: number | undefined;
  name: string;
  templateId: string;
  senderProfileId: string;
  from: string;
  replyTo: string;
  subscriptionGroupId: string;
  trackClicks: boolean;
}

const emptyDraft: Draft = {
  id: undefined,
  name: '',
  templateId: '',
  senderProfileId: '',
  from: '',
  replyTo: '',
  subscriptionGroupId: '',
  trackClicks: false,
};

function toDraft(p: DestinationProfile): Draft {
  const s = p.settings;
  return {
    id: p.id,
    name: p.name,
    templateId: s.templateId,
    senderProfileId: s.senderProfileId ?? '',
    from: s.from ?? '',
    replyTo: s.replyTo ?? '',
    subscriptionGroupId: s.subscriptionGroupId ?? '',
    trackClicks: s.trackClicks ?? false,
  };
}

type DraftErrors = Partial<
  Record<'name' | 'templateId' | 'senderProfileId' | 'from' | 'replyTo' | 'subscriptionGroupId', string>
>;

/** Checks the draft with the contract's schemas; empty optional fields are left out. */
function validate(
  d: Draft,
): { settings: SegmentflowProfileSettings; name: string } | { errors: DraftErrors } {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const raw = {
    templateId: d.templateId.trim(),
    senderProfileId: opt(d.senderProfileId),
    from: opt(d.from),
    replyTo: opt(d.replyTo),
    subscriptionGroupId: opt(d.subscriptionGroupId),
    ...(d.trackClicks ? { trackClicks: true } : {}),
  };
  const errors: DraftErrors = {};
  const name = ProfileName.safeParse(d.name);
  if (!name.success) errors.name = 'Give the profile a name (up to 80 characters).';
  const settings = SegmentflowProfileSettings.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!settings.success) {
    for (const issue of settings.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && key in emptyDraft && !(key in errors)) {
        errors[key as keyof DraftErrors] =
          key === 'templateId' && raw.templateId === '' ? 'The template ID is required.' : issue.message;
      }
    }
  }
  if (!name.success || !settings.success) return { errors };
  return { settings: settings.data, name: name.data };
}

function ProfileForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: Draft;
  onSaved(p: DestinationProfile): void;
  onCancel(): void;
}) {
  const [d, setD] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const save = async () => {
    const checked = validate(d);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.call('push.saveProfile', {
        ...(d.id !== undefined ? { id: d.id } : {}),
        name: checked.name,
        settings: checked.settings,
      });
      toast.success(`Profile "${saved.name}" saved.`);
      onSaved(saved);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  const uuidHint = 'A UUID from Segmentflow, like 019cc043-e39c-7d91-a325-6615db0e1b14.';
  return (
    <form
      className="stack-sm push-profile-form"
      aria-label={d.id === undefined ? 'New Segmentflow profile' : `Edit profile ${initial.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field
        label="Profile name"
        value={d.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <Field
        label="Template ID (required)"
        className="mono"
        value={d.templateId}
        hint={`Your Segmentflow template that uses {{subject}} and {{body}} (or {{body_html}}). ${uuidHint}`}
        error={errors.templateId}
        spellCheck={false}
        onChange={(e) => set('templateId', e.target.value)}
      />
      <Field
        label="Sender profile ID (optional)"
        className="mono"
        value={d.senderProfileId}
        hint="Leave empty to use the template's sender."
        error={errors.senderProfileId}
        spellCheck={false}
        onChange={(e) => set('senderProfileId', e.target.value)}
      />
      <div className="grid-2">
        <Field
          label="From (optional)"
          value={d.from}
          error={errors.from}
          placeholder="Ana <ana@yourdomain.com>"
          onChange={(e) => set('from', e.target.value)}
        />
        <Field
          label="Reply-to (optional)"
          value={d.replyTo}
          error={errors.replyTo}
          onChange={(e) => set('replyTo', e.target.value)}
        />
      </div>
      <Field
        label="Subscription group ID (optional)"
        className="mono"
        value={d.subscriptionGroupId}
        hint="Lets recipients unsubscribe from this group in Segmentflow."
        error={errors.subscriptionGroupId}
        spellCheck={false}
        onChange={(e) => set('subscriptionGroupId', e.target.value)}
      />
      <label className="row">
        <input
          type="checkbox"
          checked={d.trackClicks}
          onChange={(e) => set('trackClicks', e.target.checked)}
        />
        Track clicks
      </label>
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          Save profile
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

interface Props {
  value: string | null;
  onChange(name: string | null): void;
}

/**
 * Segmentflow destination profiles: the template, sender and addresses every email of a push uses,
 * saved once. Pick, create, edit or delete them here.
 */
export function SegmentflowProfiles({ value, onChange }: Props) {
  const [profiles, setProfiles] = useState<DestinationProfile[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();

  const load = useCallback(async () => {
    try {
      const list = await api.call('push.profiles', {});
      setProfiles(list);
      setLoadError(null);
      return list;
    } catch (e) {
      setLoadError(errorMessage(e));
      return null;
    }
  }, []);
  useEffect(() => {
    void load().then((list) => {
      if (list && list.length > 0 && value === null) onChange(list[0]!.name);
    });
    // Only on first show: picking the first profile must not override a later choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const current = profiles?.find((p) => p.name === value) ?? null;

  const remove = async (name: string) => {
    setBusy(true);
    try {
      await api.call('push.deleteProfile', { name });
      toast.success(`Profile "${name}" deleted.`);
      const list = await load();
      if (value === name) onChange(list?.[0]?.name ?? null);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  return (
    <div className="stack">
      <Banner tone="warn" title="Segmentflow sends real email, immediately">
        <p>
          Segmentflow is a sender, not a lead list: every item LeadPrep pushes is delivered at once through a
          template you made in Segmentflow (it does not accept raw email bodies). LeadPrep passes each
          step&apos;s subject and generated body in the template&apos;s <code>data</code>, so your template
          must use them.
        </p>
        <p>
          Variables in <code>data</code>:{' '}
          {SEGMENTFLOW_DATA_VARIABLES.map((v, i) => (
            <span key={v}>
              {i > 0 && ', '}
              <code>{v}</code>
            </span>
          ))}{' '}
          and each custom column of the import by its key (renamed <code>lead_&lt;key&gt;</code> if it
          clashes).
        </p>
      </Banner>
      {loadError && (
        <p className="field-error" role="alert">
          {loadError}
        </p>
      )}
      {profiles && profiles.length === 0 && !editing && (
        <p className="muted">
          No destination profile yet. Create one with your template ID to push to Segmentflow.
        </p>
      )}
      {profiles && profiles.length > 0 && (
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            Destination profile
          </label>
          <select
            id={selectId}
            className="select"
            value={value ?? ''}
            onChange={(e) => onChange(e.target.value || null)}
          >
            <option value="">Choose a profile…</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {current && !editing && (
        <dl className="facts">
          <dt>Template</dt>
          <dd className="mono">{current.settings.templateId}</dd>
          <dt>Sender profile</dt>
          <dd className="mono">{current.settings.senderProfileId ?? 'Template default'}</dd>
          <dt>From</dt>
          <dd>{current.settings.from ?? 'Template default'}</dd>
          <dt>Reply-to</dt>
          <dd>{current.settings.replyTo ?? '—'}</dd>
          <dt>Subscription group</dt>
          <dd className="mono">{current.settings.subscriptionGroupId ?? '—'}</dd>
        </dl>
      )}
      {editing ? (
        <ProfileForm
          key={editing.id ?? 'new'}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            void load();
            onChange(p.name);
          }}
        />
      ) : (
        <div className="row">
          <Button size="sm" onClick={() => setEditing(emptyDraft)}>
            New profile
          </Button>
          {current && (
            <>
              <Button size="sm" onClick={() => setEditing(toDraft(current))}>
                Edit profile
              </Button>
              <Button size="sm" variant="danger" onClick={() => setDeleting(current.name)}>
                Delete profile
              </Button>
            </>
          )}
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the profile "${deleting ?? ''}"?`}
        confirmLabel="Delete profile"
        danger
        busy={busy}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      >
        <p>Past pushes keep their results. New pushes to Segmentflow need another profile.</p>
      </ConfirmDialog>
    </div>
  );
}
