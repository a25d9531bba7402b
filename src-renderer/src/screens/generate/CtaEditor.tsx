import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../../ui/Button';
import { addCta, LIMITS } from './form';

/** The approved calls to action: type one, Enter or "Add" puts it in the list; each has its own Remove. */
export function CtaEditor({
  value,
  error,
  onChange,
}: {
  value: readonly string[];
  error?: string;
  onChange(next: string[]): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    onChange(addCta(value, draft));
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Approved calls to action
      </label>
      <div className="input-row">
        <input
          id={id}
          className="input"
          value={draft}
          maxLength={LIMITS.cta}
          placeholder="e.g. Worth a 15-minute call next week?"
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button size="sm" onClick={add} disabled={draft.trim() === '' || value.length >= LIMITS.ctaCount}>
          Add CTA
        </Button>
      </div>
      <p id={hintId} className="field-hint">
        MachFive picks from these; leave empty to let it choose. Up to {LIMITS.ctaCount}.
      </p>
      {value.length > 0 && (
        <ul className="cta-list" aria-label="Approved calls to action">
          {value.map((cta, i) => (
            <li key={cta} className="row-between">
              <span>{cta}</span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove call to action: ${cta}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
