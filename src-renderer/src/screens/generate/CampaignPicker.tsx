import { useCallback, useEffect, useId, useState } from 'react';
import { api, ApiError, errorMessage } from '../../api/client';
import { useNav } from '../../store/nav';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { relativeTime } from '../../ui/format';

interface Campaign {
  id: string;
  name: string;
}

interface LoadProblem {
  title: string;
  detail: string;
  settings: boolean;
}

/** Turns a failed 'campaigns.list' into a headline, the host's own sentence, and whether Settings helps. */
function problemOf(e: unknown): LoadProblem {
  const detail = errorMessage(e);
  const code = e instanceof ApiError ? e.code : null;
  switch (code) {
    case 'key_missing':
      return {
        title: 'No MachFive key yet — save one in Settings to list your campaigns.',
        // The host's sentence says the same as the title; say what the key is for and the way around it.
        detail:
          'LeadPrep lists your campaigns, and MachFive writes the emails, with your API key. If you know the campaign ID, you can type it in and start the run now: it waits until the key is saved.',
        settings: true,
      };
    case 'provider_auth':
      return {
        title: 'MachFive rejected the API key — open Settings to replace it.',
        detail,
        settings: true,
      };
    case 'keychain_unavailable':
      return {
        title: 'The system keychain is not available, so the MachFive key cannot be read.',
        detail,
        settings: true,
      };
    case 'offline':
    case 'provider_timeout':
    case 'provider_unavailable':
      return {
        title: 'MachFive cannot be reached right now — check your connection and refresh.',
        detail,
        settings: false,
      };
    case 'provider_unexpected':
      return {
        title: 'MachFive listed its campaigns in a shape LeadPrep does not recognise.',
        detail: `${detail} Paste the campaign ID from MachFive instead.`,
        settings: false,
      };
    default:
      return { title: 'Could not load your MachFive campaigns.', detail, settings: false };
  }
}

export interface CampaignPickerProps {
  campaignId: string;
  error?: string;
  onChange(id: string, name: string): void;
}

/** MachFive campaigns from the API (refreshable), with a typed-in ID as the fallback. */
export function CampaignPicker({ campaignId, error, onChange }: CampaignPickerProps) {
  const selectId = useId();
  const errorId = `${selectId}-error`;
  const go = useNav((s) => s.go);
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<LoadProblem | null>(null);
  const [manual, setManual] = useState(false);

  const load = useCallback(async (refresh: boolean) => {
    setLoading(true);
    try {
      const res = await api.call('campaigns.list', { refresh });
      setCampaigns(res.campaigns);
      setFetchedAt(res.fetchedAt);
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(false);
  }, [load]);

  // A campaign typed by hand that is not in the list keeps the manual field open.
  const listed = campaigns?.some((c) => c.id === campaignId) ?? false;
  const showManual = manual || (campaignId !== '' && campaigns !== null && !listed);

  return (
    <div className="stack-sm">
      {problem && (
        <Banner tone="warn" title={problem.title}>
          <p>{problem.detail}</p>
          <div className="row">
            {problem.settings && (
              <Button size="sm" onClick={() => go('settings')}>
                Open Settings
              </Button>
            )}
            <Button size="sm" onClick={() => setManual(true)}>
              Enter a campaign ID
            </Button>
          </div>
        </Banner>
      )}
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          MachFive campaign
        </label>
        <div className="input-row">
          <select
            id={selectId}
            className="select"
            value={listed ? campaignId : ''}
            disabled={!campaigns || campaigns.length === 0}
            aria-invalid={error && !showManual ? true : undefined}
            aria-describedby={error && !showManual ? errorId : undefined}
            onChange={(e) => {
              const c = campaigns?.find((x) => x.id === e.target.value);
              onChange(c?.id ?? '', c?.name ?? '');
              setManual(false);
            }}
          >
            <option value="">
              {campaigns === null
                ? loading
                  ? 'Loading campaigns…'
                  : 'Campaigns not loaded'
                : campaigns.length === 0
                  ? 'No campaigns in MachFive'
                  : 'Choose a campaign'}
            </option>
            {campaigns?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name === c.id ? c.id : `${c.name} (${c.id})`}
              </option>
            ))}
          </select>
          <Button size="sm" busy={loading} onClick={() => void load(true)}>
            Refresh campaigns
          </Button>
        </div>
        {fetchedAt !== null && !problem && (
          <p className="field-hint">
            {campaigns?.length === 0
              ? 'MachFive has no campaigns yet: create one there, then refresh.'
              : `Listed ${relativeTime(fetchedAt)}.`}{' '}
            {!showManual && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setManual(true)}>
                Enter an ID by hand
              </button>
            )}
          </p>
        )}
        {error && !showManual && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {showManual && (
        <Field
          label="Campaign ID"
          hint="From the campaign's page in MachFive."
          value={campaignId}
          error={error}
          onChange={(e) => onChange(e.target.value, '')}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </div>
  );
}
