import { useState, type FormEvent } from 'react';
import type { ConnectionTest, KeyStatus } from '../../../../src-shared/contract/settings';
import { PROVIDER_LABELS, TESTABLE_PROVIDERS, type Provider } from '../../../../src-shared/providers';
import { api, ApiError } from '../../api/client';
import { useKeys } from '../../store/keys';
import { toast } from '../../store/toasts';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { absoluteTime, relativeTime } from '../../ui/format';

const PURPOSE: Record<Provider, string> = {
  machfive: 'Writes the email sequences.',
  instantly: 'Receives approved leads for sending.',
  sendkit: 'Receives approved leads for sending.',
  segmentflow: 'Sends approved emails through your saved template.',
};

const TEST_TONE: Record<ConnectionTest['outcome'], 'ok' | 'danger' | 'warn' | 'info'> = {
  ok: 'ok',
  unauthorized: 'danger',
  offline: 'warn',
  unexpected: 'warn',
  not_set: 'info',
};

const MIN_KEY_LENGTH = 8;

function StatusBadges({ status }: { status: KeyStatus }) {
  if (!status.set) return <Badge>Not set</Badge>;
  return (
    <div className="row">
      <Badge tone="ok">Set</Badge>
      {status.lastCheck === 'unauthorized' ? (
        <Badge tone="danger">Key rejected</Badge>
      ) : status.lastVerifiedAt !== null ? (
        <Badge tone="info" title={absoluteTime(status.lastVerifiedAt)}>
          Last verified {relativeTime(status.lastVerifiedAt)}
        </Badge>
      ) : null}
    </div>
  );
}

/**
 * One provider's key: save or replace it (write-only — the key is never read back), clear it, and test
 * it where the provider has a safe read endpoint.
 */
export function ProviderKeyCard({
  status,
  keychainAvailable,
}: {
  status: KeyStatus;
  keychainAvailable: boolean;
}) {
  const { provider } = status;
  const label = PROVIDER_LABELS[provider];
  const testable = TESTABLE_PROVIDERS.includes(provider);
  const refreshKeys = useKeys((s) => s.refresh);
  const [draft, setDraft] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [clearing, setClearing] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const key = draft.trim();
    if (key.length < MIN_KEY_LENGTH) {
      setInputError(`That is too short for a ${label} API key. Paste the whole key.`);
      return;
    }
    setSaving(true);
    setInputError(null);
    try {
      await api.call('keys.set', { provider, key });
      // The key leaves the page as soon as it is stored.
      setDraft('');
      setTest(null);
      toast.success(`${label} key saved to the keychain.`);
      await refreshKeys();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_input') setInputError(err.message);
      else toast.error(err);
    } finally {
      setSaving(false);
    }
  };

  const runTest = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(await api.call('keys.test', { provider }));
    } catch (err) {
      toast.error(err);
    } finally {
      setTesting(false);
    }
  };

  const clear = async () => {
    setClearing(true);
    try {
      await api.call('keys.clear', { provider });
      setTest(null);
      toast.success(`${label} key removed from the keychain.`);
      await refreshKeys();
    } catch (err) {
      toast.error(err);
    } finally {
      setClearing(false);
      setConfirmClear(false);
    }
  };

  return (
    <Card
      title={label}
      subtitle={PURPOSE[provider]}
      aside={<StatusBadges status={status} />}
      label={`${label} key`}
    >
      <form onSubmit={(e) => void save(e)} className="stack-sm" autoComplete="off">
        <Field
          label={status.set ? `Replace ${label} API key` : `${label} API key`}
          type="password"
          name={`${provider}-api-key`}
          autoComplete="off"
          spellCheck={false}
          placeholder={status.set ? 'Paste a new key to replace the saved one' : 'Paste your API key'}
          value={draft}
          disabled={!keychainAvailable || saving}
          error={inputError}
          hint="Stored in your operating system's keychain. LeadPrep never shows it again."
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            if (inputError) setInputError(null);
          }}
          trailing={
            <Button
              type="submit"
              variant="primary"
              busy={saving}
              disabled={!keychainAvailable || draft.trim() === ''}
            >
              {status.set ? 'Replace key' : 'Save key'}
            </Button>
          }
        />
      </form>
      {(testable || status.set) && (
        <div className="row">
          {testable && (
            <Button
              onClick={() => void runTest()}
              busy={testing}
              disabled={!status.set || !keychainAvailable}
            >
              Test connection
            </Button>
          )}
          {status.set && (
            <Button variant="danger" onClick={() => setConfirmClear(true)} disabled={!keychainAvailable}>
              Clear key
            </Button>
          )}
        </div>
      )}
      {!testable && (
        <p className="field-hint">
          {label} has no read-only endpoint LeadPrep can call safely, so this key is checked on the first
          push.
        </p>
      )}
      {test && (
        <Banner
          tone={TEST_TONE[test.outcome]}
          title={test.outcome === 'ok' ? 'Connection works' : 'Connection test failed'}
        >
          <p>{test.message}</p>
        </Banner>
      )}
      <ConfirmDialog
        open={confirmClear}
        title={`Remove the ${label} key?`}
        confirmLabel="Remove key"
        danger
        busy={clearing}
        onConfirm={() => void clear()}
        onCancel={() => setConfirmClear(false)}
      >
        <p>The key is deleted from your keychain. LeadPrep cannot use {label} until you paste a key again.</p>
      </ConfirmDialog>
    </Card>
  );
}
