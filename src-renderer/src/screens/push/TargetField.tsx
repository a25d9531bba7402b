import { useCallback, useEffect, useId, useState } from 'react';
import type { TargetsResult } from '../../../../src-shared/contract/push';
import { api, errorMessage, useEvent } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { idError } from './form';

interface Props {
  destination: 'instantly' | 'sendkit';
  kind: 'campaign' | 'list';
  id: string;
  onChange(id: string, name: string | null): void;
}

/**
 * A campaign/list picker filled from the provider (when its API lists them), plus a validated ID field
 * and the IDs used recently — the field always works, even offline or without a picker.
 */
export function TargetField({ destination, kind, id, onChange }: Props) {
  const [targets, setTargets] = useState<TargetsResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const noun = kind === 'campaign' ? 'campaign' : 'list';

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTargets(await api.call('push.targets', { destination, kind }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [destination, kind]);

  useEffect(() => {
    setTargets(null);
    void load();
  }, [load]);
  // A key saved in Settings makes the picker work without leaving the screen.
  useEvent('keys.changed', () => void load());

  const nameOf = (value: string): string | null =>
    targets?.items.find((t) => t.id === value)?.name ??
    targets?.recent.find((r) => r.id === value)?.name ??
    null;
  const fieldError = idError(destination, id);
  const picked = targets?.items.some((t) => t.id === id) ? id : '';

  return (
    <div className="stack-sm">
      {targets?.picker && (
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            {destination === 'instantly' ? 'Instantly' : 'Sendkit'} {noun}
          </label>
          <div className="input-row">
            <select
              id={selectId}
              className="select"
              value={picked}
              onChange={(e) => onChange(e.target.value, nameOf(e.target.value))}
              disabled={targets.items.length === 0}
            >
              <option value="">
                {targets.items.length === 0 ? `No ${noun}s to pick` : `Pick a ${noun}…`}
              </option>
              {targets.items.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <Button size="sm" busy={loading} onClick={() => void load()}>
              Refresh {noun}s
            </Button>
          </div>
        </div>
      )}
      {targets?.message && <p className="muted push-note">{targets.message}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <Field
        label={`${destination === 'instantly' ? 'Instantly' : 'Sendkit'} ${noun} ID`}
        className="mono"
        value={id}
        placeholder={targets?.idFormat}
        hint={targets?.idFormat}
        error={fieldError}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value, nameOf(e.target.value.trim()))}
      />
      {targets && targets.recent.length > 0 && (
        <div className="row push-recent" role="group" aria-label={`Recent ${noun} IDs`}>
          <span className="muted">Recent:</span>
          {targets.recent.map((r) => (
            <Button
              key={r.id}
              size="sm"
              variant="ghost"
              aria-pressed={r.id === id}
              title={r.id}
              onClick={() => onChange(r.id, r.name)}
            >
              {r.name ? `${r.name} (${r.id.slice(0, 8)}…)` : r.id}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
