import { useCallback, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { FlagHit, StepField } from '../../../../src-shared/review/flags';
import { toast } from '../../store/toasts';
import { useOnLeave } from '../../ui/useOnLeave';
import { HighlightedText } from './HighlightedText';

const AUTOSAVE_MS = 600;

const newSession = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * A step's subject or body: shown as highlighted plain text, edited in a plain textarea. Typing
 * autosaves after a pause and on leaving the field; all saves of one visit to the field share a
 * session, so they make one history entry and one undo step.
 */
export function EditableText({
  label,
  value,
  hits,
  step,
  field,
  maxLength,
  editSignal,
  onSave,
}: {
  label: string;
  value: string;
  hits: readonly FlagHit[];
  step: number;
  field: StepField;
  maxLength: number;
  /** Changing this (to a non-zero value) opens the editor, e.g. the `e` shortcut. */
  editSignal?: number;
  onSave(text: string, session: string): Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  /** What was typed but not yet confirmed by the core: shown instead of `value` until it is. */
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const session = useRef(newSession());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** The text the core has (or is being sent); null after a failed save, so the next flush retries. */
  const lastSent = useRef<string | null>(value);
  const latestDraft = useRef(value);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const text = latestDraft.current;
    if (text === lastSent.current) return chain.current;
    lastSent.current = text;
    const sessionId = session.current;
    setStatus('saving');
    // Saves run one after another so an older text can never land after a newer one.
    chain.current = chain.current
      .then(() => saveRef.current(text, sessionId))
      .then(
        () => {
          if (latestDraft.current === text) setStatus('saved');
        },
        (e: unknown) => {
          setStatus('error');
          lastSent.current = null;
          toast.error(e);
        },
      );
    return chain.current;
  }, []);

  const shown = unsaved ?? value;
  const start = useCallback(() => {
    session.current = newSession();
    latestDraft.current = shown;
    lastSent.current = value;
    setDraft(shown);
    setEditing(true);
  }, [shown, value]);

  const finish = () => {
    setEditing(false);
    const text = latestDraft.current;
    if (text !== value) setUnsaved(text);
    // Kept on screen after a failed save, so a click brings the typed text back for another try.
    void flush().then(() => {
      if (lastSent.current === text) setUnsaved(null);
    });
  };

  // Only a signal that changes while this field is shown opens it (not the one it was mounted with).
  const seenSignal = useRef(editSignal);
  useEffect(() => {
    if (editSignal === seenSignal.current) return;
    seenSignal.current = editSignal;
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editSignal]);

  // Leaving the lead while a save is pending still saves it, and so does closing or reloading the window.
  useOnLeave(() => void flush());

  const Control = field === 'subject' ? 'input' : 'textarea';
  return (
    <div className={`editable editable-${field}`}>
      <div className="editable-head">
        <span className="editable-label">{label}</span>
        {status === 'saving' && <span className="muted">Saving…</span>}
        {status === 'saved' && <span className="muted">Saved</span>}
        {status === 'error' && <span className="field-error">Not saved</span>}
      </div>
      {editing ? (
        <Control
          className={field === 'subject' ? 'input editable-input' : 'textarea editable-input'}
          aria-label={label}
          value={draft}
          maxLength={maxLength}
          rows={field === 'body' ? Math.min(24, Math.max(6, draft.split('\n').length + 1)) : undefined}
          autoFocus
          spellCheck
          onChange={(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
            const text = e.currentTarget.value;
            latestDraft.current = text;
            setDraft(text);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
          }}
          onBlur={finish}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              (e.currentTarget as HTMLElement).blur();
            }
          }}
        />
      ) : (
        <div
          className={`step-text step-${field}`}
          role="button"
          tabIndex={0}
          title="Click or press Enter to edit"
          data-testid={`step-${step}-${field}`}
          onClick={start}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              start();
            }
          }}
        >
          <HighlightedText text={shown} hits={unsaved === null ? hits : []} step={step} field={field} />
          <span className="visually-hidden"> ({label}, press Enter to edit)</span>
        </div>
      )}
    </div>
  );
}
