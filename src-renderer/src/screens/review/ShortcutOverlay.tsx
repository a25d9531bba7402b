import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';

export const SHORTCUTS: ReadonlyArray<readonly [keys: string, what: string]> = [
  ['j  or  ↓', 'Next lead'],
  ['k  or  ↑', 'Previous lead'],
  ['a', 'Approve (and go to the next lead)'],
  ['r', 'Reject (and go to the next lead)'],
  ['u', 'Reset to pending'],
  ['e', "Edit step 1's body"],
  ['/', 'Search'],
  ['z  or  Ctrl/⌘+Z', 'Undo the last change'],
  ['x', 'Select or unselect the lead (for bulk actions and export)'],
  ['Esc', 'Leave the field / close this overlay'],
  ['?', 'Show or hide these shortcuts'],
];

/** The keyboard reference; letters work whenever the cursor is not in a text field. */
export function ShortcutOverlay({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="review-shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {open && (
        <div className="dialog-body">
          <h2 id="review-shortcuts-title">Keyboard shortcuts</h2>
          <p className="muted">They work whenever you are not typing in a field.</p>
          <table className="table shortcut-table">
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Button variant="primary" onClick={onClose} autoFocus>
              Close
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
