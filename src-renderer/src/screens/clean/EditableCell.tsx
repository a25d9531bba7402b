import { useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { useOnLeave } from '../../ui/useOnLeave';

/** What makes a cell one of the grid's arrow-key stops (see LeadTable). */
export type GridNavAttributes = HTMLAttributes<HTMLElement> & {
  ref(el: HTMLElement | null): void;
  tabIndex: number;
  'data-nav-row': number;
  'data-nav-key': string;
};

interface Props {
  value: string | null;
  /** Names the value for screen readers and tests, e.g. "Email of row 12". */
  label: string;
  readOnly: boolean;
  onSave(value: string | null): Promise<void>;
  nav: GridNavAttributes;
  /** Editing ended from the keyboard (Enter or Escape): the grid puts focus back on this cell. */
  onKeyboardDone(): void;
  /** Shown under the value (a website's domain). */
  note?: string | null;
  /** What the file held, when the value shown is not that (`asReadIfChanged`): told on hover and to screen readers. */
  asRead?: string | null;
  children?: ReactNode;
}

/** What a draft saves: an empty one clears the field. */
const valueOf = (draft: string): string | null => (draft.trim() === '' ? null : draft);

/**
 * A table cell that turns into an input on double-click or Enter; Enter or leaving the cell saves (as
 * in a spreadsheet: a fix typed and then clicked away from is kept), Escape cancels. Read-only cells
 * are still reached with the arrow keys, to be read.
 */
export function EditableCell({
  value,
  label,
  readOnly,
  onSave,
  nav,
  onKeyboardDone,
  note,
  asRead,
  children,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Set once Enter or Escape has dealt with the edit: the blur that follows must not save it again.
  const ended = useRef(false);
  // A row scrolled out of the virtual list takes its cells with it, and a window closing or reloading
  // takes them all: an edit still open then is saved, as leaving the cell would save it, from what the
  // cell last showed.
  useOnLeave(() => {
    if (draft === null || ended.current || valueOf(draft) === value) return;
    ended.current = true;
    // `onSave` has said what went wrong; there is no cell left to keep the text in.
    onSave(valueOf(draft)).catch(() => undefined);
  });

  const begin = () => {
    if (readOnly) return;
    ended.current = false;
    setDraft(value ?? '');
  };
  /** Saves the draft; only an edit ended from the keyboard gives focus back to the cell. */
  const save = async (fromKeyboard: boolean) => {
    if (draft === null) return;
    ended.current = true;
    const next = valueOf(draft);
    if (next !== value) {
      setSaving(true);
      try {
        await onSave(next);
      } catch {
        // The draft stays open with what was typed; `onSave` has said what went wrong.
        ended.current = false;
        return;
      } finally {
        setSaving(false);
      }
    }
    if (fromKeyboard) onKeyboardDone();
    setDraft(null);
  };

  if (draft !== null) {
    const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        void save(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        ended.current = true;
        onKeyboardDone();
        setDraft(null);
      }
    };
    return (
      <div role="gridcell" className="vrows-cell lead-cell editing">
        <input
          className="input cell-input"
          aria-label={label}
          autoFocus
          // Read-only, not disabled, while saving: a disabled input loses focus at once, and focus
          // could not come back to the cell once the value is saved.
          readOnly={saving}
          aria-busy={saving || undefined}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKey}
          onBlur={() => {
            if (!saving && !ended.current) void save(false);
          }}
        />
      </div>
    );
  }
  return (
    <div
      role="gridcell"
      className={readOnly ? 'vrows-cell lead-cell' : 'vrows-cell lead-cell editable'}
      {...nav}
      aria-readonly={readOnly || undefined}
      title={asRead ? `${value ?? '(empty)'}\nIn the file: ${asRead}` : (value ?? undefined)}
      onDoubleClick={begin}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          begin();
        }
      }}
    >
      {/* Named by what it shows, after its column and row: a name of its own would hide the typo fix and the domain. */}
      <span className="visually-hidden">{label}: </span>
      <span className="cell-text">
        {value ?? (
          <>
            {/* An empty cell offering a fix (a name read from the address) gives the dash's room to it. */}
            {children ? null : (
              <span className="muted" aria-hidden="true">
                —
              </span>
            )}
            <span className="visually-hidden">empty</span>
          </>
        )}
      </span>
      {asRead && <span className="visually-hidden">, in the file: {asRead}</span>}
      {children}
      {note && <span className="muted cell-sub">{note}</span>}
    </div>
  );
}
