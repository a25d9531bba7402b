import { useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  value: string | null;
  /** Names the value for screen readers and tests, e.g. "Email of row 12". */
  label: string;
  readOnly: boolean;
  onSave(value: string | null): Promise<void>;
  children?: ReactNode;
}

/** A table cell that turns into an input on double-click or Enter; Enter saves, Escape (or leaving) cancels. */
export function EditableCell({ value, label, readOnly, onSave, children }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const begin = () => {
    if (!readOnly) setDraft(value ?? '');
  };
  const save = async () => {
    if (draft === null) return;
    const next = draft.trim() === '' ? null : draft;
    if (next === value) {
      setDraft(null);
      return;
    }
    setSaving(true);
    try {
      await onSave(next);
      setDraft(null);
    } finally {
      setSaving(false);
    }
  };

  if (draft !== null) {
    const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        void save();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setDraft(null);
      }
    };
    return (
      <div role="gridcell" className="vrows-cell lead-cell editing">
        <input
          className="input cell-input"
          aria-label={label}
          autoFocus
          disabled={saving}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKey}
          onBlur={() => {
            if (!saving) setDraft(null);
          }}
        />
      </div>
    );
  }
  return (
    <div
      role="gridcell"
      className={readOnly ? 'vrows-cell lead-cell' : 'vrows-cell lead-cell editable'}
      tabIndex={readOnly ? undefined : 0}
      aria-label={`${label}: ${value ?? 'empty'}`}
      aria-readonly={readOnly || undefined}
      title={value ?? undefined}
      onDoubleClick={begin}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          begin();
        }
      }}
    >
      <span className="cell-text">{value ?? <span className="muted">—</span>}</span>
      {children}
    </div>
  );
}
