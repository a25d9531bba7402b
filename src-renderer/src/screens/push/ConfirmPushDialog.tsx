import { useEffect, useId, useRef, useState } from 'react';
import type { PushPreview } from '../../../../src-shared/contract/push';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { confirmsCount } from './form';

interface Props {
  open: boolean;
  preview: PushPreview;
  /** True when the repeats in the preview are being pushed again (not left out). */
  repeating: boolean;
  busy: boolean;
  onConfirm(input: { confirmSendCount?: number; acknowledgeRepeat: boolean }): void;
  onCancel(): void;
}

/**
 * The last step before anything leaves the laptop. For Segmentflow the user types the number of emails
 * that will be SENT; pushing items again needs its own tick. The confirm button stays disabled until
 * both are satisfied, and Cancel has focus first.
 */
export function ConfirmPushDialog({ open, preview, repeating, busy, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const [ack, setAck] = useState(false);
  const ids = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTyped('');
      setAck(false);
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const emails = preview.emailsToSend;
  const sends = emails !== null;
  const countOk = !sends || confirmsCount(typed, emails);
  const ackOk = !repeating || ack;
  const title = sends
    ? `Send ${plural(emails, 'email')} now?`
    : `Push ${plural(preview.itemCount, 'lead')} to ${preview.targetLabel}?`;

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <form
          className="dialog-body"
          onSubmit={(e) => {
            e.preventDefault();
            if (countOk && ackOk)
              onConfirm({ ...(sends ? { confirmSendCount: emails } : {}), acknowledgeRepeat: repeating });
          }}
        >
          <h2 id={`${ids}-title`}>{title}</h2>
          {sends ? (
            <>
              <p>
                Segmentflow will <strong>send {plural(emails, 'real email')}</strong> right away through{' '}
                {preview.targetLabel}, to {plural(preview.leadCount, 'lead')}. Sent email cannot be called
                back.
              </p>
              <div className="field">
                <label className="field-label" htmlFor={`${ids}-count`}>
                  Type {emails} to confirm
                </label>
                <input
                  id={`${ids}-count`}
                  className="input"
                  inputMode="numeric"
                  autoComplete="off"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
              </div>
            </>
          ) : (
            <p>
              {plural(preview.itemCount, 'lead')} go to {preview.targetLabel} in{' '}
              {plural(preview.requests, 'request')}. Results per lead appear as the requests finish.
            </p>
          )}
          {repeating && (
            <label className="row">
              <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
              Push the {plural(preview.repeatCount, 'item')} already pushed here again
            </label>
          )}
          <div className="dialog-actions">
            <Button ref={cancelRef} onClick={onCancel}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={sends ? 'danger-solid' : 'primary'}
              busy={busy}
              disabled={!countOk || !ackOk}
            >
              {sends ? `Send ${plural(emails, 'email')}` : 'Start push'}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
